import type { Block, Cell, Table } from "./blocks.ts";

/**
 * Vietnamese administrative documents (Nghị định 30/2020) put two things side by side in borderless
 * tables: the header (issuer | national motto; number | place and date) and the closing (recipients |
 * signature). Read row by row they interleave fields (`UBND TỈNH…` next to `CỘNG HÒA…`), so such
 * "form" tables are read column by column, and soft line breaks in their cells are kept as lines.
 * Every other table (task tables, appendices) is read row by row.
 */
export type TableKind = "header" | "closing" | "grid";

const MAX_FORM_ROWS = 6;
const MAX_FORM_COLUMNS = 3;

const HEADER_SIGNALS = [
  /C[ỘỌO]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘỌO]I/iu,
  /Độc\s+lập\s*[-–—]\s*Tự\s+do/iu,
  /^Số\s*:?\s*[0-9]*\s*\/\s*[\p{L}0-9-]/u,
  /^Số\s*:/u,
];

const CLOSING_SIGNALS = [/^Nơi\s+nhận/iu, /^(TM|KT|TL|TUQ)\s*\.\s*\p{Lu}/u];

export function classifyTable(table: Table, cellLines: (cell: Cell) => string[]): TableKind {
  if (table.rows.length === 0 || table.rows.length > MAX_FORM_ROWS) return "grid";
  let columns = 0;
  for (const row of table.rows) {
    for (const cell of row) {
      columns = Math.max(columns, cell.column + cell.span);
      if (cell.blocks.some((block: Block) => block.kind === "table")) return "grid";
    }
  }
  if (columns < 2 || table.rows.every((row) => row.length < 2)) return "grid";
  if (columns > MAX_FORM_COLUMNS && table.rows.some((row) => row.length > MAX_FORM_COLUMNS)) return "grid";

  const lines = table.rows.flatMap((row) => row.flatMap((cell) => cellLines(cell).map((line) => line.normalize("NFC"))));
  if (lines.some((line) => HEADER_SIGNALS.some((signal) => signal.test(line)))) return "header";
  if (lines.some((line) => CLOSING_SIGNALS.some((signal) => signal.test(line)))) return "closing";
  return "grid";
}

/**
 * Cells in reading order: row by row for a grid; column by column (top to bottom) for a form table,
 * except that a row whose one cell spans the whole width is a band break, read where it stands.
 */
export function cellsInReadingOrder(table: Table, kind: TableKind): Cell[] {
  const visibleRows = table.rows.map((row) => row.filter((cell) => !cell.continuesAbove));
  if (kind === "grid") return visibleRows.flat();
  const width = Math.max(...table.rows.map((row) => row.reduce((end, cell) => Math.max(end, cell.column + cell.span), 0)));
  const out: Cell[] = [];
  let band: Cell[][] = [];
  const flush = (): void => {
    const cells = band.flatMap((row, rowIndex) => row.map((cell) => ({ cell, rowIndex })));
    cells.sort((a, b) => a.cell.column - b.cell.column || a.rowIndex - b.rowIndex);
    for (const { cell } of cells) out.push(cell);
    band = [];
  };
  for (const row of visibleRows) {
    const only = row.length === 1 ? row[0] : undefined;
    if (only !== undefined && only.column === 0 && only.span >= width && width > 1) {
      flush();
      out.push(only);
    } else band.push(row);
  }
  flush();
  return out;
}
