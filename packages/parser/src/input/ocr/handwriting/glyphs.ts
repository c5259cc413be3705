/**
 * The handwritten digits in a slot of a line: the ink of a small grayscale region cut into
 * connected shapes, then into digits — the pieces of one digit (a 7's bar drawn apart from its
 * stem) joined, specks and the printed slash of the symbol after the number left out. Digits
 * written touching (`22` in one stroke) are not cut apart: on MNIST pairs drawn touching, every
 * cutting rule tried gave sure-but-wrong readings several times as often as leaving the run
 * unread, and a run wider than a digit can be is left unread (isDigitShaped).
 */
import type { Glyph } from "./features.ts";
import type { GrayImage } from "../pnm.ts";

/** Shapes smaller than this many pixels are specks. */
const MIN_PIXELS = 12;
/** A shape less tall than this share of the tallest one is a mark or a speck, not a digit. */
const MIN_HEIGHT_SHARE = 0.45;
/** Two shapes overlapping by more than this share of the narrower one's width are one digit. */
const SAME_DIGIT_OVERLAP = 0.5;

/** Otsu's threshold: the gray level that best splits ink from paper. */
export function inkThreshold(gray: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (const v of gray) histogram[v] = (histogram[v] ?? 0) + 1;
  const total = gray.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (histogram[i] ?? 0);
  let below = 0;
  let sumBelow = 0;
  let best = 128;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    below += histogram[t] ?? 0;
    if (below === 0) continue;
    const above = total - below;
    if (above === 0) break;
    sumBelow += t * (histogram[t] ?? 0);
    const meanBelow = sumBelow / below;
    const meanAbove = (sum - sumBelow) / above;
    const variance = below * above * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  // A region of paper alone has no real split: keep the middle.
  return bestVariance <= 0 ? 128 : best;
}

/** 8-connected shapes of ink, left to right. */
export function inkShapes(image: GrayImage): Glyph[] {
  const { width, height, gray } = image;
  const threshold = inkThreshold(gray);
  const seen = new Uint8Array(width * height);
  const shapes: Glyph[] = [];
  const stack: number[] = [];
  for (let start = 0; start < gray.length; start++) {
    if (seen[start] === 1 || (gray[start] ?? 255) > threshold) continue;
    const pixels: number[] = [];
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() ?? 0;
      pixels.push(p);
      const x = p % width;
      const y = (p - x) / width;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const q = ny * width + nx;
          if (seen[q] === 1 || (gray[q] ?? 255) > threshold) continue;
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (pixels.length >= MIN_PIXELS) shapes.push({ x0, y0, x1, y1, pixels, stride: width });
  }
  return shapes.sort((a, b) => a.x0 - b.x0);
}

/**
 * The digits written between `from` and `to` (pixels across the region): shapes mostly inside,
 * tall enough, pieces joined, touching digits cut. `beforeSlash`: the printed symbol follows
 * (`707/QĐ-TTg`), so a last shape that is a slash is its, not a digit.
 */
export function digitGlyphs(shapes: readonly Glyph[], from: number, to: number, beforeSlash: boolean): Glyph[] {
  const isInside = (s: Glyph): boolean => Math.min(s.x1, to) - Math.max(s.x0, from) + 1 >= 0.5 * width(s);
  const inside = shapes.filter(isInside);
  const tallest = Math.max(0, ...inside.map(height));
  let glyphs = joinPieces(inside.filter((s) => height(s) >= MIN_HEIGHT_SHARE * tallest));
  const last = glyphs[glyphs.length - 1];
  if (beforeSlash && last !== undefined && isSlash(last)) glyphs = glyphs.slice(0, -1);
  return glyphs;
}

/** Width to height of the widest single digit: a wider glyph is digits run together, whatever the reader says. */
const WIDEST_DIGIT = 1.0;

/** Not wider than a digit can be. */
export function isDigitShaped(g: Glyph): boolean {
  return width(g) <= WIDEST_DIGIT * height(g);
}

const height = (g: Glyph): number => g.y1 - g.y0 + 1;
const width = (g: Glyph): number => g.x1 - g.x0 + 1;

function joinPieces(shapes: readonly Glyph[]): Glyph[] {
  const out: Glyph[] = [];
  for (const s of [...shapes].sort((a, b) => a.x0 - b.x0)) {
    const prev = out[out.length - 1];
    const overlap = prev === undefined ? 0 : Math.min(prev.x1, s.x1) - Math.max(prev.x0, s.x0) + 1;
    if (prev !== undefined && overlap > SAME_DIGIT_OVERLAP * Math.min(width(prev), width(s))) {
      out[out.length - 1] = { x0: Math.min(prev.x0, s.x0), y0: Math.min(prev.y0, s.y0), x1: Math.max(prev.x1, s.x1), y1: Math.max(prev.y1, s.y1), pixels: [...prev.pixels, ...s.pixels], stride: s.stride };
    } else out.push(s);
  }
  return out;
}

/** A thin stroke rising to the right: most of its ink within a fifth of its width of the diagonal. */
function isSlash(g: Glyph): boolean {
  const w = width(g);
  const h = height(g);
  if (w > 0.8 * h) return false;
  let near = 0;
  for (const p of g.pixels) {
    const x = (p % g.stride) - g.x0;
    const y = Math.floor(p / g.stride) - g.y0;
    const onDiagonal = w - ((y + 0.5) / h) * w;
    if (Math.abs(x + 0.5 - onDiagonal) <= Math.max(2, 0.2 * w)) near++;
  }
  return near >= 0.85 * g.pixels.length;
}
