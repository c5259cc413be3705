import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from "chevrotain";
import { amountMatcher } from "./amount.ts";
import { LETTER, UPPER } from "./letters.ts";
import { ADDRESSEES_HEADING, BASIS_OPENER, BULLETS, LABEL_FORMS, MOTTO, NUMBER_FIELD, PROPOSAL_OPENER, RECIPIENTS_HEADING, SIGN_PREFIX, SUBJECT_OPENER, TOTAL_ROW, TYPE_HEADINGS, UNIT_CAPTION, DOC_TYPE } from "../vi/layout.ts";

/**
 * The tokens of a plan, made from the layout table (`vi/layout.ts`). Line-start tokens (labels, signature prefixes, type headings) only match at
 * the start of a line, which is why they use custom matchers; everything else is an ordinary pattern.
 * Order matters: Chevrotain takes the first pattern that matches, so longer and more specific come first.
 */

/** Wraps a pattern (a regex or its source) in a sticky regex that only matches at the start of a line. */
function atLineStart(pattern: RegExp | string): CustomPatternMatcherFunc {
  const sticky = new RegExp(typeof pattern === "string" ? pattern : pattern.source, "my");
  return (text, offset) => {
    if (offset > 0 && text.charCodeAt(offset - 1) !== 10) return null;
    sticky.lastIndex = offset;
    return sticky.exec(text);
  };
}

const DIGITS = "0123456789".split("");

/** Every token but Newline: what a line's running text is made of. */
export const Inline = createToken({ name: "Inline", pattern: Lexer.NA });

export const Newline = createToken({ name: "Newline", pattern: /\n/, line_breaks: true });
export const Space = createToken({ name: "Space", pattern: / +/, group: Lexer.SKIPPED });
export const FootnoteRef = createToken({ name: "FootnoteRef", pattern: /\[\^[^\]\s\n]{1,20}\]/, group: "footnoteRefs" });

// --- line-start tokens -------------------------------------------------------------------------
/** `Phần I`, `PHẦN THỨ HAI.`: the parts of a long plan, above its roman numerals. */
export const PartLabel = createToken({
  name: "PartLabel",
  pattern: atLineStart(`${LABEL_FORMS.part}(?= |$)`),
  start_chars_hint: ["P"],
  line_breaks: false,
});
/** `A.`, `B.`: the main parts of a plan, above its roman numerals. */
export const CapitalLabel = createToken({
  name: "CapitalLabel",
  pattern: atLineStart(LABEL_FORMS.capital),
  start_chars_hint: [..."ABCDEFGHĐ"],
  line_breaks: false,
});
/** `Điều 1.` (`Điều 1:`): the articles of a decision, the plan's own parent document. */
export const ArticleLabel = createToken({
  name: "ArticleLabel",
  pattern: atLineStart(`${LABEL_FORMS.article}(?= |$)`),
  start_chars_hint: ["Đ"],
  line_breaks: false,
});
/** `I.` … `XII.` */
export const RomanLabel = createToken({
  name: "RomanLabel",
  pattern: atLineStart(`${LABEL_FORMS.roman}(?= |$)`),
  start_chars_hint: ["I", "V", "X", "L"],
  line_breaks: false,
});
/** `1.1.`, `2.1.4.`, also `2.1` without the final dot. */
export const DecimalLabel = createToken({
  name: "DecimalLabel",
  pattern: atLineStart(`${LABEL_FORMS.decimalOpen}\\.?(?= |$)`),
  start_chars_hint: DIGITS,
  line_breaks: false,
});
/** `1.`, `12.`, `1)` */
export const ArabicLabel = createToken({
  name: "ArabicLabel",
  pattern: atLineStart(`(?:${LABEL_FORMS.arabicParen}|\\d{1,2}\\.)(?= |$)`),
  start_chars_hint: DIGITS,
  line_breaks: false,
});
/** `a)` … `đ)` … `y)`; also `a.`, as plans written outside the NĐ 30 form number them. */
export const LetterLabel = createToken({
  name: "LetterLabel",
  pattern: atLineStart(`${LABEL_FORMS.letter}(?= |$)`),
  start_chars_hint: "abcdefghijklmnopqrstuvwxyzđ".split(""),
  line_breaks: false,
});
/** `-`, `–` and bullet items (`•`, `●`, the Symbol font's U+F0B7 …: `BULLETS`), and `+` items. */
export const DashItem = createToken({
  name: "DashItem",
  pattern: atLineStart(`${LABEL_FORMS.item}(?= ?\\S)`),
  start_chars_hint: ["-", "–", ...BULLETS],
  line_breaks: false,
});
export const PlusItem = createToken({
  name: "PlusItem",
  pattern: atLineStart(`${LABEL_FORMS.plus}(?= ?\\S)`),
  start_chars_hint: ["+"],
  line_breaks: false,
});
/**
 * `TM.`, `KT.`, `TL.`, `TUQ.`, `Q.` opening a signature line (`KT.CHỦ TỊCH` has no space); `TM.` is
 * also written `T/M.` and `T.M.`.
 */
