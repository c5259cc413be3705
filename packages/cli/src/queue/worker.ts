/**
 * `kehoach worker`: takes parse jobs from a BullMQ queue and answers each with its Plan.
 *
 * The parsing itself is `parseMany`'s pool of worker threads, the same code a local batch runs — so the
 * two engines give the same Plans and the same errors, a document that crashes or hangs its thread
 * costs only that thread, and the event loop stays free to renew the jobs' locks while OCR runs.
 *
 * Failures: a typed input error (`corrupt-file`, `unsupported-format` …) and a parser bug
 * (`internal-error`) are final — an `UnrecoverableError`, so BullMQ does not retry what would fail the
 * same way. A crashed or hung parse thread is retried with backoff (jobs.ts); a whole process dying
 * with a job leaves it to BullMQ's stalled-job check, which gives it to another worker up to
 * `maxStalledCount` times and then fails it.
 *
 * A scan of several pages is not parsed whole: its job becomes the parent of one job per page, which
 * any worker may take (pages.ts).
 */
import { availableParallelism } from "node:os";
import { UnrecoverableError, WaitingError, Worker, type Job } from "bullmq";
import { closeOcrEngines, type ParseOptions } from "@kehoach/parser";
import { parseMany, type BatchInput, type BatchResult } from "@kehoach/parser/batch";
import type { PageResult } from "@kehoach/parser/pages";
import type { Plan } from "@kehoach/model";
import { connect, type RedisTarget } from "./connection.ts";
import { decodeError, DEFAULT_QUEUE, encodeError, PAGE_JOB, TRANSIENT, type PageJobData, type ParseJobData } from "./jobs.ts";
import { PageFlows } from "./pages.ts";

export interface WorkerOptions extends RedisTarget {
  /** Documents parsed at once, each in its own thread (default: one per core). */
  concurrency?: number;
  /** A job's lock; a worker silent this long is presumed dead and its job handed to another (default 30 s). */
  lockDurationMs?: number;
  /** How often this worker looks for jobs whose lock expired (default 30 s). */
  stalledIntervalMs?: number;
  /** Times a job may be recovered from a dead worker before it fails (default 2). */
  maxStalledCount?: number;
  /** Longest one document may take (as parseMany's `timeoutMs`; default parseMany's). */
  timeoutMs?: number;
  /** A module replacing the parser's `parse` in the threads (parseMany's `module`): for tests. */
  module?: string;
  /** Where progress lines go (default: nowhere). */
  log?: (line: string) => void;
}

export interface RunningWorker {
  /**
   * Stops taking jobs. Without `handBack`, waits for the jobs in hand to finish; with it, or when
   * `graceMs` runs out first, gives them back to the queue at once (another worker takes them, no
   * attempt counted) and stops their parsing.
   */
  stop(options?: { handBack?: boolean; graceMs?: number }): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? (() => {});
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const queue = options.queue ?? DEFAULT_QUEUE;
  const pool = new ParsePool(concurrency, options);
  const held = new Map<string, Held>();
  let handingBack = false;

  const flows = new PageFlows(options.url, queue);

  type AnyJob = Job<ParseJobData | PageJobData, Plan | PageResult>;
  const processor = async (job: AnyJob, token?: string): Promise<Plan | PageResult> => {
    if (handingBack) throw await handBack(job, token);
    if (job.name === PAGE_JOB) {
      const page = job as Job<PageJobData, PageResult>;
      const name = `${page.data.name} (trang / page ${page.data.page})`;
      const started = Date.now();
      try {
        const result = await hold(job, token, name, () => flows.page(page));
        log(`xong / done ${name} (${Date.now() - started} ms)`);
        return result;
      } catch (error) {
        if (!(error instanceof WaitingError)) log(`lỗi / failed ${name}: ${decodeError(error instanceof Error ? error.message : String(error)).code}`);
        throw error;
      }
    }
    const doc = job as Job<ParseJobData, Plan>;
    const bytes = Buffer.from(doc.data.bytes, "base64");
    // BullMQ always passes its lock token to the processor; the flow needs it to wait for the pages.
    const split = token === undefined ? null : (doc.data.split ?? (await flows.split(bytes, doc.data.parse as Omit<ParseOptions, "onProgress">)));
    if (split !== null && token !== undefined) {
      if (doc.data.split === undefined) log(`chia trang / split ${doc.data.name} into ${split.pages.length} page jobs`);
      try {
        const plan = await flows.parent(doc, token, bytes, split);
        log(`xong / done ${doc.data.name} (${split.pages.length} trang / pages)`);
        return plan;
      } catch (error) {
        if (error instanceof UnrecoverableError) log(`lỗi / failed ${doc.data.name}: ${decodeError(error.message).code}`);
        throw error;
      }
    }
    const id = `${job.id}#${job.attemptsStarted}#${token ?? ""}`;
    const started = Date.now();
    const result = await hold(job, token, doc.data.name, () => pool.parse(id, bytes, doc.data.parse as Omit<ParseOptions, "onProgress">, (progress) => void job.updateProgress(progress as object).catch(() => {})));
    if ("plan" in result) {
      log(`xong / done ${doc.data.name} (${Date.now() - started} ms)`);
      return result.plan;
    }
    log(`lỗi / failed ${doc.data.name}: ${result.error.code}`);
    const reason = encodeError(result.error);
    throw TRANSIENT.has(result.error.code) ? new Error(reason) : new UnrecoverableError(reason);
  };

