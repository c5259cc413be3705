/** A sheet as data, before any spreadsheet library sees it: named, typed columns and rows of typed cells. */
export type Cell = string | number | Date | null;

export type ColumnKind = "text" | "long-text" | "number" | "money" | "date";

export interface Column {
  /** Header in Vietnamese and in English (`--lang`). */
  vi: string;
  en: string;
  kind: ColumnKind;
}

export interface Table {
  name: SheetName;
  columns: readonly Column[];
  rows: Cell[][];
}

/** The sheet names other tools read: a public contract, in this order. */
export const SHEET_NAMES = ["plans", "legal_bases", "sections", "assignments", "quantities", "budget", "findings", "errors"] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

export function isSheetName(name: string): name is SheetName {
  return (SHEET_NAMES as readonly string[]).includes(name);
}