export const SignPrefix = createToken({
  name: "SignPrefix",
  pattern: atLineStart(SIGN_PREFIX),
  start_chars_hint: ["T", "K", "Q"],
  line_breaks: false,
});
/** `Nơi nhận:` */
export const RecipientsHeading = createToken({
  name: "RecipientsHeading",
  pattern: atLineStart(RECIPIENTS_HEADING),
  start_chars_hint: ["N"],
  line_breaks: false,
});
/** `Kính gửi:` */
export const AddresseesHeading = createToken({
  name: "AddresseesHeading",
  pattern: atLineStart(ADDRESSEES_HEADING),
  start_chars_hint: ["K"],
  line_breaks: false,
});
/** `Số:` of the header (`Số: 12/KH-UBND`). */
export const NumberField = createToken({
  name: "NumberField",
  pattern: atLineStart(NUMBER_FIELD),
  start_chars_hint: ["S"],
  line_breaks: false,
});
/** `V/v` opening a letter's summary (`V/v triển khai …`). */
export const SubjectMark = createToken({
  name: "SubjectMark",
  pattern: atLineStart(SUBJECT_OPENER),
  start_chars_hint: ["V"],
  line_breaks: false,
});
/** The national motto, either line. */
export const Motto = createToken({
  name: "Motto",
  pattern: atLineStart(`${MOTTO.source}[^\\n]*`),
  start_chars_hint: ["C", "Đ"],
  line_breaks: false,
});
/** The type heading on a line of its own: `KẾ HOẠCH`, `QUYẾT ĐỊNH`, … */
export const TypeHeading = createToken({
  name: "TypeHeading",
  pattern: atLineStart(`(?:${TYPE_HEADINGS.join("|")})(?= *$)`),
  start_chars_hint: [...new Set(TYPE_HEADINGS.map((heading) => heading[0] as string))],
  line_breaks: false,
});
/** A digital-signature timestamp line: `2023-05-05T21:45:59+0700`. */
export const Timestamp = createToken({
  name: "Timestamp",
  pattern: atLineStart(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?(?= *$)/m),
  start_chars_hint: DIGITS,
  line_breaks: false,
});

// --- inline entity tokens ----------------------------------------------------------------------
/** `18/01/2022` */
export const SlashDate = createToken({ name: "SlashDate", pattern: /\d{1,2}\/\d{1,2}\/\d{4}(?!\d)/ });
/** Number and symbol: `06/2022/TT-BTTTT`, `252/BTTTT-KHTC`, `120/2020/QH14`, `/KH-UBND` (draft). */
export const DocNumber = createToken({
  name: "DocNumber",
  pattern: new RegExp(`\\d{0,6}(?:-[${UPPER}][${LETTER}]*)?\\/(?:\\d{4}\\/)?[${UPPER}][${LETTER}0-9&]*(?:-[${UPPER}0-9][${LETTER}0-9&]*)*`),
});
/** Dotted thousands `9.753.000.000` (not a phone number `091.279.9026`). */
export const Amount = createToken({ name: "Amount", pattern: amountMatcher(), start_chars_hint: DIGITS, line_breaks: false });
export const NumberToken = createToken({ name: "Number", pattern: /\d+(?:,\d+)?/ });

