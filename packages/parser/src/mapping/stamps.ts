import type { DigitalSignature } from "@kehoach/model";
import type { BuildContext } from "./context.ts";
import { STAMP_SIGNER } from "../vi/layout.ts";

/** `18.11.2024 07:25:14 +07:00`, `2023-05-05T21:45:59+0700`, `18/11/2024 07:25`. */
const TIME =
  /(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[./-](\d{1,2})[./-](\d{4}))[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|[+-]\d{2}:?\d{2}))?/;

/**
 * A stamp block an adapter marked (the e-signature text pdf.js finds around the header or the
 * signature): its time and who or what signed, as far as the text says.
 */
export function readStamp(ctx: BuildContext, start: number, end: number): DigitalSignature {
  const raw = ctx.text.slice(start, end);
  const time = TIME.exec(raw.replace(/\n/g, " "));
  const named = STAMP_SIGNER.exec(raw);
  const firstLine = raw.split("\n").find((line) => /\p{Lu}{2,}/u.test(line) && !TIME.test(line));
  return {
    timestamp: time ? isoTimestamp(time) : null,
    signer: named ? (named[1] as string).trim() : firstLine ? firstLine.replace(/(?<!\S)\S+@\S+/g, "").trim() || null : null,
    raw: raw.replace(/(?<![^\S\n])[^\S\n]*\n\s*/g, " ").trim(),
    span: ctx.span(start, end),
  };
}

function isoTimestamp(m: RegExpExecArray): string {
  const year = m[1] ?? m[6];
  const month = (m[2] ?? m[5] ?? "").padStart(2, "0");
  const day = (m[3] ?? m[4] ?? "").padStart(2, "0");
  const time = `${(m[7] as string).padStart(2, "0")}:${m[8]}:${m[9] ?? "00"}`;
  const zone = m[10] === undefined ? "" : m[10] === "Z" ? "Z" : m[10].replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
  return `${year}-${month}-${day}T${time}${zone}`;
}
