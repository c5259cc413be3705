import type { IToken } from "chevrotain";
import { tokenize } from "../lexer/lexer.ts";
import { lowerBound } from "../lower-bound.ts";
import { foldTonePlacement } from "../vi/abbreviations.ts";

/** A word or mark of the text, as the analysis compares it with the genre's phrases. */
export interface Word {
  text: string;
  /** Lower-case, tone marks in the new place: what phrases are compared with. */
  lower: string;
  start: number;
  end: number;
  kind: "word" | "punct" | "number";
}

/** The words of `[start, end)` of the normalised text. */
export type WordReader = (start: number, end: number) => Word[];

/**
 * Words from the tokens the lexer already made for the grammar (sorted by offset), so the analysis never
 * lexes the text again; a token is in a range when it starts and ends inside it. Only each token's offset,
 * length and kind are kept, in typed arrays (the image is the text there): the tokens themselves, many
 * times larger, can be dropped once the grammar has read them.
 */
export function wordsFromTokens(text: string, tokens: readonly IToken[]): WordReader {
  const index = new WordIndex(tokens.length);
  index.add(tokens);
  return index.reader(text);
}

/** The words of a text lexed a chunk at a time (`chunked.ts`): each chunk's tokens added in order, then read. */
export class WordIndex {
  private starts: Int32Array;
  private lengths: Int32Array;
  private kinds: Uint16Array;
  private count = 0;
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();

  constructor(capacity = 1024) {
    this.starts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.kinds = new Uint16Array(capacity);
  }

  add(tokens: readonly IToken[]): void {
    if (this.count + tokens.length > this.starts.length) this.grow(this.count + tokens.length);
    for (const token of tokens) {
      const name = token.tokenType.name;
      let kind = this.nameIndex.get(name);
      if (kind === undefined) {
        kind = this.names.push(name) - 1;
        this.nameIndex.set(name, kind);
      }
      this.starts[this.count] = token.startOffset;
      this.lengths[this.count] = token.image.length;
      this.kinds[this.count] = kind;
      this.count++;
    }
  }

  private grow(needed: number): void {
    const capacity = Math.max(needed, this.starts.length * 2);
    const starts = new Int32Array(capacity);
    const lengths = new Int32Array(capacity);
    const kinds = new Uint16Array(capacity);
    starts.set(this.starts.subarray(0, this.count));
    lengths.set(this.lengths.subarray(0, this.count));
    kinds.set(this.kinds.subarray(0, this.count));
    this.starts = starts;
    this.lengths = lengths;
    this.kinds = kinds;
  }

  reader(text: string): WordReader {
    const { starts, lengths, kinds, count, names } = this;
    return (start, end) => {
      const words: Word[] = [];
      for (let i = lowerBound(count, (k) => (starts[k] as number) >= start); i < count; i++) {
        const at = starts[i] as number;
        const length = lengths[i] as number;
        if (at + length > end) break;
        pushToken(words, text.slice(at, at + length), at, names[kinds[i] as number] as string);
      }
      return words;
    };
  }
}

/** Words of a text nobody lexed yet (a Plan read back from JSON): lexed once, here. */
export function wordsOfText(text: string): WordReader {
  return wordsFromTokens(text, tokenize(text).tokens);
}

const LETTER_ONLY = /^[\p{L}\p{M}]+(?: [\p{L}\p{M}]+)*$/u;
const DIGIT = /\d/;

/** Keywords of several words (`Quyết định`, `Căn cứ`) are one token for the grammar, one word each here. */
function pushToken(words: Word[], image: string, at: number, tokenName: string): void {
  if (tokenName === "Word" || LETTER_ONLY.test(image)) {
    let offset = 0;
    for (const part of image.split(" ")) {
      if (part.length > 0) words.push(word(part, at + offset, "word"));
      offset += part.length + 1;
    }
  } else if (DIGIT.test(image)) {
    words.push(word(image, at, "number"));
  } else {
    words.push(word(image, at, "punct"));
  }
}

// A plan repeats a few thousand distinct words: fold each once.
const folded = new Map<string, string>();

function lowerOf(text: string): string {
  let lower = folded.get(text);
  if (lower === undefined) {
    lower = foldTonePlacement(text).toLowerCase();
    if (folded.size > 50_000) folded.clear();
    folded.set(text, lower);
  }
  return lower;
}

function word(text: string, start: number, kind: Word["kind"]): Word {
  return { text, lower: lowerOf(text), start, end: start + text.length, kind };
}
