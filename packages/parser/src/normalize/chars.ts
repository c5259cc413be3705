import { OriginRuns } from "./origins.ts";

/**
 * Character-level clean-up with origin tracking: NFC per grapheme cluster, line endings, odd spaces,
 * invisible characters. Each output character remembers the input offset it came from, so spans in
 * the normalised text can be traced back to the page.
 */
export interface TracedText {
  text: string;
  /** origin.at(i) = offset in the input of output character i (the base character of its cluster). */
  origin: OriginRuns;
}

/**
 * Whether the code point at `at` composes with what is before it under NFC: any combining mark of any
 * script (general category M, Kaithi's nukta U+110BA as much as Vietnamese tone marks), and the Hangul
 * vowel and final jamo that join a leading one into a syllable. Not only the Latin mark blocks: a mark
 * left out stays decomposed, and `source.text` is documented as NFC.
 */
function composesAt(input: string, at: number): boolean {
  if (at >= input.length) return false;
  const code = input.charCodeAt(at);
  if (code < 0x300) return false;
  if (code >= 0x0300 && code <= 0x036f) return true;
  if (code >= 0x1160 && code <= 0x11ff) return true;
  return COMBINING.test(String.fromCodePoint(input.codePointAt(at) ?? code));
}
const COMBINING = /^\p{M}$/u;

/** UTF-16 length of the code point at `at`. */
function width(input: string, at: number): number {
  const code = input.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < input.length ? 2 : 1;
}

/** Spaces other than U+0020 (tab and every other space separator: NBSP, Ogham, en/em spaces, narrow NBSP, medium mathematical, ideographic). */
function isOddSpace(code: number): boolean {
  return code === 0x09 || code === 0xa0 || code === 0x1680 || code === 0x3000 || code === 0x202f || code === 0x205f || (code >= 0x2000 && code <= 0x200a);
}

/** Zero-width characters, BOM and soft hyphen: invisible, never meaningful in a plan. */
function isInvisible(code: number): boolean {
  return code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfeff || code === 0xad || code === 0x2060;
}

/** Characters left out of the text: invisible ones and control characters other than line breaks and tabs. */
function isDropped(code: number): boolean {
  return isInvisible(code) || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d);
}

/** Past the dropped characters from `at`: where the next kept one is. */
function skipDropped(input: string, at: number): number {
  while (at < input.length && isDropped(input.charCodeAt(at))) at++;
  return at;
}

/**
 * A run of characters already in their final form: line breaks, printable ASCII and precomposed letters
 * (the last of them final only when no mark follows it).
 */
const PLAIN_RUN = /[\n\x20-\x7e\u00c0-\u02ff\u1e00-\u1eff]+/y;

export function cleanCharacters(input: string): TracedText {
  const n = input.length;
  const out: string[] = [];
  const origin = new OriginRuns();
  const push = (from: number) => origin.append(from, 1);
  let runStart = 0; // start of a run of characters copied unchanged
  const flush = (end: number) => {
    if (end > runStart) {
      out.push(input.slice(runStart, end));
      origin.append(runStart, end - runStart);
    }
  };
  let i = 0;
  while (i < n) {
    // A run of plain characters is kept as it is, but for its last, when marks follow it.
    PLAIN_RUN.lastIndex = i;
    if (PLAIN_RUN.test(input)) {
      const end = composesAt(input, skipDropped(input, PLAIN_RUN.lastIndex)) ? PLAIN_RUN.lastIndex - 1 : PLAIN_RUN.lastIndex;
      if (end > i) {
        i = end;
        continue;
      }
    }
    // Here the character is not plain, or is a plain one marks compose with (across an invisible
    // character, which is dropped): the cluster branch below reads it.
    const code = input.charCodeAt(i);
    const next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
    if (code === 0x0d) {
      flush(i);
      out.push("\n");
      push(i);
      i += next === 0x0a ? 2 : 1;
    } else if (code === 0x0c || code === 0x0b || code === 0x2028 || code === 0x2029) {
      flush(i);
      out.push("\n");
      push(i);
      i++;
    } else if (isOddSpace(code)) {
      flush(i);
      out.push(" ");
      push(i);
      i++;
    } else if (isDropped(code)) {
      flush(i);
      i++;
    } else {
      // A base character and the combining marks after it compose together (NFD input, as in seed 004);
      // invisible characters among them are dropped, so they do not keep a mark from its base.
      let j = i + width(input, i);
      let kept = input.slice(i, j);
      for (let k = skipDropped(input, j); k < n && composesAt(input, k); k = skipDropped(input, j)) {
        j = k + width(input, k);
        kept += input.slice(k, j);
      }
      const cluster = kept.normalize("NFC");
      // A lone character NFC leaves as it is (a dash, a quote) goes on with the run: text without
      // changes is not copied.
      if (j === i + 1 && cluster === kept) {
        i = j;
        continue;
      }
      flush(i);
      out.push(cluster);
      for (let k = 0; k < cluster.length; k++) push(i);
      i = j;
    }
    runStart = i;
  }
  flush(n);
  return { text: out.join(""), origin };
}
