import { ND30_CLAUSES } from "@kehoach/parser";
import { FINDING_CODES, type Finding, type FindingCode } from "@kehoach/model";

export interface RuleInfo {
  /** What the code means, in one line (from FINDING_CODES). */
  summary: string | null;
  /** The Nghị định 30/2020 provision it enforces, when it enforces one. */
  clause: { vi: string; en: string } | null;
}

export function ruleInfo(code: FindingCode): RuleInfo {
  return { summary: FINDING_CODES[code]?.summary ?? null, clause: ND30_CLAUSES[code] ?? null };
}

/** Explanations for the codes of a plan's findings: sent from the worker with the plan, so the page never loads the parser. */
export function rulesFor(findings: readonly Finding[]): Record<string, RuleInfo> {
  return Object.fromEntries([...new Set(findings.map((f) => f.code))].map((code) => [code, ruleInfo(code)]));
}
