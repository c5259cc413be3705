import type { Finding, InputPoint, Severity, SourceFormat } from "@kehoach/model";
import type { InputFailure } from "../batch/index.ts";

/** One input's part of a `kehoach check` report: its findings, or why it could not be read. */
export interface FileReport {
  /** The path as given (or found in a folder). */
  path: string;
  format?: SourceFormat;
  findings: Finding[];
  error?: InputFailure;
}

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Where a finding is in the user's file: line and column (DOCX: paragraph), and the page of a PDF or scan. */
export type Place = InputPoint;

export function placeOf(finding: Finding): Place | null {
  if (finding.at) return finding.at;
  return finding.span ? { line: finding.span.start.line, column: finding.span.start.column } : null;
}

/** `plan.pdf:p2:14:1`, `plan.txt:47:3`, or just the path for a finding about the whole document. */
export function location(path: string, finding: Finding): string {
  const place = placeOf(finding);
  if (!place) return path;
  return `${path}:${place.page !== undefined ? `p${place.page}:` : ""}${place.line}:${place.column}`;
}

export function messageIn(finding: Finding, language: "vi" | "en"): string {
  return language === "en" && finding.messageEn ? finding.messageEn : finding.message;
}

export function count(reports: readonly FileReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const report of reports) for (const finding of report.findings) counts[finding.severity]++;
  return counts;
}
