/**
 * Repairs the font-encoding garbage of some signed PDFs' text layers, where Vietnamese letters with a
 * hook or dot below come out shifted into Latin-1/Latin Extended-A: `cāa` for `của`, `nhiệm vÿ` for
 * `nhiệm vụ`. The broken ToUnicode maps U+1EA0–U+1EF9 (Vietnamese) to U+00BA–U+0113, a fixed shift.
 * Only characters that Vietnamese never uses are repaired, and only inside a word. Cyrillic lookalikes
 * inside Latin words are read as the Latin letters too (see CYRILLIC_LOOKALIKE).
 */
const SHIFT = 0x1ea0 - 0x00ba;

/** Letters of that range that Vietnamese does use: these are never garbage. */
const VIETNAMESE_LATIN1 = new Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđ");

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
}

export function garbageReplacement(ch: string): string | null {
  const code = ch.charCodeAt(0);
  if (code < 0x00ba || code > 0x0113 || VIETNAMESE_LATIN1.has(ch)) return null;
  if (code === 0x00d7 || code === 0x00f7) return null; // × ÷ are real symbols
  return String.fromCharCode(code + SHIFT);
}

/**
 * Cyrillic letters that look like Latin ones, typed into Vietnamese words (`củа` with a Cyrillic а, in a
 * signed decision): read as the Latin letter when a Latin letter stands next to them, so a real Cyrillic
 * word stays as it is.
 */
const CYRILLIC_LOOKALIKE: ReadonlyMap<string, string> = new Map(
  [..."аеорсхуіАВЕКМНОРСТХІ"].map((ch, i) => [ch, "aeopcxyiABEKMHOPCTXI"[i] as string]),
);

function isLatinLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Latin}/u.test(ch);
}

export interface Repair {
  offset: number;
  from: string;
  to: string;
}

/** Returns the repaired text (same length) and each repair made. */
export function repairEncoding(text: string): { text: string; repairs: Repair[] } {
  let chars: string[] | null = null;
  const repairs: Repair[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x0400 && code <= 0x04ff) {
      const latin = CYRILLIC_LOOKALIKE.get(text[i] as string);
      if (latin && (isLatinLetter(text[i - 1]) || isLatinLetter(text[i + 1]))) {
        chars ??= text.split("");
        chars[i] = latin;
        repairs.push({ offset: i, from: text[i] as string, to: latin });
      }
      continue;
    }
    if (code < 0x00ba || code > 0x0113) continue;
    const ch = text[i] as string;
    const replacement = garbageReplacement(ch);
    if (replacement === null) continue;
    if (!isLetter(text[i - 1]) && !isLetter(text[i + 1])) continue;
    chars ??= text.split("");
    chars[i] = replacement;
    repairs.push({ offset: i, from: ch, to: replacement });
  }
  return { text: chars ? chars.join("") : text, repairs };
}
