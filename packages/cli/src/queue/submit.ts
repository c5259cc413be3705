/**
 * The Redis engine's submitting side: the same contract as `parseMany` (inputs in, one result per input
 * out, progress and errors alike), with the parsing done by `kehoach worker` processes anywhere.
 *
 * The submitter is the batch's memory: it keeps each job it has in flight (with its bytes) until the
 * job's result is in its hands, so nothing depends on Redis keeping data — a job that vanishes (Redis
 * restarted without persistence, a job removed by an operator) is simply submitted again under the same
 * id. Results are read from the job itself, prompted by QueueEvents and checked by a periodic sweep,
 * so a missed event delays a result by at most one sweep. A completed job is removed once the consumer
 * has taken its result (written the output), with its page jobs when workers split it (pages.ts);
 * failed jobs stay in the failed set for the operator.
 */
import { Queue, QueueEvents } from "bullmq";
import type { BatchResult } from "@kehoach/parser/batch";
import type { Plan } from "@kehoach/model";
import { connect, CONNECT_TIMEOUT_MS, downtime, redactUrl, RedisUnavailableError, withinTime, type RedisTarget } from "./connection.ts";
import type { EngineInput, EngineOptions } from "./engine.ts";
import { decodeError, DEFAULT_QUEUE, JOB_OPTIONS, jobIdFor, PARSE_JOB, TRANSIENT, type ParseJobData } from "./jobs.ts";

export interface SubmitOptions extends RedisTarget {
  /** Jobs in flight at once (default 64): bounds Redis memory, and this process's. */
  maxPending?: number;
  /** Bytes of documents in flight at once (default 256 MB); one bigger document still goes alone. */
  maxPendingBytes?: number;
  /** How often every job in flight is checked, for events missed and jobs lost (default 1 s). */
  sweepMs?: number;
  /** Longest Redis may stay unreachable before the batch gives up (default 2 min). */
  redisDownMs?: number;
  /** Where notices go (a job resubmitted after Redis lost it). */
  log?: (line: string) => void;
}

/** What `pageJobId` adds to a document's job id. */
const PAGE_SUFFIX = /-p\d+$/;

/** A batch waiting this long with no worker connected says so (once), then keeps waiting for one. */
const NO_WORKER_NOTICE_MS = 10_000;

interface Waiter {
  seq: number;
  id: string;
}

interface InFlight {
  jobId: string;
  data: ParseJobData;
  size: number;
  /** Inputs with these very bytes (the same job): each gets the result. */
  waiters: Waiter[];
  settling: boolean;
}

