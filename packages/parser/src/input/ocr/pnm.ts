/**
 * Raw pixels → a PNM file (PBM/PGM/PPM), which tesseract's image library (Leptonica) reads
 * without any decompression: the cheapest way to hand it decoded PDF samples.
 */

export type PnmKind = "bitmap" | "gray" | "rgb";

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
