/**
 * A small, tolerant reader of PDF syntax (ISO 32000-1 §7.2–7.3): numbers, names, strings,
 * arrays, dictionaries, references and bare keywords. It is all the OCR adapter needs to find
 * page images; it never interprets fonts or text.
 */

export interface PdfName {
  readonly kind: "name";
  readonly name: string;
}
export interface PdfRef {
  readonly kind: "ref";
  readonly num: number;
  readonly gen: number;
}
export interface PdfString {
  readonly kind: "string";
  readonly bytes: Uint8Array;
}
export interface PdfDict {
  readonly kind: "dict";
  readonly map: Map<string, PdfValue>;
}
/** A stream object: its dictionary and its raw (still encoded) bytes. */
export interface PdfStream {
  readonly kind: "stream";
  readonly dict: PdfDict;
  readonly raw: Uint8Array;
}
/** An operator or other bare word (`obj`, `stream`, `cm`, `Do`…). */
export interface PdfKeyword {
  readonly kind: "keyword";
  readonly word: string;
}
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfDict | PdfStream | PdfValue[];

/** Thrown on syntax the lexer cannot make sense of; callers catch it and skip or fall back. */
export class PdfSyntaxError extends Error {
  override readonly name = "PdfSyntaxError";
}

const MAX_DEPTH = 64;
/** `\n \r \t \b \f` inside literal strings. */
const SIMPLE_ESCAPES: Readonly<Record<number, number>> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };

function isWhite(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}
function isDelimiter(c: number): boolean {
  // ( ) < > [ ] { } / %
  return c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
}
function isRegular(c: number): boolean {
  return !isWhite(c) && !isDelimiter(c);
}
/**
 * Hex digits from `start` up to `>` (or the end), whitespace and junk skipped, an odd last digit
 * padded with 0 — the rule shared by hex strings and the ASCIIHexDecode filter. `end` is the `>`.
 */
export function readHexBytes(b: Uint8Array, start: number): { bytes: Uint8Array; end: number } {
  const out: number[] = [];
  let hi = -1;
  let pos = start;
  for (; pos < b.length && b[pos] !== 0x3e; pos++) {
    const v = hexValue(b[pos] ?? 0);
    if (v < 0) continue;
    if (hi < 0) hi = v;
    else {
      out.push(hi * 16 + v);
      hi = -1;
    }
  }
  if (hi >= 0) out.push(hi * 16);
  return { bytes: Uint8Array.from(out), end: pos };
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function kindOf(v: unknown): string | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as { kind?: string }).kind : undefined;
}
export function isName(v: unknown, name?: string): v is PdfName {
  return kindOf(v) === "name" && (name === undefined || (v as PdfName).name === name);
}
export function isDict(v: unknown): v is PdfDict {
  return kindOf(v) === "dict";
}
export function isStream(v: unknown): v is PdfStream {
  return kindOf(v) === "stream";
}
export function isPdfString(v: unknown): v is PdfString {
  return kindOf(v) === "string";
}
export function isRef(v: unknown): v is PdfRef {
  return kindOf(v) === "ref";
}

type Token = PdfValue | PdfKeyword | { readonly kind: "open-array" | "close-array" | "open-dict" | "close-dict" };

export class PdfLexer {
  readonly bytes: Uint8Array;
  pos: number;

  constructor(bytes: Uint8Array, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }

