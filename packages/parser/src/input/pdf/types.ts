import type { Box } from "@kehoach/model";

/**
 * One pdf.js text item, placed in the page's reading frame: x to the right, y up, origin at the
 * bottom-left of the displayed page (so a page with /Rotate is read upright). Whitespace-only items
 * are dropped: spaces are decided from gaps, because pdf.js invents "space" items for gaps that a
 * fallback-font glyph fills.
 */
export interface Run {
  /** NFC text, internal whitespace collapsed, no leading/trailing whitespace. */
  str: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
  font: string;
  /** Position in pdf.js's stream order on the page. */
  seq: number;
  /** Box in PDF user space, for regions. */
  box: Box;
  /** The item's text began / ended with whitespace: a space is wanted there. */
  spaceBefore: boolean;
  spaceAfter: boolean;
  /** A whitespace-only pdf.js item: kept only as a hint that the gap it spans is a word space. */
  blank?: boolean;
  /** Raised and smaller than its line: a superscript (footnote marker candidate). */
  sup?: boolean;
  /** Drawn by a signature widget's appearance, not by the page content. */
  widget?: boolean;
}

export type LineRole = "body" | "furniture" | "footnote" | "stamp";

/** A visual line, or one side of it inside a column block, or one cell of a table-like row. */
export interface Line {
  page: number;
  runs: Run[];
  /** Joined text; a superscript digit run is written `\uE000N\uE001` until footnotes are known. */
  text: string;
  x0: number;
  x1: number;
  y: number;
  /** Size and font of the longest non-superscript run. */
  size: number;
  font: string;
  box: Box;
  role: LineRole;
  /** Set when the line sits in a two-column block: same id = same block, side 0 = left, 1 = right. */
  block?: { id: number; side: 0 | 1 };
  /** A piece of a row split at wide gaps outside any column block (table-like): never joined. */
  cell?: boolean;
  /** Text set along another direction than the page's (a vertical margin note or stamp). */
  aside?: boolean;
  /** Items of this line came in a different x order from pdf.js (fallback-font runs). */
  reordered?: boolean;
  /** For footnote lines: the footnote number this line starts, if it starts one. */
  footnoteStart?: number;
  /** For stamp lines: lines of one stamp share a group id. */
  stampGroup?: number;
}

/** What layout needs to know about one page. */
export interface PageText {
  page: number;
  /** Displayed size (after /Rotate). */
  width: number;
  height: number;
  /** The page's user-space view box [x0, y0, x1, y1], to keep boxes inside the page. */
  view: [number, number, number, number];
  /** Lines in reading order. */
  lines: Line[];
  /** Characters of page content (not widgets), to tell scans from text. */
  chars: number;
}

/** Private-use brackets around a superscript number until footnotes are resolved. */
export const SUP_OPEN = "\uE000";
export const SUP_CLOSE = "\uE001";
