/**
 * `parseMany`: many documents through a pool of worker threads, each loading the parser once.
 *
 * Built for a command line converting a folder: results stream out as they are ready (hold none of
 * them longer than you need), inputs are read from the iterable only as workers free up, and at
 * most about two results per worker wait in memory for the consumer. One input can neither stop the
 * batch nor take the process down: an input that crashes its worker (uncaught exception, unhandled
 * rejection, out of memory) or hangs it past `timeoutMs` yields an error result and the worker is
 * replaced. When the iteration ends — finished, `break`, a thrown error, an aborted signal — every
 * worker is terminated; idle workers never keep the process alive.
 *
 * ```ts
 * for await (const r of parseMany(files, { workers: 4, timeoutMs: 60_000 })) {
 *   if ("plan" in r) write(r.id, r.plan); else console.error(r.id, r.error.code, r.error.message);
 * }
 * const all = await Array.fromAsync(parseMany(files, { ordered: true })); // small batches only
 * ```
 */
import { availableParallelism } from "node:os";
import { isMarkedAsUntransferable, Worker } from "node:worker_threads";
import type { Plan } from "@kehoach/model";
import type { OcrProgress } from "../input/ocr/index.ts";
import type { ParseOptions } from "../parse.ts";
import type { BatchError, ParseRequest, WorkerReply, WorkerSetup } from "./protocol.ts";

export type { BatchError } from "./protocol.ts";

export interface BatchInput {
  /** Your name for the input (a file path…); results carry it back. Need not be unique. */
  id: string;
  /**
   * The document. A `Uint8Array` that is the whole of its `ArrayBuffer` is transferred to the worker,
   * not copied — afterwards it is detached (length 0) on your side; a view into a larger buffer is copied
   * once. Pass `transfer: false` to keep it. A string is parsed as text, as `parse` does.
   */
  bytes: Uint8Array | string;
  /**
   * `parse` options for this input only, over `options.parse` (plain data, as those): one long-lived
   * pool serving inputs read with different options (a queue worker's jobs).
   */
  parse?: Omit<ParseOptions, "onProgress">;
}

export type BatchResult<T = Plan> = { id: string; plan: T } | { id: string; error: BatchError };

export interface ParseManyOptions<T = Plan> {
  /** Worker threads (default `os.availableParallelism()`). Never more are started than inputs arrive. */
  workers?: number;
  /** Options for every `parse` call. Functions cannot cross threads: use `onProgress` below for progress. */
  parse?: Omit<ParseOptions, "onProgress">;
  /**
   * Longest time one input may take before its worker is terminated and it yields `worker-timeout`
   * (default: `parse.timeoutMs` + 30 s when set, else 11 min — parse's own bound for OCR plus slack).
   * Set it lower for text-only batches.
   */
  timeoutMs?: number;
  /** Yield results in input order (default false: as soon as each is ready, which keeps workers busiest). */
  ordered?: boolean;
  /** Called with each result just before it is yielded, with a count of results so far: for progress. */
  onResult?: (result: BatchResult<T>, done: number) => void;
  /** OCR progress of an input (page by page), forwarded from its worker. */
  onProgress?: (id: string, progress: OcrProgress) => void;
  /**
   * A worker died while it had no input in hand: something an earlier input (`lastId`, whose result was
   * already yielded) left running failed later — a stray timer, a promise rejected after the fact.
   * Default: ignored (the worker is replaced).
   */
  onWorkerError?: (event: { lastId: string | null; error: BatchError }) => void;
  /** V8 old-generation limit per worker in MB: an input needing more yields `worker-crashed`, not a dead process. */
  maxMemoryMb?: number;
  /** Transfer input bytes to the workers (default true); false copies them and leaves yours intact. */
  transfer?: boolean;
  /** Stops the batch: iteration throws the signal's reason after every worker is terminated. */
  signal?: AbortSignal;
  /**
   * URL or path of a module whose `parse(input, options)` export the workers call instead of the
   * parser's own — to post-process in the worker (so only what you need crosses threads), or to test.
   * It must resolve or reject like `parse` does; what it resolves with is the result's `plan`.
   */
  module?: string | URL;
}

/** Time a worker gets to load the parser before its first input's clock starts. */
const STARTUP_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 11 * 60_000;

/** worker.ts beside this file, whichever of the sources (.ts) or the build (.js) is running. */
const WORKER_URL = new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js", import.meta.url);
const FROM_SOURCE = import.meta.url.endsWith(".ts");

