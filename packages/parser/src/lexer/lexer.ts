import { Lexer, type ILexingResult, type IToken, type TokenType } from "chevrotain";
import { allTokens } from "./tokens.ts";

/**
 * Offsets only, no lines and columns (nothing reads them), but with `endOffset`, which Chevrotain's
 * "onlyOffset" tokens leave out and the CST locations need: five fields a token instead of nine.
 */
class OffsetLexer extends Lexer {
  // Not in Chevrotain's typings: the constructor picks it by name for "onlyOffset".
  protected createOffsetOnlyToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType): IToken {
    return { image, startOffset, endOffset: startOffset + image.length - 1, tokenTypeIdx, tokenType } as IToken;
  }
}

/** Built once: Chevrotain's lexer analysis is costly and the lexer is stateless between calls. */
export const planLexer = new OffsetLexer(allTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
  recoveryEnabled: true,
});

export function tokenize(text: string): ILexingResult {
  return planLexer.tokenize(text);
}
