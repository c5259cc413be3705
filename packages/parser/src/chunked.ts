import type { IToken } from "chevrotain";
import type { DocumentRestCstChildren, PlanCstNode } from "./grammar/cst.ts";
import type { ExtractedText } from "./input/extracted.ts";
import type { NormalizedText } from "./normalize/index.ts";
import { lexFootnotes, lexRange, mapToPlan, parseFootnotes, type Mapped } from "./pipeline.ts";
import { planParser } from "./grammar/plan-parser.ts";
import { WordIndex, type WordReader } from "./analysis/index.ts";

/**
 * A long body read a chunk at a time: each chunk lexed, parsed and mapped into the Plan, its tokens and
 * tree dropped before the next is read, so that only one chunk's (a few MB) are alive, not the whole
 * text's (about 25 times the text).
 *
 * Why the Plan is the same as the whole text's: chunks are cut at line starts; the first chunk is read by
 * `plan` and must end inside the issuing document's body, so every later cut is a line the whole parse
 * reads at the top of its body loop; each later chunk is read by `documentRest` (that loop and what
 * follows it) with the parser's state kept. A body line's rules look no further than its own newline,
 * which is in its chunk. Anything else — a recovered syntax error, a chunk that does not end where it
 * should — and the text is read whole instead.
 */

/**
 * Bodies of twice this many characters or fewer are read whole; longer ones in chunks of about this size
 * (small enough that most of a chunk's tokens die young, before the collector moves them to the old heap).
 * With 64 K chunks, one parse in three of the 10 MB plan peaked 130 MB higher, when V8 decided to tenure
 * the mapping's short-lived objects; with 32 K and 16 K fewer did, at the same speed. (What V8 tenured
 * was the tokens' allocation site: tokens are now instances of a class, which V8 does not tenure by
 * site; see `lexer/lexer.ts`.)
 */
export const CHUNK_SIZE = 1 << 15;

/**
 * Body lines the first chunk must end with: the header's and preamble's rules look a few lines ahead (at
 * most four), so its last lines are body lines read as they are in the whole text.
 */
const FIRST_CHUNK_BODY_LINES = 16;

/** The build of a body read in chunks, or null when it has to be read whole. */
export function mapInChunks(
  normalized: NormalizedText,
  extracted: ExtractedText,
  chunkSize = CHUNK_SIZE,
): { mapped: Mapped; words: WordReader } | null {
  const body = normalized.text.slice(0, normalized.bodyEnd);
  const cuts = cutPoints(body, chunkSize);
  if (cuts.length === 0) return null;
  const words = new WordIndex();
  const footnoteRefs: IToken[] = [];
  const lexChunk = (start: number, end: number): IToken[] => {
    const range = lexRange(body, start, end, normalized.stamps, words);
    for (const ref of range.footnoteRefs) footnoteRefs.push(ref);
    return range.grammarTokens;
  };
  // Footnotes first: their rule reads none of the state the body's rules leave behind.
  const footnotes = parseFootnotes(lexFootnotes(normalized));
  planParser.input = lexChunk(0, cuts[0] as number);
  const cst = planParser.plan() as PlanCstNode;
  const read = planParser.errors.length === 0 && planParser.atEnd() && endsInBody(cst);
  planParser.input = [];
  if (!read) return null;
  const rest = laterChunks(body.length, cuts, lexChunk);
  try {
    const mapped = mapToPlan(normalized, extracted, { footnoteRefs }, { cst, errors: [], footnotes }, rest);
    return { mapped, words: words.reader() };
  } catch (error) {
    if (error instanceof ReadWhole) return null;
    throw error;
  } finally {
    planParser.input = [];
  }
}

/** The first line start at or after every `chunkSize` characters, none within `chunkSize` of the end. */
export function cutPoints(body: string, chunkSize: number): number[] {
  const cuts: number[] = [];
  let at = chunkSize;
  while (at < body.length - chunkSize) {
    const lineEnd = body.indexOf("\n", at - 1);
    if (lineEnd < 0 || lineEnd + 1 >= body.length) break;
    cuts.push(lineEnd + 1);
    at = lineEnd + 1 + chunkSize;
  }
  return cuts;
}

/** The first chunk ended in the issuing document's body, after enough of its lines, before its closing. */
function endsInBody(cst: PlanCstNode): boolean {
  const document = cst.children.document?.[0]?.children;
  if (!document || document.closingLine || document.tailBlock) return false;
  return (document.bodyLine?.length ?? 0) >= FIRST_CHUNK_BODY_LINES;
}

/** Thrown inside the build when a later chunk is not read as the whole text would be: the caller reads it whole. */
class ReadWhole extends Error {}

/** Each later chunk read by `documentRest` as the builder asks for it; all but the last are body lines only. */
function* laterChunks(end: number, cuts: readonly number[], lex: (start: number, end: number) => IToken[]): Generator<DocumentRestCstChildren> {
  for (let i = 0; i < cuts.length; i++) {
    const last = i === cuts.length - 1;
    planParser.input = lex(cuts[i] as number, last ? end : (cuts[i + 1] as number));
    const children = planParser.documentRest().children as DocumentRestCstChildren;
    const read = planParser.errors.length === 0 && planParser.atEnd() && (last || (!children.closingLine && !children.tailBlock));
    planParser.input = [];
    if (!read) throw new ReadWhole();
    yield children;
  }
}
