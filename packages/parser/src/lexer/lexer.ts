import { Lexer, type ILexingResult, type IToken, type TokenType } from "chevrotain";
import { allTokens } from "./tokens.ts";

/**
 * A token made by `OffsetLexer`. A class, not an object literal: V8 tracks an object literal's allocation
 * site and, when one garbage collection happens to find nearly every token made since the last one still
 * alive (a chunk's tokens are, while the chunk is parsed), moves that site's later objects straight to
 * the old space for the rest of the parse, where they are garbage nothing collects for hundreds of MB
 * (one 10 MB plan in four peaked 80 MB higher). Instances of a class are not tracked that way.
 */
class OffsetToken implements IToken {
  readonly image: string;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly tokenTypeIdx: number;
  readonly tokenType: TokenType;

  constructor(image: string, startOffset: number, endOffset: number, tokenTypeIdx: number, tokenType: TokenType) {
    this.image = image;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.tokenTypeIdx = tokenTypeIdx;
    this.tokenType = tokenType;
  }
}

/**
 * Offsets only, no lines and columns (nothing reads them), but with `endOffset`, which Chevrotain's
 * "onlyOffset" tokens leave out and the CST locations need: five fields a token instead of nine. Images
 * are shared between tokens: a plan repeats a few thousand words, and each copy would outlive the parse
 * of its line.
 */
class OffsetLexer extends Lexer {
  private readonly images = new Map<string, string>();
  /** Where the text being lexed starts in the whole text: a chunk's tokens carry offsets in the whole. */
  base = 0;

  // Not in Chevrotain's typings: the constructor picks it by name for "onlyOffset".
  protected createOffsetOnlyToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType): IToken {
    const start = startOffset + this.base;
    return new OffsetToken(this.shared(image), start, start + image.length - 1, tokenTypeIdx, tokenType);
  }

  private shared(image: string): string {
    if (image.length > 12) return image; // longer ones are slices of the text already
    const known = this.images.get(image);
    if (known !== undefined) return known;
    if (this.images.size > 50_000) this.images.clear();
    this.images.set(image, image);
    return image;
  }
}

/** Built once: Chevrotain's lexer analysis is costly and the lexer is stateless between calls. */
export const planLexer = new OffsetLexer(allTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
  recoveryEnabled: true,
});

/** The tokens of `text`; of a chunk of a longer text when `base` (its offset there) is given. */
export function tokenize(text: string, base = 0): ILexingResult {
  planLexer.base = base;
  try {
    return planLexer.tokenize(text);
  } finally {
    planLexer.base = 0;
  }
}
