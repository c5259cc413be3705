import type { Box } from "@kehoach/model";
import { mergeOverlaps, widthFactors } from "./fallback.ts";
import { SUP_CLOSE, SUP_OPEN, type Line, type Run } from "./types.ts";

/** Runs whose baselines differ by less than this share of the font size sit on one line. */
const BASELINE_TOLERANCE = 0.35;
/** A gap wider than this share of the font size between two runs is a word space. */
export const SPACE_GAP = 0.15;

/**
 * Groups the runs of a page into visual lines, top to bottom: runs sorted by baseline, a line takes
 * runs whose baseline is within a tolerance of its first; superscripts (smaller, raised) are then
 * moved into the line they belong to. Inside a line runs are sorted by x — this is what repairs PDFs
 * whose fallback-font glyphs pdf.js returns after the rest of the line (runs that overlap are merged
 * in fallback.ts). O(n log n) for the sort, linear after it.
 */
export function buildLines(runs: Run[], page: number): Line[] {
  if (runs.length === 0) return [];
  const sorted = runs.slice().sort((p, q) => q.y - p.y || p.x0 - q.x0);
  const groups: Run[][] = [];
  let current: Run[] = [];
  let anchorY = Number.NaN;
  let anchorSize = 0;
  for (const run of sorted) {
    if (current.length > 0 && Math.abs(anchorY - run.y) <= BASELINE_TOLERANCE * Math.min(anchorSize, run.size)) {
      current.push(run);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [run];
    anchorY = run.y;
    anchorSize = run.size;
  }
  groups.push(current);

  // Space hints leave the groups here; each line gets back those of its own group.
  const blanks = new Map<Run[], Run[]>();
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] as Run[];
    if (!group.some((r) => r.blank)) continue;
    const visible = group.filter((r) => !r.blank);
    groups[i] = visible;
    blanks.set(visible, group.filter((r) => r.blank));
  }
  const merged = attachSuperscripts(groups.filter((g) => g.length > 0));
  // Glyph width factors are only needed where runs overlap (fallback fonts): measured on demand.
  let measured: Map<string, number> | undefined;
  const factors = () => (measured ??= widthFactors(runs));
  const lines: Line[] = [];
  for (const group of merged) {
    const line = makeLine(group, blanks.get(group), page, factors);
    if (line) lines.push(line);
  }
  return lines;
}

/** Main size of a group: the size of its longest run. */
function mainRun(group: readonly Run[]): Run {
  let best = group[0] as Run;
  for (const run of group) if (!run.sup && (best.sup || run.str.length > best.str.length)) best = run;
  return best;
}

/**
 * A group of small runs just above a line (raised by 0.2–0.75 of the line's size, overlapping it
 * horizontally) holds that line's superscripts: footnote markers, "m2"-style exponents, the raised
 * number in front of a footnote.
 */
function attachSuperscripts(groups: Run[][]): Run[][] {
  const out: Run[][] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] as Run[];
    const below = groups[i + 1];
    if (below && below.length > 0) {
      const host = mainRun(below);
      const top = mainRun(group);
      const raise = top.y - host.y;
      let maxSize = 0, x0 = Infinity, x1 = -Infinity;
      for (const run of group) {
        maxSize = Math.max(maxSize, run.size);
        x0 = Math.min(x0, run.x0);
        x1 = Math.max(x1, run.x1);
      }
      let hx0 = Infinity, hx1 = -Infinity;
      for (const run of below) {
        hx0 = Math.min(hx0, run.x0);
        hx1 = Math.max(hx1, run.x1);
      }
      const short = group.every((run) => run.str.length <= 4);
      if (
        short &&
        maxSize < 0.9 * host.size &&
        raise >= 0.15 * host.size &&
        raise <= 0.75 * host.size &&
        x1 >= hx0 - host.size &&
        x0 <= hx1 + host.size
      ) {
        for (const run of group) run.sup = true;
        below.push(...group);
        continue;
      }
    }
    out.push(group);
  }
  return out;
}

