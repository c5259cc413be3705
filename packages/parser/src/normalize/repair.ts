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

/** The characters `repairEncoding` may replace, by code: those of U+00BA–U+0113 Vietnamese never uses, and Cyrillic lookalikes. */
const SUSPECT = new Uint8Array(0x0500);
for (let code = 0x00ba; code <= 0x0113; code++) if (garbageReplacement(String.fromCharCode(code)) !== null) SUSPECT[code] = 1;
for (const ch of CYRILLIC_LOOKALIKE.keys()) SUSPECT[ch.charCodeAt(0)] = 1;

export interface Repair {
  offset: number;
  from: string;
  to: string;
}

/** Returns the repaired text (same length) and each repair made. */
export function repairEncoding(text: string): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x00ba || code >= 0x0500 || SUSPECT[code] === 0) continue;
    const ch = text[i] as string;
    const cyrillic = code >= 0x0400;
    const replacement = cyrillic ? CYRILLIC_LOOKALIKE.get(ch) : garbageReplacement(ch);
    if (replacement === undefined || replacement === null) continue;
    const beside = cyrillic ? isLatinLetter : isLetter;
    if (!beside(text[i - 1]) && !beside(text[i + 1])) continue;
    repairs.push({ offset: i, from: ch, to: replacement });
  }
  return { text: repairs.length > 0 ? withRepairs(text, repairs) : text, repairs };
}

function withRepairs(text: string, repairs: readonly Repair[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const repair of repairs) {
    parts.push(text.slice(from, repair.offset), repair.to);
    from = repair.offset + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}
