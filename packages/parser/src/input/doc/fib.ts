import type { StreamReader } from "./bytes.ts";

/**
 * The File Information Block at the start of the WordDocument stream ([MS-DOC] 2.5.1): where the
 * text, the property tables, the styles, the lists and the notes are. Only what the reader uses.
 */
export interface Fib {
  /** Which table stream holds the tables: `1Table` or `0Table`. */
  tableStream: "0Table" | "1Table";
  encrypted: boolean;
  /** Character counts of the story parts, in the order they follow each other in the CP space. */
  ccp: { text: number; footnotes: number; headers: number; macros: number; annotations: number; endnotes: number; textBoxes: number; headerTextBoxes: number };
  /** `[fc, lcb]` of a structure in the table stream, by its index in FibRgFcLcb97. */
  table(index: number): { fc: number; lcb: number };
}

/** Indices into FibRgFcLcb97 of the structures read here ([MS-DOC] 2.5.6). */
export const FcLcb = {
  Stshf: 1,
  PlcffndRef: 2,
  PlcffndTxt: 3,
  PlcfSed: 6,
  PlcfBteChpx: 12,
  PlcfBtePapx: 13,
  Clx: 33,
  PlcfendRef: 46,
  PlcfendTxt: 47,
  PlfLst: 73,
  PlfLfo: 74,
} as const;

const WORD_IDENT = 0xa5ec;
/** nFib of Word 97; Word 6 and 95 files (lower numbers) have another layout. */
const NFIB_WORD97 = 0x00c1;

export function readFib(word: StreamReader): Fib | { unsupported: string } {
  if (word.u16(0) !== WORD_IDENT) return { unsupported: "không có chữ ký Word / no Word signature in the FIB" };
  const nFib = word.u16(2);
  const flags = word.u16(0x0a);
  if (nFib < NFIB_WORD97 && nFib !== 0) return { unsupported: `định dạng Word 6/95 (nFib ${nFib}) / Word 6 or 95 format (nFib ${nFib})` };
  const csw = word.u16(32);
  const rgLw = 32 + 2 + csw * 2;
  const cslw = word.u16(rgLw);
  const lw = (i: number): number => (i < cslw ? word.i32(rgLw + 2 + 4 * i) : 0);
  const rgFcLcb = rgLw + 2 + cslw * 4;
  const cbRgFcLcb = word.u16(rgFcLcb);
  return {
    tableStream: flags & 0x0200 ? "1Table" : "0Table",
    encrypted: (flags & 0x0100) !== 0,
    ccp: {
      text: Math.max(0, lw(3)),
      footnotes: Math.max(0, lw(4)),
      headers: Math.max(0, lw(5)),
      macros: Math.max(0, lw(6)),
      annotations: Math.max(0, lw(7)),
      endnotes: Math.max(0, lw(8)),
      textBoxes: Math.max(0, lw(9)),
      headerTextBoxes: Math.max(0, lw(10)),
    },
    table(index) {
      if (index >= cbRgFcLcb) return { fc: 0, lcb: 0 };
      const at = rgFcLcb + 2 + index * 8;
      return { fc: word.u32(at), lcb: word.u32(at + 4) };
    },
  };
}
