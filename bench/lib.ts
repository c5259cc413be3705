/** Timing, machine description and table printing for bench/run.ts. */
import { cpus, availableParallelism, loadavg, totalmem, platform, arch } from "node:os";

export interface Timing {
  /** Median of the timed runs, ms. */
  ms: number;
  min: number;
  max: number;
  runs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function summarize(samples: number[]): Timing {
  return { ms: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

/**
 * Times `fn` `runs` times after `warmup` untimed calls, and more of them until `warmupMs` have passed;
 * each run timed on its own, the median reported. The time floor is for code V8 is still optimising:
 * a pipeline of many functions takes a few seconds of calls to reach its steady speed.
 */
export function timeSync(fn: () => unknown, runs: number, warmup: number, warmupMs = 0): Timing {
  const warmStart = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmStart < warmupMs; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/**
 * Times several functions in turns (a run of each, then again), after warming each as `timeSync` does:
 * on a shared machine whose speed drifts, each run of one is timed beside a run of the others, so their
 * ratio holds where their separate medians would not. Returns each one's timing and its raw samples.
 */
export function timeInTurns(fns: readonly (() => unknown)[], runs: number, warmup: number, warmupMs = 0): { timing: Timing; samples: number[] }[] {
  for (const fn of fns) timeSync(fn, 0, warmup, warmupMs);
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      (samples[k] as number[]).push(performance.now() - t0);
    });
  }
  return samples.map((s) => ({ timing: summarize(s), samples: s }));
}

export async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  platform: string;
  totalMemoryMb: number;
  /** 1, 5 and 15-minute load averages when the bench started and ended (other work on the machine). */
  loadStart: number[];
  loadEnd?: number[];
}

export function machine(): Machine {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    platform: `${platform()} ${arch()}`,
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    loadStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** A row of the results: a measured figure, or a skipped one with the reason. */
export interface Row {
  name: string;
  /** Median ms of one run of what the row measures (see `unit`). */
  ms?: number;
  runs?: number;
  min?: number;
  max?: number;
  [metric: string]: unknown;
  skipped?: string;
  note?: string;
}

export interface Section {
  title: string;
  /** Columns to print, in order: [key, header]. */
  columns: [string, string][];
  rows: Row[];
  notes: string[];
}

export function fmt(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return String(value);
    const abs = Math.abs(value);
    if (abs >= 1000) return value.toFixed(0);
    if (abs >= 100) return value.toFixed(1);
    if (abs >= 10) return value.toFixed(2);
    if (abs >= 0.01 || abs === 0) return value.toFixed(3);
    return value.toPrecision(2);
  }
  return String(value);
}

export function printSection(section: Section): string {
  const headers = ["", ...section.columns.map(([, h]) => h)];
  const body = section.rows.map((row) => {
    if (row.skipped !== undefined) return [row.name, `skipped: ${row.skipped}`];
    return [row.name, ...section.columns.map(([key]) => fmt(row[key]))];
  });
  const widths = headers.map((h, i) => Math.max(h.length, ...body.filter((r) => r.length === headers.length).map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.length === headers.length
      ? cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ")
      : `${(cells[0] ?? "").padEnd(widths[0] as number)}  ${cells[1] ?? ""}`;
  const out = [`\n## ${section.title}`, line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
  for (const note of section.notes) out.push(`  * ${note}`);
  return out.join("\n");
}

export const MB = 1e6;
export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
