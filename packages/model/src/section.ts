import { z } from "zod";
import { SpanSchema } from "./span.ts";

/** A paragraph of running text inside a section (or the closing), whitespace collapsed. */
export const ParagraphSchema = z.object({
  text: z.string(),
  span: SpanSchema,
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

/**
 * How a label is written: `part` `Phần I`, `capital` `A.` … `Đ.` (the main parts of a plan above its
 * roman numerals), `article` `Điều 1.`, `roman` `II.`, `arabic` `3.`, `decimal` `2.1.` / `5.4.1.`,
 * `letter` `a)` … `đ)`, `dash` `-` items, `plus` `+` items.
 */
export const LabelStyleSchema = z.enum(["part", "capital", "article", "roman", "arabic", "decimal", "letter", "dash", "plus"]);
export type LabelStyle = z.infer<typeof LabelStyleSchema>;

/**
 * A numbered part of the body and everything under it until the next label of the same or a
 * higher rank. The tree follows the labels, not Markdown heading levels or indentation.
 *
 * `II. NỘI DUNG THỰC HIỆN` yields `{label: "II", style: "roman", heading: "NỘI DUNG THỰC HIỆN", …}`;
 * `- Thời lượng 10 phút/số.` yields `{label: "-", style: "dash", heading: "Thời lượng 10 phút/số.", …}`.
 */
export const SectionSchema = z.object({
  /** The label without its trailing dot or parenthesis: `II`, `5.4`, `a`, `-`. */
  label: z.string(),
  style: LabelStyleSchema,
  /** The text of the labelled paragraph after the label (for an item, the item itself). */
  heading: z.string(),
  /** Unlabelled paragraphs that follow the labelled one, before the first child. */
  paragraphs: z.array(ParagraphSchema),
  // The return type is spelled out so the emitted .d.ts keeps the recursion (inferred, it is ZodObject<any>).
  get children(): z.ZodArray<typeof SectionSchema> {
    return z.array(SectionSchema);
  },
  /** From the label to the end of the last descendant. */
  span: SpanSchema,
  labelSpan: SpanSchema,
  headingSpan: SpanSchema,
});
export type Section = {
  label: string;
  style: LabelStyle;
  heading: string;
  paragraphs: Paragraph[];
  children: Section[];
  span: z.infer<typeof SpanSchema>;
  labelSpan: z.infer<typeof SpanSchema>;
  headingSpan: z.infer<typeof SpanSchema>;
};