/**
 * Parses every input in worker threads and yields one result per input: `{ id, plan }` or
 * `{ id, error: { code, message } }`. Never throws for an input's sake; throws only for a misuse (an
 * input without an id or bytes), when no worker can start at all, or when `signal` aborts.
 */
export async function* parseMany<T = Plan>(
  inputs: Iterable<BatchInput> | AsyncIterable<BatchInput>,
  options: ParseManyOptions<T> = {},
): AsyncGenerator<BatchResult<T>, void, undefined> {
  const size = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const ordered = options.ordered === true;
  // Results in flight plus results waiting for the consumer: what bounds memory.
  const window = ordered ? size * 4 : size * 2;
  const signal = options.signal;
  signal?.throwIfAborted();

  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const changed = () => new Promise<void>((resolve) => (wake = resolve));

  const pool = new Pool<T>(size, options, notify);
  const source = Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : inputs[Symbol.iterator]();
  const onAbort = () => notify();
  signal?.addEventListener("abort", onAbort);

  const waiting = new Map<number, BatchResult<T>>(); // ordered: by seq; unordered: insertion order
  let nextSeq = 0; // seq of the next input read
  let nextOut = 0; // ordered: seq of the next result to yield
  let inFlight = 0;
  let exhausted = false;
  let done = 0;
  let pendingRead: Promise<IteratorResult<BatchInput>> | null = null;
  try {
    for (;;) {
      signal?.throwIfAborted();
      if (pool.fatal) throw pool.fatal;
      // Read and dispatch while a worker is free and the window allows. A result ready to go out goes
      // first, and one arriving while the next input is still coming is not held back by it: the
      // source may be slow (stdin, a queue feeding a long-lived pool). The read stays pending meanwhile.
      const yieldable = () => (ordered ? waiting.has(nextOut) : waiting.size > 0);
      while (!exhausted && inFlight < size && !yieldable() && (ordered ? nextSeq - nextOut : inFlight + waiting.size) < window) {
        pendingRead ??= Promise.resolve(source.next());
        const step = await Promise.race([pendingRead, changed().then(() => null)]);
        signal?.throwIfAborted();
        if (step === null) {
          if (pool.fatal) throw pool.fatal;
          continue; // a result or an abort: look again
        }
        pendingRead = null;
        if (step.done === true) {
          exhausted = true;
          break;
        }
        const input = checkInput(step.value);
        const seq = nextSeq++;
        inFlight++;
        pool.run(seq, input, options.transfer !== false, (result) => {
          inFlight--;
          waiting.set(seq, result);
          notify();
        });
      }
      // Yield what is ready.
      let next: BatchResult<T> | undefined;
      if (ordered) {
        next = waiting.get(nextOut);
        if (next !== undefined) waiting.delete(nextOut++);
      } else {
        const first = waiting.entries().next();
        if (first.done !== true) {
          waiting.delete(first.value[0]);
          next = first.value[1];
        }
      }
      if (next !== undefined) {
        done++;
        options.onResult?.(next, done);
        yield next;
        continue;
      }
      if (exhausted && inFlight === 0) return;
      if (pool.fatal) throw pool.fatal;
      await changed();
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await pool.close();
    // A read still pending finishes first (an async generator queues return() behind it): do not wait for it.
    if (!exhausted && pendingRead !== null) void pendingRead.then(() => source.return?.(), () => {});
    else if (!exhausted) await source.return?.();
  }
}

function checkInput(value: unknown): BatchInput {
  const input = value as Partial<BatchInput> | null;
  if (input === null || typeof input !== "object" || typeof input.id !== "string") {
    throw new TypeError("parseMany: each input must be { id: string, bytes: Uint8Array | string }.");
  }
  if (!(input.bytes instanceof Uint8Array) && typeof input.bytes !== "string") {
    throw new TypeError(`parseMany: input ${JSON.stringify(input.id)} has no bytes (a Uint8Array or a string).`);
  }
  return input as BatchInput;
}

interface Task<T> {
  seq: number;
  id: string;
  finish: (result: BatchResult<T>) => void;
}

class Slot<T> {
  readonly worker: Worker;
  ready = false;
  task: Task<T> | null = null;
  timer: NodeJS.Timeout | null = null;
  lastId: string | null = null;
  /** The uncaught error the worker died of, from its 'error' event (which comes before 'exit'). */
  crash: unknown = null;
  /** Terminated by the pool (timeout, close): its exit is expected. */
  retired = false;

  constructor(worker: Worker) {
    this.worker = worker;
  }
}

class Pool<T> {
  readonly #size: number;
  readonly #options: ParseManyOptions<T>;
  readonly #notify: () => void;
  readonly #setup: WorkerSetup;
  readonly #timeoutMs: number;
  readonly #slots = new Set<Slot<T>>();
  readonly #idle: Slot<T>[] = [];
  readonly #exits: Promise<void>[] = [];
  #everReady = false;
  /** Set when workers cannot start at all: a setup problem, not an input's. */
  fatal: Error | null = null;

  constructor(size: number, options: ParseManyOptions<T>, notify: () => void) {
    this.#size = size;
    this.#options = options;
    this.#notify = notify;
    const parseOptions = plainOptions(options.parse ?? {});
    const module = options.module === undefined ? null : moduleUrl(options.module);
    this.#setup = { parseOptions, progress: options.onProgress !== undefined, module };
    const parseTimeout = options.parse?.timeoutMs;
    this.#timeoutMs = options.timeoutMs ?? (parseTimeout !== undefined ? parseTimeout + 30_000 : DEFAULT_TIMEOUT_MS);
  }

  run(seq: number, input: BatchInput, transfer: boolean, finish: (result: BatchResult<T>) => void): void {
    const slot = this.#idle.pop() ?? this.#spawn();
    slot.task = { seq, id: input.id, finish };
    slot.lastId = input.id;
    slot.worker.ref();
    const [payload, transferList] = prepare(input.bytes, transfer);
    const request: ParseRequest = { type: "parse", seq, input: payload, ...(input.parse !== undefined ? { options: plainOptions(input.parse) } : {}) };
    slot.worker.postMessage(request, transferList);
    this.#arm(slot, slot.ready ? this.#timeoutMs : this.#timeoutMs + STARTUP_MS);
  }

  async close(): Promise<void> {
    for (const slot of this.#slots) {
      slot.retired = true;
      this.#disarm(slot);
      void slot.worker.terminate();
    }
    this.#slots.clear();
    this.#idle.length = 0;
    await Promise.all(this.#exits);
  }

  #spawn(): Slot<T> {
    if (this.#slots.size >= this.#size) throw new Error("parseMany: no free worker (internal error)");
    const worker = new Worker(WORKER_URL, {
      workerData: this.#setup,
      ...workerExecArgv(),
      ...(this.#options.maxMemoryMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: this.#options.maxMemoryMb } } : {}),
    });
    const slot = new Slot<T>(worker);
    this.#slots.add(slot);
    worker.on("message", (reply: WorkerReply) => this.#onMessage(slot, reply));
    worker.on("error", (error) => {
      slot.crash = error;
    });
    this.#exits.push(new Promise((resolve) => worker.once("exit", (code) => {
      this.#onExit(slot, code);
      resolve();
    })));
    return slot;
  }

  #onMessage(slot: Slot<T>, reply: WorkerReply): void {
    if (reply.type === "ready") {
      slot.ready = true;
      this.#everReady = true;
      if (slot.task) this.#arm(slot, this.#timeoutMs);
      return;
    }
    const task = slot.task;
    if (task === null || reply.seq !== task.seq) return; // late answer for an input already given up on
    if (reply.type === "progress") {
      this.#options.onProgress?.(task.id, reply.progress);
      return;
    }
    this.#disarm(slot);
    slot.task = null;
    slot.worker.unref();
    this.#idle.push(slot);
    task.finish(reply.type === "result" ? { id: task.id, plan: reply.plan as T } : { id: task.id, error: reply.error });
  }

  #onExit(slot: Slot<T>, code: number): void {
    this.#disarm(slot);
    this.#slots.delete(slot);
    const idle = this.#idle.indexOf(slot);
    if (idle >= 0) this.#idle.splice(idle, 1);
    if (slot.retired) return;
    const error = crashError(slot.crash, code);
    const task = slot.task;
    slot.task = null;
    if (!slot.ready && !this.#everReady) {
      // The very first workers cannot even load the parser: no input is to blame.
      this.fatal = new Error(`parseMany: the worker could not start: ${error.message}`, { cause: slot.crash ?? undefined });
      this.#notify();
      return;
    }
    if (task) task.finish({ id: task.id, error });
    else this.#options.onWorkerError?.({ lastId: slot.lastId, error });
  }

  #arm(slot: Slot<T>, ms: number): void {
    this.#disarm(slot);
    slot.timer = setTimeout(() => this.#timeout(slot), ms);
  }

  #disarm(slot: Slot<T>): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
  }

  #timeout(slot: Slot<T>): void {
    const task = slot.task;
    slot.timer = null;
    if (task === null) return;
    slot.task = null;
    slot.retired = true;
    this.#slots.delete(slot);
    void slot.worker.terminate();
    const seconds = Math.round(this.#timeoutMs / 100) / 10;
    task.finish({
      id: task.id,
      error: {
        code: "worker-timeout",
        message: `Quá ${seconds} giây mà chưa đọc xong; đã dừng. / No result after ${seconds} s; the worker was stopped.`,
      },
    });
  }
}

