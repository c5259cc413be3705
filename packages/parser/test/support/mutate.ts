/**
 * Seeded mutation of the fixtures, shared by packages/parser/test/hostile.test.ts (a few hundred
 * cases in the default run) and scripts/fuzz.ts (thousands). Case i of a format is a pure function
 * of (seed, format, i) and the fixture bytes, so any case can be made again.
 *
 * Mutations (1–4 per case): truncate, bit flips, interesting bytes, splice with another fixture of the
 * same format, insert a run (random, repeated byte, duplicated chunk, dictionary token), delete a run.
 * DOCX cases are half byte-level on the archive (mostly caught as corrupt-file) and half on one part
 * inside it (document.xml, numbering.xml, styles.xml…), re-zipped, which reaches the XML reader and
 * the Word adapter. Images are small: synthetic bars as PNG/PGM/BMP/TIFF, and (with poppler-utils'
 * pdftoppm) the header of a scanned page as PNG and JPEG.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";
import CFB from "cfb";
import { unzipSync, zipSync } from "fflate";
import { concatBytes } from "../../src/input/bytes.ts";

export const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
export const FORMATS = ["text", "markdown", "docx", "doc", "pdf", "image"] as const;
export type Format = (typeof FORMATS)[number];

// --- seeded randomness ----------------------------------------------------------------------------

export function hash(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join("\u0000")) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** sfc32: small, fast, and good enough to spread mutations. */
export function rng(seed: number): Random {
  let a = seed ^ 0x9e3779b9, b = seed ^ 0x243f6a88, c = seed ^ 0xb7e15162, d = 1;
  const next = () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]) => items[int(items.length)] as T };
}
export interface Random {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

// --- corpus ---------------------------------------------------------------------------------------

const read = (path: string) => new Uint8Array(readFileSync(join(ROOT, path)));
const list = (dir: string, test: RegExp) => readdirSync(join(ROOT, dir)).filter((f) => test.test(f)).sort().map((f) => `${dir}/${f}`);

export interface Corpus {
  files: { name: string; bytes: Uint8Array }[];
  dictionary: string[];
  notes: string[];
}

const TEXT_TOKENS = ["\n", "\n\n", "I. ", "\nII. ", "\n1. ", "\n1.1. ", "\n1.1.1. ", "\na) ", "\n- ", "\n+ ", "Căn cứ ", "Quyết định số 1/QĐ-UBND ngày 01/01/2020", " ngày 18 tháng 01 năm 2022 ", "9.753.000.000 đồng", "(Chín tỷ đồng)", "[^1]", "\n[^1]: ", "./.", "\nNơi nhận:\n", "\nTM. ỦY BAN NHÂN DÂN\n", "KT. CHỦ TỊCH", "Số: 12/KH-UBND", "\nKẾ HOẠCH\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "2023-05-05T21:45:59+0700", "\u0301", "\u0300\u0323", "\ufeff", "\u00a0", "\t", "\r\n", "\r", "\f", "c\u0101a", "ÿ", "\ud800", "\u200b", "**", "# ", "## ", "> ", "| a | b |\n|---|---|\n", "```\n", "<div>", "&amp;", "\\", "`", "*", "_", "[a](b)", "![x](y)"];
const XML_TOKENS = ["<w:p>", "</w:p>", "<w:r><w:t>", "</w:t></w:r>", "<w:t xml:space=\"preserve\">", "<w:numPr><w:ilvl w:val=\"9\"/><w:numId w:val=\"1\"/></w:numPr>", "<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", "<w:br/>", "<w:tab/>", "<w:footnoteReference w:id=\"1\"/>", "<w:fldChar w:fldCharType=\"begin\"/>", "<w:instrText>", "<w:fldChar w:fldCharType=\"end\"/>", "<w:sym w:font=\"Symbol\" w:char=\"F02D\"/>", "<w:gridSpan w:val=\"99999\"/>", "<w:vMerge/>", "<w:lvlText w:val=\"%1.%2.%3.\"/>", "<w:start w:val=\"-1\"/>", "<w:abstractNumId w:val=\"0\"/>", "<w:numStyleLink w:val=\"x\"/>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;", "&#0;", "&#x110000;", "&#99999999999;", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>", "xmlns:w=\"x\"", "<mc:AlternateContent><mc:Choice Requires=\"w14\">", "</mc:Choice></mc:AlternateContent>", "<", ">", "\"", "&", "</", "/>"];
/** Word binary pieces: paragraph, cell and row marks, field characters, note marks, and sprm codes with odd operands. */
const DOC_TOKENS = ["\r", "\u0007", "\u0013", "\u0014", "\u0015", "\u0002", "\u000b", "\f", "\u0001", "\u0008", "\u00ff\u00ff\u00ff\u00ff", "\u0000\u0000\u0000\u0000", "\u000b\u0046", "\u000a\u0026\u0009", "\u0016\u0024\u0001", "\u0017\u0024\u0001", "\u0008\u00d6\u00ff\u00ff", "\u0015\u00c6\u00ff", "\u0049\u0066\u00ff\u00ff\u00ff\u007f", "\u003c\u0008\u0001"];
const PDF_TOKENS = ["obj", "endobj", "stream\n", "\nendstream", "/Length 0", "/Length 999999999", "/Filter /FlateDecode", "/Filter /LZWDecode", "/DecodeParms << /Predictor 12 /Columns 5 >>", "xref\n0 1\n0000000000 65535 f \n", "trailer << /Root 1 0 R /Size 1 >>", "startxref\n0\n%%EOF", "%%EOF", "%PDF-1.7\n", "<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>", "/Kids [3 0 R 3 0 R]", "/Count 999999", "BT /F1 12 Tf (Căn cứ) Tj ET", "[(a) -250 (b)] TJ", "/ToUnicode 9 0 R", "beginbfchar <01> <0041> endbfchar", "/Encrypt << >>", "/Rotate 90", "/MediaBox [0 0 0 0]", "/MediaBox [0 0 1e30 1e30]", "q 1 0 0 1 0 0 cm Q", "/Annots [ << /Subtype /Widget /FT /Sig >> ]", "(", ")", "<", ">", "<<", ">>", "[", "]", "1 0 R", "-1", "1e308", "9999999999"];

export function corpusFor(format: Format): Corpus {
  switch (format) {
    case "text":
      return { files: [...list("fixtures/seeds", /\.txt$/), ...list("fixtures/corpus", /\.txt$/)].map((f) => ({ name: f, bytes: read(f) })), dictionary: TEXT_TOKENS, notes: [] };
    case "markdown":
      return { files: list("fixtures/samples", /\.clean\.md$/).map((f) => ({ name: f, bytes: read(f) })), dictionary: TEXT_TOKENS, notes: [] };
    case "docx":
      return { files: [...list("fixtures/samples", /\.docx$/), ...list("fixtures/corpus", /\.docx$/)].map((f) => ({ name: f, bytes: read(f) })), dictionary: XML_TOKENS, notes: [] };
    case "doc":
      return { files: [...list("fixtures/doc", /\.doc$/), ...list("fixtures/corpus", /\.doc$/)].map((f) => ({ name: f, bytes: read(f) })), dictionary: DOC_TOKENS, notes: [] };
    case "pdf":
      return {
        files: [...list("fixtures/samples", /^\d{3}(\.fallback-font)?\.pdf$/), "fixtures/corpus/tb_quangngai_ubnd_565_ctmtqg_2024.pdf"].map((f) => ({ name: f, bytes: read(f) })),
        dictionary: PDF_TOKENS,
        notes: ["pdf: text-layer PDFs only (samples/00N.pdf, the fallback-font one, one corpus PDF); scans and PDFs whose text layer needs OCR are left out (each would OCR several pages per case)."],
      };
    case "image":
      return imageCorpus();
  }
}

/** Small images: synthetic bars in four formats, plus a real page crop when poppler-utils is installed. */
function imageCorpus(): Corpus {
  const width = 240;
  const height = 80;
  const gray = new Uint8Array(width * height).fill(255);
  // Text-like bars: lines of short dark "words".
  for (let line = 0; line < 4; line++) {
    for (let x = 8; x < width - 20; x += 26) {
      for (let y = 10 + line * 18; y < 20 + line * 18; y++) for (let dx = 0; dx < 18; dx++) gray[y * width + x + dx] = 20;
    }
  }
  const files: { name: string; bytes: Uint8Array }[] = [
    { name: "synthetic.png", bytes: png(gray, width, height) },
    { name: "synthetic.pgm", bytes: concatBytes([new TextEncoder().encode(`P5\n${width} ${height}\n255\n`), gray]) },
    { name: "synthetic.bmp", bytes: bmp(gray, width, height) },
    { name: "synthetic.tif", bytes: tiff(gray, width, height) },
  ];
  const notes = ["image: small images only (240×80 synthetic bars as PNG/PGM/BMP/TIFF"];
  try {
    const dir = mkdtempSync(join(tmpdir(), "kehoach-fuzz-img-"));
    const scan = join(ROOT, "fixtures/samples/001.scan.pdf");
    for (const [flag, ext] of [["-png", "png"], ["-jpeg", "jpg"]] as const) {
      execFileSync("pdftoppm", [flag, "-gray", "-r", "100", "-f", "1", "-l", "1", "-x", "0", "-y", "0", "-W", "827", "-H", "260", scan, join(dir, "crop")], { stdio: "ignore" });
      const made = readdirSync(dir).find((f) => f.endsWith(ext));
      if (made) files.push({ name: `001.scan p.1 header crop 827×260.${ext}`, bytes: new Uint8Array(readFileSync(join(dir, made))) });
    }
    notes[0] += ", and the header of 001.scan.pdf page 1 at 100 dpi, 827×260, as PNG and JPEG via pdftoppm)";
  } catch {
    notes[0] += "; pdftoppm not installed, so no real page crop)";
  }
  notes.push("image: every case that decodes runs tesseract.js with the vie model (~0.5–1 s; most damaged images fail before).");
  return { files, dictionary: ["IDAT", "IEND", "IHDR", "\u00ff\u00d8\u00ff", "\u00ff\u00d9", "\u00ff\u00c0", "II*\u0000", "MM\u0000*", "BM", "P5\n", "65535 65535\n", "\u0000\u0000\u0000\u0000", "\u00ff\u00ff\u00ff\u00ff"], notes };
}


function png(gray: Uint8Array, width: number, height: number): Uint8Array {
  const rows = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) rows.set(gray.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const chunk = (type: string, data: Uint8Array) => {
    const body = concatBytes([new TextEncoder().encode(type), data]);
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(body, 4);
    view.setUint32(8 + data.length, crc32(body));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8);
  // pHYs: 200 dpi, so the OCR adapter does not have to guess.
  const phys = new Uint8Array(9);
  new DataView(phys.buffer).setUint32(0, 7874);
  new DataView(phys.buffer).setUint32(4, 7874);
  phys[8] = 1;
  return concatBytes([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("pHYs", phys), chunk("IDAT", deflateSync(rows)), chunk("IEND", new Uint8Array(0))]);
}

function bmp(gray: Uint8Array, width: number, height: number): Uint8Array {
  const stride = (width * 3 + 3) & ~3;
  const out = new Uint8Array(54 + stride * height);
  const v = new DataView(out.buffer);
  out.set([0x42, 0x4d]);
  v.setUint32(2, out.length, true);
  v.setUint32(10, 54, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, width, true);
  v.setInt32(22, height, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, 24, true);
  v.setUint32(38, 7874, true);
  v.setUint32(42, 7874, true);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const g = gray[(height - 1 - y) * width + x] as number;
      out.set([g, g, g], 54 + y * stride + x * 3);
    }
  }
  return out;
}

