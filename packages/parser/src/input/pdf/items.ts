import type { Box } from "@kehoach/model";
import { estimateWidth } from "./glyphs.ts";
import type { Run } from "./types.ts";

/** The part of a pdf.js TextItem we read (kept structural so pdf.js's loose typings stay out). */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export interface PdfTextStyle {
  ascent?: number;
  descent?: number;
}

/** Affine map [a, b, c, d, e, f] as in PDF: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export type Matrix = [number, number, number, number, number, number];

export function multiply(m: Matrix, n: Matrix): Matrix {
  // Apply n first, then m (same order as pdf.js's Util.transform(m, n)).
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * From the viewport transform (user space → device space, y down) to the reading frame used for
 * layout: same scale, y up, origin at the displayed page's bottom-left.
 */
export function readingFrame(viewportTransform: readonly number[], displayedHeight: number): Matrix {
  const vt = viewportTransform as unknown as Matrix;
  return multiply([1, 0, 0, -1, 0, displayedHeight], [vt[0], vt[1], vt[2], vt[3], vt[4], vt[5]]);
}

/** A reading frame and the size of the page seen through it. */
export interface Frame {
  matrix: Matrix;
  width: number;
  height: number;
}

/**
 * The frame in which most of the page's text runs left to right: the text decides, not /Rotate —
 * a landscape table is drawn rotated on a portrait page and shown with /Rotate, while a page rotated
 * for display only keeps its text in the page's own frame. Quarter turns only; ties and pages without
 * text keep the displayed orientation.
 */
export function chooseFrame(
  items: readonly unknown[],
  view: readonly number[],
  viewportTransform: readonly number[],
  displayed: { width: number; height: number },
): Frame {
  const weight = [0, 0, 0, 0];
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const a = item.transform[0] ?? 0, b = item.transform[1] ?? 0;
    const quarter = a > Math.abs(b) ? 0 : b > Math.abs(a) ? 1 : -a > Math.abs(b) ? 2 : -b > Math.abs(a) ? 3 : -1;
    if (quarter >= 0) weight[quarter] = (weight[quarter] ?? 0) + item.str.length;
  }
  let best = -1, most = 0, total = 0;
  weight.forEach((w, q) => {
    total += w;
    if (w > most) [best, most] = [q, w];
  });
  if (best < 0 || most <= total / 2) {
    return { matrix: readingFrame(viewportTransform, displayed.height), width: displayed.width, height: displayed.height };
  }
  // Turn the text's direction onto +x, then move the view box to the origin.
  const turns: Matrix[] = [[1, 0, 0, 1, 0, 0], [0, -1, 1, 0, 0, 0], [-1, 0, 0, -1, 0, 0], [0, 1, -1, 0, 0, 0]];
  const turn = turns[best] as Matrix;
  const [x0, y0, x1, y1] = [view[0] ?? 0, view[1] ?? 0, view[2] ?? 0, view[3] ?? 0];
  const xs: number[] = [], ys: number[] = [];
  for (const [x, y] of [[x0, y0], [x0, y1], [x1, y0], [x1, y1]] as const) {
    xs.push(turn[0] * x + turn[2] * y);
    ys.push(turn[1] * x + turn[3] * y);
  }
  const minX = Math.min(...xs), minY = Math.min(...ys);
  return {
    matrix: [turn[0], turn[1], turn[2], turn[3], -minX, -minY],
    width: Math.max(...xs) - minX,
    height: Math.max(...ys) - minY,
  };
}

export function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === "object" && item !== null && typeof (item as { str?: unknown }).str === "string" &&
    Array.isArray((item as { transform?: unknown }).transform);
}

const WS = /\s+/g;
const WS_RUN = /\s\s|[\t\n\r\f\v\u00a0\u2000-\u200b\u3000]/;
/**
 * Combining marks: only then can NFC change a string (Vietnamese typed with decomposed accents). In a
 * font re-read from glyph indices (recode.ts) they are letters, which pdf.js measured as zero-width
 * accents: such an item's width is estimated from its letters instead.
 */
const COMBINING = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/;

/**
 * pdf.js items → runs in the reading frame. Items written along another direction (margin notes set
 * vertically, rotated stamps) come back separately as `odd`, in stream order, so they neither break
 * lines nor get lost. Whitespace-only items come back as `blank` runs (space hints). One pass, no
 * per-item allocation beyond the run itself.
 */
