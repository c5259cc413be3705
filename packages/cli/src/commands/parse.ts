import { Command, Option } from "commander";
import type { Plan, Severity } from "@kehoach/model";
import { collectInputs, processBatch, stamp, UsageError, type Done } from "../batch/index.ts";
import { EXTENSION, PLAN_FORMATS, renderPlan, toYaml, type PlanFormat } from "../format/plan.ts";
import { summarize } from "../format/plan-summary.ts";
import { addCommonOptions, batchOptions, debugging, type CommonOptions } from "./options.ts";

interface ParseCommandOptions extends CommonOptions {
  format?: PlanFormat;
  json?: boolean;
  out?: string;
  resume?: boolean;
  checks: boolean;
  failOn: Severity | "never";
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** `kehoach parse`: documents → Plans, on stdout or one file per document under --out. */
export function parseCommand(): Command {
  const command = new Command("parse")
    .description("Đọc văn bản thành dữ liệu / Parse documents into Plans")
    .argument("<inputs...>", "tệp, thư mục, mẫu glob, hoặc - (stdin) / files, folders, globs, or - for stdin")
    .addOption(
      new Option("-f, --format <format>", "định dạng kết quả / output format (default: summary on a terminal, else json; jsonl for several)").choices(
        PLAN_FORMATS,
      ),
    )
    .option("--json", "như / same as --format json")
    .option("-o, --out <dir>", "ghi mỗi văn bản thành <dir>/<đường dẫn>.<đuôi> / write each plan to <dir>/<relative path>.<ext>")
    .option("--resume", "bỏ qua văn bản đã có kết quả mới nhất trong --out / skip inputs whose output under --out is up to date")
    .option("--no-checks", "không chạy các quy tắc rà soát / skip the consistency rules")
    .addOption(
      new Option("--fail-on <severity>", "thoát mã 1 nếu có phát hiện từ mức này / exit 1 on findings of this severity or worse")
        .choices(["error", "warning", "info", "never"])
        .default("never"),
    );
  addCommonOptions(command).addHelpText(
    "after",
    `
Ví dụ / Examples:
  kehoach parse plan.docx                      tóm tắt và các phát hiện / a summary and the findings
  kehoach parse plan.pdf --format json > plan.json
  kehoach parse plans/ --out json/ --resume    mỗi văn bản một tệp, bỏ qua tệp đã xong / one file each, skipping done ones
  kehoach parse 'plans/**/*.pdf' --format jsonl   mỗi dòng một văn bản, có "input" / one record per line, naming its input
  cat plan.txt | kehoach parse - --format yaml

Mã thoát / Exit codes: 0 ok; 1 findings reached --fail-on; 2 an input could not be read or written, or bad usage.`,
  );
  return command.action(async function (this: Command, inputs: string[], options: ParseCommandOptions) {
    process.exitCode = await runParse(inputs, options, debugging(this));
  });
}

async function runParse(inputs: string[], options: ParseCommandOptions, debug: boolean): Promise<number> {
  if (options.resume && !options.out) throw new UsageError("--resume cần --out. / --resume needs --out.");
  const several = options.out !== undefined || inputs.length > 1 || (await collectInputs(inputs)).items.length > 1;
  const format: PlanFormat = options.format ?? (options.json ? "json" : process.stdout.isTTY ? "summary" : several ? "jsonl" : "json");
  if (several && !options.out && (format === "md" || format === "akn")) {
    throw new UsageError(`Nhiều văn bản ở định dạng ${format} cần --out. / Several documents in ${format} need --out.`);
  }
  let flagged = 0;
  const yamlSeparator = { first: true };
  const emit = (done: Done): string | undefined => {
    if ("error" in done) {
      if (!options.out && format !== "summary" && (several || format === "jsonl")) writeRecord(format, { input: done.item.path, error: done.error }, yamlSeparator);
      return undefined;
    }
    if (options.failOn !== "never" && done.plan.findings.some((f) => RANK[f.severity] >= RANK[options.failOn as Severity])) flagged++;
    if (options.out) {
      const fileFormat = format === "summary" || format === "jsonl" ? "json" : format;
      return renderPlan(fileFormat, done.plan, { input: done.item.path, sha256: done.sha256 });
    }
    if (format === "summary") process.stdout.write(several ? `${done.item.path}: ${oneLine(done.plan)}\n` : summarize(done.plan));
    else if (several) writeRecord(format, stamp(done.item.path, done.plan), yamlSeparator);
    else if (format === "jsonl") process.stdout.write(`${JSON.stringify(stamp(done.item.path, done.plan))}\n`);
    else process.stdout.write(renderPlan(format, done.plan));
    return undefined;
  };
  const tally = await processBatch(
    {
      ...batchOptions(inputs, options, debug, { checks: options.checks ? { language: options.lang } : false }),
      ...(options.out ? { out: { dir: options.out, extension: EXTENSION[format], resume: options.resume === true } } : {}),
    },
    emit,
  );
  return tally.failures > 0 ? 2 : flagged > 0 ? 1 : 0;
}

/** Several documents on stdout: JSON Lines, or a YAML stream of documents. */
function writeRecord(format: PlanFormat, value: Record<string, unknown>, yaml: { first: boolean }): void {
  if (format === "yaml") {
    process.stdout.write(`${yaml.first ? "" : "---\n"}${toYaml(value)}`);
    yaml.first = false;
  } else {
    process.stdout.write(`${JSON.stringify(value)}\n`);
  }
}

function oneLine(plan: Plan): string {
  const serious = plan.findings.filter((f) => f.severity !== "info").length;
  return `${summarize(plan).split("\n")[0]} (${serious} phát hiện / findings)`;
}
