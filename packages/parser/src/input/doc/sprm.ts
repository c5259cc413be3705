import type { StreamReader } from "./bytes.ts";

/** One property modifier ([MS-DOC] 2.2.5.1): its 16-bit code and where its operand lies. */
export interface Sprm {
  code: number;
  /** The stream holding it, and the offset and size of its operand there. */
  stream: StreamReader;
  at: number;
  size: number;
}

// The codes this reader acts on ([MS-DOC] 2.6).
export const SPRM = {
  /** Paragraph: list level (1 byte). */
  PIlvl: 0x260a,
  /** Paragraph: 1-based index into the LFO table (2 bytes); 0 or 0xF801 = not in a list. */
  PIlfo: 0x460b,
  PFInTable: 0x2416,
  /** Paragraph: the row-end mark of a table row. */
  PFTtp: 0x2417,
  /** Paragraph: table depth (4 bytes). */
  PItap: 0x6649,
  PFInnerTtp: 0x244c,
  /** Paragraph: Word 6/95 auto-numbering level (ANLD numbering, no list tables); 0 = none. */
  PNLvlAnm: 0x25ff,
  /** Table: the row's cell boundaries and per-cell merge flags. */
  TDefTable: 0xd608,
  /** Table: a cell's vertical merge state (itc, vertMerge). */
  TVertMerge: 0xd62b,
  /** Character: a deleted revision, not shown. */
  CFRMarkDel: 0x0800,
  /** Character: hidden text. */
  CFVanish: 0x083c,
  /** Character: a symbol-font character (font index, character code). */
  CSymbol: 0x6a09,
} as const;

/** Operand sizes by `spra`, the top three bits of the code; 6 (variable) is handled apart. */
const FIXED_SIZE = [1, 1, 2, 4, 2, 2, -1, 3];

/** The sprms of a grpprl `[at, at + length)`, in order; stops at the first one that does not fit. */
export function readSprms(stream: StreamReader, at: number, length: number): Sprm[] {
  const out: Sprm[] = [];
  const end = Math.min(at + length, stream.length);
  let cursor = at;
  while (cursor + 2 <= end) {
    const code = stream.u16(cursor);
    cursor += 2;
    const spra = code >> 13;
    let size = FIXED_SIZE[spra]!;
    if (size < 0) {
      if (cursor >= end) break;
      if (code === SPRM.TDefTable || code === 0xd606) {
        // TDefTableOperand: a 2-byte count of the bytes that follow, plus one.
        if (cursor + 2 > end) break;
        size = stream.u16(cursor) + 1;
      } else if (code === 0xc615 && stream.u8(cursor) === 255) {
        size = pChgTabsSize(stream, cursor);
      } else size = stream.u8(cursor) + 1;
    }
    if (cursor + size > end) break;
    out.push({ code, stream, at: cursor, size });
    cursor += size;
  }
  return out;
}

/** sprmPChgTabs with cb 255: its size follows from the tab counts it holds ([MS-DOC] 2.6.2). */
function pChgTabsSize(stream: StreamReader, at: number): number {
  const deleted = stream.u8(at + 1);
  const added = stream.u8(at + 2 + deleted * 4);
  return 1 + 1 + deleted * 4 + 1 + added * 3;
}

/** The last value of `code` among `sprms` (later sprms override earlier ones). */
export function lastSprm(sprms: readonly Sprm[], code: number): Sprm | undefined {
  for (let i = sprms.length - 1; i >= 0; i--) if (sprms[i]!.code === code) return sprms[i];
  return undefined;
}

/** The one-byte operand of the last `code` among `sprms`, or undefined. */
export function byteSprm(sprms: readonly Sprm[], code: number): number | undefined {
  const sprm = lastSprm(sprms, code);
  return sprm === undefined ? undefined : sprm.stream.u8(sprm.at);
}

/** A toggle operand (sprmCFVanish…): 1 on, 0 off; 0x80/0x81 mean "as the style"/"not as the style", read as off/on. */
export function isToggleOn(sprms: readonly Sprm[], code: number): boolean {
  const value = byteSprm(sprms, code);
  return value === 1 || value === 0x81;
}
