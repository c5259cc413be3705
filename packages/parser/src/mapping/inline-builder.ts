import type { IToken } from "chevrotain";
import type { Citation, DateValue, DocumentReference, Money, PerUnit, Quantity } from "@kehoach/model";
import { endOf, extentOf, extentOfChildren, tokensIn, tokensOf } from "./cst-tokens.ts";
import type {
  DateCstChildren,
  DateCstNode,
  LineContentCstNode,
  MoneyCstChildren,
  NamedReferenceCstChildren,
  QuantityCstChildren,
  ReferenceCstChildren,
  UnitCaptionCstChildren,
  UnitCstNode,
} from "../grammar/cst.ts";
import { planParser } from "../grammar/plan-parser.ts";
import type { BuildContext } from "./context.ts";
import { entitiesOf, inRange, isoDate, numberOf, parseFigure, trimmedEnd, trimSeparators, type InlineElements, type LineEntities } from "./inline.ts";
import { Amount, NumberToken } from "../lexer/tokens.ts";
import { AMOUNT_WORDS_LEAD, MONEY_SCALES } from "../vi/lexicon.ts";
import { SHORT_FORM_OPENING, startsOwnBasis, TRAILING_JOIN, typeNameOf } from "../vi/layout.ts";

/** Rules this visitor does not map (lines, inline elements) are walked through by Chevrotain's defaults. */
const BaseVisitor = planParser.getBaseCstVisitorConstructorWithDefaults();

/** Where a cited document's subject ends: the next citation in the paragraph, or the paragraph's end. */
export interface ReferenceSpan {
  start: number;
  subjectEnd: number;
}

/** What the lines of one document cite and count, gathered as its lines are visited. */
export interface DocumentScope {
  citations: Citation[];
  money: Money[];
  /** Amounts a funding word leads to: the first is the document's own total. */
  funding: Money[];
  quantities: Quantity[];
  /** What a figure of the current table is worth in đồng (`Đơn vị tính: triệu đồng` → 1e6); null: no money table. */
  tableUnit: number | null;
  /** The last line was a total row with no figure (`Tổng cộng`): its figure is the next line. */
  totalPending: boolean;
}

export function emptyScope(): DocumentScope {
  return { citations: [], money: [], funding: [], quantities: [], tableUnit: null, totalPending: false };
}

/**
 * The inline rules of the grammar mapped to the model's values: dates, amounts, quantities and cited
 * documents. The block-level builder (`PlanBuilder`) extends it.
 */
export class InlineBuilder extends BaseVisitor {
  protected readonly ctx: BuildContext;

  constructor(ctx: BuildContext) {
    super();
    this.ctx = ctx;
    this.validateVisitor();
  }

  /** Collects the entities of one line into its document's scope; returns its references and dates for the caller's own use. */
  protected harvest(
    scope: DocumentScope,
    lineContent: InlineElements | undefined,
    context: Citation["context"],
    lineEnd: number,
  ): { references: DocumentReference[]; dates: DateCstNode[] } {
    const found = entitiesOf(lineContent);
    // Legal bases: a document cited inside the previous one's subject is a citation, not a basis; the
    // basis it belongs to reads on over it, to the next basis of its own.
    const own = found.references.map((ref, index) => {
      const previous = found.references[index - 1];
      return context !== "legal-basis" || !previous || startsOwnBasis(this.ctx.slice(previous.start, ref.start));
    });
    const references = found.references.map((ref, index): DocumentReference => {
      let next = index + 1;
      if (own[index]) while (next < own.length && !own[next]) next++;
      const following = found.references[next];
      const at: ReferenceSpan = { start: ref.start, subjectEnd: following ? following.start : lineEnd };
      return this.visit(ref.node, at);
    });
    for (const reference of references) scope.citations.push({ ...reference, context });
    for (const node of found.money) {
      const built: Money = this.visit(node);
      scope.money.push(built);
      if (found.funding.has(node)) scope.funding.push(built);
    }
    for (const node of found.quantities) scope.quantities.push(this.visit(node));
    this.harvestTable(scope, lineContent, found);
    return { references: references.filter((_, index) => own[index]), dates: found.dates };
  }