export async function* parseManyOnRedis(
  inputs: Iterable<EngineInput> | AsyncIterable<EngineInput>,
  options: EngineOptions,
  target: SubmitOptions,
): AsyncGenerator<BatchResult<Plan>, void, undefined> {
  const name = target.queue ?? DEFAULT_QUEUE;
  const maxPending = Math.max(1, target.maxPending ?? 64);
  const maxBytes = target.maxPendingBytes ?? 256 * 1024 * 1024;
  const sweepMs = target.sweepMs ?? 1_000;
  const redisDownMs = target.redisDownMs ?? 120_000;
  const log = target.log ?? (() => {});
  const ordered = options.ordered === true;
  const signal = options.signal;
  signal?.throwIfAborted();
  const parse = jsonSafe(options.parse ?? {});

  const connection = connect(target.url, `kehoach-submit-${process.pid}`);
  const eventsConnection = connect(target.url, `kehoach-events-${process.pid}`);
  const queue = new Queue<ParseJobData, Plan>(name, { connection });
  const events = new QueueEvents(name, { connection: eventsConnection });
  const quiet = () => {};
  queue.on("error", quiet); // lost connections are retried; the watchdog below bounds the wait
  events.on("error", quiet);

  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  // Every Redis call of the loop races this: it rejects once Redis has been away too long.
  const isDown = [downtime(connection), downtime(eventsConnection)];
  let fatal: Error | null = null;
  let rejectWatchdog: (error: Error) => void = () => {};
  const watchdog = new Promise<never>((_, reject) => (rejectWatchdog = reject));
  watchdog.catch(() => {});
  let sweepDue = true;
  const ticker = setInterval(() => {
    const away = Math.max(...isDown.map((d) => d()));
    if (away > redisDownMs && fatal === null) {
      fatal = new RedisUnavailableError(`Không kết nối được Redis ${redactUrl(target.url)} trong ${Math.round(away / 1000)} giây. / Redis at ${redactUrl(target.url)} unreachable for ${Math.round(away / 1000)} s.`);
      rejectWatchdog(fatal);
    }
    sweepDue = true;
    notify();
  }, sweepMs);
  const guard = <R>(promise: Promise<R>): Promise<R> => Promise.race([promise, watchdog]);
  const onAbort = () => notify();
  signal?.addEventListener("abort", onAbort);

  const inFlight = new Map<string, InFlight>();
  let inFlightBytes = 0;
  const ready = new Map<number, { result: BatchResult<Plan>; jobId: string | null }>();
  /** Completed jobs' results not yet all taken by the consumer: removed from Redis when they are. */
  const untaken = new Map<string, number>();

  /**
   * Takes a finished job's result. `justAdded`: the add found a job failed by an earlier submission;
   * a failure that was the machine's (a crashed or hung worker) gets another round, an unreadable input not.
   */
  const settle = async (jobId: string, justAdded = false): Promise<void> => {
    const entry = inFlight.get(jobId);
    if (entry === undefined || entry.settling) return;
    entry.settling = true;
    try {
      const job = await queue.getJob(jobId);
      const state = job === undefined ? "unknown" : await job.getState();
      if (job === undefined || (state !== "completed" && state !== "failed")) return;
      if (justAdded && state === "failed" && TRANSIENT.has(decodeError(job.failedReason).code)) {
        // A long scan's parent failed with a page: its pages go too, and the document starts over.
        if (job.data.split !== undefined) {
          await job.remove();
          await submit(entry);
        } else await job.retry("failed");
        return;
      }
      const completed = state === "completed";
      // A completed job read while it was being removed (its twin's output written, below) has no Plan
      // any more: parse it again rather than hand on nothing.
      if (completed && (job.returnvalue === null || job.returnvalue === undefined)) {
        await job.remove().catch(() => {});
        await submit(entry);
        return;
      }
      const result = (w: Waiter): BatchResult<Plan> =>
        completed ? { id: w.id, plan: job.returnvalue as Plan } : { id: w.id, error: decodeError(job.failedReason) };
      inFlight.delete(jobId);
      inFlightBytes -= entry.size;
      if (completed) untaken.set(jobId, (untaken.get(jobId) ?? 0) + entry.waiters.length);
      for (const w of entry.waiters) ready.set(w.seq, { result: result(w), jobId: completed ? jobId : null });
      notify();
    } catch {
      // Redis away: the sweep tries again.
    } finally {
      entry.settling = false;
    }
  };
  events.on("completed", ({ jobId }) => void settle(jobId));
  events.on("failed", ({ jobId }) => void settle(jobId));
  events.on("progress", ({ jobId, data }) => {
    // A page job's progress is its document's (page jobs' ids are the document's id and the page).
    const entry = inFlight.get(jobId) ?? inFlight.get(jobId.replace(PAGE_SUFFIX, ""));
    if (entry && options.onProgress && data !== null && typeof data === "object") {
      for (const w of entry.waiters) options.onProgress(w.id, data as Parameters<NonNullable<EngineOptions["onProgress"]>>[1]);
    }
  });

  const submit = (entry: InFlight) => guard(queue.add(PARSE_JOB, entry.data, { jobId: entry.jobId, ...JOB_OPTIONS }));

  let workersCheckedAt = Date.now();
  let warnedNoWorker = false;
  /** Every job in flight, asked where it stands: finished ones settle, lost ones are submitted again. */
  const sweep = async (): Promise<void> => {
    if (!warnedNoWorker && inFlight.size > 0 && Date.now() - workersCheckedAt > NO_WORKER_NOTICE_MS) {
      workersCheckedAt = Date.now();
      if ((await guard(queue.getWorkers())).length === 0) {
        warnedNoWorker = true;
        log(`chưa có worker nào nhận việc; chạy / no worker is taking jobs; start one with: kehoach worker --redis ${redactUrl(target.url)} --queue ${name}`);
      }
    }
    for (const entry of [...inFlight.values()]) {
      if (entry.settling) continue;
      const state = await guard(queue.getJobState(entry.jobId));
      if (state === "completed" || state === "failed") await guard(settle(entry.jobId));
      else if (state === "unknown" && inFlight.has(entry.jobId)) {
        log(`việc bị mất trên Redis, gửi lại / job lost on Redis, resubmitted: ${entry.data.name}`);
        await submit(entry);
      }
    }
  };

  const source = Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : inputs[Symbol.iterator]();
  let exhausted = false;
  let nextSeq = 0;
  let nextOut = 0;
  let done = 0;
  try {
    await withinTime(guard(Promise.all([queue.waitUntilReady(), events.waitUntilReady()])), Math.min(redisDownMs, CONNECT_TIMEOUT_MS), target.url);
    for (;;) {
      signal?.throwIfAborted();
      if (fatal) throw fatal;
      // Submit while the window allows (one document always goes, however big).
      while (!exhausted && inFlight.size + ready.size < maxPending && (inFlight.size === 0 || inFlightBytes < maxBytes)) {
        const step = await source.next();
        if (step.done === true) {
          exhausted = true;
          break;
        }
        const input = step.value;
        const seq = nextSeq++;
        const bytes = typeof input.bytes === "string" ? new TextEncoder().encode(input.bytes) : input.bytes;
        const jobId = jobIdFor(bytes, parse);
        const known = inFlight.get(jobId);
        if (known) {
          known.waiters.push({ seq, id: input.id });
          continue;
        }
        const data: ParseJobData = { name: input.name ?? input.id, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"), parse };
        const entry: InFlight = { jobId, data, size: bytes.byteLength, waiters: [{ seq, id: input.id }], settling: false };
        inFlight.set(jobId, entry);
        inFlightBytes += entry.size;
        await submit(entry);
        void settle(jobId, true); // done already (an earlier run's job), or failed already
      }
      // Yield what is ready.
      let seq: number | undefined;
      if (ordered) seq = ready.has(nextOut) ? nextOut : undefined;
      else seq = ready.keys().next().value;
      if (seq !== undefined) {
        const { result, jobId } = ready.get(seq) as { result: BatchResult<Plan>; jobId: string | null };
        ready.delete(seq);
        if (ordered) nextOut++;
        done++;
        options.onResult?.(result, done);
        yield result;
        // The consumer has taken it (written its output): the job's result may go.
        if (jobId !== null) {
          const left = (untaken.get(jobId) ?? 1) - 1;
          if (left > 0) untaken.set(jobId, left);
          else {
            untaken.delete(jobId);
            // An input with the same bytes (the same job) submitted since waits for this job: keep it.
            if (!inFlight.has(jobId)) await guard(queue.remove(jobId)).catch((e: unknown) => { if (e === fatal) throw e; });
          }
        }
        continue;
      }
      if (exhausted && inFlight.size === 0 && ready.size === 0) return;
      if (sweepDue) {
        sweepDue = false;
        await sweep();
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    clearInterval(ticker);
    signal?.removeEventListener("abort", onAbort);
    if (!exhausted) await source.return?.();
    // Closing waits for Redis; when it is gone, do not wait for it.
    const closed = Promise.allSettled([events.close(), queue.close()]);
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    connection.disconnect();
    eventsConnection.disconnect();
  }
}

/** Parse options as they can travel in a job: functions and undefined dropped. */
function jsonSafe(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
