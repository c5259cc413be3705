import type { AssignmentRole, Paragraph } from "@kehoach/model";
import { TASK_TABLE_COLUMNS, TASK_TABLE_NOTE_HEADERS, TASK_TABLE_NUMBER_HEADERS } from "../vi/agencies.ts";

/**
 * Task tables as they reach the text, one cell per line (a Word table's grid, a Markdown table): a header
 * row `TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian`, perhaps a row of column numbers
 * `(1) … (5)`, then rows each opened by its number alone on a line. A row is what lies between two row
 * numbers; a cell of who does what is taken where its column stands. Layout analysis of the table, not the
 * meaning of a cell: the assignments reader reads the agencies in the cells this returns, and drops a row
 * whose first such cell names none (a task's name of two paragraphs beside an empty cell shifts the rest).
 */
export interface TaskRow {
  /** The row's number as printed. */
  number: string;
  /** Its cells of who does what, in column order. */
  cells: { cell: Paragraph; role: AssignmentRole }[];
}

/** More header cells than this is no task table's header. */
const MAX_COLUMNS = 10;
/** A header cell is a short caption. */
const MAX_HEADER_LENGTH = 80;
const COLUMN_NUMBER = /^\(\d{1,2}\)$/;
const ROW_NUMBER = /^(\d{1,3})\.?$/;
const GROUP_ROW = /^[IVX]{1,5}\.?$/;

export function taskTableRows(paragraphs: readonly Paragraph[]): TaskRow[] {
  const rows: TaskRow[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    if (!TASK_TABLE_NUMBER_HEADERS.includes((paragraphs[i] as Paragraph).text.trim())) continue;
    const table = readTable(paragraphs, i);
    if (!table) continue;
    rows.push(...table.rows);
    i = table.end - 1;
  }
  return rows;
}

function readTable(paragraphs: readonly Paragraph[], from: number): { rows: TaskRow[]; end: number } | null {
  // The header: captions up to the first row number (or the row of column numbers).
  const header: string[] = [];
  let at = from;
  while (at < paragraphs.length && header.length <= MAX_COLUMNS) {
    const text = (paragraphs[at] as Paragraph).text.trim();
    if (at > from && (ROW_NUMBER.test(text) || COLUMN_NUMBER.test(text) || GROUP_ROW.test(text))) break;
    if (text.length > MAX_HEADER_LENGTH) return null;
    header.push(text.toLowerCase());
    at++;
  }
  const roles = header.map((caption) => TASK_TABLE_COLUMNS.find((column) => caption.includes(column.words))?.role ?? null);
  if (header.length > MAX_COLUMNS || !roles.some((role) => role !== null)) return null;
  while (at < paragraphs.length && COLUMN_NUMBER.test((paragraphs[at] as Paragraph).text.trim())) at++;
  let trailingNotes = 0;
  while (trailingNotes < header.length && TASK_TABLE_NOTE_HEADERS.includes(header[header.length - 1 - trailingNotes] as string)) trailingNotes++;

  const rows: TaskRow[] = [];
  let expected = 1;
  while (at < paragraphs.length) {
    const text = (paragraphs[at] as Paragraph).text.trim();
    // A group row (`I` / `Nhiệm vụ chung`) spans the table: its title is no cell of a task.
    if (GROUP_ROW.test(text)) {
      at += 2;
      continue;
    }
    const number = ROW_NUMBER.exec(text);
    if (!number || Number(number[1]) !== expected) break;
    let next = at + 1;
    while (next < paragraphs.length && !isRowStart((paragraphs[next] as Paragraph).text.trim(), expected + 1)) next++;
    const row = paragraphs.slice(at + 1, next);
    // A cell of several paragraphs makes more lines than columns, and an empty cell leaves none: which line
    // is which column is known only when the row is whole, or short of no more than its trailing notes.
    const missing = header.length - 1 - row.length;
    if (missing >= 0 && missing <= trailingNotes) {
      const cells: TaskRow["cells"] = [];
      roles.forEach((role, column) => {
        const cell = row[column - 1];
        if (role !== null && column >= 1 && cell) cells.push({ cell, role });
      });
      rows.push({ number: number[1] as string, cells });
    }
    expected++;
    at = next;
  }
  return { rows, end: at };
}

function isRowStart(text: string, next: number): boolean {
  const number = ROW_NUMBER.exec(text);
  return (number !== null && Number(number[1]) === next) || GROUP_ROW.test(text);
}
