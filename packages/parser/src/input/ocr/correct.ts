/**
 * Correction after reading, against what the genre offers (src/vi/ocr-vocabulary.ts, syllables.ts),
 * one laid-out line at a time; each word keeps its confidence and box:
 * - letters no Vietnamese text has become the ones they stand for (`QÐ` → `QĐ`, `kÿ` → `kỹ`);
 * - a date formula glued together is cut apart (`ngày82tháng` → `ngày 82 tháng`, `ngày k@tháng` →
 *   `ngày k@ tháng`), each piece remembering the word it was cut from;
 * - a syllable split in two is joined (`thá ng` → `tháng`), one with a lost or wrong vowel mark is
 *   mended when exactly one mending is a genre word or a possible syllable (`QUYÉT` → `QUYẾT`);
 * - a symbol split after its dash is joined (`/QĐ- TTg` → `/QĐ-TTg`);
 * - numbers are never guessed: a number read with low confidence, a day or month that cannot be
 *   one, or something unreadable where the formula has a number (`Số: ‡ox/QĐ-TTg`, `tháng l] năm`)
 *   is kept as read and marked, for an `ocr-uncertain-number` finding on its span.
 */
import { isWellFormedSyllable } from "../../vi/syllables.ts";
import { DATE_SLOT_WORDS, GENRE_HEADINGS, GENRE_SYLLABLES, LOOKALIKE_LETTERS, MARK_FAMILIES, SPECK_MARKS, SYMBOL_CODES } from "../../vi/ocr-vocabulary.ts";
import type { OcrWord } from "./engine.ts";

export interface ReadWord extends OcrWord {
  /** A number (or a number's place) whose reading cannot be trusted. */
  readonly uncertainNumber?: boolean;
  /** A piece of a word tesseract read as one (`ngày82tháng`): its box is a share by characters of this one's. */
  readonly cutFrom?: OcrWord["bbox"];
  /** Digits read from handwriting (handwriting/): the least sure digit's probability, 0–1. */
  readonly handwritten?: number;
}
export interface ReadLine {
  readonly words: readonly ReadWord[];
}

/** Words read at least this sure (0–100) are left as they are. */
const MEND_BELOW = 90;
/** A number read less sure than this is marked. Measured on the dev set: misread numbers 20–61, right ones mostly ≥ 88. */
const UNCERTAIN_NUMBER_BELOW = 80;
/** Pieces of a split syllable sit closer than this (in word heights). */
const SPLIT_GAP_HEIGHTS = 0.5;

const LETTERS_ONLY = /^\p{L}+$/u;
const DIGIT = /\d/u;
const FAMILY = new Map<string, readonly string[]>(MARK_FAMILIES.flatMap((f) => f.map((l) => [l, f] as const)));

export function correctLine(words: readonly OcrWord[]): ReadWord[] {
  let out: ReadWord[] = mendHeading(words.map((w) => ({ ...w, text: fixLetters(w.text) })));
  out = out.flatMap(splitDateFormula);
  out = out.flatMap((w, i) => splitGluedSlot(w, out[i - 1]));
  out = joinSplitSyllables(out);
  out = out.map(mendMarks);
  out = joinSymbols(out);
  return markUncertainNumbers(out);
}

function fixLetters(text: string): string {
  let out = "";
  for (const ch of text) out += LOOKALIKE_LETTERS.get(ch) ?? ch;
  return out;
}

const isSlotWord = (w: string): boolean => DATE_SLOT_WORDS.has(w.toLowerCase());
/** Two words of the date formula with up to four other characters glued between them. */
const BETWEEN_SLOT_WORDS = new RegExp(`^(${[...DATE_SLOT_WORDS].join("|")})(\\S{1,4}?)(${[...DATE_SLOT_WORDS].join("|")})$`, "iu");
/** Up to four characters glued before a word of the date formula. */
const GLUED_SLOT = new RegExp(`^(\\S{1,4}?)(${[...DATE_SLOT_WORDS].join("|")})$`, "iu");

/** Letters only, every mark and tone gone, đ as d, lower case: `KÉ HOẠCH` and `KẾ HOẠCH` fold alike. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/gu, "d").toLowerCase();
}
/** Folded heading → its words; of headings that fold alike (`ỦY`/`UỶ`) the first listed is the one written. */
const HEADINGS = new Map<string, readonly string[]>();
for (const h of GENRE_HEADINGS) {
  const key = h.split(" ").map(fold).join(" ");
  if (!HEADINGS.has(key)) HEADINGS.set(key, h.split(" "));
}
const EXACT_HEADINGS: ReadonlySet<string> = new Set(GENRE_HEADINGS);

