/**
 * Correction of the top-level roman labels across a whole scanned document, after each line was
 * corrected on its own (correct.ts). A part heading is a line starting with a roman label and a
 * heading in capitals (src/vi/ocr-vocabulary.ts); the parts of one document are numbered I, II,
 * III…, so a label read wrong (`HI.`, `1.`, `IL`, `II.` for `III.`) is known by its neighbours:
 * - a label glued to its heading is cut off it (`I.MỤC` → `I.` `MỤC`), so the grammar sees it;
 * - the labels of one document (a new one starts at a label read exactly `I.`) that can be I, II,
 *   III… in turn from its first — each a stroke away from its numeral (lookalike letters, one `I`
 *   lost or added, the dot read as `L`), one of them read exactly as a numeral past I — become exactly that;
 * - the rest one label at a time: it becomes the expected one when a stroke away from it and its
 *   neighbours pin it (the next label is the one after, or the read value would repeat or go back,
 *   which the genre never does).
 * A label no neighbour pins is left as read.
 */
import { ROMAN_LOOKALIKES, ROMAN_NUMERALS } from "../../vi/ocr-vocabulary.ts";
import type { ReadLine, ReadWord } from "./correct.ts";

/** A roman label as OCR reads it: its strokes, then a dot (or comma), then perhaps the heading glued on. */
const LABEL = /^([IVXLHl1|!\]íì]{1,5})([.,])(\p{Lu}.*)?$/u;
/** A label whose dot was lost (`I MỤC TIÊU`) or read as a stroke (`IL`, `IHL`). */
const LABEL_WITHOUT_DOT = /^([IVXLHl1|]{1,4})$/u;
/** The heading after a part label is in capitals: this share of its first words' letters at least. */
const CAPITALS_SHARE = 0.8;
const HEADING_WORDS = 4;
const MIN_HEADING_LETTERS = 3;

interface Candidate {
  readonly line: number;
  /** The label's strokes with lookalikes read as roman letters (`HI` → `III`); also without a final `L` that was the dot. */
  readonly reads: readonly string[];
  /** Its value when the first reading is a roman numeral of the genre, else null. */
  readonly value: number | null;
  /** Read as the numeral and its dot, nothing to mend. */
  readonly exact: boolean;
}

/** Lines of the whole document, in reading order → the same lines with their part labels mended. */
export function correctPartLabels(lines: readonly ReadLine[]): ReadLine[] {
  const out = lines.map((l) => ({ words: splitGluedLabel(l.words) }));
  const candidates: Candidate[] = [];
  out.forEach((l, i) => {
    const c = candidateOf(l.words, i);
    if (c !== null) candidates.push(c);
  });
  const relabel = (c: Candidate, value: number): void => {
    const line = out[c.line];
    const first = line?.words[0];
    if (line !== undefined && first !== undefined && !(c.exact && c.value === value)) line.words = [{ ...first, text: `${ROMAN_NUMERALS[value - 1] ?? ""}.` }, ...line.words.slice(1)];
  };
  for (const run of documents(candidates)) {
    const fits = sequencePrefix(run);
    run.slice(0, fits).forEach((c, k) => relabel(c, k + 1));
    oneByOne(run.slice(fits), fits, relabel);
  }
  return out;
}

/** The part labels of each document: a new one starts at a label read exactly `I.` after others. */
function documents(candidates: readonly Candidate[]): Candidate[][] {
  const runs: Candidate[][] = [];
  for (const c of candidates) {
    const last = runs[runs.length - 1];
    if (last === undefined || (c.exact && c.value === 1)) runs.push([c]);
    else last.push(c);
  }
  return runs;
}

/**
 * How many labels from the first can be I, II, III… in turn, when at least two and one of them was read
 * exactly past I (which shows they are roman); else 0. A later label that cannot follow (a title line
 * the seal turned into `III.`) is left to the one-by-one rule.
 */
