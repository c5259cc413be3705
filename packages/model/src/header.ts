import { z } from "zod";
import { SpanSchema } from "./span.ts";

/**
 * The issuing body (cơ quan ban hành), as printed top-left: `UBND TỈNH LAI CHÂU` or, with its
 * parent body above it, `UBND TỈNH LÀO CAI` / `SỞ CÔNG THƯƠNG`.
 */
export const IssuerSchema = z.object({
  /** The issuing body itself, one line. */
  name: z.string(),
  /** The body it belongs to (cơ quan chủ quản), when printed above it. */
  parent: z.string().nullable(),
  span: SpanSchema,
});
export type Issuer = z.infer<typeof IssuerSchema>;

/**
 * Number and symbol (số, ký hiệu): `Số: 12/KH-UBND` yields `{sequence: 12, year: null, typeCode: "KH", issuerCode: "UBND"}`;
 * `Số: 06/2022/TT-BTTTT` has `year: 2022`; a draft `Số: /KH-UBND` has `sequence: null`.
 */
export const DocNumberSchema = z.object({
  raw: z.string(),
  sequence: z.number().int().nonnegative().nullable(),
  year: z.number().int().nullable(),
  typeCode: z.string().nullable(),
  issuerCode: z.string().nullable(),
  span: SpanSchema,
});
export type DocNumber = z.infer<typeof DocNumberSchema>;

/**
 * A calendar date as written; parts left blank in a draft are null:
 * `ngày  tháng 3 năm 2023` yields `{day: null, month: 3, year: 2023}`.
 */
export const DateSchema = z.object({
  day: z.number().int().min(1).max(31).nullable(),
  month: z.number().int().min(1).max(12).nullable(),
  year: z.number().int().nullable(),
  raw: z.string(),
  span: SpanSchema,
});
export type DateValue = z.infer<typeof DateSchema>;

/** Place of issue (địa danh), e.g. `Lạng Sơn` from `Lạng Sơn, ngày  tháng 3 năm 2023`. */
export const PlaceSchema = z.object({
  name: z.string(),
  span: SpanSchema,
});
export type Place = z.infer<typeof PlaceSchema>;
