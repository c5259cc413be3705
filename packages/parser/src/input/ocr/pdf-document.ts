/**
 * A tolerant reader of a PDF's object graph, enough to walk the page tree. Objects are found by
 * scanning for `N G obj` rather than trusting the cross-reference table, so files with broken
 * offsets (common after scanner software or careless concatenation) still open; compressed
 * object streams (PDF 1.5) are unpacked too. A later definition of an object wins, as with
 * incremental updates.
 */
import { concatBytes } from "../bytes.ts";
import { decodeStream, type Resolver } from "./pdf-filters.ts";
import {
  isDict,
  isKeyword,
  isName,
  isRef,
  isStream,
  latin1,
  PdfLexer,
  type PdfDict,
  type PdfStream,
  type PdfValue,
} from "./pdf-lexer.ts";

export interface PdfPage {
  /** 1-based, in page-tree order. */
  readonly number: number;
  readonly dict: PdfDict;
  /** CropBox (else MediaBox) [x0, y0, x1, y1] in user space, normalised so x0 < x1 and y0 < y1. */
  readonly pageBox: readonly [number, number, number, number];
  readonly rotate: number;
  readonly resources: PdfDict | null;
}

interface Entry {
  readonly pos: number;
  readonly value: PdfValue;
}

const A4: readonly [number, number, number, number] = [0, 0, 595.28, 841.89];
const MAX_RESOLVE_DEPTH = 32;

export class PdfDocument {
  readonly bytes: Uint8Array;
  readonly encrypted: boolean;
  private readonly objects: Map<number, Entry>;
  private readonly text: string;

  private constructor(bytes: Uint8Array, text: string, objects: Map<number, Entry>) {
    this.bytes = bytes;
    this.text = text;
    this.objects = objects;
    this.encrypted = /\/Encrypt\s+(\d+\s+\d+\s+R|<<)/u.test(text.slice(-65536)) || /trailer[\s\S]{0,4000}?\/Encrypt\b/u.test(text);
  }

  /** Returns null when the bytes hold no PDF objects at all. */
  static open(bytes: Uint8Array): PdfDocument | null {
    const text = latin1(bytes);
    if (text.indexOf("%PDF-") < 0 || text.indexOf("%PDF-") > 1024) return null;
    const objects = scanObjects(bytes, text);
    if (objects.size === 0) return null;
    const doc = new PdfDocument(bytes, text, objects);
    doc.unpackObjectStreams();
    return doc;
  }

  /** Objects referred to but not found: a sign of a truncated or damaged file. */
  readonly missing = new Set<number>();

  readonly resolve: Resolver = (v) => {
    let cur = v;
    for (let i = 0; i < MAX_RESOLVE_DEPTH && isRef(cur); i++) {
      const entry = this.objects.get(cur.num);
      if (entry === undefined) this.missing.add(cur.num);
      cur = entry?.value;
    }
    return isRef(cur) ? undefined : cur;
  };

  /** `dict[key]` with references followed; undefined when `dict` is not a dictionary. */
  get(dict: PdfValue | undefined, key: string): PdfValue | undefined {
    return isDict(dict) ? this.resolve(dict.map.get(key)) : undefined;
  }

  /** Pages in page-tree order; falls back to every `/Type /Page` object in file order. */
  pages(): PdfPage[] {
    const root = this.catalog();
    const out: PdfPage[] = [];
    const seen = new Set<PdfDict>();
    const walk = (node: PdfValue | undefined, inherited: Inherited, depth: number): void => {
      if (!isDict(node) || seen.has(node) || depth > 64) return;
      seen.add(node);
      const here: Inherited = {
        resources: this.get(node, "Resources") ?? inherited.resources,
        mediaBox: this.get(node, "MediaBox") ?? inherited.mediaBox,
        rotate: this.get(node, "Rotate") ?? inherited.rotate,
      };
      const kids = this.get(node, "Kids");
      if (Array.isArray(kids) && !isName(this.get(node, "Type"), "Page")) {
        for (const kid of kids) walk(this.resolve(kid), here, depth + 1);
        return;
      }
      out.push(this.makePage(out.length + 1, node, here));
    };
    if (root !== null) walk(this.get(root, "Pages"), {}, 0);
    if (out.length > 0) return out;
    const loose = [...this.objects.values()]
      .filter((e) => isDict(e.value) && isName(e.value.map.get("Type"), "Page"))
      .sort((a, b) => a.pos - b.pos);
    return loose.map((e, i) => this.makePage(i + 1, e.value as PdfDict, {}));
  }

  /** Decoded content of a page or form: its content streams joined by newlines. */
  contents(value: PdfValue | undefined): Uint8Array {
    const v = this.resolve(value);
    const parts = (Array.isArray(v) ? v.map((x) => this.resolve(x)) : [v]).filter(isStream);
    const chunks: Uint8Array[] = [];
    for (const s of parts) {
      try {
        const { data, codec } = decodeStream(s, this.resolve);
        if (codec === null) chunks.push(data, Uint8Array.of(0x0a));
      } catch {
        // An undecodable content stream only costs us the image placement; see pdf-images.ts.
      }
    }
    return concatBytes(chunks);
  }

