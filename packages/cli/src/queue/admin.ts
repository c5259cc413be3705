/** The operator's view of a queue: `kehoach queue status|retry-failed|clean`. */
import { Queue } from "bullmq";
import { connect, CONNECT_TIMEOUT_MS, withinTime, type RedisTarget } from "./connection.ts";
import { decodeError, DEFAULT_QUEUE, JOB_OPTIONS, PAGE_JOB, PARSE_JOB, type PageJobData, type ParseJobData } from "./jobs.ts";
import type { BatchError } from "@kehoach/parser/batch";

export interface QueueStatus {
  queue: string;
  /** `waiting-children`: long scans waiting for their page jobs. */
  counts: Record<"waiting" | "active" | "delayed" | "completed" | "failed" | "prioritized" | "waiting-children", number>;
  /** Worker processes connected now (by their Redis client names). */
  workers: number;
  /** The failed jobs (up to `limit`), newest first: which input, and why. */
  failed: { jobId: string; name: string; attempts: number; error: BatchError }[];
}

async function withQueue<R>(target: RedisTarget, run: (queue: Queue<ParseJobData>) => Promise<R>): Promise<R> {
  const connection = connect(target.url, `kehoach-admin-${process.pid}`);
  // An operator command should fail fast, not wait for a Redis that is not there.
  connection.on("error", () => {});
  const queue = new Queue<ParseJobData>(target.queue ?? DEFAULT_QUEUE, { connection });
  queue.on("error", () => {});
  try {
    await withinTime(queue.waitUntilReady(), CONNECT_TIMEOUT_MS, target.url);
    return await run(queue);
  } finally {
    await Promise.race([queue.close(), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    connection.disconnect();
  }
}

export function queueStatus(target: RedisTarget, limit = 20): Promise<QueueStatus> {
  return withQueue(target, async (queue) => {
    const counts = (await queue.getJobCounts("waiting", "active", "delayed", "completed", "failed", "prioritized", "waiting-children")) as QueueStatus["counts"];
    const workers = (await queue.getWorkers()).length;
    const failed = (await queue.getFailed(0, limit - 1)).map((job) => ({
      jobId: String(job.id),
      // A page job names its page: "scan.pdf (trang / page 3)".
      name: job.name === PAGE_JOB ? `${job.data.name} (trang / page ${(job.data as unknown as PageJobData).page})` : job.data.name,
      attempts: job.attemptsMade,
      error: decodeError(job.failedReason),
    }));
    return { queue: queue.name, counts, workers, failed };
  });
}

/**
 * Moves every failed document back to the wait list (after a fix, or for failures that were the
 * machine's). Page jobs are not retried on their own: their document is.
 */
export function retryFailed(target: RedisTarget): Promise<number> {
  return withQueue(target, async (queue) => {
    const failed = (await queue.getFailed()).filter((job) => job.name !== PAGE_JOB);
    await Promise.all(
      failed.map(async (job) => {
        if (job.data.split === undefined) return job.retry("failed");
        // A long scan starts over, as a document: removing it removes its page jobs (failed ones too).
        const { split: _split, ...data } = job.data;
        await job.remove();
        await queue.add(PARSE_JOB, data, { jobId: job.id as string, ...JOB_OPTIONS });
      }),
    );
    return failed.length;
  });
}

/**
 * Removes finished jobs (completed and failed) older than `graceMs`, or — with `all` — every job of the
 * queue, waiting and active ones too (a batch abandoned for good).
 */
export function cleanQueue(target: RedisTarget, options: { graceMs?: number; all?: boolean } = {}): Promise<number> {
  return withQueue(target, async (queue) => {
    if (options.all === true) {
      const total = Object.values(await queue.getJobCounts()).reduce((a, b) => a + b, 0);
      await queue.obliterate({ force: true });
      return total;
    }
    const grace = options.graceMs ?? 0;
    let removed = 0;
    for (const type of ["completed", "failed"] as const) {
      for (;;) {
        const batch = await queue.clean(grace, 1000, type);
        removed += batch.length;
        if (batch.length < 1000) break;
      }
    }
    return removed;
  });
}
