/**
 * Character error rate for OCR tests: Levenshtein distance / reference characters, both sides
 * NFC-normalised with whitespace runs collapsed to one space (the measure SOURCE-README.md uses).
 */

/** NFC, whitespace runs → one space, trimmed. */
export function normalizeForCer(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/**
 * Plain text of a clean sample: heading marks, `**`, backslash escapes and footnote markers go;
 * a footnote definition `[^1]: text` keeps its text. `-`/`+` item markers are the seed's own characters and stay.
 */
export function stripCleanMarkdown(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/u, "")
        .replace(/^\s*\[\^[^\]]+\]:\s*/u, "")
        .replace(/\[\^[^\]]+\]/gu, "")
        .replace(/\*\*/gu, "")
        .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/gu, "$1"),
    )
    .join("\n");
}

/** Characters compared as code points, so a precomposed Vietnamese letter counts as one. */
function codePoints(text: string): number[] {
  return Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
}

/** Plain Levenshtein distance (insert, delete, substitute all cost 1), two rows. */
export function levenshtein(a: string, b: string): number {
  const x = codePoints(a);
  const y = codePoints(b);
  let prev = new Int32Array(y.length + 1);
  let cur = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (xi === y[j - 1] ? 0 : 1);
      const del = (prev[j] ?? 0) + 1;
      const ins = (cur[j - 1] ?? 0) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length] ?? 0;
}

/**
 * Where `pattern` best matches inside `text` (approximate substring search: text before and after
 * the match is free). Used to cut one page out of a whole document's reference text, or to find a
 * footnote that OCR reads at the foot of its page while the reference has it at the end.
 */
export function bestMatch(pattern: string, text: string): { start: number; end: number; distance: number } {
  const p = codePoints(pattern);
  const t = codePoints(text);
  const n = t.length;
  // D[i][j]: cost of matching p[0..i) ending at t[j]; S tracks where that match starts in t.
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  let prevS = new Int32Array(n + 1);
  let curS = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prevS[j] = j;
  for (let i = 1; i <= p.length; i++) {
    cur[0] = i;
    curS[0] = 0;
    const pi = p[i - 1];
    for (let j = 1; j <= n; j++) {
      const sub = (prev[j - 1] ?? 0) + (pi === t[j - 1] ? 0 : 1);
      const del = (prev[j] ?? 0) + 1;
      const ins = (cur[j - 1] ?? 0) + 1;
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curS[j] = prevS[j - 1] ?? 0;
      } else if (del <= ins) {
        cur[j] = del;
        curS[j] = prevS[j] ?? 0;
      } else {
        cur[j] = ins;
        curS[j] = curS[j - 1] ?? 0;
      }
    }
    [prev, cur] = [cur, prev];
    [prevS, curS] = [curS, prevS];
  }
  let end = 0;
  for (let j = 1; j <= n; j++) if ((prev[j] ?? 0) < (prev[end] ?? 0)) end = j;
  const start = prevS[end] ?? 0;
  // Offsets are in code points; convert back to string offsets.
  const toOffset = (cp: number): number => String.fromCodePoint(...t.slice(0, cp)).length;
  return { start: toOffset(start), end: toOffset(end), distance: prev[end] ?? 0 };
}

/** Levenshtein distance / reference characters, after `normalizeForCer` on both. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const ref = normalizeForCer(reference);
  const hyp = normalizeForCer(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return levenshtein(ref, hyp) / Array.from(ref).length;
}

/**
 * CER of one page against a whole-document reference: the reference is cut to the stretch that
 * best matches the page (its start pinned to the reference start when `fromStart`), then compared.
 */
export function pageCharacterErrorRate(
  documentReference: string,
  pageHypothesis: string,
  options: { fromStart?: boolean } = {},
): { cer: number; reference: string } {
  const ref = normalizeForCer(documentReference);
  const hyp = normalizeForCer(pageHypothesis);
  const match = bestMatch(hyp, ref);
  const reference = ref.slice(options.fromStart === true ? 0 : match.start, match.end);
  return { cer: characterErrorRate(reference, hyp), reference };
}

/**
 * CER as the nom-vn benchmark computes it (fixtures/ocr-dev/README.md), so figures compare with
 * theirs: NFC, whitespace runs to one space, trimmed; Levenshtein distance ÷ the longer text's length.
 */
export function cerNomVn(reference: string, hypothesis: string): number {
  const ref = normalizeForCer(reference);
  const hyp = normalizeForCer(hypothesis);
  const longer = Math.max(Array.from(ref).length, Array.from(hyp).length);
  return longer === 0 ? 0 : levenshtein(ref, hyp) / longer;
}

/**
 * CER of a whole OCR'd document against its clean Markdown (`stripCleanMarkdown`). A footnote is
 * printed at the foot of its page but kept at the end of the clean text: it is found in the OCR text
 * and compared on its own, the rest against the body. Also gives the order-sensitive figure.
 */
export function cleanDocumentCer(markdown: string, hypothesis: string): { cer: number; orderSensitive: number } {
  const orderSensitive = characterErrorRate(stripCleanMarkdown(markdown), hypothesis);
  const footnoteAt = markdown.indexOf("\n[^1]:");
  if (footnoteAt < 0) return { cer: orderSensitive, orderSensitive };
  const body = normalizeForCer(stripCleanMarkdown(markdown.slice(0, footnoteAt)));
  const note = normalizeForCer(stripCleanMarkdown(markdown.slice(footnoteAt)));
  const hyp = normalizeForCer(hypothesis);
  const m = bestMatch(note, hyp);
  const cer =
    (characterErrorRate(body, `${hyp.slice(0, m.start)} ${hyp.slice(m.end)}`) * body.length + characterErrorRate(note, hyp.slice(m.start, m.end)) * note.length) /
    (body.length + note.length);
  return { cer, orderSensitive };
}
