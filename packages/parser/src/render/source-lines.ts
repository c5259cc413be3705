import type { Span } from "@kehoach/model";

const FOOTNOTE_MARKER = /\[\^[^\]\s]{1,20}\]/g;

/**
 * The lines of a block as its source has them, footnote markers included, when the source still
 * says what the model says (the model joins a block's paragraphs into one line and leaves the
 * markers out); the model's text, one line per line, when it does not (an edited Plan, a span that
 * no longer fits).
 */
export function sourceLines(text: string, span: Span, source: string): string[] {
  const slice = source.slice(span.start.offset, span.end.offset);
  const own = collapse(text);
  const fromSource = collapse(slice.replace(FOOTNOTE_MARKER, ""));
  return splitLines(own === fromSource && own.length > 0 ? slice : text);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function splitLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line.length > 0);
}
