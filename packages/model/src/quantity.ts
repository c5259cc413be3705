import { z } from "zod";
import { SpanSchema } from "./span.ts";

/** A range as written `05-10` or `05 - 10`. */
export const RangeSchema = z.object({ min: z.number(), max: z.number() });
export type Range = z.infer<typeof RangeSchema>;

/** One `/…` part of a rate: `03 thứ tiếng` in `02 mục/03 thứ tiếng/quý`, or `quý` (value null). */
export const PerUnitSchema = z.object({
  value: z.number().nullable(),
  unit: z.string(),
});
export type PerUnit = z.infer<typeof PerUnitSchema>;

/**
 * A counted quantity: `106 cán bộ`, `03 ngày/lớp`, `02 mục/03 thứ tiếng/quý`,
 * `05-10 phút/chương trình` (value `{min: 5, max: 10}`).
 */
export const QuantitySchema = z.object({
  value: z.union([z.number(), RangeSchema]),
  unit: z.string(),
  per: z.array(PerUnitSchema),
  raw: z.string(),
  span: SpanSchema,
});
export type Quantity = z.infer<typeof QuantitySchema>;
