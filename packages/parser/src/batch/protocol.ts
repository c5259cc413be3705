/**
 * Messages between `parseMany` (main thread) and its workers (worker.ts). Only plain, cloneable data
 * crosses: the input's bytes are transferred, the Plan comes back by structured clone.
 */
import type { InputErrorCode } from "../errors.ts";
import type { OcrProgress } from "../input/ocr/index.ts";

/** `workerData` of every worker. */
export interface WorkerSetup {
  /** `parse` options without functions (they cannot cross threads). */
  parseOptions: Record<string, unknown>;
  /** Forward OCR progress to the main thread. */
  progress: boolean;
  /** URL of a module whose `parse(input, options)` export replaces the parser's own. */
  module: string | null;
}

export interface ParseRequest {
  type: "parse";
  seq: number;
  input: Uint8Array | string;
  /** This input's own options, over `WorkerSetup.parseOptions`. */
  options?: Record<string, unknown>;
}

/** Why one input gave no Plan. */
export interface BatchError {
  /**
   * - a `KehoachInputError` code (`corrupt-file`, `unsupported-format`, `timeout` …): the input is not
   *   a readable document — `parse` itself said so;
   * - `internal-error`: `parse` rejected with something else (a bug: it should only ever reject with
   *   a `KehoachInputError`);
   * - `worker-crashed`: the worker died on this input (uncaught exception, unhandled rejection,
   *   out of memory, `process.exit`); it was replaced;
   * - `worker-timeout`: no answer within `timeoutMs`; the worker was terminated and replaced.
   */
  code: InputErrorCode | "internal-error" | "worker-crashed" | "worker-timeout";
  message: string;
  /** Stack of the error, for `internal-error` and `worker-crashed`. */
  stack?: string;
}

export type WorkerReply =
  | { type: "ready" }
  | { type: "result"; seq: number; plan: unknown }
  | { type: "error"; seq: number; error: BatchError }
  | { type: "progress"; seq: number; progress: OcrProgress };