function makeLine(group: Run[], blanks: Run[] | undefined, page: number, factors: () => Map<string, number>): Line | undefined {
  markRaised(group);
  const byX = group.slice().sort((p, q) => p.x0 - q.x0 || p.seq - q.seq);
  const deduped = dropDuplicates(byX);
  const runs = mergeOverlaps(deduped, factors);
  if (runs.length === 0) return undefined;
  if (blanks) markHintedSpaces(runs, blanks);
  return lineFromRuns(runs, page, isReordered(deduped));
}

/** Builds a Line (text, extent, box, main size) from x-ordered runs. */
export function lineFromRuns(runs: Run[], page: number, reordered = false): Line {
  const main = mainRun(runs);
  let x0 = Infinity, x1 = -Infinity;
  const box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const run of runs) {
    if (run.x0 < x0) x0 = run.x0;
    if (run.x1 > x1) x1 = run.x1;
    const b = run.box;
    if (b.x0 < box.x0) box.x0 = b.x0;
    if (b.y0 < box.y0) box.y0 = b.y0;
    if (b.x1 > box.x1) box.x1 = b.x1;
    if (b.y1 > box.y1) box.y1 = b.y1;
  }
  const line: Line = {
    page,
    runs,
    text: joinRuns(runs),
    x0,
    x1,
    y: main.y,
    size: main.size,
    font: main.font,
    box,
    role: "body",
  };
  if (reordered) line.reordered = true;
  return line;
}

/**
 * Text of x-ordered runs: a space where the gap exceeds a fraction of the font size (or pdf.js kept
 * one at the item's edge), nothing otherwise — so runs of two fonts inside one word stay one word.
 */
export function joinRuns(runs: readonly Run[]): string {
  let text = "";
  let prev: Run | undefined;
  for (const run of runs) {
    const piece = run.sup && /^\d{1,3}$/.test(run.str) ? SUP_OPEN + run.str + SUP_CLOSE : run.str;
    if (prev) {
      const size = Math.min(prev.size, run.size);
      const gap = run.x0 - prev.x1;
      const wantSpace = gap > SPACE_GAP * size || ((prev.spaceAfter || run.spaceBefore) && gap > -0.1 * size);
      // A superscript glued to the word before it stays glued.
      if (wantSpace && !(run.sup && gap < 0.3 * size)) text += " ";
    }
    text += piece;
    prev = run;
  }
  return text;
}

/**
 * A whitespace item lying in the gap between two runs (not overlapped by either) confirms a space
 * there even when the gap is narrow (Word's tight justified spaces, ~0.15 em).
 */
function markHintedSpaces(runs: Run[], blanks: Run[]): void {
  blanks.sort((p, q) => p.x0 - q.x0);
  let k = 0;
  for (let i = 1; i < runs.length; i++) {
    const prev = runs[i - 1] as Run, run = runs[i] as Run;
    const tol = 0.1 * run.size;
    while (k < blanks.length && (blanks[k] as Run).x1 < prev.x1 - tol) k++;
    const blank = blanks[k];
    if (blank && blank.x0 >= prev.x1 - tol && blank.x1 <= run.x0 + tol && run.x0 - prev.x1 > 0.05 * run.size) {
      if (!run.sup) run.spaceBefore = true;
    }
  }
}

/** A superscript raised too little to form a baseline group of its own is still smaller and higher. */
function markRaised(group: Run[]): void {
  if (group.length < 2) return;
  const main = mainRun(group);
  for (const run of group) {
    if (run.sup || run === main || run.str.length > 4) continue;
    if (run.size < 0.85 * main.size && run.y - main.y >= 0.12 * main.size) run.sup = true;
  }
}

/** Word and some PDF printers fake bold by drawing the same text twice, a hair apart. */
function dropDuplicates(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (
      last &&
      last.str === run.str &&
      Math.abs(last.x0 - run.x0) < 0.2 * run.size &&
      Math.abs(last.y - run.y) < 0.2 * run.size
    ) {
      continue;
    }
    out.push(run);
  }
  return out;
}

/** Whether pdf.js gave the runs of one line (same cluster) in an order other than left to right. */
function isReordered(runs: readonly Run[]): boolean {
  for (let i = 1; i < runs.length; i++) {
    const prev = runs[i - 1] as Run;
    const run = runs[i] as Run;
    if (run.seq < prev.seq && !run.widget && !prev.widget && run.x0 - prev.x1 < 1.5 * run.size) return true;
  }
  return false;
}
