import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseText } from "@kehoach/parser";
import type { Plan } from "@kehoach/model";

const fixtures = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
/** Full-document OCR takes 15–30 s a scan here: one scan by default, all three with KEHOACH_SLOW=1. */
const slow = process.env["KEHOACH_SLOW"] === "1";

function essentials(plan: Plan) {
  return {
    bases: plan.legalBases.map((b) => [b.number, b.date]),
    budget: plan.budget.total?.amount ?? null,
    signer: plan.signature?.signer ?? null,
  };
}

describe.each([
  ["001", true],
  ["002", slow],
  ["003", slow],
] as const)("scan %s", (seed, run) => {
  it.runIf(run)(
    "OCR reads the legal bases (numbers and dates), budget total and signer of the seed text",
    async () => {
      const scanned = await parse(readFileSync(`${fixtures}samples/${seed}.scan.pdf`), { ocrWorkers: 2 });
      const text = parseText(readFileSync(`${fixtures}seeds/${seed}.txt`, "utf8"));
      expect(scanned.source.format).toBe("scan");
      expect(essentials(scanned)).toEqual(essentials(text));
      const first = scanned.legalBases[0]?.span;
      expect(first?.page).toBe(1);
      expect(first?.confidence).toBeGreaterThan(60);
    },
    300_000,
  );
});
