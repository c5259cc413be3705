export { exportTables, COLUMNS, type ExportResult, type Language } from "./tables.ts";
export { toWorkbook, xlsxBytes, csvBytes } from "./workbook.ts";
export { SHEET_NAMES, isSheetName, type SheetName, type Table, type Cell, type Column } from "./table.ts";
