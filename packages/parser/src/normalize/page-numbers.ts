import type { LineStore } from "./lines.ts";

/**
 * Which lines of extracted text are page numbers. A number alone on a line is also a table's cell (an
 * `STT` column, a figure) when a Word table is copied as text, one cell per line; dropping those loses
 * data. So a bare number is a page number only as part of a run of pages: starting at 1 or 2, each next
 * one 1 (or 2, when one was lost) higher and at least a page's worth of lines further on, as a page's
 * footer comes. `Trang 3` and `- 3 -` say what they are and are always page numbers. A lone bare `2`
 * (a two-page document) is one; a lone `1` or `3` is not.
 */

const BARE = /^\d{1,3}$/;
const MARKED = /^(?:[-–]\s*)?(?:Trang\s+)?(\d{1,3})(?:\s*[-–])?$/;
/** Fewer lines than a printed page holds, even one of paragraph-per-line text with a table. */
const MIN_LINES_PER_PAGE = 8;
/** A page number lost in extraction may be skipped over. */
const MAX_STEP = 2;

export function pageNumberLines(store: LineStore, lines: readonly number[]): Set<number> {
  const found = new Set<number>();
  const bare: { index: number; value: number }[] = [];
  lines.forEach((line, index) => {
    const text = store.text(line);
    const marked = MARKED.exec(text);
    if (!marked) return;
    if (BARE.test(text)) bare.push({ index, value: Number(text) });
    else found.add(index);
  });
  for (const index of longestRun(bare)) found.add(index);
  return found;
}

/** The longest chain of bare numbers read as successive page footers (dynamic programming: there are few). */
function longestRun(candidates: readonly { index: number; value: number }[]): number[] {
  const length = new Array<number>(candidates.length).fill(0);
  const previous = new Array<number>(candidates.length).fill(-1);
  let best = -1;
  candidates.forEach((c, i) => {
    if (c.value === 1 || c.value === 2) length[i] = 1;
    for (let j = 0; j < i; j++) {
      const p = candidates[j] as { index: number; value: number };
      const step = c.value - p.value;
      const follows = length[j] as number > 0 && step >= 1 && step <= MAX_STEP && c.index - p.index >= MIN_LINES_PER_PAGE * step;
      if (follows && (length[j] as number) + 1 > (length[i] as number)) {
        length[i] = (length[j] as number) + 1;
        previous[i] = j;
      }
    }
    if ((length[i] as number) > 0 && (best < 0 || (length[i] as number) > (length[best] as number))) best = i;
  });
  if (best < 0) return [];
  const run: number[] = [];
  for (let i = best; i >= 0; i = previous[i] as number) run.push((candidates[i] as { index: number }).index);
  // A run of one: only a `2` (page 1 carries no number) far enough from any other lone number.
  if (run.length === 1) {
    const only = candidates[best] as { index: number; value: number };
    const crowded = candidates.some((c) => c !== only && Math.abs(c.index - only.index) < MIN_LINES_PER_PAGE);
    if (only.value !== 2 || crowded) return [];
  }
  return run;
}