export const Word = createToken({ name: "Word", pattern: new RegExp(`[${LETTER}][${LETTER}0-9&]*`) });

/** Multi-word keywords are single tokens so that LL(k) lookahead stays small. */
function keyword(name: string, pattern: RegExp): TokenType {
  return createToken({ name, pattern, longer_alt: Word });
}
/** A document type's name (`Quyết định`, `Thông tư liên tịch`, `QUYẾT ĐỊNH`), from the layout table. */
export const DocType = keyword("DocType", DOC_TYPE);
/** `Căn cứ`; OCR often reads it `Căn cử` (a word that never follows `Căn`). */
export const CanCu = keyword("CanCu", BASIS_OPENER);
export const ThucHien = keyword("ThucHien", /Th[ựỰ]c hi[ệỆ]n/);
/** `Theo đề nghị`, `Xét đề nghị`: who proposed the document, at the end of the preamble. */
export const Proposal = keyword("Proposal", PROPOSAL_OPENER);
export const So = keyword("So", /s[ốỐ]|S[ốỐ]/);
export const Ngay = keyword("Ngay", /[Nn]gày|NGÀY/);
export const Thang = keyword("Thang", /[Tt]háng|THÁNG/);
export const Nam = keyword("Nam", /[Nn]ăm|NĂM/);
export const Cua = keyword("Cua", /của|CỦA/);
/** The currency: `đồng`, and as amounts are also written, `1.500.000.000đ`, `… VNĐ`. */
export const Dong = keyword("Dong", /đồng|Đồng|ĐỒNG|VNĐ|VND|đ/);
/** `Đơn vị tính` of a table's caption (`Đơn vị tính: triệu đồng`). */
export const UnitCaption = keyword("UnitCaption", UNIT_CAPTION);
/** `Tổng cộng` / `Tổng số`, the words of a total row. */
export const TotalMark = keyword("TotalMark", TOTAL_ROW);

export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Semicolon = createToken({ name: "Semicolon", pattern: /;/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const Slash = createToken({ name: "Slash", pattern: /\// });
export const Dash = createToken({ name: "Dash", pattern: /[-–—]/ });
export const EndMark = createToken({ name: "EndMark", pattern: /\.\/\./ });
export const Period = createToken({ name: "Period", pattern: /\./ });
/** Every non-space UTF-16 code unit: declared so that the lexer keeps its first-character optimisation. */
const ANY_VISIBLE: number[] = [];
for (let code = 0x21; code <= 0xffff; code++) {
  if (!/\s/.test(String.fromCharCode(code))) ANY_VISIBLE.push(code);
}
const anyCharacter = /[^\s]/y;
/** Anything else is one character: the lexer never fails. */
export const Other = createToken({
  name: "Other",
  pattern: (text, offset) => {
    anyCharacter.lastIndex = offset;
    return anyCharacter.exec(text);
  },
  start_chars_hint: ANY_VISIBLE,
  line_breaks: false,
});

/** Tokens that start a line-level construct, in matching order. */
export const lineStartTokens = [
  Timestamp,
  Motto,
  TypeHeading,
  RecipientsHeading,
  AddresseesHeading,
  NumberField,
  SubjectMark,
  SignPrefix,
  PartLabel,
  CapitalLabel,
  ArticleLabel,
  RomanLabel,
  DecimalLabel,
  ArabicLabel,
  LetterLabel,
  DashItem,
  PlusItem,
];

const inlineTokens: TokenType[] = [
  ...lineStartTokens,
  SlashDate,
  DocNumber,
  Amount,
  NumberToken,
  DocType,
  CanCu,
  ThucHien,
  Proposal,
  So,
  Ngay,
  Thang,
  Nam,
  Cua,
  Dong,
  UnitCaption,
  TotalMark,
  Word,
  LParen,
  RParen,
  Comma,
  Semicolon,
  Colon,
  Slash,
  Dash,
  EndMark,
  Period,
  Other,
];
for (const token of inlineTokens) token.CATEGORIES = [Inline];

export const allTokens: TokenType[] = [Newline, Space, FootnoteRef, Inline, ...inlineTokens];