  private makePage(number: number, dict: PdfDict, inh: Inherited): PdfPage {
    const box = numbers(this.get(dict, "CropBox")) ?? numbers(inh.mediaBox) ?? A4;
    const [a = 0, b = 0, c = 0, d = 0] = box;
    const pageBox = [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)] as const;
    const rot = typeof inh.rotate === "number" ? (((Math.round(inh.rotate / 90) * 90) % 360) + 360) % 360 : 0;
    const resources = isDict(inh.resources) ? inh.resources : null;
    return { number, dict, pageBox: pageBox[2] > pageBox[0] && pageBox[3] > pageBox[1] ? pageBox : A4, rotate: rot, resources };
  }

  private catalog(): PdfDict | null {
    // The last /Root wins (incremental updates append a new trailer).
    const re = /\/Root\s+(\d+)\s+(\d+)\s+R/gu;
    let last: RegExpExecArray | null = null;
    for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) last = m;
    if (last !== null) {
      const root = this.objects.get(Number(last[1]))?.value;
      if (isDict(root) && this.get(root, "Pages") !== undefined) return root;
    }
    const catalogs = [...this.objects.values()].filter((e) => isDict(e.value) && isName(e.value.map.get("Type"), "Catalog"));
    catalogs.sort((a, b) => b.pos - a.pos);
    const found = catalogs[0]?.value;
    return isDict(found) ? found : null;
  }

  private unpackObjectStreams(): void {
    for (const [, entry] of [...this.objects]) {
      const s = entry.value;
      if (!isStream(s) || !isName(s.dict.map.get("Type"), "ObjStm")) continue;
      try {
        const { data, codec } = decodeStream(s, this.resolve);
        if (codec !== null) continue;
        const n = this.get(s.dict, "N");
        const first = this.get(s.dict, "First");
        if (typeof n !== "number" || typeof first !== "number") continue;
        const header = new PdfLexer(data, 0);
        const pairs: [number, number][] = [];
        for (let i = 0; i < n; i++) {
          const num = header.next();
          const off = header.next();
          if (typeof num !== "number" || typeof off !== "number") break;
          pairs.push([num, off]);
        }
        for (const [num, off] of pairs) {
          const existing = this.objects.get(num);
          if (existing !== undefined && existing.pos > entry.pos) continue;
          try {
            const value = new PdfLexer(data, first + off).value();
            this.objects.set(num, { pos: entry.pos, value });
          } catch {
            // skip one bad object, keep the rest
          }
        }
      } catch {
        // an unreadable object stream: its objects stay missing
      }
    }
  }
}

interface Inherited {
  resources?: PdfValue | undefined;
  mediaBox?: PdfValue | undefined;
  rotate?: PdfValue | undefined;
}

function numbers(v: PdfValue | undefined): number[] | null {
  if (!Array.isArray(v) || v.length < 4) return null;
  const out = v.slice(0, 4).filter((x): x is number => typeof x === "number");
  return out.length === 4 ? out : null;
}

function scanObjects(bytes: Uint8Array, text: string): Map<number, Entry> {
  const objects = new Map<number, Entry>();
  // Not from inside a run of digits: each start there would rescan the run (quadratic on long runs).
  const re = /(?<!\d)(\d+)\s+(\d+)\s+obj\b/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lexer = new PdfLexer(bytes, m.index + m[0].length);
    let value: PdfValue;
    try {
      value = lexer.value();
    } catch {
      re.lastIndex = m.index + 1;
      continue;
    }
    lexer.skipWhitespace();
    const save = lexer.pos;
    const kw = lexer.next();
    if (isKeyword(kw) && kw.word === "stream" && isDict(value)) {
      const stream = readStreamBody(bytes, text, lexer.pos, value);
      value = stream.stream;
      re.lastIndex = stream.end;
    } else {
      re.lastIndex = save;
    }
    objects.set(Number(m[1]), { pos: m.index, value });
  }
  return objects;
}

/** Stream data starts after `stream` and one EOL; it ends at /Length when that lands on `endstream`, else at `endstream`. */
function readStreamBody(bytes: Uint8Array, text: string, afterKeyword: number, dict: PdfDict): { stream: PdfStream; end: number } {
  let start = afterKeyword;
  if (bytes[start] === 0x0d) start++;
  if (bytes[start] === 0x0a) start++;
  const length = dict.map.get("Length");
  if (typeof length === "number" && length >= 0 && start + length <= bytes.length) {
    let after = start + length;
    while (after < bytes.length && after < start + length + 4 && (bytes[after] === 0x0d || bytes[after] === 0x0a || bytes[after] === 0x20)) after++;
    if (text.startsWith("endstream", after)) {
      return { stream: { kind: "stream", dict, raw: bytes.subarray(start, start + length) }, end: after + 9 };
    }
  }
  const endIdx = text.indexOf("endstream", start);
  let end = endIdx < 0 ? bytes.length : endIdx;
  const stop = end;
  if (bytes[end - 1] === 0x0a) end--;
  if (bytes[end - 1] === 0x0d) end--;
  return { stream: { kind: "stream", dict, raw: bytes.subarray(start, Math.max(start, end)) }, end: endIdx < 0 ? bytes.length : stop + 9 };
}
