/**
 * Stream filters (ISO 32000-1 §7.4) up to, not including, an image codec. Image codecs
 * (DCT, CCITT, JBIG2, JPX) are left to `image-encode.ts`, which mostly passes their bytes on
 * to tesseract untouched.
 */
import { inflateSync, unzlibSync } from "fflate";
import { isDict, isName, readHexBytes, type PdfDict, type PdfStream, type PdfValue } from "./pdf-lexer.ts";

export type Resolver = (v: PdfValue | undefined) => PdfValue | undefined;

export interface FilterStep {
  readonly name: string;
  readonly parms: PdfDict | null;
}

export class UnsupportedFilterError extends Error {
  override readonly name = "UnsupportedFilterError";
}

export const IMAGE_CODECS: ReadonlySet<string> = new Set(["DCTDecode", "CCITTFaxDecode", "JBIG2Decode", "JPXDecode"]);

/** Inline-image abbreviations, also seen (against the spec) in stream dictionaries. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  Fl: "FlateDecode",
  AHx: "ASCIIHexDecode",
  A85: "ASCII85Decode",
  LZW: "LZWDecode",
  RL: "RunLengthDecode",
  DCT: "DCTDecode",
  CCF: "CCITTFaxDecode",
};

export function filterChain(dict: PdfDict, resolve: Resolver): FilterStep[] {
  const filter = resolve(dict.map.get("Filter") ?? dict.map.get("F"));
  const parms = resolve(dict.map.get("DecodeParms") ?? dict.map.get("DP"));
  const names = Array.isArray(filter) ? filter.map((f) => resolve(f)) : filter === undefined || filter === null ? [] : [filter];
  const parmList = Array.isArray(parms) ? parms.map((p) => resolve(p)) : [parms];
  const steps: FilterStep[] = [];
  names.forEach((n, i) => {
    if (!isName(n)) return;
    const p = parmList[i];
    steps.push({ name: ABBREVIATIONS[n.name] ?? n.name, parms: isDict(p) ? p : null });
  });
  return steps;
}

/**
 * Applies the stream's general-purpose filters; stops at the first image codec and returns it
 * with the bytes it expects. Throws `UnsupportedFilterError` for anything else (Crypt, unknown).
 */
export function decodeStream(stream: PdfStream, resolve: Resolver): { data: Uint8Array; codec: FilterStep | null } {
  let data = stream.raw;
  const steps = filterChain(stream.dict, resolve);
  for (const [i, step] of steps.entries()) {
    if (IMAGE_CODECS.has(step.name)) {
      if (i !== steps.length - 1) throw new UnsupportedFilterError(`${step.name} followed by another filter`);
      return { data, codec: step };
    }
    data = decodeStep(data, step, resolve);
  }
  return { data, codec: null };
}

function decodeStep(data: Uint8Array, step: FilterStep, resolve: Resolver): Uint8Array {
  switch (step.name) {
    case "FlateDecode":
      return applyPredictor(inflate(data), step.parms, resolve);
    case "LZWDecode": {
      const early = resolve(step.parms?.map.get("EarlyChange"));
      return applyPredictor(lzwDecode(data, early === 0 ? 0 : 1), step.parms, resolve);
    }
    case "ASCIIHexDecode":
      return asciiHexDecode(data);
    case "ASCII85Decode":
      return ascii85Decode(data);
    case "RunLengthDecode":
      return runLengthDecode(data);
    default:
      throw new UnsupportedFilterError(`filter ${step.name}`);
  }
}

function inflate(data: Uint8Array): Uint8Array {
  try {
    return unzlibSync(data);
  } catch {
    // Some writers emit a bad zlib header or checksum; the deflate body is usually fine.
    return inflateSync(data.subarray(2));
  }
}

