import type { IToken } from "chevrotain";
import type { DateValue } from "@kehoach/model";
import { extentOf, tokensOf } from "./cst-tokens.ts";
import type {
  DateCstNode,
  LineContentCstChildren,
  MoneyCstNode,
  NamedReferenceCstNode,
  QuantityCstNode,
  ReferenceCstNode,
  TableTotalCstNode,
  UnitCaptionCstNode,
} from "../grammar/cst.ts";
import { FUNDING_WORDS } from "../vi/layout.ts";

/** Entities found in one line, in document order. */
export interface LineEntities {
  references: { node: ReferenceCstNode | NamedReferenceCstNode; start: number; structuredEnd: number }[];
  dates: DateCstNode[];
  money: MoneyCstNode[];
  quantities: QuantityCstNode[];
  /** Amounts a funding word leads to in their clause (`Tổng kinh phí thực hiện: 9.753.000.000 đồng`). */
  funding: Set<MoneyCstNode>;
  /** A table's unit caption (`Đơn vị tính: triệu đồng`) and total row (`Tổng cộng: 80`). */
  units: UnitCaptionCstNode[];
  totals: TableTotalCstNode[];
}

const FUNDING = FUNDING_WORDS.map((phrase) => phrase.split(" "));
const FUNDING_LONGEST = Math.max(...FUNDING.map((words) => words.length));

function endsWith(recent: readonly string[], words: readonly string[]): boolean {
  if (recent.length < words.length) return false;
  const from = recent.length - words.length;
  return words.every((word, i) => recent[from + i] === word);
}

/** A node whose children are a line's running text: `lineContent`, or an `otherLine` after the closing. */
export type InlineElements = { children: LineContentCstChildren };

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
  const found: LineEntities = { references: [], dates: [], money: [], quantities: [], funding: new Set(), units: [], totals: [] };
  if (!lineContent) return found;
  const c = lineContent.children;
  found.units = c.unitCaption ?? [];
  found.totals = c.tableTotal ?? [];
  // Most lines name nothing: no entity, nothing to find.
  if (!c.reference && !c.namedReference && !c.date && !c.money && !c.quantity) return found;
  // The funding words only matter to a line with an amount: the others skip tracking them.
  const tracksFunding = (c.money?.length ?? 0) > 0;
  const recent: string[] = [];
  let funded = false;
  for (const item of itemsOf(lineContent)) {
    if (tracksFunding && ("image" in item || item.name !== "money")) {
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

// --- helpers of the inline builder (inline-builder.ts) -------------------------------------------

export function isoDate(date: DateValue): string | null {
  const { day, month, year } = date;
  if (day === null || month === null || year === null) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function numberOf(token: IToken | undefined): number | null {
  return token ? Number(token.image.replace(",", ".")) : null;
}

export function inRange(value: number | null, min: number, max: number): number | null {
  return value !== null && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** Separators and spaces off both ends (a loop: an unanchored `[…]+$` is quadratic on a dot leader). */
export function trimSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SEPARATOR.test(text[start] as string)) start++;
  while (end > start && SEPARATOR.test(text[end - 1] as string)) end--;
  return text.slice(start, end);
}
const SEPARATOR = /[\s,;:.]/;

/** End of `[start, end)` with trailing separators and spaces left out. */
export function trimmedEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && SEPARATOR.test(text[at - 1] as string)) at--;
  return at;
}

/** `9.753.000.000` → 9753000000; `2,5` → 2.5 (Vietnamese decimal comma). */
export function parseFigure(image: string): number {
  return Number(image.replace(/\./g, "").replace(",", "."));
}

