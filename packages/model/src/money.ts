import { z } from "zod";
import { SpanSchema } from "./span.ts";

/**
 * An amount of money: `9.753.000.000 đồng (Chín tỷ, bảy trăm năm mươi ba triệu đồng)` yields
 * `{amount: 9753000000, currency: "VND", raw: "9.753.000.000 đồng", words: "Chín tỷ, bảy trăm năm mươi ba triệu đồng"}`.
 */
export const MoneySchema = z.object({
  amount: z.number().nonnegative(),
  currency: z.literal("VND"),
  /** The digits and the currency word as written. */
  raw: z.string(),
  /** The amount in words as written in the parentheses after it, or null. */
  words: z.string().nullable(),
  span: SpanSchema,
  /** Where the words are, when present. */
  wordsSpan: SpanSchema.nullable(),
});
export type Money = z.infer<typeof MoneySchema>;

/** What the plan says about funding: the stated total and every other amount it names. */
export const BudgetSchema = z.object({
  /** The total (`Tổng kinh phí …`), or the only amount when the plan names one. */
  total: MoneySchema.nullable(),
  /** Every amount of money in the body, the total included, in document order. */
  amounts: z.array(MoneySchema),
});
export type Budget = z.infer<typeof BudgetSchema>;
