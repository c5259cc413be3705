/**
 * Tells a real Vietnamese text layer from garbage: text in legacy 8-bit Vietnamese fonts (TCVN3/ABC,
 * VNI) read as if it were Latin-1 ("Céng hoµ x· héi", "Coäng hoøa"), symbol fonts, broken ToUnicode
 * maps. It scores the share of words that are possible Vietnamese syllables.
 */

import { isVietnameseSyllable } from "../../vi/syllables.ts";

export { isVietnameseSyllable };
/** Letters of the Vietnamese alphabet (and the Latin ones it borrows), any case, with tones. */
const VIET_LETTERS = /^[a-zđA-ZĐàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]+$/;

export interface TextScore {
  /** Letter sequences looked at. */
  words: number;
  /** … that are possible Vietnamese syllables. */
  valid: number;
  /** … that cannot be (foreign letters, impossible spelling). Acronyms (all capitals) count in neither. */
  invalid: number;
  /** Characters that are neither letters, digits, spaces nor ordinary punctuation (private use, controls). */
  odd: number;
  chars: number;
  /** valid / (valid + invalid); 1 when there is nothing to judge. */
  score: number;
}

const ODD = /[^\p{L}\p{M}\p{N}\p{P}\p{Sc}\p{Sm}\s°§]/gu;
const NOT_SPACE = /\S/gu;

export function scoreVietnamese(text: string): TextScore {
  let valid = 0, invalid = 0, words = 0;
  const nfc = text.normalize("NFC");
  const chars = nfc.match(NOT_SPACE)?.length ?? 0;
  const odd = nfc.match(ODD)?.length ?? 0;
  for (const word of nfc.match(/[\p{L}\p{M}]+/gu) ?? []) {
    words++;
    if (!VIET_LETTERS.test(word)) {
      invalid++;
      continue;
    }
    if (isVietnameseSyllable(word)) valid++;
    else if (word !== word.toUpperCase()) invalid++; // all capitals: an acronym (UBND, CTMTQG), no verdict
  }
  const judged = valid + invalid;
  return { words, valid, invalid, odd, chars, score: judged === 0 ? 1 : valid / judged };
}

/**
 * Garbage when there is enough text to judge and either most words are not Vietnamese syllables or a
 * good share of the characters are not text at all. Real plans score above 0.9; TCVN3/VNI text read
 * as Latin-1 and scrambled text score well under 0.6.
 */
export function isGarbage(score: TextScore): boolean {
  if (score.chars >= 100 && score.odd / score.chars > 0.25) return true;
  if (score.valid + score.invalid < 30) return false;
  return score.score < 0.6;
}
