import type { Finding, Span } from "@kehoach/model";
import { SpanFactory } from "./span-factory.ts";
import type { TextRegion } from "../input/extracted.ts";
import type { OriginRuns } from "../normalize/origins.ts";

/** What every builder step needs: the normalised text, spans over it, and a place to report findings. */
export class BuildContext {
  readonly text: string;
  readonly spans: SpanFactory;
  readonly findings: Finding[] = [];

  constructor(text: string, origin: OriginRuns, regions: readonly TextRegion[]) {
    this.text = text;
    this.spans = new SpanFactory(text, origin, regions);
  }

  /** A span over `[start, end)`, without the line breaks and spaces at its edges. */
  span(start: number, end: number): Span {
    // Clamped: the grammar's synthetic end-of-input newline sits one past the text.
    let to = Math.min(end, this.text.length);
    let from = Math.min(start, to);
    while (to > from && (this.text[to - 1] === "\n" || this.text[to - 1] === " ")) to--;
    while (from < to && (this.text[from] === "\n" || this.text[from] === " ")) from++;
    return this.spans.span(from, to);
  }

  /** The text of `[start, end)` as model strings carry it: footnote markers removed, spaces collapsed. */
  slice(start: number, end: number): string {
    return this.text.slice(start, end).replace(/\[\^[^\]\s]{1,20}\]/g, "").replace(/ {2,}/g, " ").trim();
  }

  report(finding: Omit<Finding, "source">): void {
    this.findings.push({ ...finding, source: "parse" });
  }
}
