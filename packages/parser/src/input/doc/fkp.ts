import { readPlc, type StreamReader } from "./bytes.ts";
import { readSprms, type Sprm } from "./sprm.ts";

/**
 * Paragraph and character properties by stream offset (FC), from the bin tables and their
 * formatted disk pages ([MS-DOC] 2.8.9, 2.9.175, 2.9.23): each page lists FC runs and the sprms
 * that apply to them (for paragraphs, also the paragraph style).
 */
export interface PropertyRun {
  fcStart: number;
  fcEnd: number;
  /** Paragraph style index; 0 (Normal) for character runs. */
  istd: number;
  sprms: Sprm[];
}

export class PropertyTable {
  readonly #runs: PropertyRun[];

  constructor(runs: PropertyRun[]) {
    this.#runs = runs.sort((a, b) => a.fcStart - b.fcStart);
  }

  /** The run holding `fc`, or undefined (the character then has its style's properties only). */
  at(fc: number): PropertyRun | undefined {
    let low = 0;
    let high = this.#runs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const run = this.#runs[middle]!;
      if (fc < run.fcStart) high = middle - 1;
      else if (fc >= run.fcEnd) low = middle + 1;
      else return run;
    }
    return undefined;
  }
}

const PAGE = 512;

export function readPapx(word: StreamReader, table: StreamReader, bte: { fc: number; lcb: number }): PropertyTable {
  return new PropertyTable(pages(word, table, bte).flatMap((page) => papxRuns(word, page)));
}

export function readChpx(word: StreamReader, table: StreamReader, bte: { fc: number; lcb: number }): PropertyTable {
  return new PropertyTable(pages(word, table, bte).flatMap((page) => chpxRuns(word, page)));
}

/** Offsets of the FKPs a bin table points at (PnFkp: the low 22 bits are the page number). */
function pages(word: StreamReader, table: StreamReader, bte: { fc: number; lcb: number }): number[] {
  const plc = readPlc(table, bte.fc, bte.lcb, 4);
  const out: number[] = [];
  for (let i = 0; i < plc.count; i++) {
    const offset = (table.u32(plc.entryAt(i)) & 0x3fffff) * PAGE;
    if (offset + PAGE <= word.length) out.push(offset);
  }
  return out;
}

function fkpFcs(word: StreamReader, page: number): { crun: number; fcs: number[] } {
  const crun = word.u8(page + PAGE - 1);
  const fcs: number[] = [];
  for (let i = 0; i <= crun; i++) fcs.push(word.u32(page + 4 * i));
  return { crun, fcs };
}

function papxRuns(word: StreamReader, page: number): PropertyRun[] {
  const { crun, fcs } = fkpFcs(word, page);
  const out: PropertyRun[] = [];
  for (let i = 0; i < crun; i++) {
    const bOffset = word.u8(page + 4 * (crun + 1) + 13 * i);
    let istd = 0;
    let sprms: Sprm[] = [];
    if (bOffset !== 0) {
      const papx = page + bOffset * 2;
      const cb = word.u8(papx);
      const start = cb === 0 ? papx + 2 : papx + 1;
      const length = cb === 0 ? 2 * word.u8(papx + 1) : 2 * cb - 1;
      if (length >= 2 && start + length <= page + PAGE) {
        istd = word.u16(start);
        sprms = readSprms(word, start + 2, length - 2);
      }
    }
    out.push({ fcStart: fcs[i]!, fcEnd: fcs[i + 1]!, istd, sprms });
  }
  return out;
}

function chpxRuns(word: StreamReader, page: number): PropertyRun[] {
  const { crun, fcs } = fkpFcs(word, page);
  const out: PropertyRun[] = [];
  for (let i = 0; i < crun; i++) {
    const b = word.u8(page + 4 * (crun + 1) + i);
    let sprms: Sprm[] = [];
    if (b !== 0) {
      const chpx = page + b * 2;
      const cb = word.u8(chpx);
      if (chpx + 1 + cb <= page + PAGE) sprms = readSprms(word, chpx + 1, cb);
    }
    out.push({ fcStart: fcs[i]!, fcEnd: fcs[i + 1]!, istd: 0, sprms });
  }
  return out;
}
