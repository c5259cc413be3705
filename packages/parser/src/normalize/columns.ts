import type { LineStore } from "./lines.ts";
import { APPENDIX_HEADING, LABEL_FORMS, MOTTO_OPENER, NUMBER_FIELD, RECIPIENTS_HEADING, SIGN_PREFIX, isTypeHeading } from "../vi/layout.ts";

/**
 * Text extracted with its layout kept (`pdftotext -layout`, copied from a PDF viewer) prints the
 * header's two columns side by side — `SỞ CÔNG THƯƠNG      CỘNG HÒA XÃ HỘI …` — and so does the
 * recipients | signature block. Those zones are rewritten column by column: the left column's lines,
 * then the right column's, so each field stands on its own line.
 */
const RECIPIENTS = new RegExp(`^\\s*${RECIPIENTS_HEADING.source}`);
/** The right column starts like a field: a capital, a digit or a bracket. */
const FIELD_START = /[A-ZÀ-ỸĐ0-9(]/;
const HEADER_LINES = 15;
const TAIL_LINES = 30;

export function unfoldColumns(store: LineStore, lines: number[]): number[] {
  const headingAt = lines.slice(0, HEADER_LINES + 5).findIndex((line) => isTypeHeading(store.text(line)));
  const headerEnd = headingAt >= 0 ? headingAt : Math.min(lines.length, 8);
  const recipientsAt = lines.findIndex((line, i) => i >= headerEnd && RECIPIENTS.test(store.text(line)));
  const out = unfoldZone(store, lines.slice(0, headerEnd), splitHeaderAtOpener);
  if (recipientsAt < 0) return out.concat(lines.slice(headerEnd));
  // The closing block ends at the page's end or where an appendix begins, whichever comes first.
  let tailEnd = Math.min(lines.length, recipientsAt + TAIL_LINES);
  for (let i = recipientsAt + 1; i < tailEnd; i++) {
    const text = store.text(lines[i] as number);
    if (text.includes("\f") || APPENDIX_HEADING.test(text)) {
      tailEnd = i;
      break;
    }
  }
  return out.concat(lines.slice(headerEnd, recipientsAt), unfoldZone(store, lines.slice(recipientsAt, tailEnd), splitTailAtOpener), lines.slice(tailEnd));
}

/**
 * Splits each line of a zone at its column gap; a zone with fewer than two lines in the right column
 * is left alone. Without any gap (columns flattened with one space, as copying from a Word table or a
 * PDF without layout gives: `Số: 45/KH-UBND Bình Định, ngày …`), at the right column's known openers.
 */
function unfoldZone(store: LineStore, zone: number[], atOpener: (line: string) => number | null): number[] {
  const texts = zone.map((line) => store.text(line));
  const splits = zone.map((line, i) => splitAtGap(store, line, texts[i] as string));
  const split = splits.filter((s) => s.right !== null).length;
  if (split === 0) return unfoldAtOpeners(store, zone, texts, atOpener);
  const rightStart = Math.min(...splits.flatMap((s) => (s.rightColumn === null ? [] : [s.rightColumn])));
  // Two lines at least show the right column: split ones, or lines wholly in it (the signer's name).
  const rightOnly = texts.filter((text, i) => splits[i]?.right === null && text.trim().length > 0 && indentOf(text) >= rightStart - 2).length;
  if (split + rightOnly < 2) return zone;
  const left: number[] = [];
  const right: number[] = [];
  zone.forEach((line, i) => {
    const split = splits[i] as Split;
    const text = texts[i] as string;
    if (split.right !== null) {
      left.push(split.left);
      right.push(split.right);
    } else if (indentOf(text) >= rightStart - 2 && text.trim().length > 0) {
      right.push(line);
    } else {
      left.push(line);
    }
  });
  return left.concat(right);
}

interface Split {
  left: number;
  right: number | null;
  rightColumn: number | null;
}

function splitAtGap(store: LineStore, line: number, text: string): Split {
  const gap = findGap(text, indentOf(text));
  if (!gap) return { left: line, right: null, rightColumn: null };
  const [gapStart, rightStart] = gap;
  return { left: store.sub(line, 0, gapStart), right: store.sub(line, rightStart, text.length), rightColumn: rightStart };
}

/** The first run of four or more spaces followed by a field start, as [start, end); one pass (a regex here was quadratic). */
function findGap(text: string, from: number): [number, number] | null {
  let run = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === " ") {
      run++;
      continue;
    }
    if (run >= 4 && FIELD_START.test(text[i] as string)) return [i - run, i];
    run = 0;
  }
  return null;
}

