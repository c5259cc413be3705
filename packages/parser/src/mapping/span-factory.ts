import type { Box, Span } from "@kehoach/model";
import type { TextRegion } from "../input/extracted.ts";
import type { OriginRuns } from "../normalize/origins.ts";

const RECENT_POINTS = 1 << 12;

/**
 * Makes spans over the normalised text: `[start, end)` offsets, 1-based line and column, and — when
 * the input had pages — the page and the box of the words, found through the normaliser's origin map.
 */
export class SpanFactory {
  private readonly lineStarts: number[];
  private readonly origin: OriginRuns;
  private readonly regions: readonly TextRegion[];
  /**
   * The points made last, by offset modulo the table's size: a section's span starts where its label's
   * does, a heading's ends where its line's does, and one point object serves both. A third of a long
   * plan's points, about 5 MB on a 10 MB plan. Points are never changed once made, so sharing is safe.
   */
  private readonly recent: (Span["start"] | undefined)[] = new Array(RECENT_POINTS);

  constructor(text: string, origin: OriginRuns, regions: readonly TextRegion[]) {
    this.lineStarts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
    this.origin = origin;
    this.regions = regions;
  }

  point(offset: number): Span["start"] {
    const slot = offset & (RECENT_POINTS - 1);
    const known = this.recent[slot];
    if (known !== undefined && known.offset === offset) return known;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    const made = { offset, line: low + 1, column: offset - (this.lineStarts[low] as number) + 1 };
    this.recent[slot] = made;
    return made;
  }

  span(start: number, end: number): Span {
    const span: Span = { start: this.point(start), end: this.point(Math.max(start, end)) };
    if (this.regions.length > 0) this.locate(span, start, Math.max(start, end));
    return span;
  }

  /** Page, box and OCR confidence from the regions the span's characters came from (first page only). */
  private locate(span: Span, start: number, end: number): void {
    const boxes: Box[] = [];
    const confidences: number[] = [];
    let page: number | undefined;
    let last: TextRegion | undefined;
    this.origin.forEachRun(start, end, (_, inStart, count) => {
      if (inStart < 0) return;
      for (let from = inStart; from < inStart + count; from++) {
        if (last && from >= last.start && from < last.end) continue;
        const region = this.regionAt(from);
        if (!region) continue;
        last = region;
        page ??= region.page;
        if (region.page !== page) continue;
        if (region.bbox) boxes.push(region.bbox);
        if (region.confidence !== undefined) confidences.push(region.confidence);
      }
    });
    if (page === undefined) return;
    span.page = page;
    if (boxes.length > 0) {
      span.bbox = {
        x0: Math.min(...boxes.map((b) => b.x0)),
        y0: Math.min(...boxes.map((b) => b.y0)),
        x1: Math.max(...boxes.map((b) => b.x1)),
        y1: Math.max(...boxes.map((b) => b.y1)),
      };
    }
    if (confidences.length > 0) span.confidence = confidences.reduce((a, b) => a + b, 0) / confidences.length;
  }

  private regionAt(offset: number): TextRegion | undefined {
    let low = 0;
    let high = this.regions.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const region = this.regions[mid] as TextRegion;
      if (offset < region.start) high = mid - 1;
      else if (offset >= region.end) low = mid + 1;
      else return region;
    }
    return undefined;
  }
}
