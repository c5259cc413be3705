import { CP1252_BYTE, cp1252Char } from "../encodings/cp1252.ts";
import { tcvn3Char } from "../encodings/tcvn3.ts";
import { scoreVietnamese, type TextScore } from "./garbage.ts";

/**
 * Fonts whose text pdf.js cannot turn into Unicode, read again from what their codes do say.
 *
 * Word's PDF export (and many "print to PDF" drivers) used in Vietnamese offices writes Times New
 * Roman as a CID font with Identity encoding and no ToUnicode map: each code is the glyph's index in
 * the font, and pdf.js hands the index over as if it were a code point ("ÿӏQK" for "định", "FӫD" for
 * "của"). The same files set the letters that Latin-1 has in a symbolic TrueType font, which pdf.js
 * reads through the font's Mac Roman table ("ng‡y" for "ngày"). Older documents are set in TCVN3
 * (.VnTime) fonts, whose bytes read as Latin-1 look like "Céng hoµ". Each font is decided on its own,
 * document-wide: its text is read every possible way and the reading with the most Vietnamese wins
 * (see garbage.ts); a font whose text reads best as it is stays as it is.
 */

export type LegacyEncoding = "glyph-ids" | "mac-roman" | "tcvn3" | "mac-roman-tcvn3";

/**
 * Times New Roman's glyphs 98–255, as Unicode. Its glyph order is the Macintosh standard order
 * (pdf.js's MacStandardGlyphOrdering) without `nonbreakingspace` and `apple`; checked against the
 * ToUnicode maps of Times New Roman subsets in signed provincial PDFs, where glyph index = CID.
 * Glyphs 3–97 are ASCII 32–126.
 */
const TNR_98_TO_255 =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄¤‹›ﬁﬂ‡·‚„‰" +
  "ÂÊÁËÈÍÎÏÌÓÔÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇŁłŠšŽž¦ÐðÝýÞþ−×¹²³½¼¾₣ĞğİŞşĆćČčđ";

/** Vietnamese letters past glyph 255 that sit at the same index in every version seen. */
const TNR_FIXED: ReadonlyMap<number, string> = new Map([
  [258, "Ă"], [259, "ă"], [264, "Đ"], [428, "Ĩ"], [429, "ĩ"], [457, "Ũ"], [458, "ũ"], [483, "Ỳ"], [484, "ỳ"],
  // Cyrillic а, typed for `a` (`củа` in 1050/QĐ-SCT, whose owner's extraction has U+0430 there); the
  // normaliser reads it as the Latin letter inside a word.
  [602, "а"],
]);

/**
 * Where Ơ ơ Ư ư start; the letters of Unicode's Vietnamese block (U+1EA0…U+1EF9, without Ỳ ỳ, which
 * come earlier) follow 58 glyphs later. Times New Roman 5.x and the upright 7.0 faces put them at
 * 1130; 7.0 italics and 7.1 at 750. A font's own codes say which: no glyph sits in both windows.
 */
const HORN_BASES: readonly number[] = [1130, 750];
const BLOCK_OFFSET = 58;
const BLOCK_SIZE = 88;

function tnrGlyphTable(base: number): Map<number, string> {
  const table = new Map<number, string>(TNR_FIXED);
  ["Ơ", "ơ", "Ư", "ư"].forEach((ch, i) => table.set(base + i, ch));
  let gid = base + BLOCK_OFFSET;
  for (let cp = 0x1ea0; cp <= 0x1ef9; cp++) {
    if (cp === 0x1ef2 || cp === 0x1ef3) continue; // Ỳ ỳ: see TNR_FIXED
    table.set(gid++, String.fromCharCode(cp));
  }
  return table;
}

const TNR_TABLES = new Map(HORN_BASES.map((base) => [base, tnrGlyphTable(base)]));

function hornBaseOf(text: string): number {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    for (const base of HORN_BASES) if (code >= base && code < base + BLOCK_OFFSET + BLOCK_SIZE) return base;
  }
  return HORN_BASES[0] as number;
}

function glyphIdDecoder(sample: string): (s: string) => string {
  const table = TNR_TABLES.get(hornBaseOf(sample)) as Map<number, string>;
  return (s) => {
    let out = "";
    for (let i = 0; i < s.length; i++) {
      const gid = s.charCodeAt(i);
      if (gid < 3) continue; // .notdef, .null, CR
      // A real space is one pdf.js put in for a gap (glyph 32, "=", is rare in plans).
      if (gid === 32) out += " ";
      else if (gid <= 97) out += String.fromCharCode(gid + 29);
      else if (gid <= 255) out += TNR_98_TO_255.charAt(gid - 98);
      else out += table.get(gid) ?? s.charAt(i);
    }
    return out;
  };
}

/** Mac Roman 0x80–0xFF (0xDB read both as the old currency sign and as the euro). */
const MAC_ROMAN_HIGH =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄¤‹›ﬁﬂ‡·‚„‰" +
  "ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";
const MAC_ROMAN_BYTE = new Map<string, number>([...MAC_ROMAN_HIGH].map((ch, i) => [ch, 0x80 + i]));
MAC_ROMAN_BYTE.set("€", 0xdb);


function byteOfLatin(ch: string): number {
  const code = ch.charCodeAt(0);
  return code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (CP1252_BYTE.get(ch) ?? -1);
}

function byteOfMacRoman(ch: string): number {
  const code = ch.charCodeAt(0);
  return code < 0x80 ? code : (MAC_ROMAN_BYTE.get(ch) ?? -1);
}

