import type { Finding, Plan, Severity, Span } from "@kehoach/model";

/** What a rule reports: a message in Vietnamese and in English, where, and the other places involved. */
export interface Report {
  message: string;
  messageEn: string;
  span: Span | null;
  related?: Span[];
  /** Overrides the rule's usual severity for this report (a draft's blank number is only `info`). */
  severity?: Severity;
}

/**
 * One consistency rule. `code` is stable and documented in the README's rules table; `run` reads the
 * Plan only and never throws on a Plan the parser produced.
 */
export interface Rule {
  code: string;
  severity: Severity;
  /** One line for the rules table, in English. */
  summary: string;
  run(plan: Plan): Report[];
}

export function toFinding(rule: Rule, report: Report, language: "vi" | "en"): Finding {
  return {
    code: rule.code,
    severity: report.severity ?? rule.severity,
    message: language === "en" ? report.messageEn : report.message,
    messageEn: report.messageEn,
    span: report.span,
    ...(report.related && report.related.length > 0 ? { related: report.related } : {}),
    source: "check",
  };
}

/** `dòng 12` / `line 12`: where a span is, for messages. */
export function at(span: Span | null): { vi: string; en: string } {
  return span ? { vi: `dòng ${span.start.line}`, en: `line ${span.start.line}` } : { vi: "?", en: "?" };
}
