import { joinAll, type LineStore } from "./lines.ts";
import { OriginRuns } from "./origins.ts";

/**
 * Separates footnotes from the body. Two shapes reach us:
 * - canonical lines `[^N]: text` (written by the DOCX/PDF/Markdown adapters, and by the normaliser itself);
 * - a footnote spliced into hard-wrapped text by a PDF extraction: a long whitespace-only separator
 *   line, then `N text…` up to the next page break (a line that starts indented). Its marker in the
 *   body is the digit glued to a word (`Quốc hội1`), rewritten as `[^N]`.
 */
export interface SeparatedFootnote {
  label: string;
  /** The footnote text, joined into one line (an id in the normaliser's LineStore). */
  line: number;
}

const DEFINITION = /^\[\^([^\]\s]{1,20})\]:\s*/;
const SPLICED_START = /^(\d{1,2})\s+(?=\S)/;

export function separateFootnotes(store: LineStore, lines: number[]): { body: number[]; footnotes: SeparatedFootnote[] } {
  const body: number[] = [];
  const footnotes: SeparatedFootnote[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as number;
    const definition = DEFINITION.exec(store.text(line));
    if (definition) {
      footnotes.push({ label: definition[1] as string, line: dropPrefix(store, line, definition[0].length) });
      i++;
      continue;
    }
    if (store.wideBlank(line)) {
      const spliced = readSplicedFootnotes(store, lines, i + 1, body);
      if (spliced) {
        footnotes.push(...spliced.footnotes);
        i = spliced.next;
        continue;
      }
    }
    body.push(line);
    i++;
  }
  return { body, footnotes };
}

function readSplicedFootnotes(store: LineStore, lines: number[], from: number, body: number[]): { footnotes: SeparatedFootnote[]; next: number } | null {
  let i = from;
  while (i < lines.length && store.length(lines[i] as number) === 0) i++;
  const first = lines[i];
  if (first === undefined || store.indent(first) > 0) return null;
  const start = SPLICED_START.exec(store.text(first));
  if (!start || !markBodyReference(store, body, start[1] as string)) return null;
  const footnotes: SeparatedFootnote[] = [];
  let current: SeparatedFootnote = { label: start[1] as string, line: dropPrefix(store, first, start[0].length) };
  for (i = i + 1; i < lines.length; i++) {
    const line = lines[i] as number;
    if (store.length(line) === 0) continue;
    if (store.indent(line) > 0 || store.wideBlank(line)) break;
    const next = SPLICED_START.exec(store.text(line));
    if (next && Number(next[1]) === Number(current.label) + 1 && markBodyReference(store, body, next[1] as string)) {
      footnotes.push(current);
      current = { label: next[1] as string, line: dropPrefix(store, line, next[0].length) };
      continue;
    }
    current = { label: current.label, line: joinAll(store, [current.line, line], [" "]) };
  }
  footnotes.push(current);
  return { footnotes, next: i };
}

/** Rewrites the last `word1` glued marker before the footnote as `word[^1]`; false if there is none. */
function markBodyReference(store: LineStore, body: number[], label: string): boolean {
  const marker = new RegExp(`[A-Za-zÀ-ỹ)”"'’]${label}(?=[\\s,.;:)]|$)`, "g");
  for (let k = body.length - 1; k >= 0 && k >= body.length - 40; k--) {
    const line = body[k] as number;
    const text = store.text(line);
    let found: RegExpExecArray | null = null;
    for (let m = marker.exec(text); m; m = marker.exec(text)) found = m;
    if (!found) continue;
    const at = found.index + 1;
    const inserted = `[^${label}]`;
    const origin = spliceOrigin(store, line, at, label.length, inserted.length, store.originAt(line, at));
    body[k] = store.addLine({ text: text.slice(0, at) + inserted + text.slice(at + label.length), origin }, store.indent(line), store.wideBlank(line));
    return true;
  }
  return false;
}

/** The line's origins with `removed` entries at `at` replaced by `inserted` copies of `value`. */
function spliceOrigin(store: LineStore, line: number, at: number, removed: number, inserted: number, value: number): OriginRuns {
  const out = new OriginRuns();
  store.appendOrigin(line, out, 0, at);
  out.appendSame(value, inserted);
  store.appendOrigin(line, out, at + removed);
  return out;
}

function dropPrefix(store: LineStore, line: number, length: number): number {
  return store.sub(line, length, store.length(line));
}

/**
 * The footnote definitions of the normalised text, after its body (`[^N]: text` lines): each label
 * with the `[start, end)` of its text. The builder reads the footnotes from them, and the lexer the
 * text it searches for citations.
 */
export function footnoteDefinitions(text: string, bodyEnd: number): { label: string; start: number; end: number }[] {
  const found: { label: string; start: number; end: number }[] = [];
  const definition = /^\[\^([^\]\s]{1,20})\]: ?/;
  let offset = bodyEnd;
  for (const line of text.slice(bodyEnd).split("\n")) {
    const match = definition.exec(line);
    if (match) found.push({ label: match[1] as string, start: offset + match[0].length, end: offset + line.length });
    offset += line.length + 1;
  }
  return found;
}