  /**
   * A table's total under its unit caption: `Đơn vị tính: triệu đồng` … `Tổng cộng: 80` is 80 000 000 đồng.
   * When the cells come one per line (Word and Markdown tables), `Tổng cộng` is a line of its own and the
   * figure the line after it, alone.
   */
  private harvestTable(scope: DocumentScope, lineContent: InlineElements | undefined, found: LineEntities): void {
    if (scope.totalPending) {
      scope.totalPending = false;
      const c = lineContent?.children;
      const lone = c && Object.keys(c).length === 1 && c.Inline?.length === 1 ? c.Inline[0] : undefined;
      if (lone && scope.tableUnit !== null && (lone.tokenType === Amount || lone.tokenType === NumberToken)) {
        scope.money.push(this.tableMoney(lone, scope.tableUnit));
      }
    }
    for (const caption of found.units) scope.tableUnit = this.visit(caption);
    for (const total of found.totals) {
      if (scope.tableUnit === null) continue;
      const figure = total.children.Amount?.[0] ?? total.children.Number?.[0];
      if (figure) scope.money.push(this.tableMoney(figure, scope.tableUnit));
      else scope.totalPending = true;
    }
  }

  /** A figure of a money table: its `raw` is the figure alone, the currency being in the caption. */
  private tableMoney(figure: IToken, unit: number): Money {
    const start = figure.startOffset;
    const end = endOf(figure);
    return { amount: Math.round(parseFigure(figure.image) * unit), currency: "VND", raw: this.ctx.slice(start, end), words: null, span: this.ctx.span(start, end), wordsSpan: null };
  }

  /** What one figure under the caption is worth in đồng; null when the table is not of money. */
  unitCaption(children: UnitCaptionCstChildren): number | null {
    if (!children.Dong) return null;
    const figure = children.Amount?.[0] ?? children.Number?.[0];
    const scale = children.Word?.[0];
    return (figure ? parseFigure(figure.image) : 1) * (scale ? (MONEY_SCALES.get(scale.image.toLowerCase()) ?? 1) : 1);
  }

  /** Documents cited in the footnotes' lines (`[^1]: Theo Quyết định số …`), in the footnote context. */
  footnoteCitations(lines: readonly LineContentCstNode[]): Citation[] {
    const scope = emptyScope();
    for (const line of lines) this.harvest(scope, line, "footnote", extentOf(line)?.end ?? 0);
    return scope.citations;
  }

  date(children: DateCstChildren): DateValue {
    const extent = extentOfChildren(children) ?? { start: 0, end: 0 };
    const slash = children.SlashDate?.[0];
    let day: number | null = null;
    let month: number | null = null;
    let year: number | null = null;
    if (slash) {
      const [d, m, y] = slash.image.split("/").map(Number);
      day = d ?? null;
      month = m ?? null;
      year = y ?? null;
    } else {
      day = numberOf(children.Number?.[0]);
      const monthYear = children.monthYear?.[0];
      if (monthYear) {
        const numbers = monthYear.children.Number ?? [];
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
      raw: this.ctx.slice(extent.start, extent.end),
      span: this.ctx.span(extent.start, extent.end),
    };
  }

  /** A numbered citation: `Quyết định số 90/QĐ-TTg ngày … của Thủ tướng Chính phủ về …`. */
  reference(children: ReferenceCstChildren, at: ReferenceSpan): DocumentReference {
    const numberToken = children.DocNumber?.[0] ?? children.Number?.[0];
    const issuerNode = children.issuerPhrase?.[0];
    const issuerWords = issuerNode ? tokensOf(issuerNode).filter((t) => t.tokenType.name !== "Cua") : [];
    const firstIssuer = issuerWords[0];
    const lastIssuer = issuerWords[issuerWords.length - 1];
    const issuer = firstIssuer && lastIssuer ? this.ctx.slice(firstIssuer.startOffset, endOf(lastIssuer)) : null;
    return this.citation(children, at, numberToken ? numberToken.image : null, issuer, null);
  }

  /**
   * A law cited by its name (`Luật Đất đai ngày 18 tháng 01 năm 2024`), maybe with its number after the
   * name (`… số 77/2015/QH13 ngày …`): the name is what it is about.
   */
  namedReference(children: NamedReferenceCstChildren, at: ReferenceSpan): DocumentReference {
    const name = children.documentName[0];
    const numberToken = children.DocNumber?.[0] ?? children.Number?.[0];
    return this.citation(children, at, numberToken ? numberToken.image : null, null, name ? extentOf(name) : null);
  }

  /**
   * A cited document. Its subject runs from the end of the structured part (type, number, date, issuer)
   * to `subjectEnd`: the next citation in the same paragraph, or the end of the paragraph.
   */
  private citation(
    children: ReferenceCstChildren | NamedReferenceCstChildren,
    { start, subjectEnd }: ReferenceSpan,
    number: string | null,
    issuer: string | null,
    nameExtent: { start: number; end: number } | null,
  ): DocumentReference {
    const ctx = this.ctx;
    const structured = extentOfChildren(children) ?? { start, end: start };
    const docTypeToken = children.DocType[0];
    const dateNode = children.date?.[0];
    const date: DateValue | null = dateNode ? this.visit(dateNode) : null;
    // A law cited by its name ends with it (and its number and date): `Luật Báo chí và các quy định …`.
    let end = nameExtent ? structured.end : Math.max(structured.end, trimmedEnd(ctx.text, structured.end, subjectEnd));
    // `… trên địa bàn và Văn bản số …`: the `và` before the next citation belongs to neither.
    const join = TRAILING_JOIN.exec(ctx.slice(structured.end, end));
    if (join) end = Math.max(structured.end, end - join[0].length);
    // `… phát triển (sau đây viết tắt là Quyết định số 1191/QĐ-TTg) và …`: the subject ends before the
    // parenthesis, and the short form inside it is cited with no subject (the `)` after it closes a parenthesis).
    const shortForm = SHORT_FORM_OPENING.exec(ctx.text.slice(structured.end, end));
    if (shortForm) end = trimmedEnd(ctx.text, structured.end, structured.end + shortForm.index);
    if (/^\s*\)/u.test(ctx.text.slice(structured.end, end))) end = structured.end;
    const subjectText = nameExtent ? ctx.slice(nameExtent.start, nameExtent.end) : trimSeparators(ctx.slice(structured.end, end));
    return {
      raw: ctx.slice(start, end),
      docType: docTypeToken ? typeNameOf(docTypeToken.image) : null,
      number,
      date: date ? isoDate(date) : null,
      issuer,
      // `… của Ban Thường vụ Tỉnh ủy và Nghị quyết số …`: a lone `và` between two citations is no subject.
      subject: subjectText.length > 0 && subjectText !== "và" ? subjectText : null,
      span: ctx.span(start, end),
      dateSpan: date ? date.span : null,
    };
  }

