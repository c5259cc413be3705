/** `kehoach queue status|retry-failed|clean --redis URL`: the operator's commands for a queue on Redis. */
import { Command, Option } from "commander";
import { DEFAULT_QUEUE } from "../queue/jobs.ts";
import { redisUrl } from "./worker.ts";

interface QueueCommandOptions {
  redis: string;
  queue: string;
}

export function queueCommand(): Command {
  const queue = new Command("queue")
    .description("Xem và dọn hàng đợi Redis / Inspect and tidy the Redis queue")
    .addHelpText("after", "\nVí dụ / Examples:\n  kehoach queue status --redis redis://10.0.0.5:6379\n  kehoach queue retry-failed --redis redis://10.0.0.5:6379\n  kehoach queue clean --redis redis://10.0.0.5:6379");
  const common = (command: Command) =>
    command.requiredOption("--redis <url>", "địa chỉ Redis / Redis URL", redisUrl).option("--queue <name>", "tên hàng đợi / queue name", DEFAULT_QUEUE);

  common(queue.command("status").description("số việc theo trạng thái, các việc lỗi / job counts and the failed jobs"))
    .option("--json", "in dạng JSON / print JSON")
    .action(async (options: QueueCommandOptions & { json?: boolean }) => {
      const { queueStatus } = await import("../queue/admin.ts");
      const status = await queueStatus({ url: options.redis, queue: options.queue });
      if (options.json === true) {
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        return;
      }
      const c = status.counts;
      process.stdout.write(
        `hàng đợi / queue "${status.queue}": ${c.waiting + c.prioritized} chờ / waiting, ${c.active} đang đọc / active, ` +
          `${c["waiting-children"]} chờ các trang / waiting for pages, ` +
          `${c.delayed} chờ thử lại / retrying, ${c.completed} xong chưa nhận / completed, ${c.failed} lỗi / failed; ${status.workers} worker\n`,
      );
      for (const f of status.failed) process.stdout.write(`${f.name}: ${f.error.code}: ${f.error.message}\n`);
    });

  common(queue.command("retry-failed").description("đưa các việc lỗi vào hàng đợi lại / move failed jobs back to waiting")).action(
    async (options: QueueCommandOptions) => {
      const { retryFailed } = await import("../queue/admin.ts");
      process.stdout.write(`${await retryFailed({ url: options.redis, queue: options.queue })} việc được thử lại / jobs retried\n`);
    },
  );

  common(queue.command("clean").description("xoá việc đã xong và việc lỗi / remove completed and failed jobs"))
    .addOption(new Option("--older-than <seconds>", "chỉ việc cũ hơn / only jobs older than this").argParser(Number).default(0))
    .option("--all", "xoá cả hàng đợi, kể cả việc đang chờ / remove every job, waiting ones too")
    .action(async (options: QueueCommandOptions & { olderThan: number; all?: boolean }) => {
      const { cleanQueue } = await import("../queue/admin.ts");
      const removed = await cleanQueue({ url: options.redis, queue: options.queue }, { graceMs: options.olderThan * 1000, all: options.all === true });
      process.stdout.write(`${removed} việc đã xoá / jobs removed\n`);
    });
  return queue;
}
