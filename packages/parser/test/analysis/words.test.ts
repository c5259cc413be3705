import fc from "fast-check";
import type { IToken } from "chevrotain";
import { describe, expect, it } from "vitest";
import { WordIndex } from "../../src/analysis/words.ts";
import { tokenize } from "../../src/lexer/lexer.ts";

/** The words of `[start, end)` read straight off the tokens: the first token starting at or after `start`, then each that ends by `end`. */
function wordsByHand(tokens: readonly IToken[], start: number, end: number): [string, number, number][] {
  const words: [string, number, number][] = [];
  let i = tokens.findIndex((token) => token.startOffset >= start);
  if (i < 0) return words;
  for (; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    if (token.startOffset + token.image.length > end) break;
    // Keywords of several words (`Căn cứ`) are a word each; anything else is one.
    const parts = /^[\p{L}\p{M}]+(?: [\p{L}\p{M}]+)*$/u.test(token.image) ? token.image.split(" ") : [token.image];
    let offset = 0;
    for (const part of parts) {
      words.push([part, token.startOffset + offset, token.startOffset + offset + part.length]);
      offset += part.length + 1;
    }
  }
  return words;
}

// Pieces of a plan, and runs of spaces long enough (≥ 255) that a gap does not fit its byte.
const piece = fc.constantFrom("Căn cứ", "Kế hoạch", "Số:", "12/KH-UBND", "9.753.000.000", "đồng", "I.", "1.1.", "a)", "-", "UBND", "tỉnh", "\n", ",", "[^1]");
const spaces = fc.oneof(fc.constant(" "), fc.constant("  "), fc.integer({ min: 250, max: 600 }).map((n) => " ".repeat(n)));
const text = fc.array(fc.tuple(piece, spaces), { minLength: 1, maxLength: 400 }).map((parts) => parts.map(([p, s]) => p + s).join(""));

describe("word index", () => {
  it("reads every range as the tokens themselves give it, however the tokens were added in chunks", () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }), (source, cuts, ranges) => {
        const tokens = tokenize(source).tokens;
        const index = new WordIndex();
        const at = [...new Set(cuts.map((c) => c % (tokens.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        for (const cut of [...at, tokens.length]) {
          index.add(tokens.slice(from, cut));
          from = Math.max(from, cut);
        }
        const read = index.reader();
        for (const [a, b] of ranges) {
          const start = a % (source.length + 1);
          const end = start + (b % (source.length + 1 - start));
          expect(read(start, end).map((w) => [w.text, w.start, w.end])).toEqual(wordsByHand(tokens, start, end));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps a token after a gap too long for its byte at its exact offset", () => {
    const source = `Kế hoạch${" ".repeat(300)}số 12`;
    const tokens = tokenize(source).tokens;
    const index = new WordIndex();
    index.add(tokens);
    expect(index.reader()(0, source.length).map((w) => [w.text, w.start])).toEqual([
      ["Kế", 0],
      ["hoạch", 3],
      ["số", 308],
      ["12", 311],
    ]);
  });
});
