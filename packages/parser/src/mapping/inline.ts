import type { CstNode, IToken } from "chevrotain";
import type { DateValue, DocumentReference, Money, Quantity, PerUnit } from "@kehoach/model";
import { endOf, extentOf, tokensOf } from "./cst-tokens.ts";
import type { DateCstNode, MoneyCstNode, NamedReferenceCstNode, QuantityCstNode, ReferenceCstNode, UnitCstNode } from "../grammar/cst.ts";
import type { BuildContext } from "./context.ts";
import { MONEY_SCALES } from "../vi/lexicon.ts";
import { FUNDING_WORDS, TRAILING_JOIN } from "../vi/layout.ts";

/** Entities found in one line, in document order. */
export interface LineEntities {
  references: { node: ReferenceCstNode | NamedReferenceCstNode; start: number; structuredEnd: number }[];
  dates: DateCstNode[];
  money: MoneyCstNode[];
  quantities: QuantityCstNode[];
  /** Amounts a funding word leads to in their clause (`Tổng kinh phí thực hiện: 9.753.000.000 đồng`). */
  funding: Set<MoneyCstNode>;
}

const FUNDING = FUNDING_WORDS.map((phrase) => phrase.split(" "));
const FUNDING_LONGEST = Math.max(...FUNDING.map((words) => words.length));

function endsWith(recent: readonly string[], words: readonly string[]): boolean {
  if (recent.length < words.length) return false;
  const from = recent.length - words.length;
  return words.every((word, i) => recent[from + i] === word);
}

/** A node whose children are a line's running text: `lineContent`, or an `otherLine` after the closing. */
export type InlineElements = {
  children: {
    reference?: ReferenceCstNode[];
    namedReference?: NamedReferenceCstNode[];
    date?: DateCstNode[];
    money?: MoneyCstNode[];
    quantity?: QuantityCstNode[];
    Inline?: IToken[];
  };
};

type Entity = ReferenceCstNode | NamedReferenceCstNode | DateCstNode | MoneyCstNode | QuantityCstNode;

/** The line's plain tokens and entities in reading order: the CST keeps each kind in its own list. */
function itemsOf(line: InlineElements): (IToken | Entity)[] {
  const c = line.children;
  const entities: Entity[] = [...(c.reference ?? []), ...(c.namedReference ?? []), ...(c.date ?? []), ...(c.money ?? []), ...(c.quantity ?? [])];
  const tokens = c.Inline ?? [];
  if (entities.length === 0) return tokens;
  const startOf = (item: IToken | Entity) => ("image" in item ? item.startOffset : (item.location?.startOffset ?? 0));
  return [...tokens, ...entities].sort((x, y) => startOf(x) - startOf(y));
}

export function entitiesOf(lineContent: InlineElements | undefined): LineEntities {
  const found: LineEntities = { references: [], dates: [], money: [], quantities: [], funding: new Set() };
  if (!lineContent) return found;
  const recent: string[] = [];
  let funded = false;
  for (const item of itemsOf(lineContent)) {
    if ("image" in item || item.name !== "money") {
      const plain = "image" in item ? item : tokensOf(item)[0];
      if (plain) {
        const name = plain.tokenType.name;
        // A clause ends at `;` or `.`: the funding words of one clause do not reach the next.
        if (name === "Semicolon" || name === "Period") funded = false;
        recent.push(plain.image.toLowerCase());
        if (recent.length > FUNDING_LONGEST) recent.shift();
        if (FUNDING.some((words) => endsWith(recent, words))) funded = true;
      }
    }
    if ("image" in item) continue;
    switch (item.name) {
      case "reference":
      case "namedReference": {
        // `… hướng dẫn thi hành Luật Thi đua, khen thưởng`: a law named, undated, inside another citation's subject.
        if (item.name === "namedReference" && found.references.length > 0 && !item.children.date) break;
        const extent = extentOf(item);
        if (extent) found.references.push({ node: item, start: extent.start, structuredEnd: extent.end });
        break;
      }
      case "date":
        found.dates.push(item);
        break;
      case "money":
        found.money.push(item);
        if (funded) found.funding.add(item);
        break;
      case "quantity":
        found.quantities.push(item);
        break;
    }
  }
  return found;
}