function byteDecoder(toByte: (ch: string) => number, fromByte: (byte: number) => string): (s: string) => string {
  return (s) => {
    let out = "";
    for (const ch of s) {
      const byte = toByte(ch);
      out += byte < 0 ? ch : fromByte(byte);
    }
    return out;
  };
}

interface Candidate {
  encoding: LegacyEncoding;
  /** Characters that real Vietnamese text set in this font would not have: worth trying (default: always). */
  hint?: RegExp;
  make(sample: string): (s: string) => string;
}

const CANDIDATES: readonly Candidate[] = [
  // Control codes, combining marks standing alone, Greek, Cyrillic: glyph indices read as code points.
  { encoding: "glyph-ids", hint: /[\u0003-\u0008\u000e-\u001f\u0300-\u04ff]/, make: glyphIdDecoder },
  // The 8-bit readings change Vietnamese letters too, so real Unicode text scores lower under them.
  { encoding: "mac-roman", make: () => byteDecoder(byteOfMacRoman, cp1252Char) },
  { encoding: "tcvn3", make: () => byteDecoder(byteOfLatin, tcvn3Char) },
  { encoding: "mac-roman-tcvn3", make: () => byteDecoder(byteOfMacRoman, tcvn3Char) },
];

/** A symbol between two letters ("L¿O", "Ph˙c"): a letter that came out as something else. */
const INTRUDER = /(?<=\p{L})[^\p{L}\p{M}\p{N}\s.,;:!?()[\]\-–—/'"“”‘’…%&+*=]+(?=\p{L})/gu;

/**
 * Higher is more like Vietnamese text: syllables count for; foreign words, non-text characters and
 * symbols inside words against.
 */
function merit(text: string): { value: number; evidence: number } {
  const score: TextScore = scoreVietnamese(text);
  const intruders = text.match(INTRUDER)?.length ?? 0;
  return {
    value: score.valid - score.invalid - score.odd - intruders,
    evidence: score.valid + score.invalid + score.odd + intruders,
  };
}

/** Judged words (or odd characters) a font needs before its reading is settled for the whole document. */
const SETTLED_EVIDENCE = 12;
/** … when all of them read as Vietnamese as they are. */
const CLEAN_EVIDENCE = 4;
/** Text kept per undecided font: plenty to judge, bounded for long documents. */
const SAMPLE_LIMIT = 4_000;

interface FontState {
  sample: string;
  decode: ((s: string) => string) | undefined;
  encoding: LegacyEncoding | undefined;
  settled: boolean;
}

/** Decides, font by font and for a whole document, how each font's text is read. */
export class FontDecoder {
  private readonly fonts = new Map<string, FontState>();

  /**
   * Takes a page's text per font (pdf.js font names) and decides every font not settled yet, from
   * all the text it has shown so far. Call it before reading the page's runs.
   */
  learn(texts: ReadonlyMap<string, string>): void {
    for (const [font, text] of texts) {
      let state = this.fonts.get(font);
      if (!state) {
        state = { sample: "", decode: undefined, encoding: undefined, settled: false };
        this.fonts.set(font, state);
      }
      if (state.settled) continue;
      if (state.sample.length < SAMPLE_LIMIT) state.sample += (state.sample ? " " : "") + text.slice(0, SAMPLE_LIMIT);
      this.decide(state);
    }
  }

  /** Whether `font`'s text is still worth passing to `learn` (it is not settled yet). */
  wants(font: string): boolean {
    return this.fonts.get(font)?.settled !== true;
  }

  /** How to read `font`'s text, or undefined to keep it as pdf.js gives it. */
  decoderFor(font: string): ((s: string) => string) | undefined {
    return this.fonts.get(font)?.decode;
  }

  /**
   * Whether getTextContent loses some of `font`'s glyphs: read from glyph indices, glyphs 9–13
   * (`& ' ( ) *`) have the codes of tab, line feed, vertical tab, form feed and carriage return,
   * which pdf.js drops from its text items as whitespace. The operator list keeps them.
   */
  dropsGlyphs(font: string): boolean {
    return this.fonts.get(font)?.encoding === "glyph-ids";
  }

  /** How many fonts are read in each legacy encoding. */
  recoded(): Map<LegacyEncoding, number> {
    const counts = new Map<LegacyEncoding, number>();
    for (const state of this.fonts.values()) {
      if (state.encoding) counts.set(state.encoding, (counts.get(state.encoding) ?? 0) + 1);
    }
    return counts;
  }

  private decide(state: FontState): void {
    const raw = merit(state.sample);
    let best = raw.value;
    let evidence = raw.evidence;
    state.decode = undefined;
    state.encoding = undefined;
    // Nothing against the text as it is (every word judged is a syllable): no reading can do better,
    // and a few such words settle it — most fonts of most PDFs end here, on their first page.
    if (raw.value === raw.evidence) {
      state.settled = raw.evidence >= CLEAN_EVIDENCE;
      if (state.settled) state.sample = "";
      return;
    }
    for (const candidate of CANDIDATES) {
      if (candidate.hint && !candidate.hint.test(state.sample)) continue;
      const decode = candidate.make(state.sample);
      const { value, evidence: seen } = merit(decode(state.sample));
      if (value > best) {
        best = value;
        evidence = Math.max(evidence, seen);
        state.decode = decode;
        state.encoding = candidate.encoding;
      }
    }
    state.settled = evidence >= SETTLED_EVIDENCE;
    if (state.settled) state.sample = "";
  }
}
