/**
 * Helpers for the unit tests of the parser's stages (lexer, grammar, normaliser, builder, rules):
 * tokens by type name, the CST as the lines each rule read, spans as the text they cover.
 */
import { createTokenInstance, type CstElement, type CstNode, type IToken } from "chevrotain";
import type { Finding, Plan, Span } from "@kehoach/model";
import { check, parseText } from "../../src/index.ts";
import { tokenize } from "../../src/lexer/lexer.ts";
import { Newline } from "../../src/lexer/tokens.ts";
import { planParser } from "../../src/grammar/plan-parser.ts";

/** `TypeName:image` for every token of `text` (spaces skipped, footnote markers in their own group). */
export function lex(text: string): string[] {
  return tokenize(text).tokens.map((token) => `${token.tokenType.name}:${token.image}`);
}

/** The token type names of `text`. */
export function lexTypes(text: string): string[] {
  return tokenize(text).tokens.map((token) => token.tokenType.name);
}

/**
 * Runs the grammar on `text` as `parseText` does after normalising: the tokens of the text and a
 * synthetic final Newline past its end.
 */
export function parseCst(text: string): { cst: CstNode; errors: unknown[]; tokens: IToken[] } {
  const lexed = tokenize(text);
  const end = createTokenInstance(Newline, "\n", text.length, text.length, NaN, NaN, NaN, NaN);
  planParser.input = [...lexed.tokens, end];
  const cst = planParser.plan();
  return { cst, errors: [...planParser.errors], tokens: lexed.tokens };
}

/** The rules that read one line (or a block's own first line): what `cstLines` reports. */
export const LINE_RULES: ReadonlySet<string> = new Set([
  "headerLine",
  "numberLine",
  "placeDateLine",
  "subjectLine",
  "issuerLine",
  "strayHeaderLine",
  "titleBlock",
  "titleLine",
  "authorityLine",
  "addressees",
  "basisLine",
  "proposalLine",
  "issuanceLine",
  "bodyLine",
  "closingLine",
  "recipients",
  "recipientItem",
  "recipientWrap",
  "signatureLine",
  "signerLine",
  "stampLine",
  "markLine",
  "signatureNote",
  "otherLine",
]);

function isNode(element: CstElement): element is CstNode {
  return (element as CstNode).children !== undefined;
}

/**
 * `ruleName: lineText` for each line of `text`, named by the innermost line rule that read its tokens
 * (`numberLine: Số: 12/KH-UBND`, `bodyLine: 1. Mục đích`, `recipientItem: - Sở Tài chính;`).
 * A line whose tokens were read by two rules gives one pair per rule, in order.
 */
export function cstLines(text: string): string[] {
  const { cst } = parseCst(text);
  const owned: { token: IToken; rule: CstNode }[] = [];
  const walk = (node: CstNode, owner: CstNode | null) => {
    const here = LINE_RULES.has(node.name) ? node : owner;
    for (const elements of Object.values(node.children)) {
      for (const element of elements ?? []) {
        if (isNode(element)) walk(element, here);
        else if (here && element.tokenType !== Newline && !Number.isNaN(element.startOffset)) owned.push({ token: element, rule: here });
      }
    }
  };
  walk(cst, null);
  owned.sort((a, b) => a.token.startOffset - b.token.startOffset);
  const pairs: string[] = [];
  let current: { rule: CstNode; start: number; end: number; line: number } | null = null;
  const flush = () => {
    if (current) pairs.push(`${current.rule.name}: ${text.slice(current.start, current.end + 1)}`);
  };
  for (const { token, rule } of owned) {
    const line = lineOf(text, token.startOffset);
    if (current && current.rule === rule && current.line === line) {
      current.end = token.endOffset ?? token.startOffset;
      continue;
    }
    flush();
    current = { rule, start: token.startOffset, end: token.endOffset ?? token.startOffset, line };
  }
  flush();
  return pairs;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** The rule names of the CST, depth first (to check that a rule was entered at all). */
export function ruleNames(node: CstNode): string[] {
  const names = [node.name];
  for (const elements of Object.values(node.children)) {
    for (const element of elements ?? []) if (isNode(element)) names.push(...ruleNames(element));
  }
  return names;
}

/** The text a span covers in the plan's normalised source. */
export function spanText(plan: Plan, span: Span | null | undefined): string | null {
  if (!span) return null;
  return plan.source.text.slice(span.start.offset, span.end.offset);
}

/** The plan of `text` without the consistency rules. */
export function parsePlain(text: string): Plan {
  return parseText(text, { checks: false });
}

/** The findings of one rule on `text`, with the plan they point into. */
export function ruleFindings(text: string, code: string): { plan: Plan; findings: Finding[] } {
  const plan = parsePlain(text);
  return { plan, findings: check(plan, { only: [code] }) };
}

/** A small well-formed plan; each test swaps in the part it is about. */
export function planText(parts: { header?: string; bases?: string; body?: string; closing?: string } = {}): string {
  return [
    parts.header ?? "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2024",
    parts.bases ?? "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình;",
    "UBND tỉnh ban hành Kế hoạch với các nội dung sau:",
    parts.body ?? "I. MỤC ĐÍCH\n1. Mục đích\n2. Yêu cầu\nII. KINH PHÍ\nTổng kinh phí: 9.753.000.000 đồng (Chín tỷ, bảy trăm năm mươi ba triệu đồng).",
    "Các cơ quan tổ chức thực hiện./.",
    parts.closing ?? "Nơi nhận:\n- Sở Tài chính;\n- Lưu: VT, KT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nGiàng A Tính",
  ].join("\n");
}

/** Every CST node named `name`, depth first. */
export function nodesNamed(node: CstNode, name: string): CstNode[] {
  const found = node.name === name ? [node] : [];
  for (const elements of Object.values(node.children)) {
    for (const element of elements ?? []) if (isNode(element)) found.push(...nodesNamed(element, name));
  }
  return found;
}

/** The text a CST node was read from (its tokens' first to last offset). */
export function nodeText(text: string, node: CstNode): string {
  const { startOffset, endOffset } = node.location ?? {};
  if (startOffset === undefined || endOffset === undefined || Number.isNaN(startOffset)) return "";
  return text.slice(startOffset, endOffset + 1);
}
