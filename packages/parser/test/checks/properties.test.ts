import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseText } from "@kehoach/parser";
import type { Finding, Plan } from "@kehoach/model";
import { PlanArb, ROMAN, basisNumber, render, type Generated } from "../support/plan-generator.ts";

const RUNS = 200;
const serious = (plan: Plan): Finding[] => plan.findings.filter((f) => f.severity !== "info");
const spanText = (plan: Plan, finding: Finding | undefined) =>
  finding?.span ? plan.source.text.slice(finding.span.start.offset, finding.span.end.offset) : "";

describe("a consistent generated plan", () => {
  it("yields no error or warning findings", () => {
    fc.assert(
      fc.property(PlanArb, (p) => {
        const plan = parseText(render(p));
        expect(serious(plan)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("one injected fault yields exactly that finding, at the injected place", () => {
  it("a shifted date of a cited document → citation-date-conflict", () => {
    const withBasis = PlanArb.filter((p) => p.bases.length > 0);
    fc.assert(
      fc.property(withBasis, fc.nat(), fc.integer({ min: 1, max: 5 }), (p, pick, shift) => {
        const index = pick % p.bases.length;
        const basis = p.bases[index] as Generated["bases"][number];
        // The day moves, the year stays: a year change would also break the year inside a `06/2022/TT-…` number.
        const day = ((basis.day - 1 + shift) % 28) + 1;
        const shifted = `${String(day).padStart(2, "0")}/${String(basis.month).padStart(2, "0")}/${basis.year}`;
        const cite = `Các cơ quan tổ chức thực hiện theo ${basis.source.docType} số ${basisNumber(basis, index)} ngày ${shifted}./.`;
        const plan = parseText(render(p).replace("Các cơ quan tổ chức thực hiện./.", cite));
        const found = serious(plan);
        expect(found.map((f) => f.code)).toEqual(["citation-date-conflict"]);
        expect(spanText(plan, found[0])).toContain(shifted);
      }),
      { numRuns: RUNS },
    );
  });

  it("a renumbered section → section-duplicate", () => {
    const twoOrMore = PlanArb.filter((p) => p.sections.length >= 2);
    fc.assert(
      fc.property(twoOrMore, (p) => {
        const last = p.sections.length - 1;
        const heading = `${ROMAN[last]}. ${(p.sections[last] as { heading: string }).heading.toUpperCase()}`;
        const plan = parseText(render(p).replace(heading, heading.replace(`${ROMAN[last]}.`, `${ROMAN[last - 1]}.`)));
        const found = serious(plan);
        expect(found.map((f) => f.code)).toEqual(["section-duplicate"]);
        expect(spanText(plan, found[0])).toBe(`${ROMAN[last - 1]}.`);
      }),
      { numRuns: RUNS },
    );
  });

  it("a changed digit in an amount → amount-words-mismatch", () => {
    const withBudget = PlanArb.filter((p) => p.budget !== null);
    fc.assert(
      fc.property(withBudget, fc.nat(), (p, pick) => {
        const digits = (p.budget as number).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        const positions = [...digits].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
        const at = positions[pick % positions.length] as number;
        const old = Number(digits[at]);
        const changed = digits.slice(0, at) + String(at === 0 ? (old % 9) + 1 : (old + 1) % 10) + digits.slice(at + 1);
        const plan = parseText(render(p).replace(`: ${digits} đồng`, `: ${changed} đồng`));
        const found = serious(plan);
        expect(found.map((f) => f.code)).toEqual(["amount-words-mismatch"]);
        expect(spanText(plan, found[0])).toBe(`${changed} đồng`);
      }),
      { numRuns: RUNS },
    );
  });
});
