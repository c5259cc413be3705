import { ND30_CLAUSES, RULES } from "@kehoach/parser";
import type { Finding } from "@kehoach/model";

export interface RuleInfo {
  /** The rule's one-line explanation (from RULES), or null for parse notes. */
  summary: string | null;
  /** The Nghị định 30/2020 provision it enforces, when it enforces one. */
  clause: { vi: string; en: string } | null;
}

const summaries = new Map(RULES.map((r) => [r.code, r.summary] as const));

export function ruleInfo(code: string): RuleInfo {
  return { summary: summaries.get(code) ?? null, clause: ND30_CLAUSES[code] ?? null };
}

/** Explanations for the codes of a plan's findings: sent from the worker with the plan, so the page never loads the parser. */
export function rulesFor(findings: readonly Finding[]): Record<string, RuleInfo> {
  return Object.fromEntries([...new Set(findings.map((f) => f.code))].map((code) => [code, ruleInfo(code)]));
}
