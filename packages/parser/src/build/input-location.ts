import type { Finding, InputPoint } from "@kehoach/model";
import type { ExtractedText } from "../input/extracted.ts";

/**
 * Points findings at the user's own file (`finding.at`): spans index the normalised text, but a
 * clerk opens the file. The normaliser's origin map leads back to the adapter's text; from there a
 * Markdown source's own lines (through `extracted.origin`), a DOCX's paragraphs (one per line of the
 * adapter's text) or a PDF's page and the line on it (through the regions).
 */
export function locateFindings(findings: Finding[], origin: Int32Array, extracted: ExtractedText): void {
  if (!findings.some((finding) => finding.span)) return;
  const locate = inputLocator(extracted);
  for (const finding of findings) {
    if (!finding.span) continue;
    const from = extractedOffset(origin, finding.span.start.offset, finding.span.end.offset);
    if (from !== null) finding.at = locate(from);
  }
}

/** The adapter-text offset a normalised span starts from; inserted characters (-1) take the next real one. */
function extractedOffset(origin: Int32Array, start: number, end: number): number | null {
  for (let i = start; i < Math.max(end, start + 1) && i < origin.length; i++) if ((origin[i] as number) >= 0) return origin[i] as number;
  for (let i = Math.min(start, origin.length) - 1; i >= 0; i--) if ((origin[i] as number) >= 0) return origin[i] as number;
  return null;
}

function inputLocator(extracted: ExtractedText): (offset: number) => InputPoint {
  const own = extracted.origin;
  const text = own ? own.text : extracted.text;
  const lines = lineStarts(text);
  const runStarts = own ? own.runs.map((run) => run.at) : [];
  const regionStarts = extracted.regions.map((region) => region.start);
  const toInput = own ? (offset: number) => throughRuns(own.runs, runStarts, offset) : (offset: number) => offset;
  // A page's lines are counted from the first line any of its regions starts on.
  const firstLine = new Map<number, number>();
  for (const region of extracted.regions) {
    const line = lineOf(lines, region.start);
    if ((firstLine.get(region.page) ?? Infinity) > line) firstLine.set(region.page, line);
  }
  return (offset) => {
    const at = Math.min(toInput(offset), text.length);
    const line = lineOf(lines, at);
    const point: InputPoint = { line: line + 1, column: at - (lines[line] as number) + 1 };
    const page = extracted.regions.length > 0 ? pageAt(extracted.regions, regionStarts, offset) : undefined;
    if (page !== undefined) {
      point.page = page;
      point.line = line - (firstLine.get(page) ?? 0) + 1;
    }
    return point;
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

function pageAt(regions: ExtractedText["regions"], starts: readonly number[], offset: number): number | undefined {
  const index = lastAtOrBefore(starts, offset);
  const region = regions[index];
  if (!region) return undefined;
  // Between regions (a line break the adapter added): the page of the region before.
  return offset >= region.start || index === 0 ? region.page : undefined;
}