function tiff(gray: Uint8Array, width: number, height: number): Uint8Array {
  const entries: [number, number, number, number][] = [
    [256, 3, 1, width], [257, 3, 1, height], [258, 3, 1, 8], [259, 3, 1, 1], [262, 3, 1, 1],
    [273, 4, 1, 0], [277, 3, 1, 1], [278, 3, 1, height], [279, 4, 1, gray.length], [282, 5, 1, 0], [283, 5, 1, 0], [296, 3, 1, 2],
  ];
  const ifdAt = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const rationalAt = ifdAt + ifdSize;
  const dataAt = rationalAt + 8;
  const out = new Uint8Array(dataAt + gray.length);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, ifdAt, true);
  v.setUint16(ifdAt, entries.length, true);
  entries.forEach(([tag, type, count, value], i) => {
    const at = ifdAt + 2 + i * 12;
    v.setUint16(at, tag, true);
    v.setUint16(at + 2, type, true);
    v.setUint32(at + 4, count, true);
    const val = tag === 273 ? dataAt : tag === 282 || tag === 283 ? rationalAt : value;
    if (type === 3) v.setUint16(at + 8, val, true);
    else v.setUint32(at + 8, val, true);
  });
  v.setUint32(rationalAt, 200, true);
  v.setUint32(rationalAt + 4, 1, true);
  out.set(gray, dataAt);
  return out;
}