export function toRuns(
  items: readonly unknown[],
  styles: Readonly<Record<string, PdfTextStyle>>,
  frame: Matrix,
  decoderFor: (font: string) => ((s: string) => string) | undefined = () => undefined,
  seqStart = 0,
): { runs: Run[]; odd: Run[] } {
  const runs: Run[] = [];
  const odd: Run[] = [];
  let seq = seqStart;
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const decode = decoderFor(item.fontName);
    const raw = decode ? decode(item.str) : item.str;
    if (raw.length === 0) continue;
    const edgeSpace = raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32;
    const trimmed = edgeSpace ? raw.trim() : raw;
    const t = item.transform;
    const a = t[0] ?? 0, b = t[1] ?? 0, c = t[2] ?? 0, d = t[3] ?? 0, e = t[4] ?? 0, f = t[5] ?? 0;
    const userSize = Math.hypot(c, d);
    if (!(userSize > 0.5) || !Number.isFinite(e + f)) continue; // invisible or degenerate text
    const blank = trimmed.length === 0;
    let str = blank ? " " : trimmed;
    if (!blank && COMBINING.test(str)) str = str.normalize("NFC");
    if (!blank && WS_RUN.test(str)) str = str.replace(WS, " ");
    const style = styles[item.fontName];
    const box = userBox(a, b, c, d, e, f, item.width, userSize, style);
    // Reading-frame placement (frame ∘ item transform, written out: this runs for every item).
    const m0 = frame[0] * a + frame[2] * b, m1 = frame[1] * a + frame[3] * b;
    const m2 = frame[0] * c + frame[2] * d, m3 = frame[1] * c + frame[3] * d;
    const m4 = frame[0] * e + frame[2] * f + frame[4], m5 = frame[1] * e + frame[3] * f + frame[5];
    const dirLen = Math.hypot(m0, m1);
    const size = Math.hypot(m2, m3);
    const upright = dirLen > 0 && m0 > 0 && Math.abs(m1) <= 0.05 * dirLen && m3 > 0;
    const x0 = m4;
    const run: Run = {
      str,
      x0,
      // pdf.js widths run along the baseline in user units; the frame only rotates, so they carry over.
      x1: x0 + Math.max(0, decode && COMBINING.test(item.str) ? Math.max(item.width, estimateWidth(str, userSize)) : item.width),
      y: m5,
      size,
      font: item.fontName,
      seq: seq++,
      box,
      spaceBefore: raw.length > 0 && raw.charCodeAt(0) <= 32,
      spaceAfter: raw.length > 0 && raw.charCodeAt(raw.length - 1) <= 32,
    };
    if (blank) {
      // pdf.js writes a whitespace item for a gap it took for a space; a gap that another font's
      // glyphs fill (fallback fonts) gets one too, so it is only a hint, checked against the glyphs.
      if (upright && run.x1 > run.x0) {
        run.blank = true;
        runs.push(run);
      }
      continue;
    }
    (upright ? runs : odd).push(run);
  }
  return { runs, odd };
}

/** The text of a page's items, per font (only the fonts `wanted`): what FontDecoder learns from. */
export function textsByFont(items: readonly unknown[], wanted: (font: string) => boolean): Map<string, string> {
  const parts = new Map<string, string[]>();
  for (const item of items) {
    if (!isTextItem(item) || item.str.length === 0 || !wanted(item.fontName)) continue;
    const list = parts.get(item.fontName);
    if (list) list.push(item.str);
    else parts.set(item.fontName, [item.str]);
  }
  return new Map([...parts].map(([font, list]) => [font, list.join(" ")]));
}

/** The item's box in user space: along the baseline for its width, from descent to ascent. */
function userBox(
  a: number, b: number, c: number, d: number, e: number, f: number,
  width: number, size: number, style: PdfTextStyle | undefined,
): Box {
  const dirLen = Math.hypot(a, b) || 1;
  const ux = (a / dirLen) * width, uy = (b / dirLen) * width;
  const vx = c / size, vy = d / size;
  const ascent = clampMetric(style?.ascent, 0.9, 0.5, 1.3);
  const descent = clampMetric(style?.descent, -0.22, -0.5, 0);
  const ax = vx * ascent * size, ay = vy * ascent * size;
  const dx = vx * descent * size, dy = vy * descent * size;
  const xa = e + dx, xb = e + ax, xc = e + ux + dx, xd = e + ux + ax;
  const ya = f + dy, yb = f + ay, yc = f + uy + dy, yd = f + uy + ay;
  return {
    x0: Math.min(xa, xb, xc, xd),
    y0: Math.min(ya, yb, yc, yd),
    x1: Math.max(xa, xb, xc, xd),
    y1: Math.max(ya, yb, yc, yd),
  };
}

function clampMetric(value: number | undefined, fallback: number, lo: number, hi: number): number {
  if (value === undefined || !Number.isFinite(value) || value === 0) return fallback;
  return Math.min(hi, Math.max(lo, value));
}

export function unionBox(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
