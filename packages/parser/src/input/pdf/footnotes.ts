import { SUP_CLOSE, SUP_OPEN, type Line, type PageText } from "./types.ts";

/** Footnote text is set smaller than the body: at most this share of the body size. */
const SMALL = 0.88;

export interface Footnote {
  no: number;
  lines: Line[];
}

const LEADING_SUP = new RegExp(`^${SUP_OPEN}(\\d{1,3})${SUP_CLOSE}\\s*`);
const LEADING_NUMBER = /^(\d{1,3})[.)]?\s+(?=\S)/;

/**
 * Finds footnotes: the run of small-font lines at the bottom of a page (below all body-size text),
 * starting with a number — raised, or plain and next in sequence. Lines without a number of their
 * own continue the footnote before them, also across a page break. Marks those lines "footnote",
 * strips their number, and returns the footnotes by number.
 */
export function findFootnotes(pages: PageText[], bodySize: number): Map<number, Footnote> {
  const notes = new Map<number, Footnote>();
  let open: Footnote | undefined;
  let last = 0;
  for (const page of pages) {
    const zone = bottomZone(page, bodySize);
    if (zone.length === 0) {
      open = undefined;
      continue;
    }
    const first = zone[0] as Line;
    if (leadingNumber(first, last) === undefined && !open) continue;
    for (const line of zone) {
      const no = leadingNumber(line, last);
      if (no !== undefined) {
        line.footnoteStart = no;
        line.text = line.text.replace(LEADING_SUP, "").replace(LEADING_NUMBER, "");
        open = { no, lines: [] };
        if (!notes.has(no)) notes.set(no, open);
        last = no;
      }
      if (!open) continue;
      line.role = "footnote";
      open.lines.push(line);
    }
  }
  return notes;
}

/** Small lines at the bottom of the page, top to bottom, none of them in a column block. */
function bottomZone(page: PageText, bodySize: number): Line[] {
  const zone: Line[] = [];
  let sawBody = false;
  for (let i = page.lines.length - 1; i >= 0; i--) {
    const line = page.lines[i] as Line;
    if (line.role === "furniture" || line.role === "stamp" || line.aside) continue;
    if (line.block || line.cell || line.size > SMALL * bodySize) {
      sawBody = true;
      break;
    }
    zone.push(line);
  }
  zone.reverse();
  // Footnotes sit under some body text (a long one can fill most of the page); a page set all small is not one.
  return zone.length > 0 && sawBody ? zone : [];
}

/** The number a footnote line starts with: raised digits, or plain digits that come next in sequence. */
function leadingNumber(line: Line, last: number): number | undefined {
  const sup = LEADING_SUP.exec(line.text);
  if (sup) return Number(sup[1]);
  const plain = LEADING_NUMBER.exec(line.text);
  if (!plain) return undefined;
  const no = Number(plain[1]);
  // Plain digits also begin ordinary wrapped lines ("2021 - 2030, …"): only the expected next number counts.
  return no === last + 1 ? no : undefined;
}
