import type { Block, Cell } from "../docx/blocks.ts";
import type { NumberingState } from "../docx/numbering.ts";
import { symbolChar, type ParagraphText } from "../docx/paragraph.ts";
import type { PropertyRun, PropertyTable } from "./fkp.ts";
import { listOf } from "./lists.ts";
import type { CharacterStream } from "./pieces.ts";
import { byteSprm, isToggleOn, lastSprm, SPRM, type Sprm } from "./sprm.ts";

/** What reading a stretch of the document needs: the characters, their properties, the notes. */
export interface StoryContext {
  chars: CharacterStream;
  papx: PropertyTable;
  chpx: PropertyTable;
  /** CPs of section marks (0x0C that end a section, and so a paragraph). */
  sectionEnds: Set<number>;
  /** Note reference CPs in the main text, with the label Word shows there. */
  noteRefs: Map<number, string>;
  /** Paragraphs numbered the Word 6/95 way (ANLD), whose labels are not rebuilt: counted for a note. */
  unrecovered: { count: number };
}

interface ParagraphProps {
  istd: number;
  numId: number | undefined;
  ilvl: number | undefined;
  /** Table depth: 0 outside tables. */
  depth: number;
  /** A row-end mark of a depth-1 row. */
  rowEnd: boolean;
  /** A row-end mark of a nested table (its paragraph carries no text). */
  innerRowEnd: boolean;
  sprms: Sprm[];
}

interface RowCells {
  cells: Block[][];
  /** Cell boundaries (twips) from sprmTDefTable; one more than the cells. */
  edges: number[] | undefined;
  /** Per cell: 1 continues the cell above, 2 continues the cell to the left. */
  merges: number[];
}

/**
 * Reads CPs `[from, to)` into the DOCX adapter's blocks: paragraphs (label from the list tables,
 * text split at soft line breaks) and tables (cells closed by 0x07 marks, rows by the row-end mark
 * whose paragraph carries the row's cell boundaries). Nested tables are read into their outer cell.
 */
export function readStory(context: StoryContext, numbering: NumberingState, from: number, to: number): Block[] {
  const { chars } = context;
  const out: Block[] = [];
  let rows: RowCells[] = [];
  let cells: Block[][] = [];
  let cell: Block[] = [];
  let lines: string[][] = [[]];
  /** Open fields: true while in the instruction part, whose text is hidden. */
  let fields: boolean[] = [];
  let hidden = 0;
  let chpxRun: PropertyRun | undefined | null = null;
  let chpxEnd = -1;
  // Character properties change between runs, not characters: work them out once per run and piece.
  let charsOf: { run: PropertyRun | undefined | null; piece: number; sprms: Sprm[]; hiddenText: boolean } = { run: null, piece: -1, sprms: [], hiddenText: false };

  const flushTable = (): void => {
    if (cell.length > 0 || cells.length > 0) rows.push({ cells: [...cells, ...(cell.length > 0 ? [cell] : [])], edges: undefined, merges: [] });
    if (rows.length > 0) out.push({ kind: "table", table: tableOf(rows) });
    rows = [];
    cells = [];
    cell = [];
  };

  for (let cp = from; cp < to && cp < chars.text.length; cp++) {
    const code = chars.text.charCodeAt(cp);
    const fc = chars.fc[cp]!;
    if (fc >= chpxEnd || chpxRun === null) {
      chpxRun = context.chpx.at(fc);
      chpxEnd = chpxRun?.fcEnd ?? fc + 1;
    }
    const piece = chars.pieceOf[cp]!;
    if (charsOf.run !== chpxRun || charsOf.piece !== piece) {
      const pieceSprms = chars.pieceSprms[piece] ?? [];
      const sprms = pieceSprms.length > 0 ? [...(chpxRun?.sprms ?? []), ...pieceSprms] : (chpxRun?.sprms ?? []);
      charsOf = { run: chpxRun, piece, sprms, hiddenText: isToggleOn(sprms, SPRM.CFVanish) || isToggleOn(sprms, SPRM.CFRMarkDel) };
    }
    const charSprms = charsOf.sprms;
    const paragraphEnd = code === 0x0d || code === 0x07 || (code === 0x0c && context.sectionEnds.has(cp));

    if (!paragraphEnd) {
      const current = lines[lines.length - 1]!;
      if (code === 0x13) (fields.push(true), hidden++);
      else if (code === 0x14) {
        if (fields[fields.length - 1] === true) (fields[fields.length - 1] = false), hidden--;
      } else if (code === 0x15) {
        if (fields.length > 0 && fields.pop() === true) hidden--;
      } else if (hidden > 0 || charsOf.hiddenText) {
        // Field instructions, hidden text and deleted revisions are not shown.
      } else if (context.noteRefs.has(cp)) {
        // The marker sits right after the word it annotates.
        while (current.length > 0 && current[current.length - 1]!.trim() === "") current.pop();
        if (current.length > 0) current[current.length - 1] = current[current.length - 1]!.trimEnd();
        current.push(`[^${context.noteRefs.get(cp)}]`);
      } else if (code === 0x0b) lines.push([]);
      else if (code === 0x09 || code === 0x0c) current.push(" ");
      else if (code === 0x1e) current.push("-");
      else if (code === 0x28 && lastSprm(charSprms, SPRM.CSymbol) !== undefined) {
        const symbol = lastSprm(charSprms, SPRM.CSymbol)!;
        current.push(symbolChar(symbol.stream.u16(symbol.at + 2)));
      } else if (code >= 0x20) current.push(chars.text[cp]!);
      // Other control characters (0x01 pictures, 0x02 a note's own number, 0x08 drawings, 0x1F optional hyphens): no text.
      continue;
    }

    const props = paragraphProps(context, cp);
    if (hidden > 0) (fields = []), (hidden = 0);
    const text = lines.map((pieces) => pieces.join("").trim());
    lines = [[]];
    if (props.depth > 0 && props.rowEnd) {
      // The row-end mark: the cells read so far make the row; this paragraph has no text of its own.
      if (cell.length > 0) (cells.push(cell), (cell = []));
      rows.push({ cells, ...rowGeometry(props.sprms, cells.length) });
      cells = [];
      continue;
    }
    if (props.innerRowEnd) continue;
    if (!props.numId && (byteSprm(props.sprms, SPRM.PNLvlAnm) ?? 0) !== 0) context.unrecovered.count++;
    const paragraph: ParagraphText = {
      label: numbering.next({ numId: props.numId, ilvl: props.ilvl, styleId: String(props.istd) }),
      lines: text,
      floating: [],
    };
    if (props.depth === 0) {
      flushTable();
      out.push({ kind: "paragraph", paragraph });
      continue;
    }
    cell.push({ kind: "paragraph", paragraph });
    if (code === 0x07 && props.depth === 1) (cells.push(cell), (cell = []));
  }
  flushTable();
  return out;
}

