/**
 * Page geometry: PDF transformation matrices and the mapping from OCR pixel boxes back to PDF
 * user space (points, y up), so a region's box means the same thing for a scan as for a text PDF.
 */
import type { Box } from "@kehoach/model";

/** [a b c d e f] as in a PDF `cm` operator: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` applied first, then `n` (PDF's row-vector order: `m × n`). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [A, B, C, D, E, F] = n;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Axis-aligned envelope of the unit square under `m`: where an image lands on the page. */
export function unitSquareBox(m: Matrix): Box {
  return envelope([apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)]);
}

export function envelope(points: readonly (readonly [number, number])[]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** A pixel rectangle of the OCR'd image (origin top-left, y down). */
export interface PixelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** How pixels of one OCR'd image map to the page. */
export interface ImagePlacement {
  /** Image pixel size as tesseract saw it. */
  readonly width: number;
  readonly height: number;
  /** Unit square of the image → user space (a PDF image's CTM at `Do`). */
  readonly ctm: Matrix;
  /** Radians tesseract rotated the image by before recognising it (deskew); 0 if none. */
  readonly rotation: number;
}

/** Placement of a stand-alone image: `dpi` pixels per inch, page origin at its bottom-left corner. */
export function placementForImage(width: number, height: number, dpi: number): ImagePlacement {
  const s = 72 / dpi;
  return { width, height, ctm: [width * s, 0, 0, height * s, 0, 0], rotation: 0 };
}

/** A box tesseract reported → PDF user-space box, rounded to 0.01 pt. */
export function toUserSpace(box: PixelBox, p: ImagePlacement): Box {
  const corners: [number, number][] = [
    [box.x0, box.y0],
    [box.x1, box.y0],
    [box.x0, box.y1],
    [box.x1, box.y1],
  ];
  const cx = p.width / 2;
  const cy = p.height / 2;
  const cos = Math.cos(p.rotation);
  const sin = Math.sin(p.rotation);
  const points = corners.map(([x, y]): [number, number] => {
    // Undo tesseract's deskew: it rotates about the image centre, keeping the size.
    const dx = x - cx;
    const dy = y - cy;
    const ox = cx + dx * cos + dy * sin;
    const oy = cy - dx * sin + dy * cos;
    // Pixel (row 0 at the top) → image unit square (v = 1 at the top) → user space.
    return apply(p.ctm, ox / p.width, 1 - oy / p.height);
  });
  const e = envelope(points);
  const r = (v: number): number => Math.round(v * 100) / 100;
  return { x0: r(e.x0), y0: r(e.y0), x1: r(e.x1), y1: r(e.y1) };
}

/**
 * Which way the image's top points on the displayed page, in quarter turns clockwise
 * (0 = upright). Uses the image's up vector under its CTM and the page's /Rotate.
 */
export function quarterTurns(ctm: Matrix, pageRotate: number): number {
  const upAngle = (Math.atan2(ctm[3], ctm[2]) * 180) / Math.PI; // 90 when upright
  const displayed = upAngle - pageRotate; // /Rotate turns the page clockwise: angles decrease
  const turns = Math.round((90 - displayed) / 90);
  return ((turns % 4) + 4) % 4;
}
