/**
 * What a line of extracted text looks like at its start, before any grammar runs: enough to decide
 * where paragraphs begin when re-flowing hard-wrapped text. The grammar decides what the lines mean.
 */
import { ADDRESSEES_HEADING, BASIS_OPENER, LABEL_FORMS, MOTTO_OPENER, NUMBER_FIELD, RECIPIENTS_HEADING, SIGN_PREFIX, STRONG_LABEL } from "../vi/layout.ts";

/** Decimal labels written without the final dot (`2.1 Nội dung`): a label only after a finished line. */
const WEAK_LABEL = new RegExp(`^${LABEL_FORMS.decimalOpen}(?= \\S)`);
/** `-`/`+`/bullet items; a dash followed by a lower-case word is a wrapped `kinh tế -` continuation. */
const ITEM = new RegExp(`^(?:${LABEL_FORMS.item}|${LABEL_FORMS.plus})\\s*(?=\\S)`);
const ITEM_CONTINUATION = /^[-–]\s+[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/;
/** Words that open a block of their own in every plan, and a footnote line. */
const BLOCK_OPENER = new RegExp(
  `^(?:${[BASIS_OPENER, RECIPIENTS_HEADING, SIGN_PREFIX, NUMBER_FIELD, ADDRESSEES_HEADING, MOTTO_OPENER].map((r) => r.source).join("|")}|\\[\\^[^\\]]+\\]:)`,
);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const LOWER_START = /^[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/;
/** A line that can only continue the previous one: lower-case word, or a digit/bracket/punctuation start. */
const CONTINUATION_START = /^(?:[,;:.)\]/%]|\((?![a-zđ]\))|\d+(?!\d)(?!(?:\.\d{1,2})*[.)](?:\s|$)))/;
/** Rules (`-----`, `____`) and the lone `*` under a Party committee's name: ornaments, not text. */
const RULE = /^(?:[-–—_=*~.·•\s]{3,}|\s*\*\s*)$/;

export function isTimestampLine(line: string): boolean {
  return TIMESTAMP.test(line);
}
export function isRuleLine(line: string): boolean {
  return RULE.test(line) && !/^[-+]\s+\S/.test(line);
}
export function startsLowerCase(line: string): boolean {
  return LOWER_START.test(line);
}

/** The line opens a new paragraph whatever came before it. */
export function startsBlockStrongly(line: string): boolean {
  if (STRONG_LABEL.test(line) || BLOCK_OPENER.test(line)) return true;
  return ITEM.test(line) && !ITEM_CONTINUATION.test(line);
}

/** The line opens a new paragraph only if the previous one ended. */
export function startsBlockWeakly(line: string): boolean {
  return WEAK_LABEL.test(line);
}

/** The line can only be the continuation of the one before. */
export function continuesPrevious(line: string): boolean {
  return LOWER_START.test(line) || CONTINUATION_START.test(line) || ITEM_CONTINUATION.test(line);
}

/** The line ends a sentence or a clause that can end a paragraph. */
export function endsSentence(line: string): boolean {
  return /[.;:!?…]["”’)]*$/.test(line) || /\.\/\.$/.test(line);
}
