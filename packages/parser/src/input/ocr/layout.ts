/**
 * OCR lines → the lines we emit, following the adapters' shared conventions (extracted.ts):
 * - a line with a wide gap is cut there (a table row: left cell first);
 * - a run of such lines sharing one gutter — the two-column header (issuer | motto;
 *   number | place and date) or the recipients | signature block — is written left column
 *   first, then right column, so each field stays on its own line;
 * - a bare page number in the top or bottom margin is dropped, so it cannot split a paragraph.
 * Tesseract itself tends to read such side-by-side cells as one line ("Số: /KH-UBND Lạng Sơn, ngày…").
 */
import type { PixelBox } from "./geometry.ts";
import type { OcrLine, OcrWord } from "./engine.ts";

export interface LayoutLine {
  readonly words: OcrWord[];
}

/**
 * A gap this many word heights wide is a column gap, not a (justified) word space. Measured on
 * the samples: word spaces ≤ 0.9 h, header/signature gutters 6–20 h.
 */
const COLUMN_GAP_HEIGHTS = 3;
/** …and at least this share of the page width. */
const COLUMN_GAP_WIDTH = 0.04;
/** A line joins a neighbouring two-column run through a smaller gap than that, but wider than a word space. */
const GUTTER_GAP_HEIGHTS = 0.8;
/** Lines further apart than this (in word heights) do not belong to the same table. */
const MAX_LINE_GAP_HEIGHTS = 1.8;
/** Line pieces this close (in word heights, about a word space) and this level continue one line. */
const FRAGMENT_GAP_HEIGHTS = 1;
const FRAGMENT_OVERLAP_HEIGHTS = 0.3;
const FRAGMENT_SHIFT_HEIGHTS = 0.5;
/** …and closer than this, one word (tesseract's word spaces are ≥ 0.25 h on the samples). */
const WORD_GLUE_HEIGHTS = 0.15;
/** Page numbers sit in this top or bottom share of the page. */
const MARGIN_SHARE = 0.1;

interface Gap {
  readonly left: number; // right edge of the word before
  readonly right: number; // left edge of the word after
  readonly index: number; // first word after the gap (in x order)
}

interface Item {
  readonly words: OcrWord[]; // sorted by x
  readonly box: PixelBox;
  readonly gaps: Gap[];
}

export function layoutPage(ocrLines: readonly OcrLine[], width: number, height: number): LayoutLine[] {
  const h = medianWordHeight(ocrLines);
  const lines = stitchFragments(ocrLines, h);
  const items: Item[] = lines
    .filter((l) => !isPageNumber(l, width, height))
    .map((l) => {
      const words = [...l.words].sort((a, b) => a.bbox.x0 - b.bbox.x0);
      const gaps: Gap[] = [];
      for (let i = 1; i < words.length; i++) {
        const prev = words[i - 1];
        const cur = words[i];
        if (prev !== undefined && cur !== undefined) gaps.push({ left: prev.bbox.x1, right: cur.bbox.x0, index: i });
      }
      return { words, box: l.bbox, gaps };
    });
  const strongGap = Math.max(COLUMN_GAP_HEIGHTS * h, COLUMN_GAP_WIDTH * width);
  const widest = (it: Item): Gap | undefined => it.gaps.reduce<Gap | undefined>((best, g) => (best === undefined || g.right - g.left > best.right - best.left ? g : best), undefined);
  const isStrong = (it: Item): boolean => {
    const g = widest(it);
    return g !== undefined && g.right - g.left >= strongGap;
  };

  const out: LayoutLine[] = [];
  let i = 0;
  let emittedUpTo = 0; // items before this index are already written
  while (i < items.length) {
    const item = items[i];
    const g = item !== undefined && isStrong(item) ? widest(item) : undefined;
    if (item === undefined || g === undefined) {
      i++;
      continue;
    }
    // The gutter narrows as lines join: the left column's rightmost end, the right column's leftmost start.
    const gutter = { left: g.left, right: g.right };
    const cuts = new Map<number, number>([[i, g.index]]); // item index → first word of its right part
    let first = i;
    for (let k = i - 1; k >= emittedUpTo; k--) {
      const cut = joinRun(items[k], items[k + 1], gutter, h);
      if (cut === undefined) break;
      cuts.set(k, cut);
      first = k;
    }
    let last = i;
    for (let k = i + 1; k < items.length; k++) {
      const cut = joinRun(items[k], items[k - 1], gutter, h);
      if (cut === undefined) break;
      cuts.set(k, cut);
      last = k;
    }
    for (let k = emittedUpTo; k < first; k++) emitSplit(items[k], strongGap, out);
    const lefts: OcrWord[][] = [];
    const rights: OcrWord[][] = [];
    for (let k = first; k <= last; k++) {
      const it = items[k];
      const cut = cuts.get(k);
      if (it === undefined || cut === undefined) continue;
      if (cut > 0) lefts.push(it.words.slice(0, cut));
      if (cut < it.words.length) rights.push(it.words.slice(cut));
    }
    for (const words of [...lefts, ...rights]) out.push({ words });
    emittedUpTo = last + 1;
    i = last + 1;
  }
  for (let k = emittedUpTo; k < items.length; k++) emitSplit(items[k], strongGap, out);
  return out;
}

