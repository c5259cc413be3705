import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan, Section, Span } from "@kehoach/model";
import { parseText } from "@kehoach/parser";

/**
 * Every field points back at the words it was read from: the text its span covers is the field's own
 * text (as the model writes it: line breaks as spaces, footnote markers left out). Checked on the seeds,
 * the corpus texts and the form fixtures, field by field.
 */
const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
const inputs = [
  ...readdirSync(`${fixtures}seeds`).map((name) => `seeds/${name}`),
  ...readdirSync(`${fixtures}corpus`).filter((name) => name.endsWith(".txt")).map((name) => `corpus/${name}`),
];

/** A span's words, as the model's strings carry them. */
function spanText(plan: Plan, span: Span): string {
  return plan.source.text
    .slice(span.start.offset, span.end.offset)
    .replace(/\[\^[^\]\s]{1,20}\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
const same = (text: string) => text.replace(/\s+/g, " ").trim();

function* sectionsOf(sections: readonly Section[]): Generator<Section> {
  for (const section of sections) {
    yield section;
    yield* sectionsOf(section.children);
  }
}

describe.each(inputs)("%s", (name) => {
  const plan = parseText(readFileSync(`${fixtures}${name}`, "utf8"), { checks: false });
  const at = (span: Span) => spanText(plan, span);

  it("header fields: number, place, date, issuer, type heading", () => {
    if (plan.number) expect(at(plan.number.span)).toBe(same(plan.number.raw));
    if (plan.place) expect(at(plan.place.span)).toBe(same(plan.place.name));
    if (plan.date) expect(at(plan.date.span)).toBe(same(plan.date.raw));
    if (plan.docType) expect(at(plan.docType.span)).toBe(same(plan.docType.text));
    if (plan.issuer) expect(at(plan.issuer.span)).toContain(same(plan.issuer.name));
    if (plan.title && plan.titleSpan) expect(at(plan.titleSpan)).toBe(same(plan.title));
  });

  it("citations and legal bases: the span is the citation as written", () => {
    for (const citation of [...plan.citations, ...plan.legalBases]) expect(at(citation.span)).toBe(same(citation.raw));
    for (const basis of plan.legalBases) if (basis.dateSpan) expect(at(basis.dateSpan)).toMatch(/\d/);
  });

  it("sections: each label and heading where it is printed", () => {
    for (const section of sectionsOf(plan.sections)) {
      expect(at(section.headingSpan)).toBe(same(section.heading));
    }
  });

  it("amounts, quantities, assignments, recipients", () => {
    for (const money of plan.budget.amounts) expect(at(money.span)).toBe(same(money.raw));
    for (const quantity of plan.quantities) expect(at(quantity.span)).toBe(same(quantity.raw));
    for (const assignment of plan.assignments) expect(at(assignment.span)).toBe(same(assignment.agency));
    for (const recipient of plan.recipients) expect(at(recipient.span)).toBe(same(recipient.text));
  });

  it("signature: the block covers its signer", () => {
    if (plan.signature?.signer) expect(at(plan.signature.span)).toContain(same(plan.signature.signer));
  });
});
