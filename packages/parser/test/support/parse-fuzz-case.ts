/**
 * Parses case FORMAT:I of `pnpm fuzz` (seed 1) in this process and prints the outcome (the error code
 * or "plan"), then "alive" once pdf.js's stray promises had time to settle. Used by
 * late-rejections.test.ts.
 */
import { parse, isKehoachInputError } from "../../src/index.ts";
import { corpusFor, makeCase, type Format } from "./mutate.ts";

const [format, index] = (process.argv[2] ?? "").split(":") as [Format, string];
const { bytes } = makeCase(format, corpusFor(format), 1, Number(index));
try {
  await parse(bytes);
  console.log("plan");
} catch (error) {
  console.log(isKehoachInputError(error) ? error.code : `not typed: ${String(error)}`);
}
await new Promise((resolve) => setTimeout(resolve, 1_500));
console.log("alive");
