#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { OutputError, UsageError } from "./batch/index.ts";
import { checkCommand } from "./commands/check.ts";
import { exportCommand } from "./commands/export.ts";
import { schemaCommand } from "./commands/schema.ts";
import { parseCommand } from "./commands/parse.ts";
import { queueCommand } from "./commands/queue.ts";
import { workerCommand } from "./commands/worker.ts";
import { version } from "./version.ts";

/** `kehoach`: one command per file in commands/, registered here. Every failure is one line on stderr. */
const program = new Command()
  .name("kehoach")
  .description("Chuyển văn bản KẾ HOẠCH (Word, PDF, bản quét, văn bản) thành dữ liệu và rà soát / Convert and lint Vietnamese plans")
  .version(version, "-V, --version", "in phiên bản / print the version")
  .helpOption("-h, --help", "trợ giúp / help")
  .option("--debug", "in chi tiết lỗi nội bộ (stack trace) / print stack traces of internal errors")
  .showHelpAfterError()
  .addHelpText(
    "after",
    `
Ví dụ / Examples:
  kehoach parse plan.docx                  kehoach check plans/ --format sarif
  kehoach parse plans/ --out json/         kehoach <command> --help
NO_COLOR=1 tắt màu / turns colours off.`,
  );

program.addCommand(parseCommand());
program.addCommand(checkCommand());
program.addCommand(exportCommand());
program.addCommand(schemaCommand());
program.addCommand(workerCommand());
program.addCommand(queueCommand());

const debug = process.argv.includes("--debug");

// Bad usage exits 2 (as ESLint), help and --version 0.
for (const command of [program, ...program.commands]) command.exitOverride();

// A closed pipe (`kehoach parse x --json | head`) is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exit(error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.version" ? 0 : 2);
  }
  // RedisUnavailableError (--redis, a Redis that stayed away): one line, like a usage error.
  if (error instanceof UsageError || error instanceof OutputError || (error instanceof Error && error.name === "RedisUnavailableError")) {
    process.stderr.write(`kehoach: ${error.message}\n`);
  } else {
    process.stderr.write(`kehoach: lỗi nội bộ / internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (!debug) process.stderr.write("kehoach: chạy lại với --debug để xem chi tiết / run again with --debug for details\n");
  }
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(2);
});
