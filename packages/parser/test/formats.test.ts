import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseText } from "@kehoach/parser";
import type { Plan, Section } from "@kehoach/model";

const fixtures = fileURLToPath(new URL("../../../fixtures/", import.meta.url));

/** What must not depend on the input format: everything but spans, pages and signature stamps. */
function comparable(plan: Plan) {
  const tree = (sections: Section[]): unknown[] => sections.map((s) => [s.label, s.heading, s.paragraphs.map((p) => p.text), tree(s.children)]);
  return {
    title: plan.title,
    number: plan.number?.raw ?? null,
    date: plan.date && [plan.date.day, plan.date.month, plan.date.year],
    place: plan.place?.name ?? null,
    legalBases: plan.legalBases.map((b) => [b.docType, b.number, b.date, b.issuer, b.subject]),
    sections: tree(plan.sections),
    budget: plan.budget.total?.amount ?? null,
    recipients: plan.recipients.map((r) => r.text),
    signature: plan.signature && [plan.signature.authority, plan.signature.delegation, plan.signature.position, plan.signature.signer],
    footnotes: plan.footnotes.map((f) => f.label),
    supersedes: plan.supersedes?.number ?? null,
  };
}

const SAMPLES = [
  ["000.docx", "docx"],
  ["000.autonum.docx", "docx"],
  ["001.docx", "docx"],
  ["002.docx", "docx"],
  ["002.autonum.docx", "docx"],
  ["003.docx", "docx"],
  ["004.docx", "docx"],
  ["000.pdf", "pdf"],
  ["001.pdf", "pdf"],
  ["001.fallback-font.pdf", "pdf"],
  ["002.pdf", "pdf"],
  ["003.pdf", "pdf"],
  ["004.pdf", "pdf"],
] as const;

describe.each(SAMPLES)("%s", (file, format) => {
  it("parses to the same plan as the seed text", async () => {
    const fromFile = await parse(readFileSync(`${fixtures}samples/${file}`));
    const fromText = parseText(readFileSync(`${fixtures}seeds/${file.slice(0, 3)}.txt`, "utf8"));
    expect(fromFile.source.format).toBe(format);
    expect(comparable(fromFile)).toEqual(comparable(fromText));
  });
});
