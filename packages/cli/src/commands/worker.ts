/** `kehoach worker --redis URL`: parse jobs from a BullMQ queue on Redis until SIGTERM. */
import { Command, InvalidArgumentError, Option } from "commander";
import { positiveInteger } from "./options.ts";
import { checkRedisUrl } from "../queue/connection.ts";
import { DEFAULT_QUEUE } from "../queue/jobs.ts";

interface WorkerCommandOptions {
  redis: string;
  queue: string;
  concurrency?: number;
  grace: number;
  quiet?: boolean;
  lockDuration?: number;
  stalledInterval?: number;
  maxStalled?: number;
  timeout?: number;
  module?: string;
}

export function workerCommand(): Command {
  return new Command("worker")
    .description("Nhận việc đọc văn bản từ hàng đợi Redis / Parse documents from a Redis queue (BullMQ) until stopped")
    .requiredOption("--redis <url>", "địa chỉ Redis / Redis URL, e.g. redis://10.0.0.5:6379", redisUrl)
    .option("--queue <name>", "tên hàng đợi / queue name", DEFAULT_QUEUE)
    .addOption(new Option("--concurrency <n>", "số văn bản đọc cùng lúc (mặc định: số lõi) / documents at once (default: CPU cores)").argParser(positiveInteger))
    .addOption(new Option("--grace <seconds>", "khi nhận SIGTERM: chờ việc đang làm bấy nhiêu giây rồi trả lại / on SIGTERM, finish held jobs within this, then hand them back").argParser(positiveInteger).default(60))
    .option("--quiet", "không in từng việc / no line per job")
    // For tests and tuning: how fast a dead worker's job is recovered, and what parses.
    .addOption(new Option("--lock-duration <ms>").argParser(positiveInteger).hideHelp())
    .addOption(new Option("--stalled-interval <ms>").argParser(positiveInteger).hideHelp())
    .addOption(new Option("--max-stalled <n>").argParser(positiveInteger).hideHelp())
    .addOption(new Option("--timeout <ms>").argParser(positiveInteger).hideHelp())
    .addOption(new Option("--module <path>").hideHelp())
    .addHelpText(
      "after",
      `
Ví dụ / Examples:
  kehoach worker --redis redis://10.0.0.5:6379                 # on every machine that should help
  kehoach worker --redis redis://10.0.0.5:6379 --concurrency 2
  kehoach parse ./plans --out ./json --redis redis://10.0.0.5:6379   # then submit from any one machine

SIGTERM or Ctrl-C: no new jobs; jobs in hand finish (up to --grace seconds) or go back to the queue.
A second signal hands them back at once.`,
    )
    .action(async (options: WorkerCommandOptions) => {
      const { startWorker } = await import("../queue/worker.ts");
      const log = options.quiet === true ? () => {} : (line: string) => process.stderr.write(`kehoach worker ${process.pid}: ${line}\n`);
      const worker = await startWorker({
        url: options.redis,
        queue: options.queue,
        log,
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
        ...(options.lockDuration !== undefined ? { lockDurationMs: options.lockDuration } : {}),
        ...(options.stalledInterval !== undefined ? { stalledIntervalMs: options.stalledInterval } : {}),
        ...(options.maxStalled !== undefined ? { maxStalledCount: options.maxStalled } : {}),
        ...(options.timeout !== undefined ? { timeoutMs: options.timeout } : {}),
        ...(options.module !== undefined ? { module: options.module } : {}),
      });
      await new Promise<void>((resolve) => {
        let stopping: Promise<void> | null = null;
        const onSignal = (signal: string) => {
          if (stopping === null) {
            log(`${signal}: dừng nhận việc / taking no new jobs`);
            stopping = worker.stop({ graceMs: options.grace * 1000 }).then(resolve, resolve);
          } else {
            log(`${signal}: trả lại việc đang làm / handing back held jobs`);
            void worker.stop({ handBack: true });
          }
        };
        process.on("SIGTERM", onSignal);
        process.on("SIGINT", onSignal);
      });
      log("đã dừng / stopped");
      process.exit(0);
    });
}

/** commander's parser for --redis: a clear usage error for what is not a Redis URL. */
export function redisUrl(value: string): string {
  try {
    return checkRedisUrl(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