/**
 * Columns run together with single spaces: each line cut where the right column's field opens, and
 * a line that is the right column's own (nothing cut, not the left's kind) moved to it. Two cuts at
 * least, as with gaps; the right column keeps its lines' order.
 */
function unfoldAtOpeners(store: LineStore, zone: number[], texts: string[], atOpener: (line: string) => number | null): number[] {
  const cuts = texts.map(atOpener);
  if (cuts.filter((c) => c !== null).length < 2) return zone;
  const lastCut = cuts.reduce<number>((last, c, i) => (c === null ? last : i), -1);
  const left: number[] = [];
  const right: number[] = [];
  zone.forEach((line, i) => {
    const cut = cuts[i];
    const text = texts[i] as string;
    if (cut !== null && cut !== undefined) {
      left.push(trimmed(store, line, text, 0, cut));
      right.push(trimmed(store, line, text, cut, text.length));
    } else if (i > lastCut && isRightColumnLine(text)) {
      right.push(line);
    } else left.push(line);
  });
  return left.concat(right);
}

/** An item line (`-`, `+`, a bullet): its own line, never a column's wrapped text. */
const ITEM_START = new RegExp(`^(?:${LABEL_FORMS.item}|${LABEL_FORMS.plus})`);

/** After the last cut, a line that is no list item (`- …`, `Lưu: …`) is the signing block's (the signer's name). */
function isRightColumnLine(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && !ITEM_START.test(t) && !/^Lưu\b/u.test(t) && !RECIPIENTS.test(t);
}

function trimmed(store: LineStore, line: number, text: string, from: number, to: number): number {
  let a = from;
  let b = to;
  while (a < b && text[a] === " ") a++;
  while (b > a && text[b - 1] === " ") b--;
  return store.sub(line, a, b);
}

/** Where the header's right column opens in a line: the motto, or the place and date after a number field. */
function splitHeaderAtOpener(text: string): number | null {
  const motto = MOTTO_OPENER.exec(text);
  if (motto !== null && motto.index > 0 && text[motto.index - 1] === " " && text.slice(0, motto.index).trim().length > 0) return motto.index;
  const field = NUMBER_FIELD.exec(text);
  if (field === null || field.index > 2) return null;
  // `Số: 45/KH-UBND Bình Định, ngày …`: the first word in sentence case after the symbol starts the place.
  const after = field.index + field[0].length;
  const place = PLACE_AFTER_SYMBOL.exec(text.slice(after));
  return place === null ? null : after + place.index + 1;
}

/** A word in sentence case (`Bình`, `Tp.`) that starts a place followed, on the same line, by `, ngày` or `, 05/3/2024`. */
const PLACE_AFTER_SYMBOL = / [A-ZÀ-ỸĐ][a-zà-ỹđ][^,]{0,40}, (?:ngày\b|\d{1,2}\/\d{1,2}\/\d{4})/u;

/** Where the signing block opens in a line of the recipients' zone: a signing prefix after `Nơi nhận:`, or positions in capitals after an item's `;` or `,`. */
function splitTailAtOpener(text: string): number | null {
  const heading = RECIPIENTS.exec(text);
  if (heading !== null) {
    const prefix = PREFIX_AFTER_SPACE.exec(text.slice(heading[0].length));
    return prefix === null ? null : heading[0].length + prefix.index + 1;
  }
  const caps = TRAILING_CAPITALS.exec(text);
  return caps === null ? null : caps.index + 2;
}

/** `Nơi nhận: KT. CHỦ TỊCH`: a signing prefix after a space. */
const PREFIX_AFTER_SPACE = new RegExp(` (${SIGN_PREFIX.source})`);

/** `- Bộ Thông tin và Truyền thông; PHÓ CHỦ TỊCH`: two or more words in capitals after the item's `;` (a Party committee's `,`). */
const TRAILING_CAPITALS = /[;,] (?:[A-ZÀ-ỸĐ]{2,}\.? )+[A-ZÀ-ỸĐ]{2,}$/u;

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}
