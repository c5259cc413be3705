import { Command, Option } from "commander";
import { RULES } from "@kehoach/parser";
import type { Finding } from "@kehoach/model";
import { processBatch, UsageError } from "../batch/index.ts";
import { count, type FileReport } from "../format/report.ts";
import { stylishFile, stylishTotals } from "../format/stylish.ts";
import { sarifLog } from "../format/sarif.ts";
import { junitXml } from "../format/junit.ts";
import { version } from "../version.ts";
import { addCommonOptions, batchOptions, debugging, nonNegativeInteger, type CommonOptions } from "./options.ts";

const CHECK_FORMATS = ["stylish", "json", "sarif", "junit"] as const;

interface CheckCommandOptions extends CommonOptions {
  format: (typeof CHECK_FORMATS)[number];
  maxWarnings?: number;
  disable?: string[];
  only?: string[];
}

/** `kehoach check`: the consistency rules as a linter, findings pointing into the user's own files. */
export function checkCommand(): Command {
  const command = new Command("check")
    .description("Rà soát văn bản như một linter / Lint documents: findings with their place in each file")
    .argument("<inputs...>", "tệp, thư mục, mẫu glob, hoặc - (stdin) / files, folders, globs, or - for stdin")
    .addOption(new Option("-f, --format <format>", "định dạng báo cáo / report format").choices(CHECK_FORMATS).default("stylish"))
    .addOption(
      new Option("--max-warnings <n>", "thoát mã 1 nếu có nhiều hơn n cảnh báo / exit 1 on more than n warnings").argParser(nonNegativeInteger),
    )
    .option("--disable <codes>", "tắt quy tắc (lặp lại hoặc ngăn bằng dấu phẩy) / turn rules off (repeat, or comma-separate)", collect)
    .option("--only <codes>", "chỉ chạy các quy tắc này / run only these rules (repeat, or comma-separate)", collect);
  addCommonOptions(command).addHelpText(
    "after",
    `
Dòng kết quả / Output lines: path:line:col  severity  code  message
  văn bản, Markdown: dòng và cột của tệp / text, Markdown: the file's line and column
  DOCX: số thứ tự đoạn / the paragraph number;  PDF, ảnh quét / scans: path:pPAGE:LINE:COL

Ví dụ / Examples:
  kehoach check plan.docx
  kehoach check plans/ --format sarif > kehoach.sarif
  kehoach check plans/ --only amount-words-mismatch --only section-gap
  kehoach check plan.pdf --disable basis-format --max-warnings 0

Mã thoát / Exit codes (as ESLint): 0 no error-level finding; 1 error findings, or more warnings than --max-warnings;
  2 an input could not be read, or bad usage.`,
  );
  return command.action(async function (this: Command, inputs: string[], options: CheckCommandOptions) {
    process.exitCode = await runCheck(inputs, options, debugging(this));
  });
}

function collect(value: string, previous: string[] = []): string[] {
  return previous.concat(value.split(",").map((code) => code.trim()).filter(Boolean));
}

async function runCheck(inputs: string[], options: CheckCommandOptions, debug: boolean): Promise<number> {
  const chosen = options.only ?? [];
  const disabled = options.disable ?? [];
  const known = new Set<string>(RULES.map((rule) => rule.code));
  for (const code of [...chosen, ...disabled]) {
    if (!known.has(code)) {
      throw new UsageError(`Không có quy tắc ${code}. / No rule ${code}. Quy tắc / rules: ${[...known].join(", ")}`);
    }
  }
  const only = chosen.length > 0 ? chosen : disabled.length > 0 ? [...known].filter((c) => !disabled.includes(c)) : undefined;
  const keep = (finding: Finding) => (chosen.length > 0 ? chosen.includes(finding.code) : !disabled.includes(finding.code));
  const color = options.format === "stylish" && process.stdout.isTTY === true && !process.env["NO_COLOR"] && process.stdout.hasColors();
  const reports: FileReport[] = [];
  const tally = await processBatch(
    batchOptions(inputs, options, debug, { checks: { language: options.lang, ...(only ? { only } : {}) } }),
    (done) => {
      const report: FileReport =
        "error" in done
          ? { path: done.item.path, findings: [], error: done.error }
          : { path: done.item.path, format: done.plan.source.format, findings: done.plan.findings.filter(keep) };
      reports.push(report);
      if (options.format === "stylish") process.stdout.write(stylishFile(report, options.lang, color));
      return undefined;
    },
  );
  if (options.format === "stylish") process.stdout.write(stylishTotals(reports));
  else if (options.format === "json") process.stdout.write(`${JSON.stringify(reports.map(jsonReport), null, 2)}\n`);
  else if (options.format === "sarif") process.stdout.write(`${JSON.stringify(sarifLog(reports, options.lang, version), null, 2)}\n`);
  else process.stdout.write(junitXml(reports, options.lang));
  const counts = count(reports);
  if (tally.failures > 0) return 2;
  if (counts.error > 0) return 1;
  return options.maxWarnings !== undefined && counts.warning > options.maxWarnings ? 1 : 0;
}

/** `--format json`: per input, its findings with their place in the file (spans left out), or its error. */
function jsonReport(report: FileReport): Record<string, unknown> {
  return {
    input: report.path,
    ...(report.format ? { format: report.format } : {}),
    ...(report.error ? { error: report.error } : {}),
    findings: report.findings.map(({ span: _span, related: _related, ...finding }) => finding),
  };
}
