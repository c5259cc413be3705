import type { SeparatedFootnote } from "./footnotes.ts";
import type { LineStore } from "./lines.ts";
import type { Reflowed } from "./reflow.ts";

/**
 * Writes the normalised text and its origin array from the reflowed lines and the footnotes: the body's
 * paragraphs one a line, then a `[^N]: text` line a footnote. A line break or a footnote's prefix is
 * inserted (origin -1); a separator joining two visual lines takes the origin of the character before it.
 */
export function writeText(store: LineStore, body: Reflowed, footnotes: readonly SeparatedFootnote[]): { text: string; origin: Int32Array; bodyEnd: number } {
  const prefixes = footnotes.map((footnote) => `[^${footnote.label}]: `);
  let length = 0;
  body.lines.forEach((line, i) => {
    if (i > 0) length += (body.before[i] as string).length;
    length += store.length(line);
  });
  const bodyEnd = length;
  footnotes.forEach((footnote, i) => {
    if (length > 0) length++;
    length += (prefixes[i] as string).length + store.length(footnote.line);
  });

  const parts: string[] = [];
  const origin = new Int32Array(length);
  let at = 0;
  const insert = (text: string, from: number) => {
    parts.push(text);
    origin.fill(from, at, at + text.length);
    at += text.length;
  };
  const copy = (line: number) => {
    parts.push(store.text(line));
    store.copyOrigin(line, origin, at);
    at += store.length(line);
  };
  body.lines.forEach((line, i) => {
    const before = body.before[i] as string;
    if (i > 0 && before === "\n") insert(before, -1);
    else if (i > 0) insert(before, at > 0 ? (origin[at - 1] as number) : -1);
    copy(line);
  });
  footnotes.forEach((footnote, i) => {
    if (at > 0) insert("\n", -1);
    insert(prefixes[i] as string, -1);
    copy(footnote.line);
  });
  return { text: parts.join(""), origin, bodyEnd };
}
