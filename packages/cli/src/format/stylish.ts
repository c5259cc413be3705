import { styleText } from "node:util";
import type { Severity } from "@kehoach/model";
import { count, location, messageIn, type FileReport } from "./report.ts";

const COLOR: Record<Severity, "red" | "yellow" | "blue"> = { error: "red", warning: "yellow", info: "blue" };

/** Linter lines `path:line:col  severity  code  message`, coloured on a terminal unless NO_COLOR is set. */
export function stylishFile(report: FileReport, language: "vi" | "en", color: boolean): string {
  if (report.error) return "";
  return report.findings
    .map((finding) => {
      const severity = color ? styleText(COLOR[finding.severity], finding.severity) : finding.severity;
      return `${location(report.path, finding)}  ${severity}  ${finding.code}  ${messageIn(finding, language)}\n`;
    })
    .join("");
}

/** `3 lỗi / errors, 5 cảnh báo / warnings, 2 ghi chú / notes in 4 files`. */
export function stylishTotals(reports: readonly FileReport[]): string {
  const c = count(reports);
  return `${c.error} lỗi / errors, ${c.warning} cảnh báo / warnings, ${c.info} ghi chú / notes\n`;
}
