/**
 * One size of the scaling bench, in a process of its own so its peak memory is its own:
 * `node --expose-gc … bench/scale-child.ts BYTES RUNS` prints one JSON line.
 *
 * Peak memory is the process's maximum resident set size during a parse (getrusage ru_maxrss, via
 * process.resourceUsage()) over its resident set just before that parse: exact, unlike sampling, which
 * cannot run while the synchronous parser holds the thread. On Linux the high-water mark is reset before
 * each run (`/proc/self/clear_refs`), so each run's growth is its own: V8 keeps the young generation it
 * grew and the old-space pages it freed after a parse, and the next parse reuses them, so the resident
 * set a later run starts from is already higher. The growth of the later runs over the first run's
 * starting point is reported beside it (`rssGrowthAcrossRunsMb`).
 */
import type { Plan } from "@kehoach/model";
import { parseText } from "../packages/parser/src/index.ts";
import { grownPlan, repeatsFor, seedText } from "./plans.ts";
import { median } from "./lib.ts";
import { writeFileSync } from "node:fs";

const bytes = Number(process.argv[2] ?? 1e5);
const runs = Math.max(1, Number(process.argv[3] ?? 3));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (kb: number) => Math.round(kb / 1024);

/** Resets the process's peak resident set to the current one (Linux); false where that cannot be done. */
function resetPeak(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

// Warm up on the seed itself: the parser is loaded and its code compiled before anything is measured.
for (let i = 0; i < 3; i++) parseText(seedText("000"));
const repeats = repeatsFor(bytes);
const text = grownPlan(repeats);
const seedSections = parseText(grownPlan(1)).sections.length;
gc();
// The resident set now, not its high-water mark: a transient peak of the set-up (making the text) would
// otherwise hide as much of the parse's own growth. This baseline can only overstate the growth.
const firstBaseRss = process.memoryUsage().rss / 1024;
const heapBefore = process.memoryUsage().heapUsed;

/** One timed parse; the Plan lives only inside, so no stack slot of the loop can keep it into the next run. */
function run(): { ms: number; baseRss: number; peakRss: number; heapWithPlan: number; valid: Record<string, number | boolean> } {
  const baseRss = process.memoryUsage().rss / 1024;
  const t0 = performance.now();
  const plan: Plan = parseText(text);
  const ms = performance.now() - t0;
  return {
    ms,
    baseRss,
    peakRss: process.resourceUsage().maxRSS,
    heapWithPlan: process.memoryUsage().heapUsed - heapBefore,
    valid: {
      sections: plan.sections.length,
      expectedSections: seedSections * repeats,
      title: plan.title !== null,
      signature: plan.signature !== null,
      recipients: plan.recipients.length,
      legalBases: plan.legalBases.length,
      internalErrors: plan.findings.filter((f) => f.code === "internal-error").length,
    },
  };
}

const results: ReturnType<typeof run>[] = [];
let perRun = true;
for (let i = 0; i < runs; i++) {
  gc();
  perRun = resetPeak() && perRun;
  results.push(run());
}
const last = results[results.length - 1];
if (last === undefined) throw new Error("no run");
const samples = results.map((r) => r.ms);
const peakRss = Math.max(...results.map((r) => r.peakRss));
// Without a reset the high-water mark spans every run: each run's growth is then counted from the first's start.
const growths = results.map((r) => r.peakRss - (perRun ? r.baseRss : firstBaseRss));

process.stdout.write(
  `${JSON.stringify({
    bytes: Buffer.byteLength(text),
    chars: text.length,
    repeats,
    runs: samples.length,
    ms: median(samples),
    samples,
    baseRssMb: mb(firstBaseRss),
    peakRssMb: mb(peakRss),
    /** The largest growth of one run over the resident set just before it. */
    rssGrowthMb: mb(Math.max(...growths)),
    rssGrowthsMb: growths.map(mb),
    /** The highest peak of any run over the resident set before the first. */
    rssGrowthAcrossRunsMb: mb(peakRss - firstBaseRss),
    peakPerRun: perRun,
    /** Heap still held with the last Plan alive: the Plan itself plus garbage not yet collected. */
    heapWithPlanMb: Math.round(last.heapWithPlan / 2 ** 20),
    valid: last.valid,
  })}\n`,
);
