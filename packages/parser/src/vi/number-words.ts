/**
 * Vietnamese number words ("số bằng chữ"): read and write the reading in words of an amount, so a
 * figure such as `9.753.000.000 đồng (Chín tỷ, bảy trăm năm mươi ba triệu đồng)` can be checked.
 *
 * Grammar (what `readNumberWords` accepts, case-insensitive, NFC or NFD):
 *
 *   Reading  := "không" | Number            then an optional suffix: ("đồng" ["việt" "nam"] | "vnđ" | "vnd")
 *                                           ["chẵn"], then an optional terminator `.` `./.` `/.`
 *   Number   := Group { Scale [","] Group } [Scale]      scale words strictly decreasing, see below
 *   Scale    := "nghìn" | "ngàn" (10^3) | "triệu" (10^6) | "tỷ" | "tỉ" (10^9)
 *               compound: "nghìn tỷ" (10^12), "triệu tỷ" (10^15)
 *   Group    := Digit "trăm" [Tail] | Tail            a value 1–999 (inner groups may be "không trăm …")
 *   Tail     := ("linh" | "lẻ") Unit                  zero tens:   "một trăm linh năm" = 105
 *             | "mười" [UnitAfter10]                 10–19:       "mười lăm" = 15
 *             | Digit(2–9) "mươi" [UnitAfter20]      20–99:       "hai mươi mốt", "ba mươi tư", "năm mươi nhăm"
 *             | Digit(1–9) "chục" [Unit…]           colloquial tens: "hai chục" = 20
 *             | Digit(1–9)                           a bare unit
 *
 * - `tỷ` multiplies everything read since the previous `tỷ`, so both the standard recursive reading
 *   ("một nghìn hai trăm tỷ" = 1 200 × 10^9) and the compound one ("một nghìn tỷ, hai trăm tỷ") work.
 *   `nghìn`/`triệu` must strictly decrease between two `tỷ`, but for one count of millions: a first
 *   `triệu` after `nghìn` multiplies what was read since the `tỷ` ("một nghìn năm trăm triệu" = 1 500 ×
 *   10^6, the words of `1.500 triệu đồng`); "hai triệu một nghìn triệu" is rejected.
 * - Unit variants: `mốt` = 1 and `tư` = 4 after `mươi`/`chục` (≥ 20); `lăm`/`nhăm` = 5 after any tens.
 *   Leniently, `tư` is also read after `mười` and `linh` ("mười tư", "một trăm linh tư"), `năm` and
 *   `một` after tens ("hai mươi năm", "hai mươi một"), `bẩy` for `bảy`, and `mười`/`mươi` are read by
 *   position (a typed "hai mười" is 20). `mốt` after `mười`/`linh` and "một mươi" are rejected.
 * - Full forms only. Colloquial shorthand that drops a trailing scale is ambiguous ("một tỷ hai" is
 *   spoken for 1 200 000 000, "một trăm hai" for 120), so it is rejected with a reason: after the first
 *   group, a group must contain `trăm` (possibly "không trăm") or start with `linh`/`lẻ`, unless it is
 *   directly followed by `nghìn` or `triệu` ("hai tỷ năm triệu" is fine); inside a group a bare unit
 *   after `trăm` ("một trăm hai") is rejected — write "một trăm linh hai" or "một trăm hai mươi".
 * - Commas are allowed only right after a scale word, before the next group ("Chín tỷ, bảy trăm…").
 * - Values from 0 to Number.MAX_SAFE_INTEGER (≈ 9 × 10^15); more is rejected as too large.
 *
 * Writer conventions (`writeNumberWords`, style "standard", the administrative reading):
 * - `linh` for zero tens, `mốt` for 1 after tens ≥ 20, `bốn` (not `tư`) after tens, `lăm` for 5 after
 *   any tens, `mười` for 10–19, `không trăm` at the head of every group after the first
 *   ("hai tỷ, không trăm năm mươi ba triệu", "một nghìn không trăm linh năm"), zero groups omitted.
 * - Above 10^9 the number is written "A tỷ, B" with A < 10^9 read recursively (so 10^12 is
 *   "một nghìn tỷ", 10^15 "một triệu tỷ").
 * - Commas: ", " after a scale word that closes a group and is followed by more words, except inside
 *   the multiplier A of `tỷ` (which is one unit): "chín tỷ, bảy trăm năm mươi ba triệu",
 *   "một triệu, hai trăm nghìn, năm trăm", "một nghìn hai trăm tỷ, không trăm linh năm".
 * - Lower case, no currency word; add "đồng" and use `capitalizeFirst` for a sentence.
 */

