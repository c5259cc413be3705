import type { Line, PageText } from "./types.ts";

/** "2", "- 2 -", "– 2 –", "Trang 2", "2/35", "Trang 2/35". */
const PAGE_NUMBER = /^(?:trang)?\s*(?:[-–—]\s*)?(\d{1,4})(?:\s*[-–—])?(?:\s*\/\s*\d{1,4})?\s*$/i;
/** Top or bottom share of the page where running page numbers sit. */
const MARGIN = 0.14;

/**
 * Marks running page numbers as furniture: a line that is only a number, the topmost or bottommost on
 * its page, inside the top/bottom margin, and whose value follows the page index with the same offset
 * as the other pages' numbers (so a lone "3" that is a table cell at a page top is not taken).
 */
export function markPageNumbers(pages: PageText[]): void {
  interface Candidate { page: PageText; index: number; offset: number }
  const candidates: Candidate[] = [];
  for (const page of pages) {
    const lines = page.lines;
    let top = -1, bottom = -1;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as Line;
      if (line.aside) continue;
      if (top < 0 || line.y > (lines[top] as Line).y) top = i;
      if (bottom < 0 || line.y < (lines[bottom] as Line).y) bottom = i;
    }
    if (top < 0) continue;
    for (const index of top === bottom ? [top] : [top, bottom]) {
      const line = lines[index];
      if (!line || line.block) continue;
      const m = PAGE_NUMBER.exec(line.text.trim());
      if (!m) continue;
      const inMargin = line.y > page.height * (1 - MARGIN) || line.y < page.height * MARGIN;
      if (!inMargin) continue;
      candidates.push({ page, index, offset: Number(m[1]) - page.page });
    }
  }
  if (candidates.length === 0) return;
  const votes = new Map<number, number>();
  for (const c of candidates) votes.set(c.offset, (votes.get(c.offset) ?? 0) + 1);
  let offset = 0, most = 0;
  for (const [k, v] of votes) if (v > most || (v === most && Math.abs(k) < Math.abs(offset))) [offset, most] = [k, v];
  // One page alone proves nothing unless its number is its index (or the index of a cover-less count).
  if (most < 2 && Math.abs(offset) > 1) return;
  for (const c of candidates) {
    if (c.offset !== offset) continue;
    const line = c.page.lines[c.index];
    if (line) line.role = "furniture";
  }
}
