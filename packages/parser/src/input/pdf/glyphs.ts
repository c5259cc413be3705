/**
 * Advance widths (em) of Times-metric glyphs (Times New Roman, Liberation Serif — what most Vietnamese
 * administrative PDFs are set in), by base letter; Vietnamese letters take their base letter's width.
 * Only used to guess where a word stands inside one pdf.js item, so a close table is enough.
 */
const WIDTHS: Record<string, number> = {
  " ": 0.25, a: 0.444, b: 0.5, c: 0.444, d: 0.5, e: 0.444, f: 0.333, g: 0.5, h: 0.5, i: 0.278, j: 0.278,
  k: 0.5, l: 0.278, m: 0.778, n: 0.5, o: 0.5, p: 0.5, q: 0.5, r: 0.333, s: 0.389, t: 0.278, u: 0.5,
  v: 0.5, w: 0.722, x: 0.5, y: 0.5, z: 0.444, đ: 0.5,
  A: 0.722, B: 0.667, C: 0.667, D: 0.722, E: 0.611, F: 0.556, G: 0.722, H: 0.722, I: 0.333, J: 0.389,
  K: 0.722, L: 0.611, M: 0.889, N: 0.722, O: 0.722, P: 0.556, Q: 0.722, R: 0.667, S: 0.556, T: 0.611,
  U: 0.722, V: 0.722, W: 0.944, X: 0.722, Y: 0.722, Z: 0.611, Đ: 0.722,
  ".": 0.25, ",": 0.25, ":": 0.278, ";": 0.278, "!": 0.333, "?": 0.444, "'": 0.18, '"': 0.408,
  "(": 0.333, ")": 0.333, "[": 0.333, "]": 0.333, "-": 0.333, "/": 0.278, "%": 0.833, "&": 0.778,
  "“": 0.444, "”": 0.444, "‘": 0.333, "’": 0.333, "–": 0.5, "—": 1, "…": 1,
};

export function emWidth(ch: string): number {
  const known = WIDTHS[ch];
  if (known !== undefined) return known;
  const base = ch.normalize("NFD").charAt(0);
  return WIDTHS[base] ?? 0.5;
}

/** Estimated width of `text` at `size`. */
export function estimateWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += emWidth(ch);
  return w * size;
}
