/**
 * An issuing document whose own number or day could not be read (a handwritten or stamped number
 * on a scan, read with low confidence; a blank) takes them from where its attached document prints
 * them: the line `(Ban hành kèm theo Quyết định số 707/QĐ-TTg ngày 22 tháng 4 năm 2026 của …)`.
 * Only a reading that is itself sure is taken (no `ocr-uncertain-number` on it), only when it is a
 * citation of the same type and symbol, and always with an info finding that says where it came
 * from; the header's own findings stay. When the attached line is unreadable too, a finding says so.
 */
import type { AttachedDocument, Citation, DateValue, DocNumber, Span } from "@kehoach/model";
import { KIND_BY_HEADING } from "../vi/layout.ts";
import { followsAttachedMark } from "../vi/layout.ts";
import { symbolParts } from "../vi/document-types.ts";
import type { BuildContext } from "./context.ts";

const UNCERTAIN = "ocr-uncertain-number";

export function takeNumberFromAttachments(ctx: BuildContext, document: AttachedDocument, attachments: readonly AttachedDocument[]): void {
  const numberUnread = isUnread(ctx, document.number?.span ?? null) || document.number?.sequence === null || document.number === null;
  const dateUnread = isUnread(ctx, document.date?.span ?? null) || document.date === null || document.date.day === null;
  if (!numberUnread && !dateUnread) return;
  const cited = attachments.flatMap((a) => a.citations).find((c) => isOwnCitation(ctx, document, c, numberUnread));
  if (cited === undefined) return;
  const page = cited.span.page !== undefined ? ` (trang ${cited.span.page})` : "";
  const pageEn = cited.span.page !== undefined ? ` (page ${cited.span.page})` : "";
  if (numberUnread && cited.number !== null) {
    const span = numberSpan(ctx, cited);
    if (span !== null && !isUnread(ctx, span) && symbolParts(cited.number)?.sequence != null) {
      document.number = docNumber(cited.number, span);
      ctx.report({
        code: "number-from-attachment",
        severity: "info",
        message: `Số văn bản ${cited.number} lấy từ dòng “kèm theo” của văn bản kèm theo${page}, vì số ở phần đầu không đọc được.`,
        messageEn: `The number ${cited.number} was taken from the attached document's “issued with” line${pageEn}: the header's own number could not be read.`,
        span,
      });
    } else {
      ctx.report({
        code: "number-unread",
        severity: "info",
        message: `Số văn bản không đọc được ở phần đầu, cũng không đọc được ở dòng “kèm theo” của văn bản kèm theo${page}; cần đối chiếu bản gốc.`,
        messageEn: `The number could not be read in the header, nor in the attached document's “issued with” line${pageEn}; check the original.`,
        span: span ?? cited.span,
      });
    }
  }
  if (dateUnread) {
    const date = citedDate(ctx, cited, document.date);
    if (date !== null) {
      document.date = date;
      ctx.report({
        code: "date-from-attachment",
        severity: "info",
        message: `Ngày ban hành (${date.raw}) lấy từ dòng “kèm theo” của văn bản kèm theo${page}, vì ngày ở phần đầu không đọc được.`,
        messageEn: `The date (${date.raw}) was taken from the attached document's “issued with” line${pageEn}: the header's own date could not be read.`,
        span: date.span,
      });
    } else {
      ctx.report({
        code: "date-unread",
        severity: "info",
        message: `Ngày ban hành không đọc được ở phần đầu, cũng không đọc được ở dòng “kèm theo” của văn bản kèm theo${page}; cần đối chiếu bản gốc.`,
        messageEn: `The date could not be read in the header, nor in the attached document's “issued with” line${pageEn}; check the original.`,
        span: cited.dateSpan ?? cited.span,
      });
    }
  }
}

/** An `ocr-uncertain-number` finding lies over the span. */
function isUnread(ctx: BuildContext, span: Span | null): boolean {
  if (span === null) return false;
  return ctx.findings.some((f) => f.code === UNCERTAIN && f.span !== null && f.span.start.offset < span.end.offset && f.span.end.offset > span.start.offset);
}

/** `(Ban hành kèm theo Quyết định số …)` naming a document of the issuing one's type, with the same symbol when that was read. */
function isOwnCitation(ctx: BuildContext, document: AttachedDocument, c: Citation, numberUnread: boolean): boolean {
  if (c.docType === null || KIND_BY_HEADING.get(c.docType.toUpperCase()) !== document.kind) return false;
  if (!followsAttachedMark(ctx.text.slice(Math.max(0, c.span.start.offset - 40), c.span.start.offset))) return false;
  const own = document.number?.raw ?? "";
  // A number the header did read must be the one cited; else the symbols must agree.
  if (!numberUnread && c.number !== null && c.number.replace(/\s+/g, "") !== own.replace(/\s+/g, "")) return false;
  if (symbolOf(own) === "" || c.number === null || symbolOf(c.number) === symbolOf(own)) return true;
  // An unread number's symbol may be misread too (`#ox/Qb-TTg`): the issuer's code after the dash must agree.
  return numberUnread && issuerOf(c.number) !== "" && issuerOf(c.number) === issuerOf(own);
}

/** What follows the sequence number: `/QĐ-TTg` of `707/QĐ-TTg`, `‡ox /QĐ-TTg`. */
function symbolOf(number: string): string {
  const at = number.indexOf("/");
  return at < 0 ? "" : number.slice(at).replace(/\s+/g, "");
}

/** The issuer's code, after the symbol's last dash: `TTg` of `707/QĐ-TTg`. */
function issuerOf(number: string): string {
  const symbol = symbolOf(number);
  const dash = symbol.lastIndexOf("-");
  return dash < 0 ? "" : symbol.slice(dash + 1);
}

function numberSpan(ctx: BuildContext, c: Citation): Span | null {
  if (c.number === null) return null;
  const at = ctx.text.indexOf(c.number, c.span.start.offset);
  return at < 0 || at >= c.span.end.offset ? null : ctx.span(at, at + c.number.length);
}

function docNumber(raw: string, span: Span): DocNumber {
  const parts = symbolParts(raw);
  return { raw, sequence: parts?.sequence ?? null, year: parts?.year ?? null, typeCode: parts?.typeCode ?? null, issuerCode: parts?.issuerCode ?? null, span };
}

/** The cited date when it is whole, sure, and agrees with what the header could read of its own. */
function citedDate(ctx: BuildContext, c: Citation, header: DateValue | null): DateValue | null {
  const m = c.date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(c.date);
  if (m === null || c.dateSpan === null || isUnread(ctx, c.dateSpan)) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if ((header?.month != null && header.month !== month) || (header?.year != null && header.year !== year)) return null;
  const raw = ctx.slice(c.dateSpan.start.offset, c.dateSpan.end.offset);
  return { day, month, year, raw, span: c.dateSpan };
}
