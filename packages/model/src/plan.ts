import { z } from "zod";
import { SpanSchema } from "./span.ts";
import { FindingSchema } from "./finding.ts";
import { DateSchema, DocNumberSchema, IssuerSchema, PlaceSchema } from "./header.ts";
import { CitationSchema, DocumentReferenceSchema, LegalBasisSchema } from "./reference.ts";
import { ParagraphSchema, SectionSchema } from "./section.ts";
import { BudgetSchema } from "./money.ts";
import { QuantitySchema } from "./quantity.ts";
import { DigitalSignatureSchema, FootnoteSchema, RecipientSchema, SignatureSchema } from "./closing.ts";
import { AssignmentSchema } from "./assignment.ts";
import { DocumentKindSchema } from "./document-kinds.ts";

/** The input formats kehoach reads. */
export const SourceFormatSchema = z.enum(["text", "markdown", "docx", "doc", "pdf", "scan", "image"]);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

/** The text the grammar read: NFC, one paragraph per line, footnotes at the end. Every span indexes it. */
export const SourceSchema = z.object({
  format: SourceFormatSchema,
  text: z.string(),
  /** Pages of the input, when it had pages. */
  pages: z.number().int().nonnegative().optional(),
});
export type Source = z.infer<typeof SourceSchema>;


/** A text block with its place, for the parts that are one run of prose (title, issuance clause, closing). */
export const TextBlockSchema = z.object({ text: z.string(), span: SpanSchema });
export type TextBlock = z.infer<typeof TextBlockSchema>;

/**
 * Who proposed the document (`Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV;`,
 * `Xét đề nghị của …`), printed at the end of the preamble. It is not a legal basis: a document it
 * names is in `citations` with context `body`.
 */
export const ProposalSchema = z.object({
  text: z.string(),
  /** The proposer after `của`: `Giám đốc Sở Nội vụ`; the first of `proposers`, null when it names none. */
  by: z.string().nullable(),
  /**
   * Every proposer, in order: `Xét đề nghị của 03 đơn vị gồm: Công ty A tại Văn bản …; Công ty B tại …`
   * gives [Công ty A, Công ty B]. `by` stays the first one, so JSON read for one proposer still works.
   */
  proposers: z.array(z.string()),
  span: SpanSchema,
});
export type Proposal = z.infer<typeof ProposalSchema>;

/** The parts of one document, the issuing one or one attached to it. */
const documentShape = {
  kind: DocumentKindSchema,
  /** The national motto lines (Quốc hiệu và Tiêu ngữ), when printed. */
  motto: TextBlockSchema.nullable(),
  issuer: IssuerSchema.nullable(),
  number: DocNumberSchema.nullable(),
  place: PlaceSchema.nullable(),
  date: DateSchema.nullable(),
  /** The type heading as printed, e.g. `KẾ HOẠCH`. */
  docType: TextBlockSchema.nullable(),
  /** The summary (trích yếu) under the type heading, joined into one line. */
  title: z.string().nullable(),
  titleSpan: SpanSchema.nullable(),
  /** One entry per document cited as a basis in the preamble (`Căn cứ …;`, `Thực hiện …`). */
  legalBases: z.array(LegalBasisSchema),
  /** `Theo đề nghị của …` / `Xét đề nghị của …`: who proposed the document; null when it names none. */
  proposal: ProposalSchema.nullable(),
  /** The sentence that issues the plan: `UBND tỉnh ban hành Kế hoạch … như sau:` (a decision's `QUYẾT ĐỊNH:`). */
  issuance: TextBlockSchema.nullable(),
  /** Unlabelled body paragraphs before the first section (or all of them, in a plan without labels). */
  paragraphs: z.array(ParagraphSchema),
  sections: z.array(SectionSchema),
  /** The closing paragraph(s) after the last section (`… tổ chức thực hiện./.`). */
  closing: TextBlockSchema.nullable(),
  /** The plan this one replaces (`Kế hoạch này thay thế Kế hoạch số …`). */
  supersedes: DocumentReferenceSchema.nullable(),
  budget: BudgetSchema,
  quantities: z.array(QuantitySchema),
  /** Every document cited anywhere in the plan, legal bases included. */
  citations: z.array(CitationSchema),
  /** Who is given which task: `Sở X chủ trì, phối hợp với Y` gives two assignments. */
  assignments: z.array(AssignmentSchema),
  recipients: z.array(RecipientSchema),
  signature: SignatureSchema.nullable(),
  digitalSignatures: z.array(DigitalSignatureSchema),
  footnotes: z.array(FootnoteSchema),
  /** Paragraphs after the signature block (appendix, `Kèm theo Kế hoạch số …` tables). */
  appendix: z.array(ParagraphSchema),
};

/**
 * A document attached to the one that issues it — the plan a decision approves (`QUYẾT ĐỊNH … Phê duyệt
 * Kế hoạch …`, then `KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)`) — read like a Plan, with its own
 * header fields where it prints them. Its spans index the enclosing Plan's `source.text`; its findings
 * are the enclosing Plan's.
 */
export const AttachedDocumentSchema = z.object(documentShape);
export type AttachedDocument = z.infer<typeof AttachedDocumentSchema>;

/**
 * A Vietnamese administrative plan (văn bản KẾ HOẠCH), read into data. Parts the document lacks are
 * null (or empty lists), and a finding says so.
 */
export const PlanSchema = z.object({
  source: SourceSchema,
  ...documentShape,
  /** Documents attached after this one's closing (a decision's approved plan), in order. */
  attachments: z.array(AttachedDocumentSchema),
  findings: z.array(FindingSchema),
});
export type Plan = z.infer<typeof PlanSchema>;
