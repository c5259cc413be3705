/**
 * Wraps a PDF CCITTFaxDecode Group 4 stream (/K < 0) in a one-page TIFF without decoding it:
 * a TIFF with Compression 4 (T.6) holds exactly the same coded bits, and Leptonica decodes it
 * natively, so a bilevel scan reaches tesseract in microseconds.
 */

export interface Group4Params {
  readonly width: number;
  readonly height: number;
  /** True when the page appears inverted (BlackIs1 xor a [1 0] Decode array). */
  readonly inverted: boolean;
  readonly dpi?: number;
}

const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;

export function wrapGroup4AsTiff(data: Uint8Array, p: Group4Params): Uint8Array {
  const dpi = Math.max(1, Math.round(p.dpi ?? 200));
  // [tag, type, value], sorted by tag as TIFF requires; RATIONAL values live after the IFD.
  const entries: [number, number, number][] = [
    [256, LONG, p.width], // ImageWidth
    [257, LONG, p.height], // ImageLength
    [258, SHORT, 1], // BitsPerSample
    [259, SHORT, 4], // Compression: T.6 (Group 4)
    [262, SHORT, p.inverted ? 1 : 0], // Photometric: 0 = WhiteIsZero, the fax convention
    [273, LONG, 0], // StripOffsets (set below)
    [277, SHORT, 1], // SamplesPerPixel
    [278, LONG, p.height], // RowsPerStrip
    [279, LONG, data.length], // StripByteCounts
    [282, RATIONAL, 0], // XResolution (set below)
    [283, RATIONAL, 0], // YResolution
    [296, SHORT, 2], // ResolutionUnit: inch
  ];
  const ifdOffset = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const rationalOffset = ifdOffset + ifdSize;
  const dataOffset = rationalOffset + 8;
  const out = new Uint8Array(dataOffset + data.length);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 0x2a, 0x00]); // "II*\0", little-endian
  view.setUint32(4, ifdOffset, true);
  view.setUint16(ifdOffset, entries.length, true);
  entries.forEach(([tag, type, value], i) => {
    const at = ifdOffset + 2 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, 1, true);
    if (tag === 273) view.setUint32(at + 8, dataOffset, true);
    else if (type === RATIONAL) view.setUint32(at + 8, rationalOffset, true);
    else if (type === SHORT) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  });
  view.setUint32(ifdOffset + 2 + entries.length * 12, 0, true); // no next IFD
  view.setUint32(rationalOffset, dpi, true);
  view.setUint32(rationalOffset + 4, 1, true);
  out.set(data, dataOffset);
  return out;
}
