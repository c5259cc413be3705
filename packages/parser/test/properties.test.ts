import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText, parseText, renderMarkdown } from "@kehoach/parser";
import type { Plan, Section, Span } from "@kehoach/model";

const RUNS = 200;
const fixtures = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
const seeds = ["000", "001", "002", "003", "004"].map((s) => readFileSync(`${fixtures}seeds/${s}.txt`, "utf8"));

import { PlanArb, basisNumber, render, expectedOutline, capital, pad } from "./support/plan-generator.ts";

function outline(sections: Section[]): string[] {
  return sections.flatMap((s) => [`${s.label}:${s.heading}`, ...outline(s.children).map((l) => `  ${l}`)]);
}

describe("round trip: generated plan → text → parse → renderMarkdown → parse → same model", () => {
  it(`holds for ${RUNS} random plans`, () => {
    fc.assert(
      fc.property(PlanArb, (p) => {
        // The generator's text is the document; the Markdown renderer must carry everything the parse read from it.
        const markdown = renderMarkdown(parseText(render(p)));
        const plan = parseText(markdown);
        expect(plan.source.format).toBe("markdown");
        expect(plan.issuer?.name).toBe(p.issuer);
        expect(plan.number).toMatchObject({ sequence: p.sequence, typeCode: "KH", issuerCode: p.issuer.startsWith("SỞ") ? "STTTT" : "UBND" });
        expect(plan.place?.name).toBe(p.place);
        expect(plan.date).toMatchObject({ day: p.day, month: p.month, year: p.year });
        expect(plan.title).toBe(capital(p.title));
        expect(plan.legalBases.map((b) => [b.docType, b.number, b.date, b.issuer, b.subject])).toEqual(
          p.bases.map((b, i) => [b.source.docType, basisNumber(b, i), `${b.year}-${pad(b.month)}-${pad(b.day)}`, b.source.issuer, `về ${b.subject}`]),
        );
        expect(outline(plan.sections)).toEqual(expectedOutline(p));
        expect(plan.budget.total?.amount ?? null).toBe(p.budget);
        if (p.budget !== null) expect(plan.budget.total?.words).toMatch(/ đồng$/);
        const counted = p.sections.flatMap((s) => s.children.flatMap((c) => c.children)).length;
        expect(plan.quantities.filter((q) => q.unit === "cán bộ" && q.value === p.count)).toHaveLength(counted);
        expect(plan.recipients.map((r) => r.text)).toEqual([...p.recipients.map((r) => `${capital(r)};`), "Lưu: VT."]);
        expect(plan.signature).toMatchObject({ authority: "TM. ỦY BAN NHÂN DÂN", delegation: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", signer: p.signer });
      }),
      { numRuns: RUNS },
    );
  });
});

// --- totality -------------------------------------------------------------------------------------

function spansOf(value: unknown, into: Span[] = []): Span[] {
  if (Array.isArray(value)) for (const item of value) spansOf(item, into);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const start = record["start"] as { offset?: unknown } | undefined;
    if (start && typeof start.offset === "number" && record["end"]) into.push(record as unknown as Span);
    for (const [key, item] of Object.entries(record)) if (key !== "source") spansOf(item, into);
  }
  return into;
}

function expectWellFormed(plan: Plan): void {
  const length = plan.source.text.length;
  for (const span of spansOf(plan)) {
    expect(span.start.offset).toBeGreaterThanOrEqual(0);
    expect(span.end.offset).toBeGreaterThanOrEqual(span.start.offset);
    expect(span.end.offset).toBeLessThanOrEqual(length);
  }
  expect(plan.findings.filter((f) => f.code === "internal-error")).toEqual([]);
}

const mutation = fc.record({
  seed: fc.integer({ min: 0, max: seeds.length - 1 }),
  at: fc.nat(),
  cut: fc.nat({ max: 400 }),
  insert: fc.string({ maxLength: 40 }),
});

describe("totality: no input throws, every span lies inside source.text", () => {
  it("arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => expectWellFormed(parseText(text))), { numRuns: RUNS });
  });
  it("arbitrary unicode", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => expectWellFormed(parseText(text))), { numRuns: RUNS });
  });
  it("mutated seeds", () => {
    fc.assert(
      fc.property(mutation, ({ seed, at, cut, insert }) => {
        const text = seeds[seed] as string;
        const where = at % (text.length + 1);
        expectWellFormed(parseText(text.slice(0, where) + insert + text.slice(where + cut)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("normalisation is idempotent", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const once = normalizeText(text).text;
        expect(normalizeText(once).text).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });
  it("on mutated seeds", () => {
    fc.assert(
      fc.property(mutation, ({ seed, at, cut, insert }) => {
        const text = seeds[seed] as string;
        const where = at % (text.length + 1);
        const once = normalizeText(text.slice(0, where) + insert + text.slice(where + cut)).text;
        expect(normalizeText(once).text).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });
});
