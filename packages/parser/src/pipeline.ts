import { createTokenInstance, type IRecognitionException, type IToken } from "chevrotain";
import type { DocumentRestCstChildren, LineContentCstNode, PlanCstNode } from "./grammar/cst.ts";
import type { Plan } from "@kehoach/model";
import type { ExtractedText } from "./input/extracted.ts";
import type { NormalizedText } from "./normalize/index.ts";
import { tokenize } from "./lexer/lexer.ts";
import { footnoteDefinitions } from "./normalize/footnotes.ts";
import { Newline } from "./lexer/tokens.ts";
import { planParser } from "./grammar/plan-parser.ts";
import { BuildContext } from "./mapping/context.ts";
import { buildPlan } from "./mapping/build-plan.ts";
import { analyze, applyAnalysis, WordIndex, type Analysis, type WordReader } from "./analysis/index.ts";

/**
 * The text path after normalisation, one function per stage: lex → grammar → mapping → analysis.
 * `parse.ts` chains them; the bench times each on the previous one's output. Checks come after, in
 * `parse.ts`, because they take the caller's options.
 */

/** What the lexer made of the normalised body (the text before the footnote lines). */
export interface Lexed {
  body: string;
  /** The words of the body, from its tokens: what the analysis reads once the tokens are dropped. */
  words: WordReader;
  /** What the grammar reads: e-signature stamps left out, and a final newline so every line ends in one. */
  grammarTokens: IToken[];
  footnoteRefs: IToken[];
  /** The tokens of each footnote's text (after its `[^N]: `), offsets in the whole normalised text. */
  footnotes: IToken[][];
}

export function lex(normalized: NormalizedText): Lexed {
  const body = normalized.text.slice(0, normalized.bodyEnd);
  const words = new WordIndex();
  const range = lexRange(body, 0, body.length, normalized.stamps, words);
  return { body, words: words.reader(), grammarTokens: range.grammarTokens, footnoteRefs: range.footnoteRefs, footnotes: lexFootnotes(normalized) };
}

/** What the grammar reads of `[start, end)` of the body (a line start to a line start, or to the body's end). */
export interface LexedRange {
  /** E-signature stamps left out, and a final newline at the body's end so every line ends in one. */
  grammarTokens: IToken[];
  footnoteRefs: IToken[];
}

/** Lexes `[start, end)` of the body (offsets in the whole text), its words added to `words`. */
export function lexRange(body: string, start: number, end: number, stamps: NormalizedText["stamps"], words: WordIndex): LexedRange {
  const lexed = tokenize(body.slice(start, end), start);
  words.add(lexed.tokens);
  const inStamp = (offset: number) => stamps.some((stamp) => offset >= stamp.start && offset <= stamp.end);
  // Without stamps the grammar reads the lexer's own array (a copy is 8 bytes a token), the final newline
  // pushed after the words were taken from it.
  const kept = stamps.length > 0 ? lexed.tokens.filter((token) => !inStamp(token.startOffset)) : lexed.tokens;
  if (end === body.length) kept.push(createTokenInstance(Newline, "\n", body.length, body.length, NaN, NaN, NaN, NaN));
  return { grammarTokens: kept, footnoteRefs: (lexed.groups["footnoteRefs"] ?? []) as IToken[] };
}

/** The tokens of each footnote's text (after its `[^N]: `), offsets in the whole normalised text. */
export function lexFootnotes(normalized: NormalizedText): IToken[][] {
  return footnoteDefinitions(normalized.text, normalized.bodyEnd).map(({ start, end }) => tokenize(normalized.text.slice(start, end), start).tokens);
}

export interface Parsed {
  /** The tree, typed by the CST types generated from the grammar (`grammar/cst.ts`). */
  cst: PlanCstNode;
  /** Where the grammar recovered from input it did not expect: the mapping reports each. */
  errors: IRecognitionException[];
  /** Each footnote's text read as one line's content (`lineContent`): the citations in it. */
  footnotes: LineContentCstNode[];
}

export function runGrammar(lexed: Lexed): Parsed {
  planParser.input = lexed.grammarTokens;
  // The one place the generated types meet Chevrotain's untyped tree: `plan` is the PlanCstNode rule.
  const cst = planParser.plan() as PlanCstNode;
  const errors = [...planParser.errors];
  const footnotes = parseFootnotes(lexed.footnotes);
  return { cst, errors, footnotes };
}

/** Each footnote's text read as one line's content. Reads none of the state the plan's rules leave in the parser. */
export function parseFootnotes(footnotes: readonly IToken[][]): LineContentCstNode[] {
  const lines = footnotes.map((tokens) => {
    const end = tokens.length > 0 ? (tokens[tokens.length - 1]?.endOffset ?? 0) + 1 : 0;
    planParser.input = [...tokens, createTokenInstance(Newline, "\n", end, end, NaN, NaN, NaN, NaN)];
    return planParser.lineContent() as LineContentCstNode;
  });
  // The parser is a singleton: left holding the token vector, it would keep every token alive until the next parse.
  planParser.input = [];
  return lines;
}

export interface Mapped {
  plan: Plan;
  /** The build's spans and findings, which the analysis goes on with. */
  ctx: BuildContext;
}

/**
 * `bodyRest`: the later chunks of a long body (`chunked.ts`), read as the builder reaches them; `parsed`
 * then holds the first chunk, and `lexed.footnoteRefs` fills up as the chunks are lexed.
 */
export function mapToPlan(
  normalized: NormalizedText,
  extracted: ExtractedText,
  lexed: Pick<Lexed, "footnoteRefs">,
  parsed: Parsed,
  bodyRest?: Iterable<DocumentRestCstChildren>,
): Mapped {
  const ctx = new BuildContext(normalized.text, normalized.origin, extracted.regions);
  const source = { format: normalized.format, text: normalized.text, ...(extracted.pages !== undefined ? { pages: extracted.pages } : {}) };
  const plan = buildPlan({
    ctx,
    cst: parsed.cst,
    source,
    footnoteRefs: lexed.footnoteRefs,
    footnoteLines: parsed.footnotes,
    bodyEnd: normalized.bodyEnd,
    stamps: normalized.stamps,
    diagnostics: normalized.notes,
    syntaxErrors: parsed.errors,
    ...(bodyRest ? { bodyRest } : {}),
  });
  return { plan, ctx };
}

/** Reads only the words, so the caller can drop the tokens and the tree before it runs. */
export function analyse({ plan, ctx }: Mapped, { words }: Pick<Lexed, "words">): Analysis {
  const analysis = analyze(plan, { words, span: (start, end) => ctx.span(start, end) });
  applyAnalysis(plan, analysis);
  return analysis;
}
