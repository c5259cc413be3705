#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import { Command, InvalidArgumentError, Option } from "commander";
import { isKehoachInputError, parse, type ParseOptions } from "@kehoach/parser";
import { parseMany, type BatchInput } from "@kehoach/parser/batch";
import type { Plan, Severity } from "@kehoach/model";
import { summarize } from "./summary.ts";
import { collectInputs, type InputFile } from "./inputs.ts";
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
  workers?: number;
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
  .addOption(
    new Option("--workers <n>", "số luồng đọc song song khi có nhiều tệp (mặc định: số lõi CPU) / parallel workers for several files (default: CPU cores)")
      .argParser(positiveInteger),
  )
  .action(async (inputs: string[], options: ParseCommandOptions) => {
    process.exitCode = await runParse(inputs, options);
  });

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("cần một số nguyên dương / expected a positive integer");
  return n;
}

type CheckSetting = NonNullable<ParseOptions["checks"]>;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

async function runParse(inputs: string[], options: ParseCommandOptions): Promise<number> {
  const { files, missing } = await collectInputs(inputs);
  for (const path of missing) warn(`Không tìm thấy tệp / File not found: ${path}`);
  if (files.length === 0) {
    if (missing.length === 0) warn("Không có văn bản nào để đọc / No documents to read");
    return 2;
  }
  const checks: CheckSetting = options.checks ? { language: options.lang } : false;
  const tally = { failed: missing.length, flagged: 0 };
  const single = files.length === 1 && !options.out;
  if (single) {
    const file = files[0] as InputFile;
    const onProgress: ParseOptions["onProgress"] = (p) => process.stderr.write(`\rOCR ${p.page}/${p.pages} ${Math.round(p.progress * 100)}% `);
    const plan = await parseOne(file.path, { checks, ...(process.stderr.isTTY ? { onProgress } : {}) });
    if (plan) await emit(file, plan, options, true, tally);
    else tally.failed++;
  } else {
    const progress = createProgress(files.length);
    for await (const result of parseFolder(files, checks, options.workers)) {
      progress.advance(result.file.name);
      if ("plan" in result) await emit(result.file, result.plan, options, false, tally);
      else {
        warn(result.message);
        tally.failed++;
      }
    }
    progress.stop();
    process.stderr.write(`${files.length + missing.length - tally.failed} đã đọc / read, ${tally.failed} lỗi / failed\n`);
  }
  return tally.failed > 0 ? 2 : tally.flagged > 0 ? 1 : 0;
}

/** Writes one plan where the options say; counts it as flagged when its findings reach --fail-on. */
async function emit(file: InputFile, plan: Plan, options: ParseCommandOptions, single: boolean, tally: { flagged: number }): Promise<void> {
  if (options.failOn !== "never" && plan.findings.some((f) => RANK[f.severity] >= RANK[options.failOn as Severity])) tally.flagged++;
  if (options.out) await writeJsonAtomically(options.out, file.name, plan);
  else if (options.json) process.stdout.write(single ? `${JSON.stringify(plan, null, 2)}\n` : `${JSON.stringify(plan)}\n`);
  else process.stdout.write(single ? summarize(plan) : `${file.name}: ${summarize(plan).split("\n")[0]}\n`);
}

/** One document in this thread (OCR progress can be shown); an unreadable one is reported and yields null. */
async function parseOne(path: string, options: ParseOptions): Promise<Plan | null> {
  const bytes = await readBytes(path);
  if (!bytes) return null;
  try {
    return await parse(bytes, options);
  } catch (error) {
    if (isKehoachInputError(error)) warn(`${path}: ${error.message}`);
    else warn(`${path}: lỗi nội bộ / internal error: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

type FolderResult = { file: InputFile; plan: Plan } | { file: InputFile; message: string };

/**
 * Several documents through parseMany's worker pool, in input order so the output is the same from
 * run to run. A file that cannot be read is reported without reaching the pool.
 */
async function* parseFolder(files: readonly InputFile[], checks: CheckSetting, workers: number | undefined): AsyncGenerator<FolderResult> {
  const byId = new Map(files.map((file) => [file.path, file]));
  const unreadable: FolderResult[] = [];
  async function* inputs(): AsyncGenerator<BatchInput> {
    for (const file of files) {
      const bytes = await readBytes(file.path, (message) => unreadable.push({ file, message }));
      if (bytes) yield { id: file.path, bytes };
    }
  }
  for await (const result of parseMany(inputs(), { ordered: true, parse: { checks }, ...(workers ? { workers } : {}) })) {
    yield* unreadable.splice(0);
    const file = byId.get(result.id) as InputFile;
    yield "plan" in result ? { file, plan: result.plan } : { file, message: `${file.path}: ${result.error.message}` };
  }
  yield* unreadable.splice(0);
}

async function readBytes(path: string, report: (message: string) => void = warn): Promise<Uint8Array | null> {
  try {
    return await readFile(path);
  } catch (error) {
    report(`Không đọc được tệp / Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
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
