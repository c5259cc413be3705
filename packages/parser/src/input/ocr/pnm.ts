/**
 * Raw pixels → a PNM file (PBM/PGM/PPM), which tesseract's image library (Leptonica) reads
 * without any decompression: the cheapest way to hand it decoded PDF samples.
 */

export type PnmKind = "bitmap" | "gray" | "rgb";

/** A grayscale image: what a PGM holds, and what the handwriting reader cuts into glyphs. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** One byte a pixel, 0 = black. */
  readonly gray: Uint8Array;
}

/**
 * `pixels`: for "bitmap", packed rows of 1 bit per pixel, each row padded to a byte, 1 = black
 * (PBM's convention); for "gray", one byte per pixel, 0 = black; for "rgb", three bytes per pixel.
 */
export function encodePnm(kind: PnmKind, width: number, height: number, pixels: Uint8Array): Uint8Array {
  const magic = kind === "bitmap" ? "P4" : kind === "gray" ? "P5" : "P6";
  const header = new TextEncoder().encode(kind === "bitmap" ? `${magic}\n${width} ${height}\n` : `${magic}\n${width} ${height}\n255\n`);
  const rowBytes = kind === "bitmap" ? Math.ceil(width / 8) : kind === "gray" ? width : width * 3;
  const size = rowBytes * height;
  const out = new Uint8Array(header.length + size);
  out.set(header, 0);
  out.set(pixels.subarray(0, size), header.length);
  return out;
}

/** A binary PGM (P5, 8-bit) → its size and gray bytes; null for anything else. */
export function decodePgm(bytes: Uint8Array): GrayImage | null {
  // Header: magic, width, height, maxval, separated by whitespace (comments are not written by render.ts).
  const fields: number[] = [];
  let at = 2;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x35) return null;
  while (fields.length < 3 && at < bytes.length) {
    while (at < bytes.length && isSpace(bytes[at] ?? 0)) at++;
    let value = 0;
    let digits = 0;
    while (at < bytes.length && (bytes[at] ?? 0) >= 0x30 && (bytes[at] ?? 0) <= 0x39) {
      value = value * 10 + ((bytes[at] ?? 0) - 0x30);
      digits++;
      at++;
    }
    if (digits === 0) return null;
    fields.push(value);
  }
  const [width = 0, height = 0, maxval = 0] = fields;
  at++; // the single whitespace after maxval
  if (maxval !== 255 || width <= 0 || height <= 0 || at + width * height > bytes.length) return null;
  return { width, height, gray: bytes.subarray(at, at + width * height) };
}

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
