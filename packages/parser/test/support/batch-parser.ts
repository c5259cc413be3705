/**
 * A stand-in for `parse` that batch.test.ts loads into parseMany's workers (option `module`): inputs
 * starting with a command misbehave on purpose (hang, crash, leak…); anything else goes to the real parser.
 */
import { parse as realParse, type ParseOptions } from "../../src/parse.ts";

export async function parse(input: Uint8Array | string, options: ParseOptions): Promise<unknown> {
  const text = typeof input === "string" ? input : new TextDecoder().decode(input.subarray(0, 64));
  const command = /^([A-Z-]+)(?::(\d+))?/.exec(text);
  switch (command?.[1]) {
    case "HANG-SYNC":
      for (;;); // a busy loop: only terminate() stops it
    case "HANG-ASYNC":
      return new Promise(() => {});
    case "THROW-UNCAUGHT":
      setTimeout(() => {
        throw new Error("boom from a timer");
      });
      return new Promise(() => {});
    case "REJECT-UNHANDLED":
      void Promise.reject(new Error("nobody handles this rejection"));
      return new Promise(() => {});
    case "EXIT":
      process.exit(3);
    case "OOM": {
      const hog: number[][] = [];
      for (;;) hog.push(new Array<number>(1 << 20).fill(1.5));
    }
    case "BUG":
      throw new TypeError("a bug, not an input error");
    case "LATE-THROW":
      setTimeout(() => {
        throw new Error("thrown after the result was sent");
      }, 20);
      return { late: true };
    case "DELAY":
      await new Promise((resolve) => setTimeout(resolve, Number(command[2] ?? 0)));
      return { delayed: Number(command[2] ?? 0), length: typeof input === "string" ? input.length : input.length };
    case "ECHO-LENGTH":
      return { length: typeof input === "string" ? input.length : input.byteLength };
    default:
      return realParse(input, options);
  }
}
