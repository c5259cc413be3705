import { createTokenInstance, type IRecognitionException, type IToken } from "chevrotain";
import type { LineContentCstNode, PlanCstNode } from "./grammar/cst.ts";
import type { Plan } from "@kehoach/model";
import type { ExtractedText } from "./input/extracted.ts";
import type { NormalizedText } from "./normalize/index.ts";
import { tokenize } from "./lexer/lexer.ts";
import { footnoteDefinitions } from "./normalize/footnotes.ts";
import { Newline } from "./lexer/tokens.ts";
import { planParser } from "./grammar/plan-parser.ts";
import { BuildContext } from "./mapping/context.ts";
import { buildPlan } from "./mapping/build-plan.ts";
import { analyze, applyAnalysis, wordsFromTokens, type Analysis, type WordReader } from "./analysis/index.ts";

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
  const lexed = tokenize(body);
  const stamps = normalized.stamps;
  const inStamp = (offset: number) => stamps.some((stamp) => offset >= stamp.start && offset <= stamp.end);
  const words = wordsFromTokens(body, lexed.tokens);
  // Without stamps the grammar reads the lexer's own array (a copy is 8 bytes a token), the final newline
  // pushed after the words were taken from it.
  const kept = stamps.length > 0 ? lexed.tokens.filter((token) => !inStamp(token.startOffset)) : lexed.tokens;
  kept.push(createTokenInstance(Newline, "\n", body.length, body.length, NaN, NaN, NaN, NaN));
  const footnotes = footnoteDefinitions(normalized.text, normalized.bodyEnd).map(({ start, end }) =>
    tokenize(normalized.text.slice(start, end)).tokens.map((token) => shifted(token, start)),
  );
  return { body, words, grammarTokens: kept, footnoteRefs: (lexed.groups["footnoteRefs"] ?? []) as IToken[], footnotes };
}

/** A token of a slice, with its offsets in the whole text. */
function shifted(token: IToken, by: number): IToken {
  return { ...token, startOffset: token.startOffset + by, endOffset: (token.endOffset ?? token.startOffset) + by };
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
  const footnotes = lexed.footnotes.map((tokens) => {
    const end = tokens.length > 0 ? (tokens[tokens.length - 1]?.endOffset ?? 0) + 1 : 0;
    planParser.input = [...tokens, createTokenInstance(Newline, "\n", end, end, NaN, NaN, NaN, NaN)];
    return planParser.lineContent() as LineContentCstNode;
  });
  // The parser is a singleton: left holding the token vector, it would keep every token alive until the next parse.
  planParser.input = [];
  return { cst, errors, footnotes };
}

export interface Mapped {
  plan: Plan;
  /** The build's spans and findings, which the analysis goes on with. */
  ctx: BuildContext;
}

export function mapToPlan(normalized: NormalizedText, extracted: ExtractedText, lexed: Lexed, parsed: Parsed): Mapped {
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
  });
  return { plan, ctx };
}

/** Reads only the words, so the caller can drop the tokens and the tree before it runs. */
export function analyse({ plan, ctx }: Mapped, { words }: Pick<Lexed, "words">): Analysis {
  const analysis = analyze(plan, { words, span: (start, end) => ctx.span(start, end) });
  applyAnalysis(plan, analysis);
  return analysis;
}
