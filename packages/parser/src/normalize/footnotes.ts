import { joinAll, type TracedLine } from "./lines.ts";

/**
 * Separates footnotes from the body. Two shapes reach us:
 * - canonical lines `[^N]: text` (written by the DOCX/PDF/Markdown adapters, and by the normaliser itself);
 * - a footnote spliced into hard-wrapped text by a PDF extraction: a long whitespace-only separator
 *   line, then `N text…` up to the next page break (a line that starts indented). Its marker in the
 *   body is the digit glued to a word (`Quốc hội1`), rewritten as `[^N]`.
 */
export interface SeparatedFootnote {
  label: string;
  /** The footnote text, joined into one line. */
  line: TracedLine;
}

const DEFINITION = /^\[\^([^\]\s]{1,20})\]:\s*/;
const SPLICED_START = /^(\d{1,2})\s+(?=\S)/;

export function separateFootnotes(lines: TracedLine[]): { body: TracedLine[]; footnotes: SeparatedFootnote[] } {
  const body: TracedLine[] = [];
  const footnotes: SeparatedFootnote[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as TracedLine;
    const definition = DEFINITION.exec(line.text);
    if (definition) {
      footnotes.push({ label: definition[1] as string, line: dropPrefix(line, definition[0].length) });
      i++;
      continue;
    }
    if (line.wideBlank) {
      const spliced = readSplicedFootnotes(lines, i + 1, body);
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

function readSplicedFootnotes(
  lines: TracedLine[],
  from: number,
  body: TracedLine[],
): { footnotes: SeparatedFootnote[]; next: number } | null {
  let i = from;
  while (i < lines.length && (lines[i] as TracedLine).text.length === 0) i++;
  const first = lines[i];
  if (!first || first.indent > 0) return null;
  const start = SPLICED_START.exec(first.text);
  if (!start || !markBodyReference(body, start[1] as string)) return null;
  const footnotes: SeparatedFootnote[] = [];
  let current: SeparatedFootnote = { label: start[1] as string, line: dropPrefix(first, start[0].length) };
  for (i = i + 1; i < lines.length; i++) {
    const line = lines[i] as TracedLine;
    if (line.text.length === 0) continue;
    if (line.indent > 0 || line.wideBlank) break;
    const next = SPLICED_START.exec(line.text);
    if (next && Number(next[1]) === Number(current.label) + 1 && markBodyReference(body, next[1] as string)) {
      footnotes.push(current);
      current = { label: next[1] as string, line: dropPrefix(line, next[0].length) };
      continue;
    }
    current = { label: current.label, line: joinAll([current.line, line], [" "]) };
  }
  footnotes.push(current);
  return { footnotes, next: i };
}

/** Rewrites the last `word1` glued marker before the footnote as `word[^1]`; false if there is none. */
function markBodyReference(body: TracedLine[], label: string): boolean {
  const marker = new RegExp(`[A-Za-zÀ-ỹ)”"'’]${label}(?=[\\s,.;:)]|$)`, "g");
  for (let k = body.length - 1; k >= 0 && k >= body.length - 40; k--) {
    const line = body[k] as TracedLine;
    let found: RegExpExecArray | null = null;
    for (let m = marker.exec(line.text); m; m = marker.exec(line.text)) found = m;
    if (!found) continue;
    const at = found.index + 1;
    const digitOrigin = line.origin[at] ?? -1;
    const inserted = `[^${label}]`;
    body[k] = {
      ...line,
      text: line.text.slice(0, at) + inserted + line.text.slice(at + label.length),
      origin: spliceOrigin(line.origin, at, label.length, inserted.length, digitOrigin),
    };
    return true;
  }
  return false;
}

/** `origin` with `removed` entries at `at` replaced by `inserted` copies of `value`. */
function spliceOrigin(origin: Int32Array, at: number, removed: number, inserted: number, value: number): Int32Array {
  const out = new Int32Array(origin.length - removed + inserted);
  out.set(origin.subarray(0, at));
  out.fill(value, at, at + inserted);
  out.set(origin.subarray(at + removed), at + inserted);
  return out;
}

function dropPrefix(line: TracedLine, length: number): TracedLine {
  return { ...line, text: line.text.slice(length), origin: line.origin.subarray(length) };
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
