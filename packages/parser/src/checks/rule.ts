import type { Finding, FindingCode, Plan, Severity, Span } from "@kehoach/model";
import type { Analysis } from "../analysis/index.ts";

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
 * One consistency rule. `code` is stable, and its meaning is `FINDING_CODES[code].summary` in the model
 * (the README's table is generated from there); `run` reads the
 * Plan and what the analysis stage found in it (section paths, assignments), and never throws on a Plan
 * the parser produced.
 */
export interface Rule {
  code: FindingCode;
  severity: Severity;
  run(plan: Plan, analysis: Analysis): Report[];
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

export type PlaceWords = (span: Span) => { vi: string; en: string } | null;

let placeWords: PlaceWords | null = null;

/** Runs `run` with messages naming places by `words` (the input file's own lines), as `check` does for `parse`. */
export function namingPlaces<T>(words: PlaceWords | null, run: () => T): T {
  const before = placeWords;
  placeWords = words;
  try {
    return run();
  } finally {
    placeWords = before;
  }
}

/** `dòng 12` / `line 12`: where a span is, for messages (in the input file when `parse` says how, else in `source.text`). */
export function at(span: Span | null): { vi: string; en: string } {
  if (!span) return { vi: "?", en: "?" };
  return placeWords?.(span) ?? { vi: `dòng ${span.start.line}`, en: `line ${span.start.line}` };
}