function crashError(crash: unknown, exitCode: number): BatchError {
  if (crash instanceof Error) {
    const code = (crash as { code?: unknown }).code;
    const oom = code === "ERR_WORKER_OUT_OF_MEMORY";
    return {
      code: "worker-crashed",
      message: oom
        ? `Văn bản cần quá nhiều bộ nhớ. / The worker ran out of memory: ${crash.message}`
        : `Lỗi nội bộ làm dừng tiến trình đọc. / The worker crashed: ${crash.name}: ${crash.message}`,
      ...(crash.stack !== undefined ? { stack: crash.stack } : {}),
    };
  }
  const what = crash === null ? `exited with code ${exitCode}` : `threw ${String(crash)}`;
  return { code: "worker-crashed", message: `Tiến trình đọc bị dừng đột ngột. / The worker ${what}.` };
}

/** The payload for the worker and what to transfer: bytes move, never get copied twice. */
function prepare(bytes: Uint8Array | string, transfer: boolean): [Uint8Array | string, ArrayBuffer[]] {
  if (typeof bytes === "string") return [bytes, []];
  const buffer = bytes.buffer;
  if (!(buffer instanceof ArrayBuffer)) return [bytes, []]; // a SharedArrayBuffer is shared, not copied
  const whole = bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength && (buffer as { resizable?: boolean }).resizable !== true;
  if (transfer && whole && !isMarkedAsUntransferable(buffer)) return [bytes, [buffer]];
  // A view into a larger buffer (Node's Buffer pool, a slice): cloning it would copy the whole buffer.
  // (`new Uint8Array(view)` copies; a Buffer's `slice()` would not.)
  const copy = new Uint8Array(bytes);
  return [copy, [copy.buffer]];
}

