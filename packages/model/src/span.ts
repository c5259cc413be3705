import { z } from "zod";

/** A point in `source.text`: `offset` counts UTF-16 code units from 0; `line` and `column` count from 1 (unist style). */
export const PointSchema = z.object({
  offset: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});
export type Point = z.infer<typeof PointSchema>;

/** A box on a page in PDF user-space units: x0,y0 bottom-left; x1,y1 top-right. */
export const BoxSchema = z.object({
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});
export type Box = z.infer<typeof BoxSchema>;

/**
 * Where a node came from: `[start, end)` in `source.text` (end exclusive), plus the page (1-based)
 * and the box on that page when the input had a layout (PDF, scan).
 *
 * Text `Số: 12/KH-UBND` at the start of a file yields `{start:{offset:0,line:1,column:1}, end:{offset:14,line:1,column:15}}`.
 */
export const SpanSchema = z.object({
  start: PointSchema,
  end: PointSchema,
  page: z.number().int().positive().optional(),
  bbox: BoxSchema.optional(),
  /** Mean OCR confidence (0–100) of the words inside, for scanned input. */
  confidence: z.number().min(0).max(100).optional(),
});
export type Span = z.infer<typeof SpanSchema>;
