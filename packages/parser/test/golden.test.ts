import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseText } from "@kehoach/parser";
import { goldenProjection } from "./support/projection.ts";

const fixtures = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
const seeds = ["000", "001", "002", "003", "004"];

/**
 * Golden files are claims that the parse is right, checked by reading each seed; `UPDATE=1` rewrites
 * them for review, it never runs in CI.
 */
describe.each(seeds)("seed %s", (seed) => {
  const plan = parseText(readFileSync(`${fixtures}seeds/${seed}.txt`, "utf8"));
  const actual = goldenProjection(plan);
  const goldenPath = `${fixtures}golden/${seed}.json`;
  if (process.env["UPDATE"] === "1") writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
  const golden = JSON.parse(readFileSync(goldenPath, "utf8")) as ReturnType<typeof goldenProjection>;

  it("reads the header: number, place, date, issuer", () => {
    expect({ number: actual.number, place: actual.place, date: actual.date, issuer: actual.issuer }).toEqual({
      number: golden.number,
      place: golden.place,
      date: golden.date,
      issuer: golden.issuer,
    });
  });
  it("reads the type and the title", () => {
    expect([actual.kind, actual.title]).toEqual([golden.kind, golden.title]);
  });
  it("finds every legal basis with its number, date and issuer", () => {
    expect(actual.legalBases).toEqual(golden.legalBases);
  });
  it("builds the section tree from the numbering", () => {
    expect(actual.outline).toEqual(golden.outline);
  });
  it("reads the budget total", () => {
    expect(actual.budgetTotal).toEqual(golden.budgetTotal);
  });
  it("reads recipients, signature and stamps", () => {
    expect({ r: actual.recipients, s: actual.signature, d: actual.digitalSignatures }).toEqual({
      r: golden.recipients,
      s: golden.signature,
      d: golden.digitalSignatures,
    });
  });
  it("reports the findings a careful reviewer would list", () => {
    expect(actual.findings).toEqual(golden.findings);
  });
  it("separates footnotes and finds what the plan supersedes", () => {
    expect({ f: actual.footnotes, s: actual.supersedes, c: actual.closingStart, i: actual.issuance }).toEqual({
      f: golden.footnotes,
      s: golden.supersedes,
      c: golden.closingStart,
      i: golden.issuance,
    });
  });
});
