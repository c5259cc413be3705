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
 * lexes the text again; a token is in a range when it starts and ends inside it. Only each token's offset
 * (in a typed array) and a reference to its form (shared by every token of the same image) are kept: the
 * tokens themselves, many times larger, can be dropped once the grammar has read them.
 */
export function wordsFromTokens(tokens: readonly IToken[]): WordReader {
  const index = new WordIndex(tokens.length);
  index.add(tokens);
  return index.reader();
}

/** One of a token's words, at `offset` in the token's image. */
interface Part {
  offset: number;
  text: string;
  lower: string;
  kind: Word["kind"];
}

/**
 * A token's image read as words once, however often it occurs: a plan repeats a few thousand forms, and
 * the analysis reads each stretch of text several times (a heading, then its first paragraph).
 */
interface Form {
  length: number;
  parts: Part[];
}

/** The words of a text lexed a chunk at a time (`chunked.ts`): each chunk's tokens added in order, then read. */
export class WordIndex {
  private starts: Int32Array;
  private readonly forms: Form[] = [];
  private count = 0;

  constructor(capacity = 1024) {
    this.starts = new Int32Array(capacity);
  }

  add(tokens: readonly IToken[]): void {
    if (this.count + tokens.length > this.starts.length) this.grow(this.count + tokens.length);
    for (const token of tokens) {
      this.starts[this.count++] = token.startOffset;
      this.forms.push(formOf(token.image, token.tokenType.name === "Word"));
    }
  }

  private grow(needed: number): void {
    const starts = new Int32Array(Math.max(needed, this.starts.length * 2));
    starts.set(this.starts.subarray(0, this.count));
    this.starts = starts;
  }

  reader(): WordReader {
    const { starts, forms, count } = this;
    return (start, end) => {
      const words: Word[] = [];
      for (let i = lowerBound(count, (k) => (starts[k] as number) >= start); i < count; i++) {
        const at = starts[i] as number;
        const form = forms[i] as Form;
        if (at + form.length > end) break;
        for (const part of form.parts) {
          const from = at + part.offset;
          words.push({ text: part.text, lower: part.lower, start: from, end: from + part.text.length, kind: part.kind });
        }
      }
      return words;
    };
  }
}

// Forms by image, for `Word` tokens and for the rest (the same image reads differently as a keyword);
// kept between parses, as plans share most of their words.
const wordForms = new Map<string, Form>();
const otherForms = new Map<string, Form>();
const MAX_FORMS = 50_000;

function formOf(image: string, isWord: boolean): Form {
  const forms = isWord ? wordForms : otherForms;
  let form = forms.get(image);
  if (form === undefined) {
    form = { length: image.length, parts: partsOf(image, isWord) };
    if (forms.size >= MAX_FORMS) forms.clear();
    forms.set(image, form);
  }
  return form;
}

/** Words of a text nobody lexed yet (a Plan read back from JSON): lexed once, here. */
export function wordsOfText(text: string): WordReader {
  return wordsFromTokens(tokenize(text).tokens);
}

const LETTER_ONLY = /^[\p{L}\p{M}]+(?: [\p{L}\p{M}]+)*$/u;
const DIGIT = /\d/;

/** Keywords of several words (`Quyết định`, `Căn cứ`) are one token for the grammar, one word each here. */
function partsOf(image: string, isWord: boolean): Part[] {
  if (!isWord && !LETTER_ONLY.test(image)) return [part(image, 0, DIGIT.test(image) ? "number" : "punct")];
  const parts: Part[] = [];
  let offset = 0;
  for (const text of image.split(" ")) {
    if (text.length > 0) parts.push(part(text, offset, "word"));
    offset += text.length + 1;
  }
  return parts;
}

function part(text: string, offset: number, kind: Word["kind"]): Part {
  return { offset, text, lower: foldTonePlacement(text).toLowerCase(), kind };
}