  /** Runs a job's work, logged, as a job in hand: `stop` may hand it back before it ends. */
  async function hold<R>(job: AnyJob, token: string | undefined, name: string, work: () => Promise<R>): Promise<R> {
    const id = `${job.id}#${job.attemptsStarted}#${token ?? ""}`;
    log(`bắt đầu / started ${name}`);
    let release: (reason: unknown) => void = () => {};
    const released = new Promise<never>((_, reject) => (release = reject));
    held.set(id, { job, token, release });
    try {
      return await Promise.race([work(), released]);
    } finally {
      held.delete(id);
    }
  }

  /** Puts a job back in the wait list without counting an attempt, and gives the processor the error that says so. */
  async function handBack(job: AnyJob, token: string | undefined): Promise<WaitingError> {
    await job.moveToWait(token);
    log(`trả lại / handed back ${job.data.name}`);
    return new WaitingError();
  }

  const worker = new Worker<ParseJobData | PageJobData, Plan | PageResult>(queue, processor, {
    connection: connect(options.url, `kehoach-worker-${process.pid}`),
    concurrency,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 2,
    autorun: false,
  });
  // An 'error' event nobody listens to would end the process; a lost connection is retried by ioredis.
  worker.on("error", (error) => log(`lỗi Redis / Redis error: ${error.message}`));
  worker.on("stalled", (jobId) => log(`đã lấy lại việc của tiến trình chết / recovered stalled job ${jobId}`));
  // A worker may start before Redis does: it waits (saying so), and takes jobs once Redis is there.
  const unreachable = setTimeout(() => log(`chưa kết nối được Redis, đang thử lại / Redis not reachable yet, retrying: ${options.url}`), 5_000);
  // The threads load the parser now, not while the first jobs' clocks run (about 0.6 s each).
  if (options.module === undefined) await pool.warm(concurrency);
  void worker.run().catch((error: unknown) => log(`dừng / stopped: ${error instanceof Error ? error.message : String(error)}`));
  await worker.waitUntilReady();
  clearTimeout(unreachable);
  log(`đang chờ việc / waiting for jobs on queue "${queue}" (${concurrency} luồng / threads)`);

  return {
    async stop({ handBack: now = false, graceMs = Infinity } = {}) {
      const closing = worker.close();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        if (now) resolve();
        else if (Number.isFinite(graceMs)) timer = setTimeout(resolve, graceMs);
      });
      const finished = await Promise.race([closing.then(() => true), grace.then(() => false)]);
      clearTimeout(timer);
      if (!finished) {
        handingBack = true;
        await Promise.all([...held.values()].map(async (h) => h.release(await handBack(h.job, h.token).catch((e: unknown) => e))));
        await closing;
      }
      await pool.close();
      await flows.close();
      await closeOcrEngines();
    },
  };
}

interface Held {
  job: Job<ParseJobData | PageJobData, Plan | PageResult>;
  token: string | undefined;
  release: (reason: unknown) => void;
}

/**
 * One long-lived `parseMany` fed job by job: its inputs (each with its job's parse options) come from
 * the jobs in hand, its results go back by id.
 */
class ParsePool {
  readonly #feed = new Feed<BatchInput>();
  readonly #answers = new Map<string, (result: BatchResult<Plan>) => void>();
  readonly #progress = new Map<string, (progress: unknown) => void>();
  readonly #abort = new AbortController();
  readonly #running: Promise<void>;
  #fatal: unknown = null;

  constructor(workers: number, options: WorkerOptions) {
    const results = parseMany<Plan>(this.#feed, {
      workers,
      signal: this.#abort.signal,
      onProgress: (id, progress) => this.#progress.get(id)?.(progress),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.module !== undefined ? { module: options.module } : {}),
    });
    this.#running = (async () => {
      try {
        for await (const result of results) this.#answer(result.id, result);
      } catch (error) {
        // The threads cannot start at all (or the pool was stopped): no job can be done here.
        this.#fatal = error;
        for (const id of [...this.#answers.keys()]) {
          this.#answer(id, { id, error: { code: "worker-crashed", message: `Không khởi động được luồng đọc. / The parse threads stopped: ${String(error)}` } });
        }
      }
    })();
  }

  parse(id: string, bytes: Uint8Array, parse: Omit<ParseOptions, "onProgress">, onProgress: (progress: unknown) => void): Promise<BatchResult<Plan>> {
    if (this.#fatal !== null) return Promise.resolve({ id, error: { code: "worker-crashed", message: String(this.#fatal) } });
    return new Promise((resolve) => {
      this.#answers.set(id, resolve);
      this.#progress.set(id, onProgress);
      this.#feed.push({ id, bytes, parse });
    });
  }

  /** Starts `threads` threads, each parsing a line of text (loading the parser), and waits for them. */
  async warm(threads: number): Promise<void> {
    const line = new TextEncoder().encode("KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n");
    await Promise.all(Array.from({ length: threads }, (_, i) => this.parse(`warm-up-${i}`, line.slice(), {}, () => {})));
  }

  #answer(id: string, result: BatchResult<Plan>): void {
    const resolve = this.#answers.get(id);
    this.#answers.delete(id);
    this.#progress.delete(id);
    resolve?.(result);
  }

  async close(): Promise<void> {
    this.#feed.end();
    if (this.#answers.size > 0) this.#abort.abort(); // only inputs already handed back are left
    await this.#running;
  }
}

/** An async iterable that yields what is pushed into it, until ended. */
class Feed<T> implements AsyncIterable<T> {
  readonly #items: T[] = [];
  #ended = false;
  #wake: (() => void) | null = null;

  push(item: T): void {
    this.#items.push(item);
    this.#notify();
  }

  end(): void {
    this.#ended = true;
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const item = this.#items.shift();
      if (item !== undefined) yield item;
      else if (this.#ended) return;
      else await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}
