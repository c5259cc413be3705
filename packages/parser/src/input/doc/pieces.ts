import { readPlc, type StreamReader } from "./bytes.ts";
import { readSprms, type Sprm } from "./sprm.ts";

/**
 * The document's characters, in CP order, from the piece table ([MS-DOC] 2.8.35, 2.9.38): each piece
 * is a run of text stored either as UTF-16 or "compressed" as one byte per character (cp1252), at
 * some offset of the WordDocument stream. For every CP we keep the stream offset (FC) of its
 * character, which is how the property tables (FKPs) are looked up, and the piece's own sprms.
 */
export interface CharacterStream {
  text: string;
  /** FC of the character at each CP. */
  fc: Uint32Array;
  /** Sprms of the piece holding each CP (from the CLX's Prc), by piece; `pieceOf[cp]` indexes it. */
  pieceSprms: Sprm[][];
  pieceOf: Uint16Array | Uint32Array;
}

// Compressed pieces hold cp1252 ([MS-DOC] 2.9.73 lists a few other characters Word stores there; none is Vietnamese).
const CP1252 = new TextDecoder("windows-1252");

export function readCharacters(word: StreamReader, table: StreamReader, clx: { fc: number; lcb: number }, cpLimit: number): CharacterStream {
  const grpprls: Sprm[][] = [];
  let at = clx.fc;
  const end = clx.fc + clx.lcb;
  // Prc entries (clxt 1) come first, then one Pcdt (clxt 2).
  while (at < end && table.u8(at) === 0x01) {
    const size = table.i16(at + 1);
    if (size < 0) throw new RangeError("negative Prc size");
    grpprls.push(readSprms(table, at + 3, size));
    at += 3 + size;
  }
  if (table.u8(at) !== 0x02) throw new RangeError("no piece table (Pcdt) in the CLX");
  const plcLength = table.u32(at + 1);
  const plc = readPlc(table, at + 5, plcLength, 8);

  const total = Math.min(cpLimit, plc.positions[plc.count] ?? 0);
  const fc = new Uint32Array(total);
  const pieceOf = plc.count < 0xffff ? new Uint16Array(total) : new Uint32Array(total);
  const pieceSprms: Sprm[][] = [];
  const parts: string[] = [];
  let cp = 0;
  for (let i = 0; i < plc.count && cp < total; i++) {
    const start = plc.positions[i]!;
    const stop = Math.min(plc.positions[i + 1]!, total);
    if (start !== cp || stop < start) throw new RangeError("piece table out of order");
    const entry = plc.entryAt(i);
    const raw = table.u32(entry + 2);
    const prm = table.u16(entry + 6);
    // Prm1 (fComplex): the piece's sprms are the Prc at index prm >> 1; Prm0 (one packed sprm) is not read.
    pieceSprms.push(prm & 1 ? (grpprls[prm >> 1] ?? []) : []);
    const count = stop - start;
    const compressed = (raw & 0x40000000) !== 0;
    if (compressed) {
      const offset = (raw & 0x3fffffff) / 2;
      parts.push(CP1252.decode(word.slice(offset, count)));
      for (let k = 0; k < count; k++) fc[cp + k] = offset + k;
    } else {
      parts.push(word.utf16(raw, count));
      for (let k = 0; k < count; k++) fc[cp + k] = raw + 2 * k;
    }
    pieceOf.fill(i, cp, cp + count);
    cp = stop;
  }
  const text = parts.join("");
  return { text, fc: fc.subarray(0, text.length), pieceSprms, pieceOf: pieceOf.subarray(0, text.length) };
}
