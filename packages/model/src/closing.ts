import { z } from "zod";
import { SpanSchema } from "./span.ts";

/** One item of `Nơi nhận:` (recipients), its wrapped lines joined: `Bộ Thông tin và Truyền thông (để B/c);`. */
export const RecipientSchema = z.object({
  text: z.string(),
  span: SpanSchema,
});
export type Recipient = z.infer<typeof RecipientSchema>;

/**
 * The signature block (thẩm quyền ký):
 * `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` / `Giàng A Tính` yields
 * `{authority: "TM. ỦY BAN NHÂN DÂN", delegation: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", signer: "Giàng A Tính"}`.
 * `KT.CHỦ TỊCH` is normalised to `KT. CHỦ TỊCH`.
 */
export const SignatureSchema = z.object({
  /** `TM. …` (thay mặt) line: on behalf of a collective body. */
  authority: z.string().nullable(),
  /** `KT.`, `TL.`, `TUQ.` or `Q.` line: signing for, by order of, or acting as. */
  delegation: z.string().nullable(),
  /** The signer's own position, e.g. `PHÓ CHỦ TỊCH`. */
  position: z.string().nullable(),
  /** The signer's name. */
  signer: z.string().nullable(),
  span: SpanSchema,
});
export type Signature = z.infer<typeof SignatureSchema>;

/**
 * A digital-signature stamp: a timestamp line such as `2023-05-05T21:45:59+0700` with the name printed
 * beside it, or the stamp block a signing tool prints (`Người ký: …`, `Thời gian ký: 18.11.2024 07:25:14 +07:00`).
 */
export const DigitalSignatureSchema = z.object({
  /** ISO 8601 with offset, e.g. `2023-05-05T21:45:59+07:00`; null when the stamp shows no time. */
  timestamp: z.string().nullable(),
  signer: z.string().nullable(),
  raw: z.string(),
  span: SpanSchema,
});
export type DigitalSignature = z.infer<typeof DigitalSignatureSchema>;

/** A footnote, separated from the body: its label, its text, and where the body refers to it. */
export const FootnoteSchema = z.object({
  label: z.string(),
  text: z.string(),
  span: SpanSchema,
  /** The places in the body that carry the footnote marker (zero or more). */
  refs: z.array(SpanSchema),
});
export type Footnote = z.infer<typeof FootnoteSchema>;
