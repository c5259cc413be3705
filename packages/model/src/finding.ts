import { z } from "zod";
import { SpanSchema } from "./span.ts";

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
 * Something the parser or a check reports about the document: a repaired character, a part that
 * could not be found, a number that disagrees with its words. `code` is a stable identifier
 * (kebab-case, e.g. `encoding-repaired`, `missing-signature`); `message` is for people.
 */
export const FindingSchema = z.object({
  code: z.string().min(1),
  severity: SeveritySchema,
  message: z.string(),
  /** English form of the message, when the message is Vietnamese. */
  messageEn: z.string().optional(),
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
