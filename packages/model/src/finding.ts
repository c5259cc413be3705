import { z } from "zod";
import { SpanSchema } from "./span.ts";
import { FindingCodeSchema } from "./finding-codes.ts";

/**
 * A place in the user's own file, for pointing a reader there: in a text or Markdown file its line and
 * column; in a DOCX the paragraph as `line` (non-empty paragraphs counted in reading order, table cells and notes included);
 * in a PDF or scan the `page` and the line on that page.
 */
export const InputPointSchema = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  page: z.number().int().positive().optional(),
});
export type InputPoint = z.infer<typeof InputPointSchema>;

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * What any stage says about the document — an adapter (a font decoded, a page sent to OCR), the
 * normaliser (a character repaired), the grammar (a structure recovered) or a consistency rule — before
 * it is placed: a stable `code` from `FINDING_CODES`, a severity, and the message in Vietnamese and English.
 */
export const DiagnosticSchema = z.object({
  code: FindingCodeSchema,
  severity: SeveritySchema,
  /** For people, in the language asked for (Vietnamese by default). */
  message: z.string(),
  /** The same in English. */
  messageEn: z.string(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/**
 * A diagnostic placed in the Plan: a repaired character, a part that could not be found, a number that
 * disagrees with its words. `code` is one of `FINDING_CODES` (kebab-case, e.g. `encoding-repaired`,
 * `missing-signature`).
 */
export const FindingSchema = DiagnosticSchema.extend({
  /** Where it was found; null when the finding is about something absent from the whole document. */
  span: SpanSchema.nullable(),
  /** Where `span` starts in the input file itself (set by `parse`/`parseText`; `span` indexes the normalised text). */
  at: InputPointSchema.optional(),
  /** Other places involved (the earlier citation of the same document, the section repeated). */
  related: z.array(SpanSchema).optional(),
  /** `parse`: reported while reading the document; `check`: reported by a consistency rule. */
  source: z.enum(["parse", "check"]),
});
export type Finding = z.infer<typeof FindingSchema>;
