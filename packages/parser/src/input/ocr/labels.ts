/**
 * Correction of the top-level roman labels across a whole scanned document, after each line was
 * corrected on its own (correct.ts). A part heading is a line starting with a roman label and a
 * heading in capitals (src/vi/ocr-vocabulary.ts); the parts of one document are numbered I, II,
 * III…, so a label read wrong (`HI.`, `1.`, `II.` for `III.`) is known by its neighbours:
 * - a label glued to its heading is cut off it (`I.MỤC` → `I.` `MỤC`), so the grammar sees it;
 * - a label that is no roman numeral, or not the one expected, becomes the expected one when it is
 *   a stroke away from it (lookalike letters, one `I` lost or added) and its neighbours pin it: the
 *   next label is the one after the expected one, or there is no next one and the read value would
 *   repeat or go back (which the genre never does).
 * A label no neighbour pins is left as read.
 */
import { ROMAN_LOOKALIKES, ROMAN_NUMERALS } from "../../vi/ocr-vocabulary.ts";
import type { ReadLine, ReadWord } from "./correct.ts";

/** A roman label as OCR reads it: its strokes, then a dot (or comma), then perhaps the heading glued on. */
const LABEL = /^([IVXLHl1|!\]íì]{1,5})([.,])(\p{Lu}.*)?$/u;
/** `IL` for `II.`: the dot read as a stroke. */
const LABEL_WITHOUT_DOT = /^([Il1])L$/u;
/** The heading after a part label is in capitals: this share of its first words' letters at least. */
const CAPITALS_SHARE = 0.8;
const HEADING_WORDS = 4;
const MIN_HEADING_LETTERS = 3;

interface Candidate {
  readonly line: number;
  /** The label's strokes with lookalikes read as roman letters (`HI` → `III`). */
  readonly read: string;
  /** Its value when that is a roman numeral of the genre, else null. */
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
  let previous = 0;
  candidates.forEach((c, k) => {
    const expected = previous + 1;
    const numeral = ROMAN_NUMERALS[expected - 1] ?? "";
    const next = candidates[k + 1];
    const nextPins = next?.value === expected + 1;
    // A part label read exactly as `I.` starts a new document (an attached plan): taken as read.
    const restart = c.value === 1 && c.exact;
    const pinned = !restart && (nextPins || (previous > 0 && (c.value === null ? next === undefined : c.value <= previous || c.value === expected)));
    if (c.value === expected && (c.exact || !pinned)) {
      previous = expected;
      return;
    }
    if (pinned && strokeAway(c.read, numeral)) {
      const line = out[c.line];
      const first = line?.words[0];
      if (line !== undefined && first !== undefined) line.words = [{ ...first, text: `${numeral}.` }, ...line.words.slice(1)];
      previous = expected;
      return;
    }
    // A label read as a real numeral (a new document's `I.`, a part really skipped) is taken as read.
    if (c.value !== null) previous = c.value;
  });
  return out;
}

function candidateOf(words: readonly ReadWord[], line: number): Candidate | null {
  const first = words[0];
  if (first === undefined) return null;
  const m = LABEL.exec(first.text) ?? LABEL_WITHOUT_DOT.exec(first.text);
  if (m === null || !headingInCapitals(words.slice(1))) return null;
  const strokes = m[0].endsWith("L") && m[2] === undefined ? `${m[1] ?? ""}L` : (m[1] ?? "");
  const read = Array.from(strokes, (ch) => ROMAN_LOOKALIKES.get(ch) ?? ch).join("");
  const index = ROMAN_NUMERALS.indexOf(read);
  return { line, read, value: index >= 0 ? index + 1 : null, exact: index >= 0 && first.text === `${read}.` };
}

function headingInCapitals(words: readonly ReadWord[]): boolean {
  const letters = Array.from(words.slice(0, HEADING_WORDS).map((w) => w.text).join("")).filter((ch) => /\p{L}/u.test(ch));
  if (letters.length < MIN_HEADING_LETTERS) return false;
  const capitals = letters.filter((ch) => ch === ch.toUpperCase() && ch !== ch.toLowerCase()).length;
  return capitals >= CAPITALS_SHARE * letters.length;
}

/** Equal, or one `I` more or less (a stroke lost in the scan, or a mark read as one). */
function strokeAway(read: string, expected: string): boolean {
  if (read === expected || expected === "") return true;
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
