import type { Finding } from "@kehoach/model";

const HEADER = ["severity", "code", "message", "messageEn", "line", "column", "text"] as const;

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas are defused for spreadsheets. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Findings as CSV (one row each, CRLF, UTF-8 with BOM so spreadsheet programs read Vietnamese):
 * severity, code, message, messageEn, line, column, and the text the span covers.
 */
export function findingsCsv(findings: readonly Finding[], sourceText: string): string {
  const rows = findings.map((f) => [
    f.severity,
    f.code,
    f.message,
    f.messageEn ?? "",
    f.span?.start.line ?? null,
    f.span?.start.column ?? null,
    f.span ? sourceText.slice(f.span.start.offset, f.span.end.offset) : "",
  ]);
  return "\uFEFF" + [HEADER as readonly (string | number | null)[], ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
