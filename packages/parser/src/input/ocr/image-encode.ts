/**
 * A PDF image XObject → bytes tesseract can read, decoding as little as possible:
 * - DCTDecode: the stream IS a JPEG file, passed on as is;
 * - CCITTFaxDecode Group 4: the coded bits wrapped in a TIFF header (tiff.ts);
 * - JBIG2Decode, JPXDecode, other CCITT variants: decoded by pdf.js's image decoders, then PNM;
 * - no image codec (Flate, LZW… or raw): the samples, colour-converted, as PNM.
 */
import { decodeCcitt, decodeJbig2, decodeJpx } from "./pdfjs-decoders.ts";
import type { PdfDocument } from "./pdf-document.ts";
import { decodeStream } from "./pdf-filters.ts";
import { isName, isPdfString, isStream, type PdfStream, type PdfValue } from "./pdf-lexer.ts";
import { encodePnm } from "./pnm.ts";
import { wrapGroup4AsTiff } from "./tiff.ts";

/** What goes to tesseract for one image. */
export interface EncodedImage {
  readonly bytes: Uint8Array;
  readonly format: "jpeg" | "tiff" | "pnm";
  readonly width: number;
  readonly height: number;
}

export class UnsupportedImageError extends Error {
  override readonly name = "UnsupportedImageError";
}

/** Above this many pixels a page image is not a document scan we can OCR in reasonable time. */
export const MAX_PIXELS = 80_000_000;

type ColorSpace =
  | { readonly kind: "gray"; readonly inverted: boolean }
  | { readonly kind: "rgb" }
  | { readonly kind: "cmyk" }
  | { readonly kind: "indexed"; readonly base: "gray" | "rgb" | "cmyk"; readonly hival: number; readonly lookup: Uint8Array };

export async function encodePdfImage(doc: PdfDocument, stream: PdfStream, dpi: number): Promise<EncodedImage> {
  const d = stream.dict;
  const num = (key: string, alt: string, fallback: number): number => {
    const v = doc.get(d, key) ?? doc.get(d, alt);
    return typeof v === "number" && Number.isFinite(v) ? Math.round(v) : fallback;
  };
  const width = num("Width", "W", 0);
  const height = num("Height", "H", 0);
  if (width <= 0 || height <= 0) throw new UnsupportedImageError("image without a size");
  if (width * height > MAX_PIXELS) throw new UnsupportedImageError(`image of ${width}×${height} pixels is too large`);
  const imageMask = doc.get(d, "ImageMask") === true || doc.get(d, "IM") === true;
  const bpc = imageMask ? 1 : num("BitsPerComponent", "BPC", 8);
  const decodeArr = doc.get(d, "Decode") ?? doc.get(d, "D");
  const decodeInverted = Array.isArray(decodeArr) && typeof decodeArr[0] === "number" && typeof decodeArr[1] === "number" && decodeArr[0] > decodeArr[1];

  const { data, codec } = decodeStream(stream, doc.resolve);
  const parms = codec?.parms ?? null;
  switch (codec?.name) {
    case "DCTDecode":
      if (data[0] !== 0xff || data[1] !== 0xd8) throw new UnsupportedImageError("DCTDecode stream is not a JPEG");
      return { bytes: data, format: "jpeg", width, height };
    case "CCITTFaxDecode": {
      const k = doc.get(parms, "K");
      const kk = typeof k === "number" ? k : 0;
      const blackIs1 = doc.get(parms, "BlackIs1") === true;
      const byteAlign = doc.get(parms, "EncodedByteAlign") === true;
      const cols = doc.get(parms, "Columns");
      const columns = typeof cols === "number" && cols > 0 ? cols : 1728;
      // Mask samples of 0 are painted (black), like gray samples of 0, so masks need no special case.
      const inverted = blackIs1 !== decodeInverted;
      // Plain Group 4 (by far the most common) goes through untouched; other variants are decoded.
      if (!byteAlign && kk < 0) return { bytes: wrapGroup4AsTiff(data, { width: columns, height, inverted, dpi }), format: "tiff", width: columns, height };
      const rows = await decodeCcitt(data, { width: columns, height, k: kk, endOfLine: doc.get(parms, "EndOfLine") === true, byteAlign, blackIs1 });
      return bitmapToPnm(rows, columns, height, decodeInverted);
    }
    case "JBIG2Decode": {
      const g = doc.get(parms, "JBIG2Globals");
      const globals = isStream(g) ? decodeStream(g, doc.resolve).data : null;
      const rows = await decodeJbig2(data, width, height, globals);
      return bitmapToPnm(rows, width, height, decodeInverted);
    }
    case "JPXDecode": {
      const jpx = await decodeJpx(data);
      const pixels = new Uint8Array(jpx.pixels.buffer, jpx.pixels.byteOffset, jpx.pixels.length);
      return { bytes: encodePnm(jpx.components === 3 ? "rgb" : "gray", jpx.width, jpx.height, pixels), format: "pnm", width: jpx.width, height: jpx.height };
    }
    case undefined:
      break;
    default:
      throw new UnsupportedImageError(`image codec ${codec?.name ?? "?"}`);
  }

  const cs: ColorSpace = imageMask ? { kind: "gray", inverted: false } : colorSpace(doc, doc.get(d, "ColorSpace") ?? doc.get(d, "CS"));
  if (cs.kind === "gray" && bpc === 1) return bitmapToPnm(data, width, height, decodeInverted !== cs.inverted);
  return samplesToPnm(data, width, height, bpc, cs, decodeInverted);
}