export type ReadResult =
  | {
      ok: true;
      value: number;
      /** The exact slice of the input holding the number words (no currency suffix, no terminator). */
      consumed: string;
    }
  | { ok: false; reason: string };

export interface WriteNumberWordsOptions {
  /** Only the administrative "standard" style exists for now. */
  style?: "standard";
}

// ---------------------------------------------------------------------------------------------
// Lexicon

type Lexeme =
  | { kind: "digit"; value: number }
  /** mốt (1), tư (4), lăm / nhăm (5): unit forms that only follow tens. */
  | { kind: "unitVariant"; value: number }
  | { kind: "ten" }
  | { kind: "chuc" }
  | { kind: "tram" }
  | { kind: "linh" }
  | { kind: "scale"; value: 1_000 | 1_000_000 | 1_000_000_000 }
  | { kind: "suffix" };

const LEXICON: ReadonlyMap<string, Lexeme> = new Map<string, Lexeme>([
  ["không", { kind: "digit", value: 0 }],
  ["một", { kind: "digit", value: 1 }],
  ["hai", { kind: "digit", value: 2 }],
  ["ba", { kind: "digit", value: 3 }],
  ["bốn", { kind: "digit", value: 4 }],
  ["năm", { kind: "digit", value: 5 }],
  ["sáu", { kind: "digit", value: 6 }],
  ["bảy", { kind: "digit", value: 7 }],
  ["bẩy", { kind: "digit", value: 7 }],
  ["tám", { kind: "digit", value: 8 }],
  ["chín", { kind: "digit", value: 9 }],
  ["mốt", { kind: "unitVariant", value: 1 }],
  ["tư", { kind: "unitVariant", value: 4 }],
  ["lăm", { kind: "unitVariant", value: 5 }],
  ["nhăm", { kind: "unitVariant", value: 5 }],
  ["mười", { kind: "ten" }],
  ["mươi", { kind: "ten" }],
  ["chục", { kind: "chuc" }],
  ["trăm", { kind: "tram" }],
  ["linh", { kind: "linh" }],
  ["lẻ", { kind: "linh" }],
  ["nghìn", { kind: "scale", value: 1_000 }],
  ["ngàn", { kind: "scale", value: 1_000 }],
  ["triệu", { kind: "scale", value: 1_000_000 }],
  ["tỷ", { kind: "scale", value: 1_000_000_000 }],
  ["tỉ", { kind: "scale", value: 1_000_000_000 }],
  ["đồng", { kind: "suffix" }],
  ["vnđ", { kind: "suffix" }],
  ["vnd", { kind: "suffix" }],
  ["chẵn", { kind: "suffix" }],
  ["việt", { kind: "suffix" }],
  ["nam", { kind: "suffix" }],
]);

const DIGIT_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;
const TY = 1_000_000_000;

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { type: "word"; word: string; lex: Lexeme | undefined; start: number; end: number }
  | { type: "comma"; start: number; end: number }
  | { type: "punct"; text: string; start: number; end: number };