function moduleUrl(module: string | URL): string {
  if (module instanceof URL) return module.href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(module) && !/^[a-z]:[\\/]/i.test(module)) return module;
  return new URL(module, `file://${process.cwd()}/`).href;
}

/**
 * The worker's `execArgv`: the parent's, minus what only makes sense for a main script (a worker
 * inheriting `--input-type`, as under `node -e`, fails to load any file), plus — when running from the
 * TypeScript sources — the `@kehoach/source` condition, so `@kehoach/model` resolves to its sources
 * and not to an unbuilt dist/; a parent run by a tool that resolves conditions itself (vitest, a
 * bundler) does not have it.
 */
function workerExecArgv(): { execArgv: string[] } {
  const args = process.execArgv;
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (MAIN_ONLY_WITH_VALUE.has(arg)) {
      i++; // and its value
      continue;
    }
    const name = arg.split("=", 1)[0] as string;
    if (MAIN_ONLY.has(name) || MAIN_ONLY_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    kept.push(arg);
  }
  if (FROM_SOURCE && !hasSourceCondition(kept)) kept.push("--conditions=@kehoach/source");
  return { execArgv: kept };
}

const MAIN_ONLY_WITH_VALUE = new Set(["-e", "--eval", "-p", "--print", "--input-type", "--watch-path"]);
const MAIN_ONLY = new Set(["--input-type", "--check", "-c", "--interactive", "-i", "--test", "--watch", "--watch-path", "--watch-preserve-output"]);
const MAIN_ONLY_PREFIXES = ["--test-", "--experimental-test-", "--inspect-brk", "--inspect-wait"];

function hasSourceCondition(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--conditions=@kehoach/source" || arg === "-C=@kehoach/source") return true;
    if ((arg === "--conditions" || arg === "-C") && args[i + 1] === "@kehoach/source") return true;
  }
  return false;
}

/** Options as they can cross to a thread: functions left out. */
function plainOptions(options: object): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) if (typeof value !== "function") plain[key] = value;
  return plain;
}
