import { z } from "zod";
import { SpanSchema } from "./span.ts";

/**
 * A cited document: `Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022 của Thủ tướng Chính phủ phê duyệt …`
 * yields `{docType: "Quyết định", number: "90/QĐ-TTg", date: "2022-01-18", issuer: "Thủ tướng Chính phủ", subject: "phê duyệt …"}`.
 */
export const DocumentReferenceSchema = z.object({
  /** The citation as written (whitespace collapsed, without the leading `Căn cứ`/`Thực hiện` and the closing `;`). */
  raw: z.string(),
  /** Type word as written, title-cased: `Quyết định`, `Thông tư`, `Công văn`, `Kế hoạch`… */
  docType: z.string().nullable(),
  /** Number and symbol as written: `06/2022/TT-BTTTT`, `252/BTTTT-KHTC`. */
  number: z.string().nullable(),
  /** ISO `YYYY-MM-DD`, from `ngày 18 tháng 01 năm 2022` or `18/01/2022`. */
  date: z.string().nullable(),
  /** The issuing body after `của`: `Thủ tướng Chính phủ`, `Bộ Tài chính`. */
  issuer: z.string().nullable(),
  /** What the document is about (trích yếu), when the citation gives it. */
  subject: z.string().nullable(),
  span: SpanSchema,
  /** Where the date was written, for checks that compare dates. */
  dateSpan: SpanSchema.nullable(),
});
export type DocumentReference = z.infer<typeof DocumentReferenceSchema>;

/** A legal basis (căn cứ): a document the plan is issued under, from the preamble. */
export const LegalBasisSchema = DocumentReferenceSchema;
export type LegalBasis = DocumentReference;

/** Any document cited anywhere in the plan, with the part of the plan that cites it. */
export const CitationSchema = DocumentReferenceSchema.extend({
  context: z.enum(["legal-basis", "body", "supersedes", "footnote"]),
});
export type Citation = z.infer<typeof CitationSchema>;
