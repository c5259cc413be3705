import type { LineStore } from "./lines.ts";
import { isTypeHeading, LABEL_FORMS } from "../vi/layout.ts";
import {
  continuesPrevious,
  endsSentence,
  isTimestampLine,
  startsBlockStrongly,
  startsBlockWeakly,
  startsLowerCase,
} from "./line-kinds.ts";

/**
 * The paragraphs as the visual lines in order, with what goes before each: `"\n"` opens a paragraph,
 * `" "` joins the line to the one before, `""` joins a symbol broken after its hyphen. Numbers, not an
 * object a paragraph: the normalised text is written from them in one pass.
 */
export interface Reflowed {
  lines: number[];
  before: string[];
}

/**
 * Re-flows lines into paragraphs. Hard-wrapped PDF extractions break every visual line; Word and
 * Markdown give whole paragraphs but a page break can still split one. `wrapped` selects the first case.
 */
export function reflow(store: LineStore, lines: number[], wrapped: boolean): Reflowed {
  const content = lines.filter((line) => store.length(line) > 0);
  const fullWidth = wrapped ? typicalLineLength(store, content) : Infinity;
  // Each paragraph as its visual lines and what joins them, written once into the normalised text:
  // joining line by line would copy the paragraph again for every line it gains.
  const before: string[] = [];
  // The last visual line of the paragraph being built: wrapping decisions look at it, not the whole paragraph.
  let lastVisual = "";
  for (const line of content) {
    const text = store.text(line);
    let separator = "\n";
    // A type heading stands alone: a Party committee's title under it starts in lower case (`thực hiện Chỉ thị …`).
    if (before.length > 0 && !isTimestampLine(lastVisual) && !isTimestampLine(text) && !isTypeHeading(lastVisual)) {
      // A label alone on its line (`Phần I`, `PHẦN THỨ HAI`, `II.`) takes the next line as its heading.
      const join = (isLabelAlone(lastVisual) && !startsBlockStrongly(text)) || (wrapped ? continuesWrapped(lastVisual, text, fullWidth) : continuesParagraph(text));
      if (join) separator = symbolBrokenAtHyphen(lastVisual, text) ? "" : " ";
    }
    before.push(separator);
    lastVisual = text;
  }
  return { lines: content, before };
}

/** Whether the input looks hard-wrapped: many lines continue a sentence begun on the line before. */
export function looksHardWrapped(store: LineStore, lines: number[]): boolean {
  let pairs = 0;
  let continued = 0;
  let previous = false;
  for (const line of lines) {
    if (store.length(line) === 0) continue;
    if (previous) {
      pairs++;
      const text = store.text(line);
      if (startsLowerCase(text) && !startsBlockStrongly(text)) continued++;
    }
    previous = true;
  }
  return pairs >= 4 && continued / pairs >= 0.12;
}

function continuesParagraph(next: string): boolean {
  return startsLowerCase(next) && !startsBlockStrongly(next);
}

function continuesWrapped(previous: string, next: string, fullWidth: number): boolean {
  if (startsBlockStrongly(next)) return false;
  // A line all in capitals after one that is not opens a block: the authority before the bases
  // (`THỦ TƯỚNG CHÍNH PHỦ` after a decision's summary), a heading.
  if (isCapitalsLine(next) && !isCapitalsLine(previous)) return false;
  const finished = endsSentence(previous) || previous.length < 0.7 * fullWidth;
  if (startsBlockWeakly(next)) return !finished;
  if (continuesPrevious(next)) return true;
  return !finished;
}

const LABEL_ALONE = new RegExp(`^${LABEL_FORMS.part}\\s*$`);

/**
 * Only a part's label: `Phần I`, `PHẦN THỨ HAI` (its heading is on the next line). A number alone (`1.`)
 * is a table's row number as often as a label, and stays on its line.
 */
function isLabelAlone(line: string): boolean {
  return LABEL_ALONE.test(line);
}

/** Two words or more, every letter a capital: `THỦ TƯỚNG CHÍNH PHỦ`, `GIÁM ĐỐC SỞ CÔNG THƯƠNG`. */
function isCapitalsLine(line: string): boolean {
  // Asked of every line: most answer no at their first word.
  let words = 0;
  LETTERS.lastIndex = 0;
  for (let match = LETTERS.exec(line); match !== null; match = LETTERS.exec(line)) {
    const word = match[0];
    if (word.length < 2 || word !== word.toUpperCase()) return false;
    words++;
  }
  return words >= 2;
}
const LETTERS = /\p{L}+/gu;

/** `252/BTTTT-` + `KHTC`: a symbol broken after its hyphen is re-joined without a space. */
function symbolBrokenAtHyphen(previous: string, next: string): boolean {
  return /[A-ZĐ0-9]-$/.test(previous) && /^[A-ZĐ0-9]/.test(next);
}

/** The length of a full line: the 80th percentile of line lengths, ignoring very short lines. */
function typicalLineLength(store: LineStore, lines: number[]): number {
  const lengths = lines.map((line) => store.length(line)).filter((length) => length >= 20);
  if (lengths.length === 0) return Infinity;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.8)] ?? Infinity;
}