/**
 * A line that is a genre heading but for its marks (`KÉ HOẠCH`, `PHO CHU TỊCH`) or for specks read as
 * quotes (`KÉ "HOẠCH`) is that heading, word for word; a word that was only a speck goes.
 */
function mendHeading(words: ReadWord[]): ReadWord[] {
  if (words.length === 0 || words.length > 8) return words;
  const kept = words.map((w) => ({ ...w, text: w.text.replace(SPECK_MARKS, "") })).filter((w) => w.text !== "");
  const specks = kept.length !== words.length || kept.some((w, i) => w.text !== words[i]?.text);
  if (EXACT_HEADINGS.has(kept.map((w) => w.text).join(" "))) return specks ? kept : words;
  const heading = HEADINGS.get(kept.map((w) => fold(w.text)).join(" "));
  if (heading === undefined || heading.length !== kept.length) return words;
  // The whole line is the heading but for marks: no other Vietnamese line folds alike.
  return kept.map((w, i) => ({ ...w, text: heading[i] ?? w.text }));
}

/**
 * `ngày82tháng`, `ngày22`, `4năm` → the words and the number; `ngày®®tháng` (a handwritten day read
 * as marks between two words of the formula) → the words and the marks; boxes shared out by characters.
 */
function splitDateFormula(w: ReadWord): ReadWord[] {
  const between = BETWEEN_SLOT_WORDS.exec(w.text);
  if (between !== null && !/\p{L}/u.test(between[2] ?? "")) return cutWord(w, between.slice(1));
  const m = /^(\p{L}*)(\d+)(\p{L}*)$/u.exec(w.text);
  if (m === null) return [w];
  const [, before = "", digits = "", after = ""] = m;
  if ((before === "" && after === "") || (before !== "" && !isSlotWord(before)) || (after !== "" && !isSlotWord(after))) return [w];
  return cutWord(w, [before, digits, after]);
}

/**
 * `ngày k@tháng`: something that is no word glued to the next word of the formula, right after a
 * slot word, is the slot's content (a handwritten day read as letters), cut apart for the number check.
 */
function splitGluedSlot(w: ReadWord, prev: ReadWord | undefined): ReadWord[] {
  if (prev === undefined || !isSlotWord(trimPunctuation(prev.text))) return [w];
  const m = GLUED_SLOT.exec(w.text);
  if (m === null) return [w];
  const [, head = "", formula = ""] = m;
  if (isWellFormedSyllable(head) || /^\d+$/u.test(head)) return [w];
  return cutWord(w, [head, formula]);
}

/** The word's pieces, its box shared out by characters. */
function cutWord(w: ReadWord, pieces: readonly string[]): ReadWord[] {
  const parts = pieces.filter((p) => p !== "");
  const total = parts.reduce((s, p) => s + p.length, 0);
  const width = w.bbox.x1 - w.bbox.x0;
  let at = 0;
  return parts.map((text) => {
    const x0 = w.bbox.x0 + (width * at) / total;
    at += text.length;
    return { text, confidence: w.confidence, bbox: { ...w.bbox, x0, x1: w.bbox.x0 + (width * at) / total }, cutFrom: w.cutFrom ?? w.bbox };
  });
}

