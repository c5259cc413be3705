/**
 * One size of the scaling bench, in a process of its own so its peak memory is its own:
 * `node --expose-gc … bench/scale-child.ts BYTES RUNS` prints one JSON line.
 *
 * Peak memory is the process's maximum resident set size after parsing (getrusage ru_maxrss, via
 * process.resourceUsage()) over its resident set just before: exact, unlike sampling, which cannot
 * run while the synchronous parser holds the thread.
 */
import type { Plan } from "@kehoach/model";
import { parseText } from "../packages/parser/src/index.ts";
import { grownPlan, repeatsFor, seedText } from "./plans.ts";
import { median } from "./lib.ts";

const bytes = Number(process.argv[2] ?? 1e5);
const runs = Math.max(1, Number(process.argv[3] ?? 3));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (kb: number) => Math.round(kb / 1024);

// Warm up on the seed itself: the parser is loaded and its code compiled before anything is measured.
for (let i = 0; i < 3; i++) parseText(seedText("000"));
const repeats = repeatsFor(bytes);
const text = grownPlan(repeats);
const seedSections = parseText(grownPlan(1)).sections.length;
gc();
// The resident set now, not its high-water mark: a transient peak of the set-up (making the text) would
// otherwise hide as much of the parse's own growth. This baseline can only overstate the growth.
const baseRss = process.memoryUsage().rss / 1024;
const heapBefore = process.memoryUsage().heapUsed;

const samples: number[] = [];
let plan: Plan | null = null;
let heapAfter = 0;
for (let i = 0; i < runs; i++) {
  // The last run's Plan is let go first: each run's peak is its own parse's, not that plus the Plan before.
  plan = null;
  gc();
  const t0 = performance.now();
  plan = parseText(text);
  samples.push(performance.now() - t0);
  heapAfter = process.memoryUsage().heapUsed;
}
if (plan === null) throw new Error("no run");
const peakRss = process.resourceUsage().maxRSS;

process.stdout.write(
  `${JSON.stringify({
    bytes: Buffer.byteLength(text),
    chars: text.length,
    repeats,
    runs: samples.length,
    ms: median(samples),
    samples,
    baseRssMb: mb(baseRss),
    peakRssMb: mb(peakRss),
    /** Heap still held with the last Plan alive: the Plan itself plus garbage not yet collected. */
    heapWithPlanMb: Math.round((heapAfter - heapBefore) / 2 ** 20),
    valid: {
      sections: plan.sections.length,
      expectedSections: seedSections * repeats,
      title: plan.title !== null,
      signature: plan.signature !== null,
      recipients: plan.recipients.length,
      legalBases: plan.legalBases.length,
      internalErrors: plan.findings.filter((f) => f.code === "internal-error").length,
    },
  })}\n`,
);
