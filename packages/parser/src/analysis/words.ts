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
 * and the number of its form (shared by every token of the same image) are kept: the tokens themselves,
 * many times larger, can be dropped once the grammar has read them.
 */
export function wordsFromTokens(tokens: readonly IToken[]): WordReader {
  const index = new WordIndex();
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
  /** The serial of the index that numbered this form last, and the number it gave (see `WordIndex.numberOf`). */
  owner: number;
  number: number;
}

/** Tokens a block holds. Fixed blocks, not one growing array: each doubling of a text-sized array left its old copy to the slow old-space collector (36 MB on a 10 MB plan). */
const BLOCK_BITS = 13;
const BLOCK = 1 << BLOCK_BITS;
/** Tokens between two recorded start offsets: the starts in between are summed up from the gaps. */
const GROUP_BITS = 6;
const GROUP = 1 << GROUP_BITS;
/** A token's 32 bits: its form's number in the low 24, the gap since the previous token's end in the high 8. */
const FORM_BITS = 24;
const FORM_MASK = (1 << FORM_BITS) - 1;
/** A gap or form number that does not fit its bits: the value is in a side map, by token. */
const GAP_ESCAPE = 255;
const FORM_ESCAPE = FORM_MASK;
let indexSerial = 0;

/**
 * The words of a text lexed a chunk at a time (`chunked.ts`): each chunk's tokens added in order, then read.
 * Four bytes a token (a 10 MB plan has two million): the form, and the gap before the token instead of its
 * offset — the offset of every 64th token is kept, the others' are summed up from there as a range is read.
 */
export class WordIndex {
  private readonly blocks: Int32Array[] = [];
  /** Per block, the start offset of each group's first token. */
  private readonly groupStarts: Int32Array[] = [];
  /** Gaps (a footnote marker's, a page's worth of spaces) and form numbers too large for their bits, by token. */
  private readonly farStarts = new Map<number, number>();
  private readonly farForms = new Map<number, number>();
  private readonly forms: Form[] = [];
  private count = 0;
  private lastEnd = 0;
  /** A number, not a reference on the shared forms: they would keep the last index, and its text-sized blocks, alive. */
  private readonly serial = ++indexSerial;

  add(tokens: readonly IToken[]): void {
    for (const token of tokens) {
      const index = this.count++;
      const slot = index & (BLOCK - 1);
      if (slot === 0) {
        this.blocks.push(new Int32Array(BLOCK));
        this.groupStarts.push(new Int32Array(BLOCK >> GROUP_BITS));
      }
      const form = formOf(token.image, token.tokenType.name === "Word");
      const start = token.startOffset;
      let number = this.numberOf(form);
      if (number >= FORM_ESCAPE) {
        this.farForms.set(index, number);
        number = FORM_ESCAPE;
      }
      let gap = start - this.lastEnd;
      if (gap < 0 || gap >= GAP_ESCAPE) {
        this.farStarts.set(index, start);
        gap = GAP_ESCAPE;
      }
      (this.blocks[this.blocks.length - 1] as Int32Array)[slot] = number | (gap << FORM_BITS);
      if ((slot & (GROUP - 1)) === 0) (this.groupStarts[this.groupStarts.length - 1] as Int32Array)[slot >> GROUP_BITS] = start;
      this.lastEnd = start + form.length;
    }
  }

  /**
   * The form's place in this index's `forms`. Forms are shared between parses, so the number is kept on
   * the form with the index that gave it; another index numbering it in between only costs a second entry.
   */
  private numberOf(form: Form): number {
    if (form.owner !== this.serial) {
      form.owner = this.serial;
      form.number = this.forms.push(form) - 1;
    }
    return form.number;
  }

  reader(): WordReader {
    const { blocks, groupStarts, farStarts, farForms, forms, count } = this;
    const groups = (count + GROUP - 1) >> GROUP_BITS;
    const groupsPerBlock = BLOCK >> GROUP_BITS;
    const groupStart = (g: number) => (groupStarts[Math.floor(g / groupsPerBlock)] as Int32Array)[g % groupsPerBlock] as number;
    return (start, end) => {
      const words: Word[] = [];
      // From the last group that starts at or before `start`, token by token.
      let i = Math.max(0, lowerBound(groups, (g) => groupStart(g) > start) - 1) << GROUP_BITS;
      let previousEnd = 0;
      for (; i < count; i++) {
        const value = (blocks[i >> BLOCK_BITS] as Int32Array)[i & (BLOCK - 1)] as number;
        const number = value & FORM_MASK;
        const form = forms[number === FORM_ESCAPE ? (farForms.get(i) as number) : number] as Form;
        const gap = value >>> FORM_BITS;
        const at = (i & (GROUP - 1)) === 0 ? groupStart(i >> GROUP_BITS) : gap === GAP_ESCAPE ? (farStarts.get(i) as number) : previousEnd + gap;
        previousEnd = at + form.length;
        if (at < start) continue;
        if (previousEnd > end) break;
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
    form = { length: image.length, parts: partsOf(image, isWord), owner: 0, number: 0 };
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