// --- mutations ------------------------------------------------------------------------------------

const INTERESTING = [0x00, 0xff, 0x7f, 0x80, 0x0a, 0x0d, 0x20, 0x25, 0x3c, 0x3e, 0x2f, 0x5c, 0xc3, 0xe1];

export function mutateBytes(input: Uint8Array, r: Random, others: readonly Uint8Array[], dictionary: readonly string[]): { bytes: Uint8Array; ops: string[] } {
  let bytes: Uint8Array = input;
  const ops: string[] = [];
  const count = 1 + r.int(4);
  const pos = () => r.int(bytes.length + 1);
  const runLength = () => (r.next() < 0.8 ? 1 + r.int(16) : 1 + r.int(Math.max(1, Math.min(bytes.length, 65536))));
  for (let k = 0; k < count; k++) {
    const op = r.int(8);
    switch (op) {
      case 0: {
        const at = pos();
        bytes = bytes.slice(0, at);
        ops.push(`truncate@${at}`);
        break;
      }
      case 1: {
        if (bytes.length === 0) break;
        bytes = bytes.slice();
        const flips = 1 + r.int(16);
        for (let i = 0; i < flips; i++) {
          const at = r.int(bytes.length);
          bytes[at] = (bytes[at] as number) ^ (1 << r.int(8));
        }
        ops.push(`flip×${flips}`);
        break;
      }
      case 2: {
        if (bytes.length === 0) break;
        bytes = bytes.slice();
        const n = 1 + r.int(8);
        for (let i = 0; i < n; i++) bytes[r.int(bytes.length)] = r.pick(INTERESTING);
        ops.push(`interesting×${n}`);
        break;
      }
      case 3: {
        const other = r.pick(others);
        const a = pos();
        const b = r.int(other.length + 1);
        bytes = concatBytes([bytes.subarray(0, a), other.subarray(b)]);
        ops.push(`splice@${a}+${b}`);
        break;
      }
      case 4: {
        const at = pos();
        const len = runLength();
        const kind = r.int(3);
        const run = kind === 0 ? Uint8Array.from({ length: len }, () => r.int(256)) : kind === 1 ? new Uint8Array(len).fill(r.pick(INTERESTING)) : bytes.slice(r.int(bytes.length + 1)).subarray(0, len);
        bytes = concatBytes([bytes.subarray(0, at), run, bytes.subarray(at)]);
        ops.push(`insert${["random", "repeat", "copy"][kind]}@${at}+${run.length}`);
        break;
      }
      case 5: {
        const at = pos();
        const len = runLength();
        bytes = concatBytes([bytes.subarray(0, at), bytes.subarray(at + len)]);
        ops.push(`delete@${at}-${len}`);
        break;
      }
      case 6:
      case 7: {
        const at = pos();
        const token = new TextEncoder().encode(r.pick(dictionary).repeat(r.next() < 0.1 ? 1 + r.int(200) : 1));
        bytes = concatBytes([bytes.subarray(0, at), token, bytes.subarray(at)]);
        ops.push(`token@${at}+${token.length}`);
        break;
      }
    }
  }
  return { bytes, ops };
}