function colorSpace(doc: PdfDocument, v: PdfValue | undefined, depth = 0): ColorSpace {
  if (isName(v)) {
    switch (v.name) {
      case "DeviceGray":
      case "G":
      case "CalGray":
        return { kind: "gray", inverted: false };
      case "DeviceRGB":
      case "RGB":
      case "CalRGB":
        return { kind: "rgb" };
      case "DeviceCMYK":
      case "CMYK":
        return { kind: "cmyk" };
      default:
        throw new UnsupportedImageError(`colour space ${v.name}`);
    }
  }
  if (!Array.isArray(v) || depth > 4) throw new UnsupportedImageError("unreadable colour space");
  const family = doc.resolve(v[0]);
  const name = isName(family) ? family.name : "";
  switch (name) {
    case "CalGray":
      return { kind: "gray", inverted: false };
    case "CalRGB":
      return { kind: "rgb" };
    case "ICCBased": {
      const s = doc.resolve(v[1]);
      const n = isStream(s) ? doc.get(s.dict, "N") : undefined;
      if (n === 1) return { kind: "gray", inverted: false };
      if (n === 4) return { kind: "cmyk" };
      if (n === 3) return { kind: "rgb" };
      const alt = isStream(s) ? doc.get(s.dict, "Alternate") : undefined;
      return colorSpace(doc, alt, depth + 1);
    }
    case "Indexed":
    case "I": {
      const base = colorSpace(doc, doc.resolve(v[1]), depth + 1);
      const hival = doc.resolve(v[2]);
      const lk = doc.resolve(v[3]);
      const lookup = isStream(lk) ? decodeStream(lk, doc.resolve).data : isPdfString(lk) ? lk.bytes : null;
      if (base.kind === "indexed" || typeof hival !== "number" || lookup === null) throw new UnsupportedImageError("unreadable indexed colour space");
      return { kind: "indexed", base: base.kind, hival, lookup };
    }
    case "Separation":
    case "DeviceN": {
      const names = doc.resolve(v[1]);
      // One colorant: a tint of 1 is full ink, i.e. dark — a gray image with the scale turned round.
      if (name === "Separation" || (Array.isArray(names) && names.length === 1)) return { kind: "gray", inverted: true };
      throw new UnsupportedImageError("DeviceN colour space");
    }
    default:
      throw new UnsupportedImageError(`colour space ${name || "?"}`);
  }
}

