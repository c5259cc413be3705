import type { Finding, InputPoint, Span } from "@kehoach/model";
import type { ExtractedText } from "../input/extracted.ts";
import type { OriginRuns } from "../normalize/origins.ts";

/**
 * Points findings at the user's own file (`finding.at`): spans index the normalised text, but a
 * clerk opens the file. The normaliser's origin map leads back to the adapter's text; from there a
 * Markdown source's own lines (through `extracted.origin`), a DOCX's paragraphs (one per line of the
 * adapter's text) or a PDF's page and the line on it (through the regions).
 */
export interface InputPlaces {
  /** Where a span of the normalised text starts in the input file. */
  of(span: Span): InputPoint | null;
  /** The same in words, for messages: `dòng 47` / `line 47`, `đoạn 12` / `paragraph 12`, `trang 3, dòng 5` / `page 3, line 5`. */
  describe(span: Span): { vi: string; en: string } | null;
}

export function inputPlaces(origin: OriginRuns, extracted: ExtractedText): InputPlaces {
  let locate: ((offset: number) => InputPoint) | null = null; // built on first use: most spans never need it
  const of = (span: Span) => {
    const from = extractedOffset(origin, span.start.offset, span.end.offset);
    if (from === null) return null;
    locate ??= inputLocator(extracted);
    return locate(from);
  };
  const paragraphs = extracted.format === "docx" || extracted.format === "doc";
  return {
    of,
    describe(span) {
      const point = of(span);
      if (!point) return null;
      if (point.page !== undefined) return { vi: `trang ${point.page}, dòng ${point.line}`, en: `page ${point.page}, line ${point.line}` };
      return paragraphs ? { vi: `đoạn ${point.line}`, en: `paragraph ${point.line}` } : { vi: `dòng ${point.line}`, en: `line ${point.line}` };
    },
  };
}

export function locateFindings(findings: Finding[], places: InputPlaces): void {
  for (const finding of findings) {
    const point = finding.span ? places.of(finding.span) : null;
    if (point) finding.at = point;
  }
}

/** The adapter-text offset a normalised span starts from; inserted characters (-1) take the next real one. */
function extractedOffset(origin: OriginRuns, start: number, end: number): number | null {
  for (let i = start; i < Math.max(end, start + 1) && i < origin.length; i++) if (origin.at(i) >= 0) return origin.at(i);
  for (let i = Math.min(start, origin.length) - 1; i >= 0; i--) if (origin.at(i) >= 0) return origin.at(i);
  return null;
}

function inputLocator(extracted: ExtractedText): (offset: number) => InputPoint {
  if (extracted.regions.length > 0) return pageLocator(extracted.regions);
  const own = extracted.origin;
  const text = own ? own.text : extracted.text;
  const lines = lineStarts(text);
  const runStarts = own ? own.runs.map((run) => run.at) : [];
  const toInput = own ? (offset: number) => throughRuns(own.runs, runStarts, offset) : (offset: number) => offset;
  return (offset) => {
    const at = Math.min(toInput(offset), text.length);
    const line = lineOf(lines, at);
    return { line: line + 1, column: at - (lines[line] as number) + 1 };
  };
}

/**
 * PDF and scans: adapters write one region per printed line, so the line on the page is the rank
 * of its row from the top (regions side by side, as a two-column header, share a row).
 */
function pageLocator(regions: ExtractedText["regions"]): (offset: number) => InputPoint {
  const starts = regions.map((region) => region.start);
  const rows = new Int32Array(regions.length);
  const byPage = new Map<number, number[]>();
  regions.forEach((region, index) => {
    const list = byPage.get(region.page) ?? [];
    list.push(index);
    byPage.set(region.page, list);
  });
  for (const indices of byPage.values()) {
    // Top first (PDF y grows upwards); without boxes, reading order.
    const ordered = indices.slice().sort((a, b) => (regions[b]?.bbox?.y1 ?? -a) - (regions[a]?.bbox?.y1 ?? -b));
    let row = 0;
    let bottom = Infinity;
    for (const index of ordered) {
      const box = regions[index]?.bbox;
      const middle = box ? (box.y0 + box.y1) / 2 : -Infinity;
      if (!box || middle < bottom) {
        row++;
        bottom = box ? box.y0 : Infinity;
      }
      rows[index] = row;
    }
  }
  return (offset) => {
    const index = lastAtOrBefore(starts, offset);
    const region = regions[index] as ExtractedText["regions"][number];
    const column = Math.max(0, Math.min(offset, region.end) - region.start) + 1;
    return { page: region.page, line: rows[index] as number, column };
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Index of the last element ≤ value in a sorted list (0 when none). */
function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((sorted[mid] as number) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

function lineOf(starts: readonly number[], offset: number): number {
  return lastAtOrBefore(starts, offset);
}

function throughRuns(runs: readonly { at: number; from: number }[], starts: readonly number[], offset: number): number {
  if (runs.length === 0) return 0;
  const run = runs[lastAtOrBefore(starts, offset)] as { at: number; from: number };
  return offset < run.at ? run.from : run.from + (offset - run.at);
}
