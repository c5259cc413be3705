/**
 * A `--module` for `kehoach worker` in the queue tests: the real `parse`, each call started only after
 * a pause — so a test can be sure a worker holds a job when it kills it. Outputs are the parser's own.
 */
import { parse as realParse, type ParseOptions } from "@kehoach/parser";

const PAUSE_MS = Number(process.env["KEHOACH_TEST_PAUSE_MS"] ?? 1500);

export async function parse(input: Uint8Array | string, options: ParseOptions): Promise<unknown> {
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  return realParse(input, options);
}