// --- dates ---------------------------------------------------------------------------------------

export function buildDate(ctx: BuildContext, node: DateCstNode): DateValue {
  const extent = extentOf(node) ?? { start: 0, end: 0 };
  const slash = node.children.SlashDate?.[0];
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  if (slash) {
    const [d, m, y] = slash.image.split("/").map(Number);
    day = d ?? null;
    month = m ?? null;
    year = y ?? null;
  } else {
    day = numberOf(node.children.Number?.[0]);
    const monthYear = node.children.monthYear?.[0];
    if (monthYear) {
      const numbers = (monthYear.children.Number ?? []);
      const namToken = monthYear.children.Nam?.[0];
      for (const n of numbers) {
        if (namToken && n.startOffset > namToken.startOffset) year = Number(n.image);
        else month = Number(n.image);
      }
    }
  }
  return {
    day: inRange(day, 1, 31),
    month: inRange(month, 1, 12),
    year,
    raw: ctx.slice(extent.start, extent.end),
    span: ctx.span(extent.start, extent.end),
  };
}

export function isoDate(date: DateValue): string | null {
  const { day, month, year } = date;
  if (day === null || month === null || year === null) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function numberOf(token: IToken | undefined): number | null {
  return token ? Number(token.image.replace(",", ".")) : null;
}

function inRange(value: number | null, min: number, max: number): number | null {
  return value !== null && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

// --- references ----------------------------------------------------------------------------------

/**
 * A cited document. Its subject runs from the end of the structured part (type, number, date, issuer)
 * to `subjectEnd`: the next citation in the same paragraph, or the end of the paragraph.
 */
export function buildReference(ctx: BuildContext, node: ReferenceCstNode | NamedReferenceCstNode, start: number, subjectEnd: number): DocumentReference {
  const structured = extentOf(node) ?? { start, end: start };
  const docTypeToken = node.children.DocType[0];
  // A numbered citation (`reference`) or a law cited by its name (`namedReference`, maybe with its number).
  const numbered = node.name === "reference" ? node.children : null;
  const numberToken = node.children.DocNumber?.[0] ?? node.children.Number?.[0];
  const dateNode = node.children.date?.[0];
  const date = dateNode ? buildDate(ctx, dateNode) : null;
  const issuerNode = numbered?.issuerPhrase?.[0];
  const issuerWords = issuerNode ? tokensOf(issuerNode).filter((t) => t.tokenType.name !== "Cua") : [];
  const firstIssuer = issuerWords[0];
  const lastIssuer = issuerWords[issuerWords.length - 1];
  // A law cited by name: the name is what it is about.
  const name = node.name === "namedReference" ? node.children.documentName[0] : undefined;
  const nameExtent = name ? extentOf(name) : null;
  let end = Math.max(structured.end, trimmedEnd(ctx.text, structured.end, subjectEnd));
  // `… trên địa bàn và Văn bản số …`: the `và` before the next citation belongs to neither.
  const join = TRAILING_JOIN.exec(ctx.slice(structured.end, end));
  if (join) end = Math.max(structured.end, end - join[0].length);
  const subjectText = nameExtent
    ? ctx.slice(nameExtent.start, nameExtent.end)
    : trimSeparators(ctx.slice(structured.end, end));
  return {
    raw: ctx.slice(start, end),
    docType: docTypeToken ? titleCase(docTypeToken.image) : null,
    number: numberToken ? numberToken.image : null,
    date: date ? isoDate(date) : null,
    issuer: firstIssuer && lastIssuer ? ctx.slice(firstIssuer.startOffset, endOf(lastIssuer)) : null,
    // `… của Ban Thường vụ Tỉnh ủy và Nghị quyết số …`: a lone `và` between two citations is no subject.
    subject: subjectText.length > 0 && subjectText !== "và" ? subjectText : null,
    span: ctx.span(start, end),
    dateSpan: date ? date.span : null,
  };
}

/** Separators and spaces off both ends (a loop: an unanchored `[…]+$` is quadratic on a dot leader). */
function trimSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SEPARATOR.test(text[start] as string)) start++;
  while (end > start && SEPARATOR.test(text[end - 1] as string)) end--;
  return text.slice(start, end);
}
const SEPARATOR = /[\s,;:.]/;