/** PDF 1-bit rows (0 = black) → PBM (1 = black), flipping once more when the image is inverted. */
function bitmapToPnm(rows: Uint8Array, width: number, height: number, inverted: boolean): EncodedImage {
  const rowBytes = Math.ceil(width / 8);
  const out = new Uint8Array(rowBytes * height);
  const n = Math.min(out.length, rows.length);
  if (inverted) out.set(rows.subarray(0, n));
  else for (let i = 0; i < n; i++) out[i] = ~(rows[i] ?? 0) & 0xff;
  return { bytes: encodePnm("bitmap", width, height, out), format: "pnm", width, height };
}

function samplesToPnm(data: Uint8Array, width: number, height: number, bpc: number, cs: ColorSpace, decodeInverted: boolean): EncodedImage {
  if (![1, 2, 4, 8, 16].includes(bpc)) throw new UnsupportedImageError(`${bpc} bits per component`);
  const comps = cs.kind === "gray" || cs.kind === "indexed" ? 1 : cs.kind === "rgb" ? 3 : 4;
  const rowBytes = Math.ceil((width * comps * bpc) / 8);
  if (data.length < rowBytes * Math.max(1, Math.floor(height * 0.5))) throw new UnsupportedImageError("image data is truncated");
  const maxVal = (1 << Math.min(bpc, 8)) - 1;
  const sample = (row: number, index: number): number => {
    const base = row * rowBytes;
    if (bpc === 8) return data[base + index] ?? 255;
    if (bpc === 16) return data[base + index * 2] ?? 255;
    const bit = index * bpc;
    const byte = data[base + (bit >> 3)] ?? 255;
    return (byte >> (8 - bpc - (bit & 7))) & maxVal;
  };
  const to8 = (v: number): number => (bpc >= 8 ? v : Math.round((v * 255) / maxVal));
  const outGray = cs.kind === "gray" || (cs.kind === "indexed" && cs.base === "gray");
  const out = new Uint8Array(width * height * (outGray ? 1 : 3));
  let o = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (cs.kind === "gray") {
        const v = to8(sample(y, x));
        out[o++] = decodeInverted !== cs.inverted ? 255 - v : v;
      } else if (cs.kind === "rgb") {
        out[o++] = to8(sample(y, x * 3));
        out[o++] = to8(sample(y, x * 3 + 1));
        out[o++] = to8(sample(y, x * 3 + 2));
      } else if (cs.kind === "cmyk") {
        const k = to8(sample(y, x * 4 + 3));
        out[o++] = 255 - Math.min(255, to8(sample(y, x * 4)) + k);
        out[o++] = 255 - Math.min(255, to8(sample(y, x * 4 + 1)) + k);
        out[o++] = 255 - Math.min(255, to8(sample(y, x * 4 + 2)) + k);
      } else {
        const i = Math.min(sample(y, x), cs.hival);
        if (cs.base === "gray") out[o++] = cs.lookup[i] ?? 255;
        else if (cs.base === "rgb") {
          out[o++] = cs.lookup[i * 3] ?? 255;
          out[o++] = cs.lookup[i * 3 + 1] ?? 255;
          out[o++] = cs.lookup[i * 3 + 2] ?? 255;
        } else {
          const k = cs.lookup[i * 4 + 3] ?? 0;
          out[o++] = 255 - Math.min(255, (cs.lookup[i * 4] ?? 0) + k);
          out[o++] = 255 - Math.min(255, (cs.lookup[i * 4 + 1] ?? 0) + k);
          out[o++] = 255 - Math.min(255, (cs.lookup[i * 4 + 2] ?? 0) + k);
        }
      }
    }
  }
  return { bytes: encodePnm(outGray ? "gray" : "rgb", width, height, out), format: "pnm", width, height };
}
