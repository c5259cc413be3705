import { OriginRuns } from "./origins.ts";
import type { SeparatedFootnote } from "./footnotes.ts";
import type { LineStore } from "./lines.ts";
import type { Reflowed } from "./reflow.ts";

/**
 * Writes the normalised text and its origins from the reflowed lines and the footnotes: the body's
 * paragraphs one a line, then a `[^N]: text` line a footnote. A line break or a footnote's prefix is
 * inserted (origin -1); a separator joining two visual lines takes the origin of the character before it.
 */
export function writeText(store: LineStore, body: Reflowed, footnotes: readonly SeparatedFootnote[]): { text: string; origin: OriginRuns; bodyEnd: number } {
  const parts: string[] = [];
  const origin = new OriginRuns();
  const insert = (text: string, from: number) => {
    parts.push(text);
    origin.appendSame(from, text.length);
  };
  const copy = (line: number) => {
    parts.push(store.text(line));
    store.appendOrigin(line, origin);
  };
  body.lines.forEach((line, i) => {
    const before = body.before[i] as string;
    if (i > 0 && before === "\n") insert(before, -1);
    else if (i > 0) insert(before, origin.length > 0 ? origin.at(origin.length - 1) : -1);
    copy(line);
  });
  const bodyEnd = origin.length;
  footnotes.forEach((footnote) => {
    if (origin.length > 0) insert("\n", -1);
    insert(`[^${footnote.label}]: `, -1);
    copy(footnote.line);
  });
  return { text: parts.join(""), origin, bodyEnd };
}
