import { Lexer, type ILexingResult } from "chevrotain";
import { allTokens } from "./tokens.ts";

/** Built once: Chevrotain's lexer analysis is costly and the lexer is stateless between calls. */
export const planLexer = new Lexer(allTokens, {
  positionTracking: "full",
  ensureOptimizations: true,
  recoveryEnabled: true,
});

export function tokenize(text: string): ILexingResult {
  return planLexer.tokenize(text);
}