/**
 * Whether `cand`, the line just above or below `neighbour`, continues the two-column run: it must
 * be close, and either lie wholly in one column or have a gap (wider than a word space) where the
 * gutter is. Returns where its right part starts (0: all right, words.length: all left), narrowing
 * `gutter`; undefined when the run ends here.
 */
function joinRun(cand: Item | undefined, neighbour: Item | undefined, gutter: { left: number; right: number }, h: number): number | undefined {
  if (cand === undefined || neighbour === undefined) return undefined;
  const [upper, lower] = cand.box.y0 <= neighbour.box.y0 ? [cand, neighbour] : [neighbour, cand];
  if (lower.box.y0 - upper.box.y1 > MAX_LINE_GAP_HEIGHTS * h) return undefined;
  if (cand.box.x1 < gutter.right && cand.box.x0 < gutter.left + h) {
    gutter.left = Math.max(gutter.left, cand.box.x1);
    return cand.words.length;
  }
  if (cand.box.x0 > gutter.left && cand.box.x1 > gutter.right - h) {
    gutter.right = Math.min(gutter.right, cand.box.x0);
    return 0;
  }
  const gap = cand.gaps
    .filter((g) => g.right - g.left >= GUTTER_GAP_HEIGHTS * h && g.left < gutter.right && g.right > gutter.left)
    .sort((a, b) => b.right - b.left - (a.right - a.left))[0];
  if (gap === undefined) return undefined;
  gutter.left = Math.max(gutter.left, gap.left);
  gutter.right = Math.min(gutter.right, gap.right);
  return gap.index;
}

/**
 * Pieces of one printed line that tesseract read as separate lines (a skewed or banded scan: the
 * line breaks where the image shifts, and the pieces land in different blocks, out of reading
 * order): joined when one starts where the other ends, at the same height. A piece starting within
 * a sliver of the other's end continues its word ("tí" + "nh" → "tính").
 */
export function stitchFragments(lines: readonly OcrLine[], h: number): OcrLine[] {
  const out: OcrLine[] = lines.map((l) => ({ words: [...l.words].sort((a, b) => a.bbox.x0 - b.bbox.x0), bbox: l.bbox }));
  for (let merged = true; merged; ) {
    merged = false;
    search: for (let i = 0; i < out.length; i++) {
      const a = out[i];
      const last = a?.words[a.words.length - 1];
      if (a === undefined || last === undefined) continue;
      for (let j = 0; j < out.length; j++) {
        const b = out[j];
        const first = b?.words[0];
        if (j === i || b === undefined || first === undefined) continue;
        const gap = first.bbox.x0 - last.bbox.x1;
        if (gap < -FRAGMENT_OVERLAP_HEIGHTS * h || gap > FRAGMENT_GAP_HEIGHTS * h) continue;
        if (b.bbox.x0 < last.bbox.x1 - FRAGMENT_OVERLAP_HEIGHTS * h) continue;
        if (Math.abs((first.bbox.y0 + first.bbox.y1) / 2 - (last.bbox.y0 + last.bbox.y1) / 2) > FRAGMENT_SHIFT_HEIGHTS * h) continue;
        const joined: OcrWord = {
          text: last.text + first.text,
          confidence: Math.min(last.confidence, first.confidence),
          bbox: { x0: last.bbox.x0, y0: Math.min(last.bbox.y0, first.bbox.y0), x1: first.bbox.x1, y1: Math.max(last.bbox.y1, first.bbox.y1) },
        };
        const words = gap < WORD_GLUE_HEIGHTS * h ? [...a.words.slice(0, -1), joined, ...b.words.slice(1)] : [...a.words, ...b.words];
        const bbox = { x0: Math.min(a.bbox.x0, b.bbox.x0), y0: Math.min(a.bbox.y0, b.bbox.y0), x1: Math.max(a.bbox.x1, b.bbox.x1), y1: Math.max(a.bbox.y1, b.bbox.y1) };
        out[i] = { words, bbox };
        out.splice(j, 1);
        merged = true;
        break search;
      }
    }
  }
  return out;
}

/** Writes one line, cut at every column-wide gap. */
function emitSplit(item: Item | undefined, strongGap: number, out: LayoutLine[]): void {
  if (item === undefined) return;
  let start = 0;
  for (const g of item.gaps) {
    if (g.right - g.left < strongGap) continue;
    out.push({ words: item.words.slice(start, g.index) });
    start = g.index;
  }
  out.push({ words: item.words.slice(start) });
}

function medianWordHeight(lines: readonly OcrLine[]): number {
  const hs = lines.flatMap((l) => l.words.map((w) => w.bbox.y1 - w.bbox.y0)).sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)] ?? 30;
}

/** A bare number ("2", "- 2 -") alone on a line in the top or bottom margin. */
function isPageNumber(line: OcrLine, width: number, height: number): boolean {
  const text = line.words.map((w) => w.text).join(" ");
  if (!/^[-–—(]?\s*\d{1,3}\s*[-–—)]?$/u.test(text)) return false;
  const inMargin = line.bbox.y1 <= MARGIN_SHARE * height || line.bbox.y0 >= (1 - MARGIN_SHARE) * height;
  return inMargin && line.bbox.x1 - line.bbox.x0 < 0.1 * width;
}
