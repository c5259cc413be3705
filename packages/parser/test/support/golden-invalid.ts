import type { Finding, Plan, Span } from "@kehoach/model";
import { PLAN_FIELDS, type PlanField } from "./golden-plan.ts";

/** A finding as an invalid case names it: code, severity and the text its span covers (offsets move with the fault). */
export interface FindingKey {
  code: string;
  severity: string;
  text: string | null;
}

/** One fault injected into a seed: fixtures/golden/invalid/NAME.case.json. */
export interface InvalidCase {
  /** Which seed the case is made from, and what the fault is, in words. */
  seed: string;
  fault: string;
  /** The transformation: `find` occurs exactly once in the seed and becomes `replace`. */
  find: string;
  replace: string;
  /** Findings the faulty text has beyond the seed's, and the seed's it no longer has. */
  added: FindingKey[];
  removed: FindingKey[];
  /** The Plan's fields the fault changes (findings and source aside); every other field stays as it was. */
  changed: PlanField[];
}

export function applyFault(seedText: string, c: Pick<InvalidCase, "find" | "replace">): string {
  const count = seedText.split(c.find).length - 1;
  if (count !== 1) throw new Error(`the fault's text occurs ${count} times in the seed, not once: ${JSON.stringify(c.find)}`);
  return seedText.replace(c.find, () => c.replace);
}

const keyOf = (plan: Plan, f: Finding): FindingKey => ({
  code: f.code,
  severity: f.severity,
  text: f.span ? plan.source.text.slice(f.span.start.offset, f.span.end.offset) : null,
});

/**
 * The findings of `faulty` that `valid` lacks (added) and those of `valid` that `faulty` lacks (removed),
 * as multisets. A finding is the same in both when its code and severity are, and its span is the same
 * place: outside the one region where the two texts differ, offsets are carried across it.
 */
export function findingDiff(valid: Plan, faulty: Plan): { added: FindingKey[]; removed: FindingKey[] } {
  const a = valid.source.text;
  const b = faulty.source.text;
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  // An offset of the valid text in the faulty one; inside the changed region, that region's start or end.
  const carry = (offset: number, edge: "start" | "end") =>
    offset <= prefix ? offset : offset >= a.length - suffix ? offset + b.length - a.length : edge === "start" ? prefix : b.length - suffix;
  const place = (f: Finding, moved: boolean) =>
    `${f.severity} ${f.code} ${f.span ? (moved ? `${carry(f.span.start.offset, "start")}-${carry(f.span.end.offset, "end")}` : `${f.span.start.offset}-${f.span.end.offset}`) : "-"}`;
  const unmatched = faulty.findings.map((f) => place(f, false));
  const removed = valid.findings.filter((f) => {
    const at = unmatched.indexOf(place(f, true));
    if (at >= 0) unmatched[at] = "";
    return at < 0;
  });
  const added = faulty.findings.filter((f, i) => unmatched[i] !== "");
  return { added: added.map((f) => keyOf(faulty, f)), removed: removed.map((f) => keyOf(valid, f)) };
}

/** Top-level fields (findings and source aside) that differ once every span is replaced by the text it covers. */
export function changedFields(valid: Plan, faulty: Plan): PlanField[] {
  return PLAN_FIELDS.filter((field) => field !== "source" && field !== "findings").filter(
    (field) => JSON.stringify(withSpanTexts(valid, valid[field])) !== JSON.stringify(withSpanTexts(faulty, faulty[field])),
  );
}

/** A value with each span replaced by the text it covers: comparable across texts of different lengths. */
export function withSpanTexts(plan: Plan, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => withSpanTexts(plan, v));
  if (value === null || typeof value !== "object") return value;
  if ("start" in value && "end" in value && typeof (value as Span).start === "object") {
    const span = value as Span;
    return `«${plan.source.text.slice(span.start.offset, span.end.offset)}»`;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSpanTexts(plan, v)]));
}