function joinSplitSyllables(words: ReadWord[]): ReadWord[] {
  const out: ReadWord[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev !== undefined && LETTERS_ONLY.test(prev.text) && LETTERS_ONLY.test(w.text)) {
      const h = Math.max(1, Math.min(prev.bbox.y1 - prev.bbox.y0, w.bbox.y1 - w.bbox.y0));
      const joined = prev.text + w.text;
      const split = !isWellFormedSyllable(prev.text) || !isWellFormedSyllable(w.text);
      if (split && w.bbox.x0 - prev.bbox.x1 < SPLIT_GAP_HEIGHTS * h && isWellFormedSyllable(joined) && !isAcronym(prev.text) && !isAcronym(w.text)) {
        out[out.length - 1] = {
          text: joined,
          confidence: Math.min(prev.confidence, w.confidence),
          bbox: { x0: prev.bbox.x0, y0: Math.min(prev.bbox.y0, w.bbox.y0), x1: w.bbox.x1, y1: Math.max(prev.bbox.y1, w.bbox.y1) },
        };
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/** All capitals of two letters or more with no vowel mark: `UBND`, `TTg` is not one but has no vowel either way. */
function isAcronym(text: string): boolean {
  return text.length >= 2 && text === text.toUpperCase() && !/[aeiouyăâêôơư]/iu.test(text.normalize("NFD").replace(/\p{M}/gu, ""));
}

/** A doubtful word that is no syllable, mended by one vowel-mark swap when the mending is unambiguous. */
function mendMarks(w: ReadWord): ReadWord {
  if (w.confidence >= MEND_BELOW) return w;
  const m = /^(\p{L}+)(\p{P}*)$/u.exec(w.text);
  if (m === null) return w;
  const [, core = "", tail = ""] = m;
  if (isWellFormedSyllable(core) || isAcronym(core)) return w;
  const candidates = markVariants(core).filter(isWellFormedSyllable);
  const known = candidates.filter((c) => GENRE_SYLLABLES.has(c.toLowerCase()));
  const pick = known.length === 1 ? known[0] : known.length === 0 && candidates.length === 1 ? candidates[0] : undefined;
  return pick === undefined ? w : { ...w, text: pick + tail };
}

/** Every spelling one vowel-mark (or đ) swap away, tone and case kept. */
function markVariants(word: string): string[] {
  const letters = Array.from(word.normalize("NFC"));
  const out = new Set<string>();
  letters.forEach((ch, i) => {
    const decomposed = ch.normalize("NFD");
    // The tone mark (if any) is kept aside; the base with its vowel mark is what is swapped.
    const tone = decomposed.match(/[\u0300\u0301\u0303\u0309\u0323]/u)?.[0] ?? "";
    const base = decomposed.replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, "").normalize("NFC");
    const lower = base.toLowerCase();
    const upper = base !== lower;
    for (const alt of FAMILY.get(lower) ?? []) {
      if (alt === lower) continue;
      const swapped = `${upper ? alt.toUpperCase() : alt}${tone}`.normalize("NFC");
      out.add([...letters.slice(0, i), swapped, ...letters.slice(i + 1)].join(""));
    }
  });
  return [...out];
}

/** `/QĐ-` + `TTg` → `/QĐ-TTg`: a symbol cut after its dash, when the next word is a known code. */
function joinSymbols(words: ReadWord[]): ReadWord[] {
  const out: ReadWord[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const code = /^(\p{L}+)(\p{P}*)$/u.exec(w.text)?.[1];
    if (prev !== undefined && prev.text.endsWith("-") && prev.text.includes("/") && code !== undefined && SYMBOL_CODES.has(code)) {
      out[out.length - 1] = {
        text: prev.text + w.text,
        confidence: Math.min(prev.confidence, w.confidence),
        bbox: { x0: prev.bbox.x0, y0: Math.min(prev.bbox.y0, w.bbox.y0), x1: w.bbox.x1, y1: Math.max(prev.bbox.y1, w.bbox.y1) },
        ...(prev.uncertainNumber === true ? { uncertainNumber: true } : {}),
      };
      continue;
    }
    out.push(w);
  }
  return out;
}

function markUncertainNumbers(words: ReadWord[]): ReadWord[] {
  return words.map((w, i) => {
    const prev = trimPunctuation(words[i - 1]?.text ?? "");
    const next = words[i + 1]?.text ?? "";
    const bare = trimPunctuation(w.text);
    let doubt = DIGIT.test(w.text) && w.confidence < UNCERTAIN_NUMBER_BELOW;
    if (!doubt && isSlotWord(prev) && !isSlotWord(bare)) {
      const slot = prev.toLowerCase();
      if (/^\d+$/u.test(bare)) {
        const n = Number(bare);
        doubt = (slot === "ngày" && (n < 1 || n > 31)) || (slot === "tháng" && (n < 1 || n > 12));
      } else {
        // Something that is no word where the formula has a number: `tháng l] năm`.
        doubt = !isWellFormedSyllable(bare) && bare.length <= 4 && isSlotWord(trimPunctuation(next)) && slot !== "năm";
      }
    }
    // The number of `Số: ___/QĐ-TTg` read as no number at all.
    if (!doubt && /^số:?$/iu.test(prev) && !DIGIT.test(w.text) && next.startsWith("/") && w.confidence < UNCERTAIN_NUMBER_BELOW) doubt = true;
    if (!doubt && /^số:?$/iu.test(prev) && /^[^\d\s]+\/\p{L}/u.test(w.text) && w.confidence < UNCERTAIN_NUMBER_BELOW) doubt = true;
    return doubt ? { ...w, uncertainNumber: true } : w;
  });
}

/** The word without the punctuation around it (a loop, not a regex: words can be long runs of dots). */
export function trimPunctuation(text: string): string {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  while (start < end && /\p{P}/u.test(chars[start] ?? "")) start++;
  while (end > start && /\p{P}/u.test(chars[end - 1] ?? "")) end--;
  return chars.slice(start, end).join("");
}
