/**
 * A `--module` for `kehoach worker` in the queue tests: a document containing KILL-THE-WORKER takes its
 * whole worker process down (SIGKILL, as the kernel's OOM killer would), every time; others parse.
 */
import { parse as realParse, type ParseOptions } from "@kehoach/parser";

export async function parse(input: Uint8Array | string, options: ParseOptions): Promise<unknown> {
  const text = typeof input === "string" ? input : new TextDecoder().decode(input);
  if (text.includes("KILL-THE-WORKER")) process.kill(process.pid, "SIGKILL");
  return realParse(input, options);
}
