/**
 * A digit as the classifier sees it, the same for training (scripts/digit-model.ts, MNIST) and for
 * reading a scan: ink in a 28×28 grid the way MNIST was made (the glyph scaled to fit 20×20, its
 * centre of mass at the centre), its slant taken out by moments (the classic step that halves a
 * nearest-neighbour's error on MNIST and makes an upright clerk's 7 and a slanted one alike), then
 * gradient-direction histograms over a 4×4 grid of cells (shape, whatever the stroke's thickness)
 * beside the ink halved to 14×14.
 */

export const GRID = 28;
const FIT = 20;
const CELLS = 4;
const BINS = 8;
const HALF = GRID / 2;
/** Length of `features()`: histograms then the halved ink. */
export const FEATURES = CELLS * CELLS * BINS + HALF * HALF;
/** Weight of the ink part against the (unit-length) histograms. */
const INK_WEIGHT = 0.7;
/** Sub-samples a side when a glyph's pixels are spread onto the grid. */
const SUPERSAMPLE = 4;

/** A glyph's ink: pixel coordinates inside its box. */
export interface Glyph {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** Inked pixels as `y * stride + x` over the image the glyph came from. */
  readonly pixels: readonly number[];
  readonly stride: number;
}

/** The glyph as MNIST draws a digit: fitted into 20×20, centre of mass at the grid's centre, 0–1 ink. */
export function glyphToGrid(g: Glyph): Float32Array {
  const w = g.x1 - g.x0 + 1;
  const h = g.y1 - g.y0 + 1;
  const scale = FIT / Math.max(w, h);
  const inked = new Set(g.pixels);
  let mx = 0;
  let my = 0;
  for (const p of g.pixels) {
    mx += p % g.stride;
    my += Math.floor(p / g.stride);
  }
  const n = Math.max(1, g.pixels.length);
  const offX = HALF - (mx / n - g.x0 + 0.5) * scale;
  const offY = HALF - (my / n - g.y0 + 0.5) * scale;
  const grid = new Float32Array(GRID * GRID);
  for (let y = 0; y < GRID; y++) {
    for (let x = 0; x < GRID; x++) {
      let ink = 0;
      for (let j = 0; j < SUPERSAMPLE; j++) {
        for (let i = 0; i < SUPERSAMPLE; i++) {
          const sx = Math.floor((x + (i + 0.5) / SUPERSAMPLE - offX) / scale + g.x0);
          const sy = Math.floor((y + (j + 0.5) / SUPERSAMPLE - offY) / scale + g.y0);
          if (sx >= g.x0 && sx <= g.x1 && sy >= g.y0 && sy <= g.y1 && inked.has(sy * g.stride + sx)) ink++;
        }
      }
      grid[y * GRID + x] = ink / (SUPERSAMPLE * SUPERSAMPLE);
    }
  }
  return grid;
}

/** The grid's slant removed: each row shifted by the ink's x–y covariance, the centre of mass recentred. */
export function deskew(grid: Float32Array): Float32Array {
  let m = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < GRID; y++) {
    for (let x = 0; x < GRID; x++) {
      const v = grid[y * GRID + x] ?? 0;
      m += v;
      mx += x * v;
      my += y * v;
    }
  }
  if (m === 0) return grid;
  mx /= m;
  my /= m;
  let cxy = 0;
  let cyy = 0;
  for (let y = 0; y < GRID; y++) {
    for (let x = 0; x < GRID; x++) {
      const v = grid[y * GRID + x] ?? 0;
      cxy += (x - mx) * (y - my) * v;
      cyy += (y - my) * (y - my) * v;
    }
  }
  const slant = cyy === 0 ? 0 : cxy / cyy;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= GRID || y >= GRID ? 0 : (grid[y * GRID + x] ?? 0));
  const out = new Float32Array(GRID * GRID);
  for (let y = 0; y < GRID; y++) {
    for (let x = 0; x < GRID; x++) {
      const sx = x + slant * (y - HALF) + (mx - HALF);
      const sy = y + (my - HALF);
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      out[y * GRID + x] = at(x0, y0) * (1 - fx) * (1 - fy) + at(x0 + 1, y0) * fx * (1 - fy) + at(x0, y0 + 1) * (1 - fx) * fy + at(x0 + 1, y0 + 1) * fx * fy;
    }
  }
  return out;
}

/** The classifier's input for a 28×28 grid of ink (MNIST's or a glyph's). */
export function features(grid: Float32Array): Float32Array {
  const d = deskew(grid);
  const out = new Float32Array(FEATURES);
  const cell = GRID / CELLS;
  for (let y = 1; y < GRID - 1; y++) {
    for (let x = 1; x < GRID - 1; x++) {
      const gx = (d[y * GRID + x + 1] ?? 0) - (d[y * GRID + x - 1] ?? 0);
      const gy = (d[(y + 1) * GRID + x] ?? 0) - (d[(y - 1) * GRID + x] ?? 0);
      const magnitude = Math.hypot(gx, gy);
      if (magnitude === 0) continue;
      const angle = Math.atan2(gy, gx) + Math.PI;
      const bin = Math.min(BINS - 1, Math.floor((angle / (2 * Math.PI)) * BINS));
      const c = Math.min(CELLS - 1, Math.floor(y / cell)) * CELLS + Math.min(CELLS - 1, Math.floor(x / cell));
      out[c * BINS + bin] = (out[c * BINS + bin] ?? 0) + magnitude;
    }
  }
  normalise(out, 0, CELLS * CELLS * BINS, 1);
  const base = CELLS * CELLS * BINS;
  for (let y = 0; y < HALF; y++) {
    for (let x = 0; x < HALF; x++) {
      const at = (dx: number, dy: number): number => d[(2 * y + dy) * GRID + 2 * x + dx] ?? 0;
      out[base + y * HALF + x] = (at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4;
    }
  }
  normalise(out, base, FEATURES, INK_WEIGHT);
  return out;
}

/** Scales `v[from..to)` to the given length. */
function normalise(v: Float32Array, from: number, to: number, length: number): void {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (v[i] ?? 0) ** 2;
  const norm = Math.sqrt(sum);
  if (norm === 0) return;
  for (let i = from; i < to; i++) v[i] = ((v[i] ?? 0) / norm) * length;
}
