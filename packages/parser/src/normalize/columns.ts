import type { TracedText } from "./chars.ts";
import { APPENDIX_HEADING, RECIPIENTS_HEADING, isTypeHeading } from "../vi/layout.ts";

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

export function unfoldColumns(lines: TracedText[]): TracedText[] {
  const headingAt = lines.slice(0, HEADER_LINES + 5).findIndex((line) => isTypeHeading(line.text));
  const headerEnd = headingAt >= 0 ? headingAt : Math.min(lines.length, 8);
  const recipientsAt = lines.findIndex((line, i) => i >= headerEnd && RECIPIENTS.test(line.text));
  const out = unfoldZone(lines.slice(0, headerEnd));
  if (recipientsAt < 0) return out.concat(lines.slice(headerEnd));
  // The closing block ends at the page's end or where an appendix begins, whichever comes first.
  let tailEnd = Math.min(lines.length, recipientsAt + TAIL_LINES);
  for (let i = recipientsAt + 1; i < tailEnd; i++) {
    const text = (lines[i] as TracedText).text;
    if (text.includes("\f") || APPENDIX_HEADING.test(text)) {
      tailEnd = i;
      break;
    }
  }
  return out.concat(lines.slice(headerEnd, recipientsAt), unfoldZone(lines.slice(recipientsAt, tailEnd)), lines.slice(tailEnd));
}

/** Splits each line of a zone at its column gap; a zone with fewer than two lines in the right column is left alone. */
function unfoldZone(zone: TracedText[]): TracedText[] {
  const splits = zone.map(splitAtGap);
  const split = splits.filter((s) => s.right !== null).length;
  if (split === 0) return zone;
  const rightStart = Math.min(...splits.flatMap((s) => (s.rightColumn === null ? [] : [s.rightColumn])));
  // Two lines at least show the right column: split ones, or lines wholly in it (the signer's name).
  const rightOnly = zone.filter((line, i) => splits[i]?.right === null && line.text.trim().length > 0 && indentOf(line.text) >= rightStart - 2).length;
  if (split + rightOnly < 2) return zone;
  const left: TracedText[] = [];
  const right: TracedText[] = [];
  zone.forEach((line, i) => {
    const split = splits[i] as Split;
    if (split.right !== null) {
      left.push(split.left);
      right.push(split.right);
    } else if (indentOf(line.text) >= rightStart - 2 && line.text.trim().length > 0) {
      right.push(line);
    } else {
      left.push(line);
    }
  });
  return left.concat(right);
}

interface Split {
  left: TracedText;
  right: TracedText | null;
  rightColumn: number | null;
}

function splitAtGap(line: TracedText): Split {
  const gap = findGap(line.text, indentOf(line.text));
  if (!gap) return { left: line, right: null, rightColumn: null };
  const [gapStart, rightStart] = gap;
  return {
    left: { text: line.text.slice(0, gapStart), origin: line.origin.subarray(0, gapStart) },
    right: { text: line.text.slice(rightStart), origin: line.origin.subarray(rightStart) },
    rightColumn: rightStart,
  };
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

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}
