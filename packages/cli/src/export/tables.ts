import { citablePath, visitSections } from "@kehoach/parser";
import type { DateValue, Plan } from "@kehoach/model";
import type { Cell, Column, SheetName, Table } from "./table.ts";

/** One input's outcome, as the export sees it: a plan read from `file`, or why it could not be read. */
export type ExportResult = { file: string; plan: Plan } | { file: string; error: { code: string; message: string; messageEn: string } };

export type Language = "vi" | "en";

const text = (vi: string, en: string): Column => ({ vi, en, kind: "text" });
const long = (vi: string, en: string): Column => ({ vi, en, kind: "long-text" });
const number = (vi: string, en: string): Column => ({ vi, en, kind: "number" });
const money = (vi: string, en: string): Column => ({ vi, en, kind: "money" });
const date = (vi: string, en: string): Column => ({ vi, en, kind: "date" });
const FILE = text("Tệp", "File");

/** Each sheet's columns; rows below follow the same order. */
export const COLUMNS: Record<SheetName, readonly Column[]> = {
  plans: [
    FILE,
    text("Loại văn bản", "Kind"),
    number("Số", "Number"),
    text("Ký hiệu", "Symbol"),
    date("Ngày ban hành", "Date"),
    text("Địa danh", "Place"),
    text("Cơ quan ban hành", "Issuer"),
    long("Trích yếu", "Title"),
    money("Tổng kinh phí (đồng)", "Total budget (VND)"),
    text("Người ký", "Signer"),
    number("Số phát hiện", "Findings"),
  ],
  legal_bases: [FILE, text("Loại văn bản", "Type"), text("Số, ký hiệu", "Number"), date("Ngày", "Date"), text("Cơ quan ban hành", "Issuer"), long("Trích yếu", "Subject")],
  sections: [FILE, text("Mục", "Label path"), number("Cấp", "Level"), long("Tiêu đề", "Heading"), long("Cơ quan chủ trì, phối hợp", "Responsible bodies")],
  assignments: [FILE, text("Mục", "Section"), text("Cơ quan", "Agency"), text("Vai trò", "Role")],
  quantities: [FILE, number("Giá trị", "Value"), number("Đến", "Up to"), text("Đơn vị", "Unit"), text("Trên", "Per"), text("Nguyên văn", "As written")],
  budget: [FILE, money("Số tiền (đồng)", "Amount (VND)"), text("Tổng kinh phí", "Total"), text("Nguyên văn", "As written"), long("Bằng chữ", "In words")],
  findings: [FILE, text("Mức độ", "Severity"), text("Mã", "Code"), long("Nội dung", "Message"), number("Trang", "Page"), number("Dòng", "Line"), number("Cột", "Column")],
  errors: [FILE, text("Mã lỗi", "Code"), long("Lý do", "Reason")],
};

/** Results → the eight tables of the workbook, rows in input order. Pure: the same results give the same tables. */
export function exportTables(results: readonly ExportResult[], language: Language): Table[] {
  const rows: Record<SheetName, Cell[][]> = { plans: [], legal_bases: [], sections: [], assignments: [], quantities: [], budget: [], findings: [], errors: [] };
  for (const result of results) {
    if ("error" in result) {
      rows.errors.push([result.file, result.error.code, language === "en" ? result.error.messageEn : result.error.message]);
      continue;
    }
    const { file, plan } = result;
    rows.plans.push([
      file,
      plan.kind,
      plan.number?.sequence ?? null,
      symbolOf(plan.number?.raw),
      dateCell(plan.date),
      plan.place?.name ?? null,
      plan.issuer ? [plan.issuer.parent, plan.issuer.name].filter(Boolean).join(" – ") : null,
      plan.title,
      plan.budget.total?.amount ?? null,
      plan.signature?.signer ?? null,
      plan.findings.length,
    ]);
    for (const basis of plan.legalBases) rows.legal_bases.push([file, basis.docType, basis.number, isoDate(basis.date), basis.issuer, basis.subject]);
    for (const { section, path, ancestors } of visitSections(plan)) {
      const level = ancestors.length + 1;
      const bodies = unique(plan.assignments.filter((a) => a.section === citablePath(path) && (a.role === "chủ trì" || a.role === "phối hợp" || a.role === "thực hiện")).map((a) => a.agency));
      rows.sections.push([file, path, level, section.heading, bodies.length > 0 ? bodies.join("; ") : null]);
    }
    for (const a of plan.assignments) rows.assignments.push([file, a.section, a.agency, a.role]);
    for (const q of plan.quantities) {
      const [value, max] = typeof q.value === "number" ? [q.value, null] : [q.value.min, q.value.max];
      const per = q.per.map((p) => (p.value === null ? p.unit : `${p.value} ${p.unit}`)).join("/");
      rows.quantities.push([file, value, max, q.unit, per || null, q.raw]);
    }
    const total = plan.budget.total;
    for (const amount of plan.budget.amounts) {
      const isTotal = total !== null && amount.span.start.offset === total.span.start.offset;
      rows.budget.push([file, amount.amount, yesNo(isTotal, language), amount.raw, amount.words]);
    }
    for (const f of plan.findings) {
      const place = f.at ?? (f.span ? { line: f.span.start.line, column: f.span.start.column } : null);
      const page = place && "page" in place ? (place.page ?? null) : null;
      rows.findings.push([file, f.severity, f.code, language === "en" && f.messageEn ? f.messageEn : f.message, page, place?.line ?? null, place?.column ?? null]);
    }
  }
  return (Object.keys(COLUMNS) as SheetName[]).map((name) => ({ name, columns: COLUMNS[name], rows: rows[name] }));
}

/** `12/KH-UBND` → `KH-UBND`, `06/2022/TT-BTTTT` → `TT-BTTTT`: the ký hiệu after the number (and year). */
function symbolOf(raw: string | undefined): string | null {
  if (!raw) return null;
  const symbol = raw.slice(raw.lastIndexOf("/") + 1).trim();
  return symbol.length > 0 ? symbol : null;
}

/** A whole date as a date cell; a draft's date with blanks as it is written. */
function dateCell(value: DateValue | null): Cell {
  if (!value) return null;
  if (value.day !== null && value.month !== null && value.year !== null) return new Date(Date.UTC(value.year, value.month - 1, value.day));
  return value.raw;
}

function isoDate(iso: string | null): Cell {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

function yesNo(value: boolean, language: Language): string {
  return value ? (language === "en" ? "yes" : "có") : language === "en" ? "no" : "không";
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
