import type { Finding, Span } from "@kehoach/model";
import { SpanFactory } from "./span-factory.ts";
import type { TextRegion } from "../input/extracted.ts";

/** What every builder step needs: the normalised text, spans over it, and a place to report findings. */
export class BuildContext {
  readonly text: string;
  readonly spans: SpanFactory;
  readonly findings: Finding[] = [];

  constructor(text: string, origin: Int32Array, regions: readonly TextRegion[]) {
    this.text = text;
    this.spans = new SpanFactory(text, origin, regions);
  }

  span(start: number, end: number): Span {
    return this.spans.span(start, end);
  }

  /** The text of `[start, end)` as model strings carry it: footnote markers removed, spaces collapsed. */
  slice(start: number, end: number): string {
    return this.text.slice(start, end).replace(/\[\^[^\]\s]{1,20}\]/g, "").replace(/ {2,}/g, " ").trim();
  }

  report(finding: Omit<Finding, "source">): void {
    this.findings.push({ ...finding, source: "parse" });
  }
}
