/**
 * The thread behind `parseMany`: loads the parser once, then parses one input per message and answers
 * with the Plan or a typed error. It never catches what it should not: an uncaught exception or an
 * unhandled rejection ends the thread, and the pool reports it as `worker-crashed` for the input in hand.
 */
import { parentPort, workerData } from "node:worker_threads";
import { isKehoachInputError } from "../errors.ts";
import { parse, type ParseOptions } from "../parse.ts";
import type { BatchError, ParseRequest, WorkerReply, WorkerSetup } from "./protocol.ts";

type ParseFunction = (input: Uint8Array | string, options: ParseOptions) => Promise<unknown> | unknown;

const port = parentPort;
if (port === null) throw new Error("batch/worker.ts runs only as a worker thread (see parseMany).");
const setup = workerData as WorkerSetup;

let run: ParseFunction = parse;
if (setup.module !== null) {
  const mod = (await import(setup.module)) as { parse?: unknown };
  if (typeof mod.parse !== "function") throw new Error(`${setup.module} has no parse() export.`);
  run = mod.parse as ParseFunction;
}

function send(reply: WorkerReply, transfer?: ArrayBuffer[]): void {
  (port as NonNullable<typeof port>).postMessage(reply, transfer);
}

function describe(error: unknown): BatchError {
  // Duck-typed too: a custom module may throw the KehoachInputError of another copy of the package.
  if (isKehoachInputError(error) || (error instanceof Error && error.name === "KehoachInputError" && typeof (error as { code?: unknown }).code === "string")) {
    return { code: (error as { code: BatchError["code"] }).code, message: error.message };
  }
  if (error instanceof Error) {
    return { code: "internal-error", message: `${error.name}: ${error.message}`, ...(error.stack !== undefined ? { stack: error.stack } : {}) };
  }
  return { code: "internal-error", message: `non-Error rejection: ${String(error)}` };
}

port.on("message", async (request: ParseRequest) => {
  const options: ParseOptions = { ...(setup.parseOptions as ParseOptions), ...(request.options as ParseOptions | undefined) };
  if (setup.progress) options.onProgress = (progress) => send({ type: "progress", seq: request.seq, progress });
  let plan: unknown;
  try {
    plan = await run(request.input, options);
  } catch (error) {
    send({ type: "error", seq: request.seq, error: describe(error) });
    return;
  }
  try {
    send({ type: "result", seq: request.seq, plan });
  } catch (error) {
    // A result that cannot be cloned (a function, a symbol…) is the parser's fault, not the input's.
    send({ type: "error", seq: request.seq, error: describe(error) });
  }
});

send({ type: "ready" });