// Letters with their combining marks (so NFD words stay whole), a comma, or any other non-space run.
const TOKEN_RE = /([\p{L}\p{M}]+)|(,)|([^\p{L}\p{M}\s,]+)/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      const word = m[1].normalize("NFC").toLowerCase();
      tokens.push({ type: "word", word, lex: LEXICON.get(word), start, end });
    } else if (m[2] !== undefined) {
      tokens.push({ type: "comma", start, end });
    } else {
      tokens.push({ type: "punct", text: m[0], start, end });
    }
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Reader

class ReadError {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

function fail(reason: string): never {
  throw new ReadError(reason);
}

function describe(token: Token | undefined): string {
  if (token === undefined) return "the end of the text";
  if (token.type === "word") return `"${token.word}"`;
  if (token.type === "comma") return "a comma";
  return `"${token.text}"`;
}

interface GroupRead {
  value: number;
  /** The group has a hundreds part ("… trăm", including "không trăm") or starts with linh/lẻ. */
  fullForm: boolean;
}

/** Recursive-descent reader over the word tokens; each method consumes tokens from `pos`. */
class Reader {
  private readonly tokens: readonly Token[];
  private readonly end: number;
  private pos = 0;

  constructor(tokens: readonly Token[], end: number) {
    this.tokens = tokens;
    this.end = end;
  }

  private peek(offset = 0): Token | undefined {
    const i = this.pos + offset;
    return i < this.end ? this.tokens[i] : undefined;
  }

  private lexAt(offset = 0): Lexeme | undefined {
    const t = this.peek(offset);
    return t?.type === "word" ? t.lex : undefined;
  }

  /** Reading := "không" | Number; all of tokens[0, end) must be used. */
  readAll(): number {
    const first = this.lexAt();
    if (first?.kind === "digit" && first.value === 0 && this.end === 1) return 0;
    const value = this.readNumber();
    if (this.pos < this.end) fail(`unexpected ${describe(this.peek())} after a complete number`);
    return value;
  }

