/**
 * The syllable inventory of written Vietnamese: onset, vowel group and final as the orthography
 * allows them (tone marks aside), and the one tone rule spelling enforces: a syllable closed by
 * -c, -ch, -p or -t carries the acute or the dot below only. Read by the PDF adapter (is a text
 * layer Vietnamese at all?) and by OCR correction (is a read word a possible syllable?).
 */

/** The five tone marks as combining characters (grave, acute, tilde, hook above, dot below). */
export const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?";
/** Vowel groups (tone marks removed), longest first. */
export const VOWEL_GROUPS: readonly string[] = [
  "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
  "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi",
  "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
  "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
];
const FINAL = "(?:ch|ng|nh|[cmnpt])?";
const SYLLABLE = new RegExp(`^${ONSET}(?:${VOWEL_GROUPS.join("|")})${FINAL}$`, "u");
/** Closed by a stop: only sắc (U+0301) or nặng (U+0323) may sit on it. */
const STOP_FINAL = /(?:c|ch|p|t)$/u;
const STOP_TONES = /^[\u0301\u0323]?$/u;

// Syllables repeat a lot (a plan uses a few thousand distinct ones): remember the verdicts.
const verdicts = new Map<string, boolean>();
const wellFormed = new Map<string, boolean>();

/** Tone marks removed, NFC, lower case: `Quyết` → `quyêt`. */
export function toneless(word: string): string {
  return word.normalize("NFD").replace(TONE_MARKS, "").normalize("NFC").toLowerCase();
}

/** Whether the letters can spell a Vietnamese syllable, whatever its tone (`hoà`, `nghiêng`; not `hoµ`, `strng`). */
export function isVietnameseSyllable(word: string): boolean {
  let verdict = verdicts.get(word);
  if (verdict === undefined) {
    verdict = SYLLABLE.test(toneless(word));
    if (verdicts.size > 50_000) verdicts.clear();
    verdicts.set(word, verdict);
  }
  return verdict;
}

/**
 * A possible syllable with a possible tone: as `isVietnameseSyllable`, plus the stop-final rule
 * (`tháng`, `việc`; not `viềc`) and at most one tone mark.
 */
export function isWellFormedSyllable(word: string): boolean {
  let verdict = wellFormed.get(word);
  if (verdict === undefined) {
    const bare = toneless(word);
    const tones = (word.normalize("NFD").match(TONE_MARKS) ?? []).join("");
    verdict = SYLLABLE.test(bare) && tones.length <= 1 && (!STOP_FINAL.test(bare) || STOP_TONES.test(tones));
    if (wellFormed.size > 50_000) wellFormed.clear();
    wellFormed.set(word, verdict);
  }
  return verdict;
}