  money(children: MoneyCstChildren): Money {
    const ctx = this.ctx;
    const figure = children.Amount?.[0] ?? children.Number?.[0];
    const scaleWord = children.Word?.[0];
    const dong = children.Dong?.[0];
    const start = figure?.startOffset ?? 0;
    const end = dong ? endOf(dong) : start;
    let amount = figure ? parseFigure(figure.image) : 0;
    if (scaleWord) amount *= MONEY_SCALES.get(scaleWord.image.toLowerCase()) ?? 1;
    const wordsNode = children.amountWords?.[0];
    let words: string | null = null;
    let wordsSpan = null;
    if (wordsNode) {
      let inner = tokensIn(wordsNode.children).filter((t) => t.tokenType.name !== "LParen" && t.tokenType.name !== "RParen");
      // `Bằng chữ:` leads the words; it is not part of them.
      if (AMOUNT_WORDS_LEAD.every((word, i) => inner[i]?.image.toLowerCase() === word)) {
        inner = inner.slice(AMOUNT_WORDS_LEAD.length);
        if (inner[0]?.image === ":") inner = inner.slice(1);
      }
      const first = inner[0];
      const last = inner[inner.length - 1];
      if (first && last) {
        words = ctx.slice(first.startOffset, endOf(last));
        wordsSpan = ctx.span(first.startOffset, endOf(last));
      }
    }
    return { amount: Math.round(amount), currency: "VND", raw: ctx.slice(start, end), words, span: ctx.span(start, end), wordsSpan };
  }

  quantity(children: QuantityCstChildren): Quantity {
    const extent = extentOfChildren(children) ?? { start: 0, end: 0 };
    const units = children.unit ?? [];
    const numbers = [...(children.Amount ?? []), ...(children.Number ?? [])].sort((a, b) => a.startOffset - b.startOffset);
    const slashes = children.Slash ?? [];
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
      return { value: count ? parseFigure(count.image) : null, unit: unit ? this.unitText(unit) : "" };
    });
    return {
      value,
      unit: firstUnit ? this.unitText(firstUnit) : "",
      per,
      raw: this.ctx.slice(extent.start, extent.end),
      span: this.ctx.span(extent.start, extent.end),
    };
  }

  private unitText(unit: UnitCstNode): string {
    const extent = extentOf(unit);
    return extent ? this.ctx.slice(extent.start, extent.end) : "";
  }
}