  private readNumber(): number {
    let total = 0; // value of the completed tỷ segments
    let tyLimit = Infinity; // what follows must stay below the unit of the last tỷ segment
    let segment = 0; // value read since the last tỷ (< 10^9)
    let segmentGroups = 0;
    let lastScale = Infinity; // last nghìn/triệu in this segment, to keep them decreasing
    let millionsRead = false; // a triệu in this segment already: "nghìn … triệu" counts millions only before it
    let lastUnit = 1; // the scale right before a tỷ (1, or nghìn/triệu for "nghìn tỷ"/"triệu tỷ")
    let groups = 0;

    for (;;) {
      const next = this.lexAt();
      // A tỷ with nothing since the previous tỷ: "tỷ tỷ", or a reading that starts with a scale.
      if (next?.kind === "scale") {
        fail(
          groups === 0
            ? `${describe(this.peek())} must follow a number`
            : `${describe(this.peek())} cannot follow another scale word here (only "nghìn tỷ" and "triệu tỷ" combine)`,
        );
      }
      const group = this.readGroup(groups === 0);
      groups++;
      const after = this.lexAt();
      const scale = after?.kind === "scale" ? after.value : undefined;

      if (groups > 1 && !group.fullForm && scale !== 1_000 && scale !== 1_000_000) {
        fail(
          `ambiguous shorthand: a group after a scale word needs "trăm" or "linh" (e.g. "không trăm linh hai", "hai trăm") unless nghìn or triệu follows it`,
        );
      }

      if (scale === undefined) {
        segment += group.value;
        segmentGroups++;
        break;
      }
      this.pos++; // the scale word

      let closesSegment = scale === TY;
      if (scale === 1_000_000 && lastScale === 1_000 && !millionsRead) {
        // A count of millions: "một nghìn năm trăm triệu" is 1 500 triệu, as budgets write `1.500 triệu đồng`.
        if (!group.fullForm) fail(`ambiguous shorthand: a count of millions needs "trăm" or "linh" after "nghìn" (e.g. "hai nghìn không trăm linh một triệu")`);
        segment = (segment + group.value) * scale;
        segmentGroups++;
        lastScale = scale;
        millionsRead = true;
        lastUnit = scale;
        if (this.lexAt()?.kind === "scale") fail(`scale words out of order at ${describe(this.peek())}`);
      } else if (scale !== TY) {
        if (scale >= lastScale) fail(`scale words out of order at ${describe(this.tokens[this.pos - 1])}`);
        lastScale = scale;
        if (scale === 1_000_000) millionsRead = true;
        segment += group.value * scale;
        segmentGroups++;
        lastUnit = scale;
        // Compound scale: "nghìn tỷ", "triệu tỷ"; and "nghìn triệu", a count of millions (see above).
        const compound = this.lexAt();
        if (compound?.kind === "scale" && compound.value === 1_000_000 && scale === 1_000 && !millionsRead) {
          this.pos++;
          segment *= compound.value;
          lastScale = compound.value;
          lastUnit = compound.value;
          millionsRead = true;
          if (this.lexAt()?.kind === "scale") fail(`scale words out of order at ${describe(this.peek())}`);
        } else if (compound?.kind === "scale") {
          if (compound.value !== TY) fail(`scale words out of order at ${describe(this.peek())}`);
          this.pos++;
          closesSegment = true;
        }
      } else {
        segment += group.value;
        segmentGroups++;
        lastUnit = 1;
      }

      if (closesSegment) {
        const value = segment * TY;
        if (value >= tyLimit) fail(`scale words out of order at ${describe(this.tokens[this.pos - 1])}`);
        total += value;
        if (!Number.isSafeInteger(total)) fail("the number is too large (above 9 007 199 254 740 991)");
        tyLimit = lastUnit * TY;
        segment = 0;
        segmentGroups = 0;
        lastScale = Infinity;
        millionsRead = false;
        lastUnit = 1;
      }

      // Optional comma after a scale word, then either the next group or the end.
      if (this.peek()?.type === "comma") {
        this.pos++;
        const lex = this.lexAt();
        if (lex === undefined || lex.kind === "scale" || lex.kind === "suffix") {
          fail(`a comma after a scale word must be followed by the next group, not ${describe(this.peek())}`);
        }
      }
      const lex = this.lexAt();
      if (lex === undefined || lex.kind === "suffix") break;
    }

    if (segmentGroups > 0 && segment >= tyLimit) fail("scale words out of order before the last group");
    const value = total + segment;
    if (!Number.isSafeInteger(value)) fail("the number is too large (above 9 007 199 254 740 991)");
    return value;
  }

  /** Group := Digit "trăm" [Tail] | Tail; a value 1–999. */
  private readGroup(first: boolean): GroupRead {
    const t = this.peek();
    const lex = this.lexAt();
    if (lex === undefined) {
      fail(t === undefined ? "expected a number word" : `${describe(t)} is not a number word`);
    }
    if (lex.kind === "digit" && this.lexAt(1)?.kind === "tram") {
      if (first && lex.value === 0) fail(`a number cannot start with "không trăm"`);
      this.pos += 2;
      const tail = this.readTail(true);
      const value = lex.value * 100 + tail;
      if (value === 0) fail(`"không trăm" must be followed by the tens and units`);
      return { value, fullForm: true };
    }
    if (lex.kind === "linh" && first) fail(`a number cannot start with ${describe(t)}`);
    const fullForm = lex.kind === "linh";
    const value = this.readTail(false);
    if (value === 0) fail(`expected a number word, found ${describe(t)}`);
    return { value, fullForm };
  }