function sequencePrefix(run: readonly Candidate[]): number {
  let fits = 0;
  while (fits < run.length && run[fits]?.reads.some((r) => strokeAway(r, ROMAN_NUMERALS[fits] ?? "")) === true) fits++;
  return fits >= 2 && run.slice(0, fits).some((c) => c.exact && (c.value ?? 0) >= 2) ? fits : 0;
}

/** One label at a time, where its neighbours pin it. */
function oneByOne(run: readonly Candidate[], from: number, relabel: (c: Candidate, value: number) => void): void {
  let previous = from;
  run.forEach((c, k) => {
    const expected = previous + 1;
    const numeral = ROMAN_NUMERALS[expected - 1] ?? "";
    const next = run[k + 1];
    const nextPins = next?.value === expected + 1;
    const pinned = nextPins || (previous > 0 && (c.value === null ? next === undefined : c.value <= previous || c.value === expected));
    if (c.value === expected && (c.exact || !pinned)) {
      previous = expected;
      return;
    }
    if (pinned && c.reads.some((r) => strokeAway(r, numeral))) {
      relabel(c, expected);
      previous = expected;
      return;
    }
    // A label read as a real numeral (a part really skipped) is taken as read.
    if (c.value !== null) previous = c.value;
  });
}

function candidateOf(words: readonly ReadWord[], line: number): Candidate | null {
  const first = words[0];
  if (first === undefined) return null;
  const dotted = LABEL.exec(first.text);
  const bare = dotted === null ? LABEL_WITHOUT_DOT.exec(first.text) : null;
  const strokes = dotted?.[1] ?? bare?.[1];
  if (strokes === undefined || !headingInCapitals(words.slice(1))) return null;
  const roman = (s: string) => Array.from(s, (ch) => ROMAN_LOOKALIKES.get(ch) ?? ch).join("");
  const reads = [roman(strokes)];
  if (bare !== null && strokes.length > 1 && strokes.endsWith("L")) reads.push(roman(strokes.slice(0, -1)));
  const index = ROMAN_NUMERALS.indexOf(reads[0] ?? "");
  return { line, reads, value: index >= 0 ? index + 1 : null, exact: index >= 0 && first.text === `${reads[0] ?? ""}.` };
}

function headingInCapitals(words: readonly ReadWord[]): boolean {
  const letters = Array.from(words.slice(0, HEADING_WORDS).map((w) => w.text).join("")).filter((ch) => /\p{L}/u.test(ch));
  if (letters.length < MIN_HEADING_LETTERS) return false;
  const capitals = letters.filter((ch) => ch === ch.toUpperCase() && ch !== ch.toLowerCase()).length;
  return capitals >= CAPITALS_SHARE * letters.length;
}

/** Equal, or one `I` more or less (a stroke lost in the scan, or a mark read as one). */
function strokeAway(read: string, expected: string): boolean {
  if (read === expected || expected === "") return read === expected;
  const [shorter, longer] = read.length < expected.length ? [read, expected] : [expected, read];
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 0; i < longer.length; i++) {
    if (longer[i] === "I" && longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}

/** `I.MỤC` → `I.` + `MỤC` (boxes shared out by characters): the grammar wants a space after a label. */
function splitGluedLabel(words: readonly ReadWord[]): ReadWord[] {
  const first = words[0];
  const m = first === undefined ? null : LABEL.exec(first.text);
  const rest = m?.[3];
  if (first === undefined || m === null || rest === undefined || !/^\p{Lu}{2,}/u.test(rest)) return [...words];
  const label = `${m[1] ?? ""}${m[2] ?? ""}`;
  const width = first.bbox.x1 - first.bbox.x0;
  const cut = first.bbox.x0 + (width * label.length) / first.text.length;
  return [
    { ...first, text: label, bbox: { ...first.bbox, x1: cut } },
    { ...first, text: rest, bbox: { ...first.bbox, x0: cut } },
    ...words.slice(1),
  ];
}
