import ExcelJS from "exceljs";
import type { Cell, ColumnKind, SheetName, Table } from "./table.ts";
import type { Language } from "./tables.ts";

const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = { money: "#,##0", date: "dd/mm/yyyy", number: "0" };
/** Widths in characters: a reader sees a whole date, an amount, the start of a title. */
const MAX_WIDTH: Record<ColumnKind, number> = { text: 40, "long-text": 80, number: 12, money: 18, date: 12 };

/**
 * Tables → an exceljs workbook: one sheet per table, headers in `language`, the header row frozen
 * and filterable, numbers and dates as typed cells with their formats, widths fitted to the content.
 */
export function toWorkbook(tables: readonly Table[], language: Language): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kehoach";
  // Fixed, so the same inputs give the same workbook.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((column, index) => ({
      header: column[language],
      key: String(index),
      width: width(column[language], column.kind, table.rows.map((row) => row[index] ?? null)),
      ...(NUMBER_FORMATS[column.kind] ? { style: { numFmt: NUMBER_FORMATS[column.kind] as string } } : {}),
    }));
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return workbook;
}

export async function xlsxBytes(tables: readonly Table[], language: Language): Promise<Uint8Array> {
  return new Uint8Array(await toWorkbook(tables, language).xlsx.writeBuffer());
}

/** One table as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read Vietnamese right; dates ISO). */
export async function csvBytes(tables: readonly Table[], language: Language, sheet: SheetName): Promise<Uint8Array> {
  const workbook = toWorkbook(tables.filter((t) => t.name === sheet), language);
  const body = await workbook.csv.writeBuffer({ sheetName: sheet, dateFormat: "YYYY-MM-DD", dateUTC: true, formatterOptions: { writeBOM: true } });
  return new Uint8Array(body);
}

function width(header: string, kind: ColumnKind, cells: Cell[]): number {
  let longest = Math.max(...header.split(" ").map((w) => w.length), 8);
  for (const cell of cells) longest = Math.max(longest, shown(cell).length);
  return Math.min(longest + 2, MAX_WIDTH[kind]);
}

function shown(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return "00/00/0000";
  if (typeof cell === "number") return cell.toLocaleString("en-US");
  return cell;
}
