/**
 * Reads just enough of an image file's header to know its format, pixel size and resolution
 * (for boxes in points), and splits a multi-page TIFF into pages without decoding anything.
 */

export type ImageFormat = "jpeg" | "png" | "tiff" | "bmp" | "pnm";

export interface ImagePage {
  /** The bytes tesseract gets for this page (made on demand: a TIFF page is a patched copy). */
  readonly bytes: () => Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Pixels per inch from the file, when it says (and says something plausible). */
  readonly dpi?: number;
}

export interface SniffedImage {
  readonly format: ImageFormat;
  readonly pages: ImagePage[];
}

export class ImageFormatError extends Error {
  override readonly name = "ImageFormatError";
  /** A recognised format we do not read (GIF, WebP…), as opposed to unreadable bytes. */
  readonly unsupportedKind: string | null;
  constructor(message: string, unsupportedKind: string | null = null) {
    super(message);
    this.unsupportedKind = unsupportedKind;
  }
}

const MAX_TIFF_PAGES = 1000;

export function sniffImage(bytes: Uint8Array): SniffedImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const b = (i: number): number => bytes[i] ?? 0;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return { format: "jpeg", pages: [jpeg(bytes, view)] };
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return { format: "png", pages: [png(bytes, view)] };
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 0x2a)) {
    return { format: "tiff", pages: tiff(bytes, view) };
  }
  if (b(0) === 0x42 && b(1) === 0x4d && bytes.length > 54) return { format: "bmp", pages: [bmp(bytes, view)] };
  if (b(0) === 0x50 && b(1) >= 0x31 && b(1) <= 0x36) return { format: "pnm", pages: [pnm(bytes)] };
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46) throw new ImageFormatError("GIF", "GIF");
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45) throw new ImageFormatError("WebP", "WebP");
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) throw new ImageFormatError("a PDF, not an image", "PDF");
  throw new ImageFormatError("not an image file");
}

function plausibleDpi(d: number): number | undefined {
  return Number.isFinite(d) && d >= 50 && d <= 2400 ? d : undefined;
}

function sized(bytes: () => Uint8Array, width: number, height: number, dpi: number | undefined): ImagePage {
  if (!(width > 0 && height > 0)) throw new ImageFormatError("image has no size");
  return dpi === undefined ? { bytes, width, height } : { bytes, width, height, dpi };
}

function jpeg(bytes: Uint8Array, view: DataView): ImagePage {
  let dpi: number | undefined;
  let p = 2;
  while (p + 4 <= bytes.length) {
    if (bytes[p] !== 0xff) {
      p++;
      continue;
    }
    const marker = bytes[p + 1] ?? 0;
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    const len = view.getUint16(p + 2);
    // APP0 "JFIF\0": units (1 = per inch, 2 = per cm), then X density.
    if (marker === 0xe0 && len >= 14 && bytes[p + 4] === 0x4a && bytes[p + 5] === 0x46 && bytes[p + 6] === 0x49 && bytes[p + 7] === 0x46) {
      const units = bytes[p + 11];
      const x = view.getUint16(p + 12);
      dpi = plausibleDpi(units === 1 ? x : units === 2 ? x * 2.54 : NaN);
    }
    // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (p + 9 > bytes.length) break;
      return sized(() => bytes, view.getUint16(p + 7), view.getUint16(p + 5), dpi);
    }
    if (marker === 0xda) break;
    p += 2 + len;
  }
  throw new ImageFormatError("JPEG without a frame header");
}

function png(bytes: Uint8Array, view: DataView): ImagePage {
  if (bytes.length < 24) throw new ImageFormatError("truncated PNG");
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  let dpi: number | undefined;
  for (let p = 8; p + 8 <= bytes.length; ) {
    const len = view.getUint32(p);
    const type = String.fromCharCode(bytes[p + 4] ?? 0, bytes[p + 5] ?? 0, bytes[p + 6] ?? 0, bytes[p + 7] ?? 0);
    // pHYs: pixels per unit X, Y, unit (1 = metre).
    if (type === "pHYs" && len >= 9 && p + 17 <= bytes.length && bytes[p + 16] === 1) dpi = plausibleDpi(view.getUint32(p + 8) * 0.0254);
    if (type === "IDAT" || type === "IEND") break;
    p += 12 + len;
  }
  return sized(() => bytes, width, height, dpi);
}

function bmp(bytes: Uint8Array, view: DataView): ImagePage {
  const width = view.getInt32(18, true);
  const height = Math.abs(view.getInt32(22, true));
  const ppm = bytes.length >= 42 ? view.getInt32(38, true) : 0;
  return sized(() => bytes, width, height, plausibleDpi(ppm * 0.0254));
}

function pnm(bytes: Uint8Array): ImagePage {
  const head = String.fromCharCode(...bytes.subarray(0, 256)).replace(/#[^\n]*(?:\n|$)/gu, " ");
  const m = /^P[1-6]\s+(\d+)\s+(\d+)/u.exec(head);
  if (m === null) throw new ImageFormatError("bad PNM header");
  return sized(() => bytes, Number(m[1]), Number(m[2]), undefined);
}

/**
 * One entry per image file directory. Page k > 1 is the same file with the header's first-IFD
 * pointer moved to IFD k: readers that take only the first page then read page k, and every
 * absolute offset in the file stays valid.
 */
function tiff(bytes: Uint8Array, view: DataView): ImagePage[] {
  const le = bytes[0] === 0x49;
  const u16 = (p: number): number => (p + 2 <= bytes.length ? view.getUint16(p, le) : 0);
  const u32 = (p: number): number => (p + 4 <= bytes.length ? view.getUint32(p, le) : 0);
  const pages: ImagePage[] = [];
  const seen = new Set<number>();
  for (let ifd = u32(4); ifd !== 0 && ifd + 2 <= bytes.length && !seen.has(ifd) && pages.length < MAX_TIFF_PAGES; ) {
    seen.add(ifd);
    const n = u16(ifd);
    let width = 0;
    let height = 0;
    let xres = NaN;
    let unit = 2;
    for (let i = 0; i < n; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > bytes.length) break;
      const tag = u16(e);
      const type = u16(e + 2);
      const value = type === 3 ? u16(e + 8) : u32(e + 8);
      if (tag === 256) width = value;
      else if (tag === 257) height = value;
      else if (tag === 296) unit = value;
      else if (tag === 282 && type === 5) {
        const den = u32(value + 4);
        xres = den > 0 ? u32(value) / den : NaN;
      }
    }
    const dpi = plausibleDpi(unit === 3 ? xres * 2.54 : unit === 2 ? xres : NaN);
    const at = ifd;
    const first = pages.length === 0;
    const pageBytes = (): Uint8Array => {
      if (first) return bytes;
      const copy = bytes.slice();
      new DataView(copy.buffer).setUint32(4, at, le);
      return copy;
    };
    pages.push(sized(pageBytes, width, height, dpi));
    ifd = u32(ifd + 2 + n * 12);
  }
  if (pages.length === 0) throw new ImageFormatError("TIFF without images");
  return pages;
}
