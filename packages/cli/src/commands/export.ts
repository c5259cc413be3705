import { dirname, resolve } from "node:path";
import { Command, Option } from "commander";
import { prepareOutputFolder, processBatch, UsageError, writeAtomically } from "../batch/index.ts";
import { csvBytes, exportTables, isSheetName, SHEET_NAMES, xlsxBytes, type ExportResult, type SheetName } from "../export/index.ts";
import { addCommonOptions, batchOptions, debugging, type CommonOptions } from "./options.ts";

interface ExportCommandOptions extends CommonOptions {
  to: "xlsx" | "csv";
  out: string;
  sheet?: string;
  checks: boolean;
}

/** `kehoach export`: a batch of documents → one workbook (or one of its sheets as CSV). */
export function exportCommand(): Command {
  const command = new Command("export")
    .description("Xuất nhiều văn bản thành một bảng tính / Export documents to one workbook")
    .argument("<inputs...>", "tệp, thư mục, mẫu glob, hoặc - (stdin) / files, folders, globs, or - for stdin")
    .addOption(new Option("--to <format>", "định dạng / format").choices(["xlsx", "csv"]).default("xlsx"))
    .requiredOption("-o, --out <file>", "tệp kết quả / the file to write")
    .addOption(new Option("--sheet <name>", "bảng ghi ra CSV (mặc định plans) / the sheet --to csv writes (default plans)").choices(SHEET_NAMES))
    .option("--no-checks", "không chạy các quy tắc rà soát / skip the consistency rules");
  addCommonOptions(command).addHelpText(
    "after",
    `
Các bảng / Sheets: ${SHEET_NAMES.join(", ")}
  plans: mỗi văn bản một dòng / one row per document; errors: tệp không đọc được và lý do / inputs that could not be read, and why.
  Tiêu đề cột theo --lang (mặc định tiếng Việt) / column headers in --lang (Vietnamese by default).

Ví dụ / Examples:
  kehoach export plans/ --to xlsx --out plans.xlsx
  kehoach export plans/ --to csv --out can-cu.csv --sheet legal_bases
  kehoach export 'plans/**/*.docx' --out plans.xlsx --lang en

Mã thoát / Exit codes: 0 ok; 2 an input could not be read (it is in the errors sheet), the file could not be written, or bad usage.`,
  );
  return command.action(async function (this: Command, inputs: string[], options: ExportCommandOptions) {
    process.exitCode = await runExport(inputs, options, debugging(this));
  });
}

async function runExport(inputs: string[], options: ExportCommandOptions, debug: boolean): Promise<number> {
  const sheet: SheetName = options.sheet && isSheetName(options.sheet) ? options.sheet : "plans";
  if (options.sheet && options.to !== "csv") throw new UsageError("--sheet chỉ dùng với --to csv. / --sheet goes with --to csv.");
  const out = resolve(options.out);
  // Fail on an impossible --out before reading a thousand files.
  await prepareOutputFolder(dirname(out));
  const results: ExportResult[] = [];
  const tally = await processBatch(
    batchOptions(inputs, options, debug, { checks: options.checks ? { language: options.lang } : false }),
    (done) => {
      results.push("error" in done ? { file: done.item.path, error: done.error } : { file: done.item.path, plan: done.plan });
      return undefined;
    },
  );
  const tables = exportTables(results, options.lang);
  const bytes = options.to === "csv" ? await csvBytes(tables, options.lang, sheet) : await xlsxBytes(tables, options.lang);
  await writeAtomically(out, bytes);
  if (!options.quiet) process.stderr.write(`kehoach: ${options.out} (${tables.find((t) => t.name === "plans")?.rows.length ?? 0} văn bản / documents)\n`);
  return tally.failures > 0 ? 2 : 0;
}
