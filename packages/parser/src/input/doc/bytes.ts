/**
 * Little-endian reads from one stream of the compound file. Out-of-range reads throw RangeError
 * (DataView's own check), which the adapter turns into a clerk-facing error: a damaged file never
 * reads garbage past its end.
 */
export class StreamReader {
  readonly bytes: Uint8Array;
  readonly #view: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  u8(at: number): number {
    return this.#view.getUint8(at);
  }
  u16(at: number): number {
    return this.#view.getUint16(at, true);
  }
  i16(at: number): number {
    return this.#view.getInt16(at, true);
  }
  u32(at: number): number {
    return this.#view.getUint32(at, true);
  }
  i32(at: number): number {
    return this.#view.getInt32(at, true);
  }

  /** `[at, at + length)`, checked against the stream's end. */
  slice(at: number, length: number): Uint8Array {
    if (at < 0 || length < 0 || at + length > this.bytes.length) throw new RangeError(`read of ${length} bytes at ${at} past the stream's end`);
    return this.bytes.subarray(at, at + length);
  }

  /** `count` UTF-16LE code units at `at`. */
  utf16(at: number, count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += String.fromCharCode(this.u16(at + 2 * i));
    return out;
  }
}

/** A PLC: `count + 1` uint32 positions, then `count` entries of `entrySize` bytes ([MS-DOC] 2.2.2). */
export interface Plc {
  positions: number[];
  /** Offset in the stream of entry `i`. */
  entryAt(i: number): number;
  count: number;
}

export function readPlc(stream: StreamReader, at: number, byteLength: number, entrySize: number): Plc {
  if (byteLength < 4) return { positions: [], entryAt: () => 0, count: 0 };
  const count = Math.floor((byteLength - 4) / (4 + entrySize));
  const positions: number[] = [];
  for (let i = 0; i <= count; i++) positions.push(stream.u32(at + 4 * i));
  const entries = at + 4 * (count + 1);
  return { positions, entryAt: (i) => entries + i * entrySize, count };
}
