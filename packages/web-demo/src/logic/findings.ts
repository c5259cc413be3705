import type { Finding, Severity } from "@kehoach/model";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * Findings grouped by severity (errors first), each keeping its index in `plan.findings` (the index
 * the URL and keyboard navigation use). The order within the flat list is the reading order of the pane.
 */
export function groupFindings(findings: readonly Finding[]): Array<{ severity: Severity; items: Array<{ index: number; finding: Finding }> }> {
  return SEVERITIES.map((severity) => ({
    severity,
    items: findings.map((finding, index) => ({ index, finding })).filter((x) => x.finding.severity === severity),
  })).filter((g) => g.items.length > 0);
}

/** Finding indices in the pane's order, for j/k navigation. */
export function navigationOrder(findings: readonly Finding[]): number[] {
  return groupFindings(findings).flatMap((g) => g.items.map((x) => x.index));
}

/** The next (step +1) or previous (−1) finding in pane order, wrapping; the first when none is open. */
export function stepFinding(order: readonly number[], current: number | null, step: 1 | -1): number | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) return step === 1 ? order[0]! : order[order.length - 1]!;
  return order[(at + step + order.length) % order.length]!;
}

/**
 * Where a finding is in the user's own file, worded as the rule messages word it (`dòng 47`, `đoạn 12`
 * of a Word file, `trang 3, dòng 5` of a PDF or scan), so the badge and the message never disagree.
 */
export function findingPlace(finding: Finding, format: string, lang: "vi" | "en"): string | null {
  const at = finding.at;
  if (at === undefined) return null;
  if (format === "docx" || format === "doc") return `${lang === "en" ? "paragraph" : "đoạn"} ${at.line}`;
  if (at.page !== undefined) return lang === "en" ? `page ${at.page}, line ${at.line}` : `trang ${at.page}, dòng ${at.line}`;
  return `${lang === "en" ? "line" : "dòng"} ${at.line}`;
}
