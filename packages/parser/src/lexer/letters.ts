/**
 * Vietnamese letters as explicit character ranges. Chevrotain drops a pattern's `u` flag, so `\p{L}`
 * cannot be used in token patterns: these ranges cover ASCII letters, Latin-1 and Latin Extended-A/B
 * letters (Ă Đ Ơ Ư …), the Vietnamese block U+1EA0–U+1EF9 and combining marks.
 */
export const LETTER = "A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0300-\\u036f\\u1e00-\\u1eff";
export const UPPER = "A-Z\\u00c0-\\u00d6\\u00d8-\\u00de\\u0102\\u0110\\u01a0\\u01af\\u1ea0\\u1ea2\\u1ea4\\u1ea6\\u1ea8\\u1eaa\\u1eac\\u1eae\\u1eb0\\u1eb2\\u1eb4\\u1eb6\\u1eb8\\u1eba\\u1ebc\\u1ebe\\u1ec0\\u1ec2\\u1ec4\\u1ec6\\u1ec8\\u1eca\\u1ecc\\u1ece\\u1ed0\\u1ed2\\u1ed4\\u1ed6\\u1ed8\\u1eda\\u1edc\\u1ede\\u1ee0\\u1ee2\\u1ee4\\u1ee6\\u1ee8\\u1eea\\u1eec\\u1eee\\u1ef0\\u1ef2\\u1ef4\\u1ef6\\u1ef8";

export function isUpperCaseWord(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

export function isCapitalized(word: string): boolean {
  const first = word[0];
  return first !== undefined && first === first.toUpperCase() && first !== first.toLowerCase();
}
