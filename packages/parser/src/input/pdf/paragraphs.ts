import { estimateWidth } from "./glyphs.ts";
import { APPENDIX_HEADING, BASIS_OPENER, LABEL_FORMS, isTypeHeading } from "../../vi/layout.ts";
import type { Metrics } from "./metrics.ts";
import { SUP_CLOSE, SUP_OPEN, type Line } from "./types.ts";

/** A paragraph: the lines it was joined from, and what goes between each two (" " or ""). */
export interface Paragraph {
  lines: Line[];
  joins: string[];
}

const MARKER = new RegExp(`${SUP_OPEN}\\d+${SUP_CLOSE}`, "g");
/** Line-leading labels that start a paragraph (the layout table's): A. I. 1. 1.1. 2.1 a) a. - + •, `Căn cứ`, `Điều 5.`. */
const LABEL = new RegExp(
  `^(?:(?:${[LABEL_FORMS.roman, LABEL_FORMS.numbered, LABEL_FORMS.arabicParen].join("|")})(?=\\s|$)|` +
    `(?:${[LABEL_FORMS.decimalOpen, LABEL_FORMS.letter, LABEL_FORMS.item, LABEL_FORMS.plus].join("|")})(?=\\s)|` +
    `${BASIS_OPENER.source}(?=\\s|$)|${LABEL_FORMS.article}|${LABEL_FORMS.capital})`,
  "u",
);
const DASH = /^[-–]\s/;
const ENDS_SENTENCE = /[.;:!?…]["”’)\]]*$/u;
/** A heading that stands alone: a type heading, or an appendix's `PHỤ LỤC II`. */
const isStandaloneHeading = (text: string) => isTypeHeading(text) || APPENDIX_LINE.test(text);
const APPENDIX_LINE = new RegExp(`${APPENDIX_HEADING.source}(?: [IVX\\d]+)?$`, "u");

export function plain(text: string): string {
  return text.replace(MARKER, "").trim();
}

export function startsWithLabel(text: string): boolean {
  return LABEL.test(plain(text));
}

function startsLower(text: string): boolean {
  const m = /\p{L}/u.exec(plain(text));
  return m !== null && m.index === 0 && m[0] !== m[0].toUpperCase();
}

function allCaps(text: string): boolean {
  const t = plain(text);
  return /\p{L}.*\p{L}/u.test(t) && t === t.toUpperCase();
}

function isRule(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

function firstWord(text: string): string {
  const t = plain(text);
  const i = t.indexOf(" ");
  return i < 0 ? t : t.slice(0, i);
}

function isCentered(line: Line, m: Metrics): boolean {
  const s = line.size;
  return (
    line.x0 > m.left + 0.5 * s &&
    line.x1 < m.right - 0.5 * s &&
    Math.abs((line.x0 + line.x1) / 2 - (m.left + m.right) / 2) <= Math.max(3, 0.3 * s)
  );
}

function isIndented(line: Line, m: Metrics): boolean {
  if (m.indent === undefined) return false;
  const d = line.x0 - m.left;
  return d >= 0.6 * m.indent && d <= m.indent + 1.5 * line.size && !isCentered(line, m);
}

/** The line stops early: the first word of the next line would have fitted after it. */
function endsShort(line: Line, next: Line, m: Metrics): boolean {
  const room = m.right - line.x1;
  return room > estimateWidth(firstWord(next.text), next.size) + 0.6 * line.size;
}

/** What goes between two joined lines: nothing after a hyphen glued to a word ("252/BTTTT-" + "KHTC"). */
export function joiner(prev: string, next: string): string {
  if (/[-–—]$/.test(prev) && !/\s[-–—]$/.test(prev) && !/^\s/.test(next)) return "";
  return " ";
}

/**
 * Decides whether `next` continues the paragraph of `prev`. Geometry first (line gaps, first-line
 * indent, a short last line, centring), text after (labels and "Căn cứ" start paragraphs, a lower-case
 * start continues one). Lines of column blocks and table cells stay apart unless a lower-case line
 * continues the one above it on the same side.
 */
export function continues(prev: Line, next: Line, mp: Metrics, mn: Metrics): boolean {
  const pageBreak = prev.page !== next.page;
  const lower = startsLower(next.text);
  let label = startsWithLabel(next.text);
  if (prev.block || next.block) {
    // Inside a column block only a wrapped line goes on: it starts in lower case or follows a comma.
    return (
      !pageBreak &&
      prev.block?.id === next.block?.id &&
      prev.block?.side === next.block?.side &&
      !label &&
      (lower || /,$/.test(prev.text)) &&
      prev.y - next.y <= 2 * next.size
    );
  }
  // A label-like start at the left margin right after a full line that did not end a sentence is the
  // line-wrapped rest of it ("… Ban Văn hóa" / "– Xã hội, …", "… kinh tế" / "- xã hội").
  // Without first-line indents only a dash can be told apart this way (a numbered label at the margin
  // after an unfinished line is still more likely a new item).
  if (
    label &&
    !ENDS_SENTENCE.test(prev.text) &&
    !isIndented(next, mn) &&
    !endsShort(prev, next, mp) &&
    Math.abs(next.x0 - mn.left) <= 0.5 * next.size &&
    (mn.indent !== undefined || DASH.test(plain(next.text)))
  ) {
    label = false;
  }
  if (prev.cell || next.cell) return false;
  if (isRule(plain(prev.text)) || isRule(plain(next.text))) return false;
  if (Math.abs(prev.size - next.size) > 0.12 * Math.max(prev.size, next.size)) return false;
  if (label) return false;
  if (isStandaloneHeading(plain(prev.text)) || isStandaloneHeading(plain(next.text))) return false;

  if (pageBreak) {
    if (isIndented(next, mn) && !lower) return false;
    if (lower) return true;
    // A centred heading opening the page (an appendix title), or a page ending on a line that starts
    // far from the margin (the signer's name, a centred line): a new paragraph.
    if (isCentered(next, mn) || prev.x0 > mp.left + 4 * prev.size) return false;
    if (endsShort(prev, next, mp)) return false;
    if (!ENDS_SENTENCE.test(prev.text)) return true;
    return mn.indent !== undefined && !isIndented(next, mn);
  }

  const gap = prev.y - next.y;
  const pitch = mp.pitch * (next.size / mp.bodySize);
  if (gap <= 0.3 * next.size) return false; // not below it: some other flow
  if (gap > 1.3 * pitch && !(lower && gap <= 2 * pitch)) return false;

  const cp = isCentered(prev, mp), cn = isCentered(next, mn);
  if (cp && cn) {
    if (allCaps(prev.text) !== allCaps(next.text)) return false;
    if (ENDS_SENTENCE.test(prev.text)) return false;
    return prev.font === next.font || lower;
  }
  if (isIndented(next, mn) && !(lower && !endsShort(prev, next, mp))) return false;
  if (lower) return true;
  if (cn && !cp) return !ENDS_SENTENCE.test(prev.text) && !endsShort(prev, next, mp);
  if (endsShort(prev, next, mp)) return false;
  return true;
}

/** Joins consecutive body lines into paragraphs. */
export function buildParagraphs(lines: readonly Line[], metrics: (page: number) => Metrics): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  let prev: Line | undefined;
  for (const line of lines) {
    if (current && prev && continues(prev, line, metrics(prev.page), metrics(line.page))) {
      current.joins.push(joiner(prev.text, line.text));
      current.lines.push(line);
    } else {
      current = { lines: [line], joins: [] };
      out.push(current);
    }
    prev = line;
  }
  return out;
}
