/**
 * Hostile inputs, default run: a few hundred seeded mutations of every format, and a few inputs built
 * to be large or deep. Every case is bounded in time: mutations run in parseMany workers (a hang is a
 * `worker-timeout`, a crash a `worker-crashed`, never a stuck suite); the big inputs are timed and
 * their memory measured in this process.
 *
 * What parse() may do with any bytes: resolve with a Plan (zod-valid, every span inside source.text,
 * no internal-error finding) or reject with a KehoachInputError. Nothing else.
 *
 * scripts/fuzz.ts runs the same mutations by the thousand, and the big inputs at 10× (`--hostile`).
 * Inputs once found super-linear are tests below, with their numbers (see also regex-linear.test.ts).
 */
import { describe, expect, it } from "vitest";
import { parseText } from "@kehoach/parser";
import { PlanSchema, type Plan, type Section } from "@kehoach/model";
import { parseMany } from "../src/batch/index.ts";
import type { InputErrorCode } from "../src/errors.ts";
import { corpusFor, makeCase, type Format } from "./support/mutate.ts";

const INPUT_ERRORS: readonly InputErrorCode[] = ["unsupported-format", "corrupt-file", "encrypted-pdf", "legacy-doc", "too-large", "too-many-pages", "timeout", "ocr-failed", "empty-document"];

function badSpans(value: unknown, length: number, path = "plan"): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => badSpans(item, length, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const start = (record["start"] as { offset?: unknown } | undefined)?.offset;
  const end = (record["end"] as { offset?: unknown } | undefined)?.offset;
  const own = typeof start === "number" && typeof end === "number" && !(start >= 0 && start <= end && end <= length) ? [`${path} [${start}, ${end})`] : [];
  return own.concat(Object.entries(record).flatMap(([key, item]) => (key === "source" ? [] : badSpans(item, length, `${path}.${key}`))));
}

/** Cases per format and the bounds (ms) for one input: parse's own, and the worker's. */
const PLAN: Record<Format, { cases: number; seed: number; parseMs: number; poolMs: number }> = {
  text: { cases: 120, seed: 11, parseMs: 10_000, poolMs: 20_000 },
  markdown: { cases: 60, seed: 12, parseMs: 10_000, poolMs: 20_000 },
  docx: { cases: 80, seed: 13, parseMs: 15_000, poolMs: 25_000 },
  doc: { cases: 60, seed: 16, parseMs: 15_000, poolMs: 25_000 },
  // A PDF whose text layer the mutation broke goes to OCR of its images (10 s and more for a whole
  // document): parse's own 8 s bound turns those into a typed `timeout`, which is an allowed outcome.
  pdf: { cases: 24, seed: 14, parseMs: 8_000, poolMs: 20_000 },
  // Each image case starts tesseract.js and loads its model: ~1–3 s.
  image: { cases: 4, seed: 15, parseMs: 30_000, poolMs: 45_000 },
};

describe("seeded mutations through parse(): a Plan or a KehoachInputError, never anything else", () => {
  for (const [format, plan] of Object.entries(PLAN) as [Format, (typeof PLAN)[Format]][]) {
    it(`${format}: ${plan.cases} cases (seed ${plan.seed})`, { timeout: 240_000 }, async () => {
      const corpus = corpusFor(format);
      const made = new Map<string, string>();
      const inputs = Array.from({ length: plan.cases }, (_, i) => {
        const c = makeCase(format, corpus, plan.seed, i);
        made.set(`${format}:${i}`, `${c.from} by ${c.ops.join(" ")}`);
        return { id: `${format}:${i}`, bytes: c.bytes };
      });
      const problems: string[] = [];
      const outcomes = new Map<string, number>();
      for await (const r of parseMany(inputs, { workers: 2, timeoutMs: plan.poolMs, parse: { timeoutMs: plan.parseMs }, maxMemoryMb: 2048 })) {
        const how = made.get(r.id);
        if ("error" in r) {
          outcomes.set(r.error.code, (outcomes.get(r.error.code) ?? 0) + 1);
          if (!INPUT_ERRORS.includes(r.error.code as InputErrorCode)) problems.push(`${r.id} (${how}): ${r.error.code}: ${r.error.message} ${r.error.stack ?? ""}`);
          continue;
        }
        outcomes.set("plan", (outcomes.get("plan") ?? 0) + 1);
        const parsed = PlanSchema.safeParse(r.plan);
        if (!parsed.success) problems.push(`${r.id} (${how}): not a valid Plan: ${parsed.error.message.slice(0, 300)}`);
        const internal = r.plan.findings.filter((f) => f.code === "internal-error");
        if (internal.length > 0) problems.push(`${r.id} (${how}): internal-error finding: ${internal[0]?.message}`);
        const spans = badSpans(r.plan, r.plan.source.text.length);
        if (spans.length > 0) problems.push(`${r.id} (${how}): spans outside source.text: ${spans.slice(0, 3).join(", ")}`);
      }
      console.log(`${format}: ${[...outcomes].map(([k, n]) => `${k} ${n}`).join(", ")}`);
      expect(problems).toEqual([]);
      expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(plan.cases);
    });
  }
});

