#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { isKehoachInputError, parse } from "@kehoach/parser";
import type { Plan } from "@kehoach/model";
import { summarize } from "./summary.ts";

/** `kehoach`: read → parse → format → write. Every failure is one line on stderr and a non-zero exit. */
const program = new Command()
  .name("kehoach")
  .description("Chuyển văn bản KẾ HOẠCH (Word, PDF, bản quét, văn bản) thành dữ liệu / Convert Vietnamese plans into data")
  .showHelpAfterError();

program
  .command("parse")
  .description("Đọc một văn bản và in kết quả / Parse one document and print the result")
  .argument("<file>", "tệp văn bản: .txt, .md (sắp có: .docx, .pdf, bản quét)")
  .option("--json", "in toàn bộ Plan dạng JSON / print the whole Plan as JSON")
  .action(async (file: string, options: { json?: boolean }) => {
    const plan = await parseFile(file);
    process.stdout.write(options.json ? `${JSON.stringify(plan, null, 2)}\n` : summarize(plan));
  });

async function parseFile(file: string): Promise<Plan> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === "ENOENT" ? `Không tìm thấy tệp / File not found: ${file}` : `Không đọc được tệp / Cannot read ${file} (${code ?? "error"})`);
  }
  try {
    return await parse(bytes);
  } catch (error) {
    if (isKehoachInputError(error)) fail(`${file}: ${error.message}`);
    throw error;
  }
}

function fail(message: string): never {
  process.stderr.write(`kehoach: ${message}\n`);
  process.exit(2);
}

// A closed pipe (`kehoach parse x --json | head`) is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

program.parseAsync(process.argv).catch((error: unknown) => {
  fail(`lỗi nội bộ / internal error: ${error instanceof Error ? error.message : String(error)}`);
});
