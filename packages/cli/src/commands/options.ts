import { InvalidArgumentError, Option, type Command } from "commander";
import { DEFAULT_MAX_SIZE } from "@kehoach/parser";
import { batchEngine, type BatchEngine } from "../queue/engine.ts";
import { redisUrl } from "./worker.ts";
import type { BatchCommandOptions } from "../batch/index.ts";

/** Options every command that reads documents takes, so they read the same everywhere. */
export interface CommonOptions {
  lang: "vi" | "en";
  workers?: number;
  quiet?: boolean;
  maxSize: number;
  /** Parse on `kehoach worker` processes through this Redis instead of in this process. */
  redis?: string;
  queue?: string;
}

export function addCommonOptions(command: Command): Command {
  return command
    .addOption(new Option("--lang <lang>", "ngôn ngữ thông báo / language of messages").choices(["vi", "en"]).default("vi"))
    .addOption(
      new Option("--workers <n>", "số luồng đọc song song (mặc định: số lõi CPU) / parallel workers (default: CPU cores)").argParser(positiveInteger),
    )
    .option("-q, --quiet", "không in tiến độ và tổng kết / no progress and no summary on stderr")
    .addOption(
      new Option("--max-size <MB>", "giới hạn chữ của một văn bản, MB (tệp PDF, ảnh: gấp 20) / most text one document may hold, in MB (PDF and image files: 20×)")
        .argParser(megabytes)
        .default(DEFAULT_MAX_SIZE, String(DEFAULT_MAX_SIZE / 1e6)),
    )
    .addOption(new Option("--redis <url>", "đọc trên các máy chạy `kehoach worker` qua Redis này / parse on `kehoach worker` processes through this Redis").argParser(redisUrl))
    .addOption(new Option("--queue <name>", "hàng đợi Redis (với --redis) / Redis queue name (with --redis)").default("kehoach"));
}

/** The batch engine the options choose: the local worker pool, or BullMQ on Redis with --redis. */
export function engineFor(options: CommonOptions): { engine?: BatchEngine } {
  if (options.redis === undefined) return {};
  return { engine: batchEngine({ url: options.redis, ...(options.queue !== undefined ? { queue: options.queue } : {}), log: (line) => process.stderr.write(`kehoach: ${line}\n`) }) };
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("cần một số nguyên dương / expected a positive integer");
  return n;
}

export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("cần một số nguyên ≥ 0 / expected an integer ≥ 0");
  return n;
}

function megabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("cần số MB dương / expected a positive number of MB");
  return Math.round(n * 1e6);
}

/** Whether --debug was given anywhere on the command line (stacks of internal errors). */
export function debugging(command: Command): boolean {
  return command.optsWithGlobals<{ debug?: boolean }>().debug === true;
}

/** processBatch's options from the common ones: what every reading command passes the same way. */
export function batchOptions(inputs: string[], options: CommonOptions, debug: boolean, parse: BatchCommandOptions["parse"]): BatchCommandOptions {
  return {
    inputs,
    quiet: options.quiet === true,
    debug,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...engineFor(options),
    parse,
    maxSize: options.maxSize,
  };
}