function paragraphProps(context: StoryContext, cp: number): ParagraphProps {
  const { chars } = context;
  const run = context.papx.at(chars.fc[cp]!);
  const pieceSprms = chars.pieceSprms[chars.pieceOf[cp]!] ?? [];
  const sprms = pieceSprms.length > 0 ? [...(run?.sprms ?? []), ...pieceSprms] : (run?.sprms ?? []);
  const itap = lastSprm(sprms, SPRM.PItap);
  const inTable = byteSprm(sprms, SPRM.PFInTable) === 1;
  const depth = itap !== undefined ? Math.max(0, itap.stream.i32(itap.at)) : inTable ? 1 : 0;
  return {
    istd: run?.istd ?? 0,
    ...listOf(sprms),
    depth,
    rowEnd: depth === 1 && byteSprm(sprms, SPRM.PFTtp) === 1,
    innerRowEnd: depth > 1 && byteSprm(sprms, SPRM.PFInnerTtp) === 1,
    sprms,
  };
}

/** The row's cell boundaries and merge flags from sprmTDefTable (and later sprmTVertMerge). */
function rowGeometry(sprms: readonly Sprm[], cellCount: number): { edges: number[] | undefined; merges: number[] } {
  const def = lastSprm(sprms, SPRM.TDefTable);
  const merges = new Array<number>(cellCount).fill(0);
  if (def === undefined) return { edges: undefined, merges };
  const { stream, at, size } = def;
  const count = stream.u8(at + 2);
  if (3 + 2 * (count + 1) > size) return { edges: undefined, merges };
  const edges: number[] = [];
  for (let i = 0; i <= count; i++) edges.push(stream.i16(at + 3 + 2 * i));
  const tcs = at + 3 + 2 * (count + 1);
  for (let i = 0; i < Math.min(count, cellCount); i++) {
    if (tcs + 20 * (i + 1) > at + size) break;
    const flags = stream.u16(tcs + 20 * i);
    // vertMerge: bit 5 merged, bit 6 first of the merged cells; horzMerge 2: merged into the left one.
    if ((flags & 0x60) === 0x20) merges[i] = 1;
    else if ((flags & 0x03) === 2) merges[i] = 2;
  }
  for (const sprm of sprms) {
    if (sprm.code !== SPRM.TVertMerge || sprm.size < 3) continue;
    const itc = sprm.stream.u8(sprm.at + 1);
    const state = sprm.stream.u8(sprm.at + 2);
    if (itc < merges.length) merges[itc] = state === 1 ? 1 : merges[itc] === 1 ? 0 : merges[itc]!;
  }
  return { edges: edges.length === cellCount + 1 ? edges : undefined, merges };
}

/** Rows with their boundaries as the DOCX Table: grid columns are the distinct boundaries of all rows. */
function tableOf(rows: RowCells[]) {
  const grid = [...new Set(rows.flatMap((row) => row.edges ?? []))].sort((a, b) => a - b);
  return {
    rows: rows.map((row): Cell[] =>
      row.cells.map((blocks, i) => {
        const merge = row.merges[i] ?? 0;
        if (row.edges === undefined) return { column: i, span: 1, continuesAbove: merge !== 0, blocks };
        const column = grid.indexOf(row.edges[i]!);
        const span = Math.max(1, grid.indexOf(row.edges[i + 1]!) - column);
        return { column, span, continuesAbove: merge !== 0, blocks };
      }),
    ),
  };
}