export function makeCase(format: Format, corpus: Corpus, seed: number, index: number): { bytes: Uint8Array; from: string; ops: string[] } {
  const r = rng(hash(seed, format, index));
  const file = r.pick(corpus.files);
  const others = corpus.files.map((f) => f.bytes);
  if (format === "doc" && r.next() < 0.6) {
    // Inside the compound file: mutate one of the Word streams, write the container again.
    const container = CFB.read(file.bytes, { type: "array" });
    const name = r.pick(["WordDocument", "1Table", "0Table"].filter((n) => CFB.find(container, n) !== null));
    const entry = CFB.find(container, name);
    if (entry !== null) {
      const mutated = mutateBytes(Uint8Array.from(entry.content as ArrayLike<number>), r, others, corpus.dictionary);
      entry.content = mutated.bytes as never;
      return { bytes: new Uint8Array(CFB.write(container, { type: "array" }) as ArrayLike<number>), from: `${file.name}!${name}`, ops: mutated.ops };
    }
  }
  if (format === "docx" && r.next() < 0.5) {
    // Inside the archive: mutate one part, zip again.
    try {
      const parts: Record<string, Uint8Array> = unzipSync(file.bytes);
      const names = Object.keys(parts);
      const preferred = names.filter((n) => /word\/(document|numbering|styles|footnotes)\.xml$|\[Content_Types\]\.xml$|_rels\/.*\.rels$/.test(n));
      const name = r.next() < 0.85 && preferred.length > 0 ? r.pick(preferred) : r.pick(names);
      const partOthers = corpus.files.map((f) => {
        try {
          return unzipSync(f.bytes)[name] ?? f.bytes;
        } catch {
          return f.bytes;
        }
      });
      const mutated = mutateBytes(parts[name] as Uint8Array, r, partOthers, corpus.dictionary);
      parts[name] = mutated.bytes;
      return { bytes: zipSync(parts), from: `${file.name}!${name}`, ops: mutated.ops };
    } catch {
      // fall through to byte-level
    }
  }
  const mutated = mutateBytes(file.bytes, r, others, corpus.dictionary);
  return { bytes: mutated.bytes, from: file.name, ops: mutated.ops };
}

