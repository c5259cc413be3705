import type { Box, SourceFormat } from "@kehoach/model";
import type { PlacedDiagnostic } from "../diagnostics.ts";

/**
 * What every input adapter hands to the normaliser: the document's text in reading order, and
 * where each stretch of it came from. Nothing after the normaliser knows which format a plan came from.
 *
 * Conventions inside `text` (shared by every adapter, so one normaliser handles them all):
 * - `\n` ends a line. With `layout: "paragraphs"` every line is a whole paragraph; with `"lines"`
 *   lines are visual lines that the normaliser re-flows into paragraphs; `"auto"` lets it decide.
 * - A footnote the adapter recognised is written as a line `[^LABEL]: text` (after the body, or where
 *   the adapter found it), and its marker in the body as `[^LABEL]`.
 * - Table cells are written one paragraph per line, row by row, left cell first; a two-column header
 *   table (issuer | motto; number | place and date) is written left column first, then right column,
 *   so each field stays on its own line.
 */
export interface ExtractedText {
  format: SourceFormat;
  text: string;
  layout: "paragraphs" | "lines" | "auto";
  /** Stretches of `text` with their page, box and OCR confidence; sorted by `start`, not overlapping. */
  regions: TextRegion[];
  /** Number of pages, when the input had pages. */
  pages?: number;
  /**
   * When `text` is not the input's own text (Markdown: syntax dropped), the input text and where
   * stretches of `text` came from in it: `{ at, from }` says `text[at…]` is `origin.text[from…]` until
   * the next run. Used to point findings at the user's own lines.
   */
  origin?: { text: string; runs: { at: number; from: number }[] };
  /** What the adapter noticed on the way (a fallback-font repair, a page sent to OCR…), placed in `text`. */
  notes: PlacedDiagnostic[];
  /**
   * Stretches of `text` that are an e-signature stamp printed over the page (`Ký bởi: …`, a timestamp),
   * sorted: the grammar does not read them; the builder reads each as a digital signature.
   */
  stamps?: { start: number; end: number }[];
}

/** `[start, end)` of `ExtractedText.text` lies on `page` inside `bbox` (PDF user-space units). */
export interface TextRegion {
  start: number;
  end: number;
  page: number;
  bbox?: Box;
  /** OCR confidence 0–100 for scanned input. */
  confidence?: number;
}
