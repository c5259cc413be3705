import { Inflate } from "fflate";
import { corruptFile, tooLarge } from "./errors.ts";

/**
 * A ZIP reader that inflates only the parts asked for, under a byte budget shared by all of them.
 * fflate's `unzipSync` trusts the sizes the archive declares; a zip bomb can lie about them, so we
 * read the central directory ourselves and inflate in small steps, counting what comes out.
 */

export interface ZipLimits {
  /** Most bytes inflated in total, across every part read. */
  maxInflatedBytes: number;
  /** Most entries the central directory may list. */
  maxEntries: number;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/** Input pushed to the inflater per step: deflate expands at most ~1032×, so one step yields ≤ ~16 MB. */
const STEP = 16 * 1024;

export class ZipArchive {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #entries = new Map<string, ZipEntry>();
  readonly #limits: ZipLimits;
  #inflated = 0;

  constructor(bytes: Uint8Array, limits: ZipLimits) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#limits = limits;
    this.#readCentralDirectory();
  }

  /** Part names are case-insensitive in OPC, so lookups are too. */
  has(name: string): boolean {
    return this.#entries.has(normaliseName(name));
  }

  /** The inflated bytes of a part, or undefined when the archive has no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.#entries.get(normaliseName(name));
    if (entry === undefined) return undefined;
    return this.#inflate(entry);
  }

  #u16(at: number): number {
    return this.#view.getUint16(at, true);
  }

  #u32(at: number): number {
    return this.#view.getUint32(at, true);
  }

  #u64(at: number): number {
    return Number(this.#view.getBigUint64(at, true));
  }

  #need(at: number, length: number, what: string): void {
    if (at < 0 || length < 0 || at + length > this.#bytes.length) throw corruptFile(`${what}: tệp bị cắt cụt / truncated`);
  }

  #findEndOfCentralDirectory(): number {
    const len = this.#bytes.length;
    if (len < 22) throw corruptFile("không phải tệp ZIP / not a ZIP archive");
    // The record sits in the last 22 + 65535 (comment) bytes; scan backwards for its signature.
    const stop = Math.max(0, len - 22 - 0xffff);
    for (let at = len - 22; at >= stop; at--) {
      if (this.#u32(at) === SIG_EOCD) return at;
    }
    throw corruptFile("không phải tệp ZIP hoặc bị cắt cụt / not a ZIP archive or truncated");
  }

  #readCentralDirectory(): void {
    const eocd = this.#findEndOfCentralDirectory();
    let count = this.#u16(eocd + 10);
    let cdSize = this.#u32(eocd + 12);
    let cdOffset = this.#u32(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // ZIP64: the real figures are in the ZIP64 end record, found through its locator.
      const locator = eocd - 20;
      if (locator < 0 || this.#u32(locator) !== SIG_EOCD64_LOCATOR) throw corruptFile("ZIP64 thiếu bản ghi / missing ZIP64 record");
      const at = this.#u64(locator + 8);
      this.#need(at, 56, "ZIP64");
      if (this.#u32(at) !== SIG_EOCD64) throw corruptFile("ZIP64 hỏng / bad ZIP64 record");
      count = this.#u64(at + 32);
      cdSize = this.#u64(at + 40);
      cdOffset = this.#u64(at + 48);
    }
    if (count > this.#limits.maxEntries) throw tooLarge(`${count} mục trong tệp nén, tối đa ${this.#limits.maxEntries} / ${count} archive entries, limit ${this.#limits.maxEntries}`);
    this.#need(cdOffset, cdSize, "central directory");

    let at = cdOffset;
    const decoder = new TextDecoder("utf-8");
    for (let i = 0; i < count; i++) {
      this.#need(at, 46, "central directory");
      if (this.#u32(at) !== SIG_CENTRAL) throw corruptFile("mục lục ZIP hỏng / bad central directory");
      const flags = this.#u16(at + 8);
      const method = this.#u16(at + 10);
      let compressedSize = this.#u32(at + 20);
      let size = this.#u32(at + 24);
      const nameLength = this.#u16(at + 28);
      const extraLength = this.#u16(at + 30);
      const commentLength = this.#u16(at + 32);
      let localOffset = this.#u32(at + 42);
      this.#need(at + 46, nameLength + extraLength + commentLength, "central directory");
      const name = decoder.decode(this.#bytes.subarray(at + 46, at + 46 + nameLength));
      // ZIP64 extra field: 64-bit values for exactly those fields that read 0xFFFFFFFF, in this order.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = this.#u16(extra);
        const length = this.#u16(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          const fieldEnd = Math.min(field + length, extraEnd);
          if (size === 0xffffffff && field + 8 <= fieldEnd) (size = this.#u64(field)), (field += 8);
          if (compressedSize === 0xffffffff && field + 8 <= fieldEnd) (compressedSize = this.#u64(field)), (field += 8);
          if (localOffset === 0xffffffff && field + 8 <= fieldEnd) localOffset = this.#u64(field);
        }
        extra += 4 + length;
      }
      if ((flags & 1) !== 0) throw corruptFile("tệp nén có mật khẩu / encrypted ZIP entry");
      this.#entries.set(normaliseName(name), { name, method, compressedSize, size, localOffset });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  #inflate(entry: ZipEntry): Uint8Array {
    const budget = this.#limits.maxInflatedBytes - this.#inflated;
    // The declared size may be a lie, but when it already says "too big" there is no need to inflate.
    if (entry.size > budget) throw this.#overBudget(entry);

    this.#need(entry.localOffset, 30, entry.name);
    if (this.#u32(entry.localOffset) !== SIG_LOCAL) throw corruptFile(`${entry.name}: bad local header`);
    const dataStart = entry.localOffset + 30 + this.#u16(entry.localOffset + 26) + this.#u16(entry.localOffset + 28);
    this.#need(dataStart, entry.compressedSize, entry.name);
    const data = this.#bytes.subarray(dataStart, dataStart + entry.compressedSize);

    if (entry.method === 0) {
      this.#inflated += data.length;
      if (this.#inflated > this.#limits.maxInflatedBytes) throw this.#overBudget(entry);
      return data;
    }
    if (entry.method !== 8) throw corruptFile(`${entry.name}: kiểu nén ${entry.method} không hỗ trợ / unsupported compression method`);

    const chunks: Uint8Array[] = [];
    let total = 0;
    let over = false;
    let finished = false;
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > budget) over = true;
      else chunks.push(chunk);
      if (final) finished = true;
    });
    try {
      for (let at = 0; at < data.length && !over && !finished; at += STEP) {
        const end = Math.min(at + STEP, data.length);
        inflater.push(data.subarray(at, end), end === data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (cause) {
      throw corruptFile(`${entry.name}: dữ liệu nén hỏng / bad deflate data`, cause);
    }
    if (over) throw this.#overBudget(entry);
    this.#inflated += total;
    if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) out.set(chunk, offset), (offset += chunk.length);
    return out;
  }

  #overBudget(entry: ZipEntry): Error {
    const mb = Math.round(this.#limits.maxInflatedBytes / 1e6);
    return tooLarge(`giải nén ${entry.name} vượt quá ${mb} MB / inflating ${entry.name} exceeds ${mb} MB`);
  }
}

function normaliseName(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}
