#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import { Command, Option } from "commander";
import { isKehoachInputError, parse, type ParseOptions } from "@kehoach/parser";
import type { Plan, Severity } from "@kehoach/model";
import { summarize } from "./summary.ts";
import { collectInputs } from "./inputs.ts";
import { writeJsonAtomically } from "./output.ts";
import { createProgress } from "./progress.ts";

/** `kehoach`: read → parse → format → write. Every failure is one line on stderr and a non-zero exit. */
const program = new Command()
  .name("kehoach")
  .description("Chuyển văn bản KẾ HOẠCH (Word, PDF, bản quét, văn bản) thành dữ liệu / Convert Vietnamese plans into data")
  .showHelpAfterError();

interface ParseCommandOptions {
  json?: boolean;
  out?: string;
  lang: "vi" | "en";
  checks: boolean;
  failOn: Severity | "never";
}

program
  .command("parse")
  .description("Đọc văn bản (tệp hoặc thư mục) / Parse documents (files or folders)")
  .argument("<inputs...>", "tệp .txt .md .docx .pdf .png .jpg .tif, hoặc thư mục / files or folders")
  .option("--json", "in Plan dạng JSON (nhiều tệp: mỗi dòng một Plan) / print the Plan as JSON (JSON Lines for several)")
  .option("--out <dir>", "ghi mỗi văn bản thành <dir>/<tên>.json / write each plan to <dir>/<name>.json")
  .addOption(new Option("--lang <lang>", "ngôn ngữ thông báo / language of finding messages").choices(["vi", "en"]).default("vi"))
  .option("--no-checks", "không chạy các quy tắc rà soát / skip the consistency rules")
  .addOption(
    new Option("--fail-on <severity>", "thoát mã 1 nếu có phát hiện từ mức này / exit 1 on findings of this severity or worse")
      .choices(["error", "warning", "info", "never"])
      .default("never"),
  )
  .action(async (inputs: string[], options: ParseCommandOptions) => {
    process.exitCode = await runParse(inputs, options);
  });

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

async function runParse(inputs: string[], options: ParseCommandOptions): Promise<number> {
  const { files, missing } = await collectInputs(inputs);
  for (const path of missing) warn(`Không tìm thấy tệp / File not found: ${path}`);
  if (files.length === 0) {
    if (missing.length === 0) warn("Không có văn bản nào để đọc / No documents to read");
    return 2;
  }
  const single = files.length === 1 && !options.out;
  const progress = single ? null : createProgress(files.length);
  const parseOptions: ParseOptions = {
    checks: options.checks ? { language: options.lang } : false,
    ...(single && process.stderr.isTTY ? { onProgress: (p) => process.stderr.write(`\rOCR ${p.page}/${p.pages} ${Math.round(p.progress * 100)}% `) } : {}),
  };
  let failed = missing.length;
  let flagged = 0;
  for (const file of files) {
    const plan = await parseFile(file.path, parseOptions);
    progress?.advance(file.name);
    if (!plan) {
      failed++;
      continue;
    }
    if (options.failOn !== "never" && plan.findings.some((f) => RANK[f.severity] >= RANK[options.failOn as Severity])) flagged++;
    if (options.out) await writeJsonAtomically(options.out, file.name, plan);
    else if (options.json) process.stdout.write(single ? `${JSON.stringify(plan, null, 2)}\n` : `${JSON.stringify(plan)}\n`);
    else process.stdout.write(single ? summarize(plan) : `${file.name}: ${summarize(plan).split("\n")[0]}\n`);
  }
  progress?.stop();
  if (!single) process.stderr.write(`${files.length - failed + missing.length} đã đọc / read, ${failed} lỗi / failed\n`);
  return failed > 0 ? 2 : flagged > 0 ? 1 : 0;
}

/** One document; an unreadable one is reported in one line and yields null. */
async function parseFile(path: string, options: ParseOptions): Promise<Plan | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    warn(`Không đọc được tệp / Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    return null;
  }
  try {
    return await parse(bytes, options);
  } catch (error) {
    if (isKehoachInputError(error)) warn(`${path}: ${error.message}`);
    else warn(`${path}: lỗi nội bộ / internal error: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function warn(message: string): void {
  process.stderr.write(`kehoach: ${message}\n`);
}

// A closed pipe (`kehoach parse x --json | head`) is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

program.parseAsync(process.argv).catch((error: unknown) => {
  warn(`lỗi nội bộ / internal error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
