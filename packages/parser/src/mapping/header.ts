import type { IToken } from "chevrotain";
import type { DateValue, DocNumber, Issuer, Place, TextBlock } from "@kehoach/model";
import type { BuildContext } from "./context.ts";
import { endOf } from "./cst-tokens.ts";
import { symbolParts } from "../vi/document-types.ts";
import { BODY_WITHOUT_PLACE, PLACE_ONLY_LINE } from "../vi/layout.ts";

export interface Header {
  /** `V/v …` of an official letter, which stands where a plan has its title. */
  subject: TextBlock | null;
  motto: TextBlock | null;
  issuer: Issuer | null;
  number: DocNumber | null;
  place: Place | null;
  date: DateValue | null;
}

/** What one header line says; the builder's `headerLine` returns one, `foldHeader` puts them together. */
export type HeaderPart =
  | { kind: "motto"; token: IToken }
  | { kind: "number"; number: DocNumber | null }
  | { kind: "subject"; subject: TextBlock }
  | { kind: "placeDate"; place: Place | null; date: DateValue | null }
  | { kind: "issuer"; text: string; start: number; end: number }
  /** A line no header form reads (`(Dự thảo)`): neither the issuer nor any other field. */
  | { kind: "stray" };

/** The header from its lines, in order: a later line of a kind overrides an earlier one, as the lines read. */
export function foldHeader(ctx: BuildContext, parts: readonly HeaderPart[]): Header {
  const header: Header = { subject: null, motto: null, issuer: null, number: null, place: null, date: null };
  const mottoTokens: IToken[] = [];
  const issuerLines: { text: string; start: number; end: number }[] = [];
  for (const part of parts) {
    if (part.kind === "motto") mottoTokens.push(part.token);
    else if (part.kind === "number") header.number = part.number;
    else if (part.kind === "subject") header.subject = part.subject;
    else if (part.kind === "placeDate") {
      if (part.place) header.place = part.place;
      if (part.date) header.date = part.date;
    } else if (part.kind === "issuer") issuerLines.push(part);
  }
  const firstMotto = mottoTokens[0];
  const lastMotto = mottoTokens[mottoTokens.length - 1];
  if (firstMotto && lastMotto) {
    header.motto = {
      text: mottoTokens.map((t) => t.image.trim()).join("\n"),
      span: ctx.span(firstMotto.startOffset, endOf(lastMotto)),
    };
  }
  const first = issuerLines[0];
  const last = issuerLines[issuerLines.length - 1];
  if (first && last) {
    const joinFirst = issuerLines.length === 1 || BODY_WITHOUT_PLACE.test(first.text) || (issuerLines.length === 2 && PLACE_ONLY_LINE.test(last.text));
    const parent = joinFirst ? null : first.text;
    const nameLines = joinFirst ? issuerLines : issuerLines.slice(1);
    header.issuer = {
      name: nameLines.map((l) => l.text).join(" "),
      parent,
      span: ctx.span(first.start, last.end),
    };
  }
  return header;
}

/**
 * `12/KH-UBND`, `06/2022/TT-BTTTT`, `/KH-UBND` (draft), `173 /KH-UBND`, `11-CT/TU`: read by symbolParts;
 * `12` alone is a number without its symbol (sequence 12, no codes).
 */
export function readDocNumber(ctx: BuildContext, start: number, end: number): DocNumber | null {
  const raw = ctx.slice(start, end);
  if (raw.length === 0) return null;
  const parts = symbolParts(raw) ?? (/^\d+$/.test(raw) ? { sequence: Number(raw), year: null, typeCode: null, issuerCode: null } : null);
  const at = ctx.text.indexOf(raw[0] as string, start);
  const spanStart = at >= start && at < end ? at : start;
  return {
    raw,
    sequence: parts?.sequence ?? null,
    year: parts?.year ?? null,
    typeCode: parts?.typeCode ?? null,
    issuerCode: parts?.issuerCode ?? null,
    span: ctx.span(spanStart, end),
  };
}