  /**
   * Tail := linh Unit | mười [Unit] | Digit mươi [Unit] | Digit chục [Unit] | Digit (not after trăm).
   * Returns 0 (consuming nothing) when no tail follows a "trăm".
   */
  private readTail(afterHundreds: boolean): number {
    const t = this.peek();
    const lex = this.lexAt();
    if (lex === undefined) {
      if (afterHundreds) return 0;
      fail(t === undefined ? "expected a number word" : `${describe(t)} is not a number word`);
    }
    switch (lex.kind) {
      case "linh": {
        this.pos++;
        const u = this.lexAt();
        const word = describe(this.peek());
        if (u?.kind === "digit" && u.value > 0) {
          this.pos++;
          return u.value;
        }
        if (u?.kind === "unitVariant" && u.value === 4) {
          this.pos++;
          return 4;
        }
        return fail(`${describe(t)} must be followed by a unit from một to chín, not ${word}`);
      }
      case "ten":
        this.pos++;
        return 10 + this.readUnitAfterTens(10);
      case "digit": {
        const marker = this.lexAt(1);
        if (marker?.kind === "ten" || marker?.kind === "chuc") {
          if (lex.value === 0) fail(`"không" cannot be a tens digit`);
          if (lex.value === 1 && marker.kind === "ten") fail(`write "mười", not "một mươi"`);
          this.pos += 2;
          return lex.value * 10 + this.readUnitAfterTens(lex.value * 10);
        }
        if (afterHundreds) {
          fail(
            `ambiguous shorthand: a bare unit after "trăm" (${describe(t)}) — write "linh ${
              DIGIT_WORDS[lex.value] ?? ""
            }" for a unit or add "mươi" for tens`,
          );
        }
        if (lex.value === 0) fail(`"không" can only stand alone or before "trăm"`);
        this.pos++;
        return lex.value;
      }
      case "unitVariant":
        if (afterHundreds) fail(`ambiguous shorthand: ${describe(t)} right after "trăm"`);
        return fail(`${describe(t)} is only used after tens (e.g. "hai mươi ${t?.type === "word" ? t.word : ""}")`);
      case "chuc":
        return fail(`"chục" must follow a digit (e.g. "hai chục")`);
      case "tram":
        return fail(`"trăm" must follow a digit (e.g. "một trăm")`);
      case "scale":
      case "suffix":
        if (afterHundreds) return 0;
        return fail(`expected a number word, found ${describe(t)}`);
    }
  }

