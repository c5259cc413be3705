import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseText } from "@kehoach/parser";
import { applyFault, changedFields, findingDiff, withSpanTexts, type FindingKey, type InvalidCase } from "./support/golden-invalid.ts";
import { PLAN_FIELDS } from "./support/golden-plan.ts";

const fixtures = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
const dir = `${fixtures}golden/invalid/`;
const names = readdirSync(dir).filter((f) => f.endsWith(".case.json")).map((f) => f.slice(0, -".case.json".length)).sort();
const order = (keys: FindingKey[]) => [...keys].sort((a, b) => `${a.code} ${a.text}`.localeCompare(`${b.code} ${b.text}`));

it("has at least eight invalid cases", () => {
  expect(names.length).toBeGreaterThanOrEqual(8);
});

/**
 * Invalid goldens: a seed with one fault injected (fixtures/golden/invalid/NAME.txt, written by
 * scripts/make-invalid-goldens.ts) reports exactly the findings its case names beyond the seed's, and
 * its Plan differs from the seed's only in the fields the fault touches. `UPDATE=1` rewrites the
 * expectations from the parse for review, never in CI.
 */
describe.each(names)("invalid %s", (name) => {
  const casePath = `${dir}${name}.case.json`;
  let c = JSON.parse(readFileSync(casePath, "utf8")) as InvalidCase;
  const seedText = readFileSync(`${fixtures}seeds/${c.seed}.txt`, "utf8");
  const text = readFileSync(`${dir}${name}.txt`, "utf8");
  const valid = parseText(seedText);
  const faulty = parseText(text);
  if (process.env["UPDATE"] === "1") {
    const { added, removed } = findingDiff(valid, faulty);
    c = { ...c, added, removed, changed: changedFields(valid, faulty) };
    writeFileSync(casePath, `${JSON.stringify(c, null, 2)}\n`);
  }

  it("is its seed with the one fault (scripts/make-invalid-goldens.ts)", () => {
    expect(text).toBe(applyFault(seedText, c));
  });

  it(`reports exactly the findings of the fault: ${c.fault}`, () => {
    const { added, removed } = findingDiff(valid, faulty);
    expect(order(added), "findings the faulty text has beyond the seed's").toEqual(order(c.added));
    expect(order(removed), "findings of the seed the faulty text no longer has").toEqual(order(c.removed));
  });

  it(`changes only ${c.changed.join(", ") || "nothing"} in the Plan`, () => {
    expect(changedFields(valid, faulty)).toEqual(c.changed);
    // Each unchanged field, with its spans read as the text they cover, is the seed's.
    for (const field of PLAN_FIELDS.filter((f) => f !== "source" && f !== "findings" && !c.changed.includes(f))) {
      expect(withSpanTexts(faulty, faulty[field]), `${name}: Plan.${field}`).toEqual(withSpanTexts(valid, valid[field]));
    }
  });
});
