import type { TracedLine } from "./lines.ts";
import { isTypeHeading, LABEL_FORMS } from "../vi/layout.ts";
import {
  continuesPrevious,
  endsSentence,
  isTimestampLine,
  startsBlockStrongly,
  startsBlockWeakly,
  startsLowerCase,
} from "./line-kinds.ts";

/** A paragraph's visual lines, `separators[i]` between line i and i + 1 (see `joinAll`). */
export interface Paragraph {
  lines: TracedLine[];
  separators: string[];
}

/**
 * Re-flows lines into paragraphs. Hard-wrapped PDF extractions break every visual line; Word and
 * Markdown give whole paragraphs but a page break can still split one. `wrapped` selects the first case.
 */
export function reflow(lines: TracedLine[], wrapped: boolean): Paragraph[] {
  const content = lines.filter((line) => line.text.length > 0);
  const fullWidth = wrapped ? typicalLineLength(content) : Infinity;
  // Each paragraph as its visual lines and what joins them, written once into the normalised text:
  // joining line by line would copy the paragraph again for every line it gains.
  const paragraphs: Paragraph[] = [];
  // The last visual line of the paragraph being built: wrapping decisions look at it, not the whole paragraph.
  let lastVisual = "";
  for (const line of content) {
    const previous = paragraphs[paragraphs.length - 1];
    // A type heading stands alone: a Party committee's title under it starts in lower case (`thực hiện Chỉ thị …`).
    if (previous && !isTimestampLine(lastVisual) && !isTimestampLine(line.text) && !isTypeHeading(lastVisual)) {
      // A label alone on its line (`Phần I`, `PHẦN THỨ HAI`, `II.`) takes the next line as its heading.
      const join = (isLabelAlone(lastVisual) && !startsBlockStrongly(line.text)) || (wrapped ? continuesWrapped(lastVisual, line.text, fullWidth) : continuesParagraph(line.text));
      if (join) {
        previous.lines.push(line);
        previous.separators.push(symbolBrokenAtHyphen(lastVisual, line.text) ? "" : " ");
        lastVisual = line.text;
        continue;
      }
    }
    paragraphs.push({ lines: [line], separators: [] });
    lastVisual = line.text;
  }
  return paragraphs;
}

/** Whether the input looks hard-wrapped: many lines continue a sentence begun on the line before. */
export function looksHardWrapped(lines: TracedLine[]): boolean {
  let pairs = 0;
  let continued = 0;
  let previous: TracedLine | undefined;
  for (const line of lines) {
    if (line.text.length === 0) continue;
    if (previous) {
      pairs++;
      if (startsLowerCase(line.text) && !startsBlockStrongly(line.text)) continued++;
    }
    previous = line;
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
  const words = line.match(/\p{L}+/gu) ?? [];
  return words.length >= 2 && words.every((w) => w === w.toUpperCase() && w.length > 1);
}

/** `252/BTTTT-` + `KHTC`: a symbol broken after its hyphen is re-joined without a space. */
function symbolBrokenAtHyphen(previous: string, next: string): boolean {
  return /[A-ZĐ0-9]-$/.test(previous) && /^[A-ZĐ0-9]/.test(next);
}

/** The length of a full line: the 80th percentile of line lengths, ignoring very short lines. */
function typicalLineLength(lines: TracedLine[]): number {
  const lengths = lines.map((line) => line.text.length).filter((length) => length >= 20);
  if (lengths.length === 0) return Infinity;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.8)] ?? Infinity;
}
