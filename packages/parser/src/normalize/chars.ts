/**
 * Character-level clean-up with origin tracking: NFC per grapheme cluster, line endings, odd spaces,
 * invisible characters. Each output character remembers the input offset it came from, so spans in
 * the normalised text can be traced back to the page.
 */
export interface TracedText {
  text: string;
  /** origin[i] = offset in the input of output character i (the base character of its cluster). */
  origin: number[];
}

const COMBINING_MARK = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/;

/** Spaces other than U+0020 that extractors emit (tab, NBSP, en/em spaces, narrow NBSP, ideographic). */
function isOddSpace(ch: string): boolean {
  return ch === "\t" || ch === "\u00a0" || ch === "\u3000" || ch === "\u202f" || (ch >= "\u2000" && ch <= "\u200a");
}

/** Zero-width characters, BOM and soft hyphen: invisible, never meaningful in a plan. */
function isInvisible(ch: string): boolean {
  return ch === "\u200b" || ch === "\u200c" || ch === "\u200d" || ch === "\ufeff" || ch === "\u00ad" || ch === "\u2060";
}

export function cleanCharacters(input: string): TracedText {
  const out: string[] = [];
  const origin: number[] = [];
  const n = input.length;
  let i = 0;
  while (i < n) {
    const ch = input[i] as string;
    if (ch === "\r") {
      out.push("\n");
      origin.push(i);
      i += input[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    if (ch === "\f" || ch === "\v" || ch === "\u2028" || ch === "\u2029") {
      out.push("\n");
      origin.push(i);
      i++;
      continue;
    }
    if (isOddSpace(ch)) {
      out.push(" ");
      origin.push(i);
      i++;
      continue;
    }
    if (isInvisible(ch) || (ch < " " && ch !== "\n")) {
      i++;
      continue;
    }
    // A base character and the combining marks after it compose together (NFD input, as in seed 004).
    let j = i + 1;
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && j < n) j++;
    while (j < n && COMBINING_MARK.test(input[j] as string)) j++;
    const cluster = input.slice(i, j).normalize("NFC");
    for (const c of cluster) {
      for (let k = 0; k < c.length; k++) {
        out.push(c[k] as string);
        origin.push(i);
      }
    }
    i = j;
  }
  return { text: out.join(""), origin };
}