  /** The unit after tens (0 when none follows). `tens` is 10 for "mười", 20–90 otherwise. */
  private readUnitAfterTens(tens: number): number {
    const t = this.peek();
    const lex = this.lexAt();
    if (lex?.kind === "digit") {
      if (lex.value === 0) fail(`"không" cannot follow tens`);
      // A digit followed by trăm/mươi/chục starts something else; leave it to the caller (it fails).
      const marker = this.lexAt(1);
      if (marker?.kind === "tram" || marker?.kind === "ten" || marker?.kind === "chuc") return 0;
      this.pos++;
      return lex.value;
    }
    if (lex?.kind === "unitVariant") {
      if (lex.value === 1 && tens === 10) fail(`write "mười một", not ${describe(t)} after "mười"`);
      this.pos++;
      return lex.value;
    }
    return 0;
  }
}

/** Where the number words end: drop a trailing terminator, then ["đồng" ["việt nam"] | "vnđ" | "vnd"] ["chẵn"]. */
function numberEnd(tokens: readonly Token[]): number {
  let end = tokens.length;
  const last = tokens[end - 1];
  if (last?.type === "punct" && /^(?:\.|\.\/\.|\/\.)$/u.test(last.text)) end--;
  const wordAt = (i: number): string | undefined => {
    const t = tokens[i];
    return t?.type === "word" ? t.word : undefined;
  };
  if (wordAt(end - 1) === "chẵn") end--;
  if (wordAt(end - 1) === "nam" && wordAt(end - 2) === "việt" && wordAt(end - 3) === "đồng") end -= 3;
  else if (wordAt(end - 1) === "đồng" || wordAt(end - 1) === "vnđ" || wordAt(end - 1) === "vnd") end--;
  return end;
}

/**
 * Reads a Vietnamese reading in words ("Chín tỷ, bảy trăm năm mươi ba triệu đồng") into its value.
 * The whole text must be the reading (plus an optional currency suffix and terminator). Never throws.
 */
export function readNumberWords(text: string): ReadResult {
  if (typeof text !== "string") return { ok: false, reason: "not a string" };
  const tokens = tokenize(text);
  if (tokens.length === 0) return { ok: false, reason: "empty text" };
  const end = numberEnd(tokens);
  if (end === 0) return { ok: false, reason: "no number words before the currency" };
  for (let i = 0; i < end; i++) {
    const t = tokens[i];
    if (t === undefined || t.type === "comma") continue;
    if (t.type === "punct") return { ok: false, reason: `unexpected ${describe(t)}` };
    if (t.lex === undefined) return { ok: false, reason: `${describe(t)} is not a number word` };
    if (t.lex.kind === "suffix") return { ok: false, reason: `${describe(t)} can only end the reading` };
  }
  if (tokens[0]?.type === "comma") return { ok: false, reason: "the reading starts with a comma" };
  try {
    const value = new Reader(tokens, end).readAll();
    const firstToken = tokens[0];
    const lastToken = tokens[end - 1];
    const consumed = firstToken && lastToken ? text.slice(firstToken.start, lastToken.end) : "";
    return { ok: true, value, consumed };
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, reason: error.reason };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Writer

/** Words of one group 1–999; `inner` groups (not the first of the number) always say their hundreds. */
function groupWords(group: number, inner: boolean): string[] {
  const h = Math.floor(group / 100);
  const t = Math.floor(group / 10) % 10;
  const u = group % 10;
  const words: string[] = [];
  const digit = (d: number): string => DIGIT_WORDS[d] ?? "";
  if (h > 0 || inner) words.push(digit(h), "trăm");
  if (t === 0) {
    if (u > 0) {
      if (words.length > 0) words.push("linh");
      words.push(digit(u));
    }
  } else {
    if (t === 1) words.push("mười");
    else words.push(digit(t), "mươi");
    if (u === 5) words.push("lăm");
    else if (u === 1 && t >= 2) words.push("mốt");
    else if (u > 0) words.push(digit(u));
  }
  return words;
}

/** Words of 1 ≤ m < 10^9 as triệu / nghìn / units groups. */
function belowTy(m: number, leading: boolean, commas: boolean): string {
  const units = m % 1000;
  const thousands = ((m - units) / 1000) % 1000;
  const millions = (m - units - thousands * 1000) / 1_000_000;
  const parts: string[] = [];
  let first = leading;
  for (const [group, scale] of [
    [millions, "triệu"],
    [thousands, "nghìn"],
    [units, ""],
  ] as const) {
    if (group === 0) continue;
    const words = groupWords(group, !first);
    if (scale !== "") words.push(scale);
    parts.push(words.join(" "));
    first = false;
  }
  return parts.join(commas ? ", " : " ");
}

/**
 * The standard administrative reading of a non-negative safe integer, lower case and without a
 * currency word: `9753000000` → "chín tỷ, bảy trăm năm mươi ba triệu". Throws a RangeError for
 * anything that is not an integer from 0 to Number.MAX_SAFE_INTEGER.
 */
export function writeNumberWords(n: number, options?: WriteNumberWordsOptions): string {
  const style = options?.style ?? "standard";
  if (style !== "standard") throw new RangeError(`unknown number-words style: ${String(style)}`);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`writeNumberWords needs an integer from 0 to ${Number.MAX_SAFE_INTEGER}, got ${n}`);
  }
  if (n === 0) return "không";
  if (n < TY) return belowTy(n, true, true);
  const rest = n % TY;
  const multiplier = (n - rest) / TY; // < 10^9 for every safe integer
  const head = `${belowTy(multiplier, true, false)} tỷ`;
  return rest === 0 ? head : `${head}, ${belowTy(rest, false, true)}`;
}

/** Upper-cases the first letter, for a reading that starts a sentence: "Chín tỷ, …". */
export function capitalizeFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + text.slice(head.length);
}
