import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExtractedText } from "../src/input/extracted.ts";
import { analyse, lex, mapToPlan, runGrammar } from "../src/pipeline.ts";
import { mapInChunks } from "../src/chunked.ts";
import { normalizeExtracted } from "../src/normalize/index.ts";

/**
 * A long body read a chunk at a time gives the Plan (and the analysis) the whole text gives: chunks are
 * made small here so that the seeds, cut and joined at random, are read in several.
 */
const fixtures = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
const seeds = ["000", "001", "002", "003", "004"].map((s) => readFileSync(`${fixtures}seeds/${s}.txt`, "utf8"));

function both(text: string, chunkSize: number): { whole: string; chunked: string | null } {
  const extracted: ExtractedText = { format: "text", text, layout: "auto", regions: [], notes: [] };
  const normalized = normalizeExtracted(extracted);
  const lexed = lex(normalized);
  const mapped = mapToPlan(normalized, extracted, lexed, runGrammar(lexed));
  const whole = JSON.stringify([mapped.plan, analyse(mapped, lexed)]);
  const inChunks = mapInChunks(normalized, extracted, chunkSize);
  return { whole, chunked: inChunks ? JSON.stringify([inChunks.mapped.plan, analyse(inChunks.mapped, inChunks)]) : null };
}

/** A seed with its body (from the first line with a roman label) written `times` times: what the bench grows. */
function grown(seed: string, times: number): string {
  const lines = seed.split("\n");
  const start = lines.findIndex((line) => /^\s*I\.\s/.test(line));
  const end = lines.findLastIndex((line) => /\.\/\.\s*$/.test(line));
  if (start < 0 || end <= start) return seed.repeat(times);
  return [...lines.slice(0, start), ...Array.from({ length: times }, () => lines.slice(start, end)).flat(), ...lines.slice(end)].join("\n");
}

describe("a long body read in chunks", () => {
  it("gives each grown seed the Plan of the whole text, read in several chunks", () => {
    let chunked = 0;
    for (const seed of seeds) {
      const result = both(grown(seed, 4), 5000);
      if (result.chunked === null) continue;
      chunked++;
      expect(result.chunked).toBe(result.whole);
    }
    expect(chunked).toBeGreaterThanOrEqual(3);
  });

  it("gives random cuts and joins of the seeds the Plan of the whole text", () => {
    const piece = fc
      .tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([seed, a, b]) => {
        const lines = (seeds[seed] as string).split("\n");
        const from = Math.floor(Math.min(a, b) * lines.length);
        const to = Math.ceil(Math.max(a, b) * lines.length);
        return lines.slice(from, to).join("\n");
      });
    let chunked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(piece, { maxLength: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.integer({ min: 3000, max: 6000 }),
        (seed, pieces, at, keep, chunkSize) => {
          // Lines of other seeds put into a grown seed, which may be cut short.
          const lines = grown(seeds[seed] as string, 4).split("\n");
          lines.splice(Math.floor(at * lines.length), 0, ...pieces);
          const result = both(lines.slice(0, Math.ceil(keep * lines.length)).join("\n"), chunkSize);
          if (result.chunked === null) return;
          chunked++;
          expect(result.chunked).toBe(result.whole);
        },
      ),
      { numRuns: 60 },
    );
    expect(chunked).toBeGreaterThan(10);
  });
});