function numberParm(parms: PdfDict | null, key: string, fallback: number, resolve: Resolver): number {
  const v = resolve(parms?.map.get(key));
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

function applyPredictor(data: Uint8Array, parms: PdfDict | null, resolve: Resolver): Uint8Array {
  const predictor = numberParm(parms, "Predictor", 1, resolve);
  if (predictor <= 1) return data;
  const colors = numberParm(parms, "Colors", 1, resolve);
  const bpc = numberParm(parms, "BitsPerComponent", 8, resolve);
  const columns = numberParm(parms, "Columns", 1, resolve);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowBytes = Math.ceil((colors * bpc * columns) / 8);
  if (rowBytes <= 0) return data;
  if (predictor === 2) {
    if (bpc !== 8) throw new UnsupportedFilterError(`TIFF predictor with ${bpc} bits`);
    const out = data.slice();
    for (let row = 0; row + rowBytes <= out.length; row += rowBytes) {
      for (let i = colors; i < rowBytes; i++) out[row + i] = ((out[row + i] ?? 0) + (out[row + i - colors] ?? 0)) & 0xff;
    }
    return out;
  }
  // PNG predictors (10–15): every row starts with its own filter type byte.
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowBytes + 1)] ?? 0;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const x = data[src + i] ?? 0;
      const a = i >= bpp ? (out[dst + i - bpp] ?? 0) : 0;
      const b = r > 0 ? (out[dst - rowBytes + i] ?? 0) : 0;
      const c = r > 0 && i >= bpp ? (out[dst - rowBytes + i - bpp] ?? 0) : 0;
      let v: number;
      switch (type) {
        case 1:
          v = x + a;
          break;
        case 2:
          v = x + b;
          break;
        case 3:
          v = x + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          v = x;
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function asciiHexDecode(data: Uint8Array): Uint8Array {
  return readHexBytes(data, 0).bytes;
}

function ascii85Decode(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  const group: number[] = [];
  const flush = (n: number): void => {
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const d of group) v = v * 85 + d;
    for (let k = 0; k < n - 1; k++) out.push((v >>> (24 - 8 * k)) & 0xff);
    group.length = 0;
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i] ?? 0;
    if (c === 0x7e) break; // "~>"
    if (c === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 0x21);
    if (group.length === 5) flush(5);
  }
  if (group.length > 1) flush(group.length);
  return Uint8Array.from(out);
}

function runLengthDecode(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < data.length) {
    const n = data[i++] ?? 128;
    if (n === 128) break;
    if (n < 128) {
      for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++] ?? 0);
    } else {
      const b = data[i++] ?? 0;
      for (let k = 0; k < 257 - n; k++) out.push(b);
    }
  }
  return Uint8Array.from(out);
}

function lzwDecode(data: Uint8Array, earlyChange: number): Uint8Array {
  const out: number[] = [];
  let table: number[][] = [];
  const reset = (): void => {
    table = [];
    for (let i = 0; i < 256; i++) table.push([i]);
    table.push([], []); // 256 clear, 257 end
  };
  reset();
  let codeLength = 9;
  let bitBuf = 0;
  let bitCount = 0;
  let prev: number[] | null = null;
  for (let i = 0; i < data.length; ) {
    while (bitCount < codeLength && i < data.length) {
      bitBuf = ((bitBuf << 8) | (data[i++] ?? 0)) >>> 0;
      bitCount += 8;
    }
    if (bitCount < codeLength) break;
    const code = (bitBuf >>> (bitCount - codeLength)) & ((1 << codeLength) - 1);
    bitCount -= codeLength;
    if (code === 256) {
      reset();
      codeLength = 9;
      prev = null;
      continue;
    }
    if (code === 257) break;
    let entry = table[code];
    if (entry === undefined && prev !== null && code === table.length) entry = [...prev, prev[0] ?? 0];
    if (entry === undefined) break;
    out.push(...entry);
    if (prev !== null) table.push([...prev, entry[0] ?? 0]);
    prev = entry;
    if (table.length + earlyChange >= 1 << codeLength && codeLength < 12) codeLength++;
  }
  return Uint8Array.from(out);
}