// --- big and deep inputs, in this process ------------------------------------------------------------

interface Measured {
  plan: Plan;
  ms: number;
  /** Rise of the process's peak resident set while parsing (0 when an earlier peak was higher). */
  peakRiseMb: number;
  /** Heap in use after parsing, the Plan alive, against before. */
  heapMb: number;
}

function measure(text: string): Measured {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rssBefore = process.resourceUsage().maxRSS;
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const plan = parseText(text);
  const ms = performance.now() - t0;
  const measured = {
    plan,
    ms,
    peakRiseMb: Math.round((process.resourceUsage().maxRSS - rssBefore) / 1024),
    heapMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20),
  };
  console.log(`${(text.length / 1e6).toFixed(2)} M chars: ${Math.round(ms)} ms, peak RSS +${measured.peakRiseMb} MB, heap +${measured.heapMb} MB, ${plan.findings.length} findings`);
  return measured;
}

const depthOf = (sections: Section[]): number => (sections.length === 0 ? 0 : 1 + Math.max(...sections.map((s) => depthOf(s.children))));
const plain = (plan: Plan) => plan.findings.filter((f) => f.code === "internal-error");

describe("big and deep inputs: bounded time and memory", () => {
  it("a 1 MB line with no spaces (Vietnamese letters, digits, a symbol soup): linear, well under the bound", { timeout: 120_000 }, () => {
    for (const unit of ["ả", "1", "Đ/-", "a.b,c;"]) {
      const m = measure(unit.repeat(Math.ceil(1_000_000 / unit.length)));
      expect(plain(m.plan)).toEqual([]);
      expect(m.ms).toBeLessThan(20_000); // measured 0.2–0.4 s on 2 cores
      expect(m.peakRiseMb).toBeLessThan(1_500); // measured ~100–140 MB
    }
  });

  it("10^5 lines `Căn cứ Quyết định số 1/QĐ-UBND ngày 01/01/2020;` (4.8 MB): every one a legal basis", { timeout: 180_000 }, () => {
    const m = measure("Căn cứ Quyết định số 1/QĐ-UBND ngày 01/01/2020;\n".repeat(100_000));
    expect(plain(m.plan)).toEqual([]);
    expect(m.plan.legalBases).toHaveLength(100_000);
    // Measured: 10^4 lines 0.7 s, 10^5 lines 5.8 s and ~800 MB peak RSS growth (linear; the Plan is big).
    expect(m.ms).toBeLessThan(90_000);
    expect(m.peakRiseMb).toBeLessThan(4_000);
  });

  it("numbering nested 64 deep (`1.1.1.…1.`, the deepest kept): a section tree 64 deep, nothing flattened", { timeout: 60_000 }, () => {
    const lines = ["KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2024"];
    for (let depth = 1; depth <= 64; depth++) lines.push(`${"1.".repeat(depth)} Mục cấp ${depth}`);
    const m = measure(lines.join("\n"));
    expect(plain(m.plan)).toEqual([]);
    expect(depthOf(m.plan.sections)).toBe(64);
    expect(m.plan.findings.map((f) => f.code)).not.toContain("section-too-deep");
    expect(m.ms).toBeLessThan(10_000);
    // The Plan survives the JSON round trip a CLI does (no stack overflow on the deep tree).
    expect(JSON.parse(JSON.stringify(m.plan)).sections).toHaveLength(1);
  });

  it("numbering nested 1 000 deep (1 MB): the tree stops at 64 levels, with a section-too-deep warning", { timeout: 60_000 }, () => {
    const lines = ["KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2024"];
    for (let depth = 1; depth <= 1_000; depth++) lines.push(`${"1.".repeat(depth)} Mục cấp ${depth}`);
    const m = measure(lines.join("\n"));
    expect(plain(m.plan)).toEqual([]);
    expect(depthOf(m.plan.sections)).toBe(64);
    expect(m.plan.findings.filter((f) => f.code === "section-too-deep")).toHaveLength(1);
    expect(m.ms).toBeLessThan(20_000);
    expect(m.peakRiseMb).toBeLessThan(1_500);
  });

  it("150 000 findings (a numbered item repeated): all of them come back", { timeout: 120_000 }, () => {
    const m = measure(`KẾ HOẠCH\nThử\n${"1. Mục\n".repeat(150_000)}`);
    expect(plain(m.plan)).toEqual([]);
    expect(m.plan.findings.filter((f) => f.code === "section-duplicate")).toHaveLength(149_999);
  });

  it("a header line of 80 000 spaces then a lower-case letter: linear (once quadratic in the column split)", { timeout: 60_000 }, () => {
    const m = measure(`ỦY BAN NHÂN DÂN${" ".repeat(80_000)}a\nKẾ HOẠCH\nThử`);
    expect(plain(m.plan)).toEqual([]);
    // A bound, not a benchmark: quadratic took 13.6 s here; linear takes milliseconds.
    expect(m.ms).toBeLessThan(3_000);
  });
});