  skipWhitespace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos] ?? 0;
      if (isWhite(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** The next value, or a keyword (operators in content streams, `obj`/`stream` in files); `undefined` at the end. */
  next(depth = 0): PdfValue | PdfKeyword | undefined {
    const tok = this.token();
    if (tok === undefined) return undefined;
    if (typeof tok === "object" && tok !== null && !Array.isArray(tok)) {
      if (tok.kind === "open-array") return this.array(depth + 1);
      if (tok.kind === "open-dict") return this.dict(depth + 1);
      if (tok.kind === "close-array" || tok.kind === "close-dict") throw new PdfSyntaxError(`unexpected ${tok.kind} at ${this.pos}`);
    }
    if (typeof tok === "number" && Number.isInteger(tok) && tok >= 0) return this.maybeRef(tok);
    return tok as PdfValue | PdfKeyword;
  }

  /** A value; a keyword where a value belongs is an error (except true/false/null, handled in `token`). */
  value(depth = 0): PdfValue {
    const v = this.next(depth);
    if (v === undefined) throw new PdfSyntaxError("unexpected end of data");
    if (isKeyword(v)) throw new PdfSyntaxError(`unexpected keyword ${v.word} at ${this.pos}`);
    return v;
  }

  private maybeRef(num: number): PdfValue {
    const save = this.pos;
    const gen = this.token();
    if (typeof gen === "number" && Number.isInteger(gen) && gen >= 0) {
      const r = this.token();
      if (isKeyword(r) && r.word === "R") return { kind: "ref", num, gen };
    }
    this.pos = save;
    return num;
  }

  private array(depth: number): PdfValue[] {
    if (depth > MAX_DEPTH) throw new PdfSyntaxError("nesting too deep");
    const out: PdfValue[] = [];
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.bytes.length) throw new PdfSyntaxError("unterminated array");
      if (this.bytes[this.pos] === 0x5d) {
        this.pos++;
        return out;
      }
      const v = this.next(depth);
      if (v === undefined) throw new PdfSyntaxError("unterminated array");
      if (isKeyword(v)) continue; // tolerate junk words inside arrays
      out.push(v);
    }
  }

  private dict(depth: number): PdfDict {
    if (depth > MAX_DEPTH) throw new PdfSyntaxError("nesting too deep");
    const map = new Map<string, PdfValue>();
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.bytes.length) throw new PdfSyntaxError("unterminated dictionary");
      if (this.bytes[this.pos] === 0x3e && this.bytes[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return { kind: "dict", map };
      }
      const key = this.next(depth);
      if (key === undefined) throw new PdfSyntaxError("unterminated dictionary");
      if (!isName(key)) continue; // tolerate a stray token where a key belongs
      this.skipWhitespace();
      if (this.bytes[this.pos] === 0x3e && this.bytes[this.pos + 1] === 0x3e) {
        map.set(key.name, null);
        continue;
      }
      const v = this.next(depth);
      if (v === undefined) throw new PdfSyntaxError("unterminated dictionary");
      map.set(key.name, isKeyword(v) ? null : v);
    }
  }

  private token(): Token | undefined {
    this.skipWhitespace();
    const b = this.bytes;
    if (this.pos >= b.length) return undefined;
    const c = b[this.pos] ?? 0;
    if (c === 0x5b) {
      this.pos++;
      return { kind: "open-array" };
    }
    if (c === 0x5d) {
      this.pos++;
      return { kind: "close-array" };
    }
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) {
        this.pos += 2;
        return { kind: "open-dict" };
      }
      return this.hexString();
    }
    if (c === 0x3e) {
      if (b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return { kind: "close-dict" };
      }
      this.pos++;
      return { kind: "keyword", word: ">" };
    }
    if (c === 0x28) return this.literalString();
    if (c === 0x2f) return this.nameToken();
    if (c === 0x29 || c === 0x7b || c === 0x7d) {
      this.pos++;
      return { kind: "keyword", word: String.fromCharCode(c) };
    }
    const start = this.pos;
    while (this.pos < b.length && isRegular(b[this.pos] ?? 0)) this.pos++;
    const word = String.fromCharCode(...b.subarray(start, Math.min(this.pos, start + 256)));
    if (c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39)) {
      const n = Number(word);
      if (Number.isFinite(n)) return n;
      // Malformed numbers such as "--5" or "1.2.3": keep the leading numeric part.
      const m = /^[+-]*(\d*\.?\d*)/u.exec(word);
      const lead = Number(m?.[1] ?? "");
      if (m !== null && m[1] !== "" && m[1] !== "." && Number.isFinite(lead)) return word.startsWith("-") ? -lead : lead;
    }
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    return { kind: "keyword", word };
  }

  private nameToken(): PdfName {
    const b = this.bytes;
    this.pos++;
    let name = "";
    while (this.pos < b.length && isRegular(b[this.pos] ?? 0)) {
      const c = b[this.pos] ?? 0;
      if (c === 0x23) {
        const hi = hexValue(b[this.pos + 1] ?? 0);
        const lo = hexValue(b[this.pos + 2] ?? 0);
        if (hi >= 0 && lo >= 0) {
          name += String.fromCharCode(hi * 16 + lo);
          this.pos += 3;
          continue;
        }
      }
      name += String.fromCharCode(c);
      this.pos++;
    }
    return { kind: "name", name };
  }

  private hexString(): PdfString {
    const { bytes, end } = readHexBytes(this.bytes, this.pos + 1);
    this.pos = end + 1;
    return { kind: "string", bytes };
  }

  private literalString(): PdfString {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let nesting = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++] ?? 0;
      if (c === 0x28) nesting++;
      else if (c === 0x29 && --nesting === 0) break;
      if (c !== 0x5c) {
        out.push(c);
        continue;
      }
      const e = b[this.pos++] ?? 0;
      const escaped = SIMPLE_ESCAPES[e];
      if (escaped !== undefined) out.push(escaped);
      else if (e >= 0x30 && e <= 0x37) {
        let v = e - 0x30;
        for (let k = 0; k < 2 && (b[this.pos] ?? 0) >= 0x30 && (b[this.pos] ?? 0) <= 0x37; k++) v = v * 8 + (b[this.pos++] ?? 0) - 0x30;
        out.push(v & 0xff);
      } else if (e === 0x0d) {
        if (b[this.pos] === 0x0a) this.pos++;
      } else if (e !== 0x0a) out.push(e);
    }
    return { kind: "string", bytes: Uint8Array.from(out) };
  }
}

export function isKeyword(v: unknown): v is PdfKeyword {
  return kindOf(v) === "keyword";
}

/** Bytes as a string of code units 0–255 (offsets stay byte offsets). */
export function latin1(bytes: Uint8Array): string {
  // Each byte widened to a UTF-16 code unit (0–255, never a surrogate) and decoded natively; not
  // TextDecoder("latin1"), which is windows-1252 and remaps 0x80–0x9F.
  return UTF16.decode(new Uint16Array(bytes));
}
const UTF16 = new TextDecoder("utf-16le");