/** End of `[start, end)` with trailing separators and spaces left out. */
function trimmedEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && SEPARATOR.test(text[at - 1] as string)) at--;
  return at;
}

function titleCase(docType: string): string {
  if (docType !== docType.toUpperCase()) return docType;
  const lower = docType.toLowerCase();
  return (lower[0] as string).toUpperCase() + lower.slice(1);
}

// --- money ---------------------------------------------------------------------------------------

export function buildMoney(ctx: BuildContext, node: MoneyCstNode): Money {
  const figure = node.children.Amount?.[0] ?? node.children.Number?.[0];
  const scaleWord = node.children.Word?.[0];
  const dong = node.children.Dong?.[0];
  const start = figure?.startOffset ?? 0;
  const end = dong ? endOf(dong) : start;
  let amount = figure ? parseFigure(figure.image) : 0;
  if (scaleWord) amount *= MONEY_SCALES.get(scaleWord.image.toLowerCase()) ?? 1;
  const wordsNode = node.children.amountWords?.[0];
  let words: string | null = null;
  let wordsSpan = null;
  if (wordsNode) {
    const inner = tokensOf(wordsNode).filter((t) => t.tokenType.name !== "LParen" && t.tokenType.name !== "RParen");
    const first = inner[0];
    const last = inner[inner.length - 1];
    if (first && last) {
      words = ctx.slice(first.startOffset, endOf(last));
      wordsSpan = ctx.span(first.startOffset, endOf(last));
    }
  }
  return { amount: Math.round(amount), currency: "VND", raw: ctx.slice(start, end), words, span: ctx.span(start, end), wordsSpan };
}

/** `9.753.000.000` → 9753000000; `2,5` → 2.5 (Vietnamese decimal comma). */
export function parseFigure(image: string): number {
  return Number(image.replace(/\./g, "").replace(",", "."));
}

// --- quantities ----------------------------------------------------------------------------------

export function buildQuantity(ctx: BuildContext, node: QuantityCstNode): Quantity {
  const all = tokensOf(node);
  const extent = extentOf(node) ?? { start: 0, end: 0 };
  const units = (node.children.unit ?? []);
  const numbers = [...(node.children.Amount ?? []), ...(node.children.Number ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  const slashes = (node.children.Slash ?? []);
  const firstUnit = units[0];
  const firstUnitStart = firstUnit ? (extentOf(firstUnit)?.start ?? extent.end) : extent.end;
  const leading = numbers.filter((n) => n.startOffset < firstUnitStart);
  const value =
    leading.length >= 2
      ? { min: parseFigure((leading[0] as IToken).image), max: parseFigure((leading[1] as IToken).image) }
      : parseFigure(leading[0]?.image ?? "0");
  const per: PerUnit[] = slashes.map((slash, index) => {
    const unit = units[index + 1];
    const unitStart = unit ? (extentOf(unit)?.start ?? slash.startOffset) : slash.startOffset;
    const count = numbers.find((n) => n.startOffset > slash.startOffset && n.startOffset < unitStart);
    return { value: count ? parseFigure(count.image) : null, unit: unit ? unitText(ctx, unit) : "" };
  });
  void all;
  return {
    value,
    unit: firstUnit ? unitText(ctx, firstUnit) : "",
    per,
    raw: ctx.slice(extent.start, extent.end),
    span: ctx.span(extent.start, extent.end),
  };
}

function unitText(ctx: BuildContext, unit: UnitCstNode): string {
  const extent = extentOf(unit);
  return extent ? ctx.slice(extent.start, extent.end) : "";
}
