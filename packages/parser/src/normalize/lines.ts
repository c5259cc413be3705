import type { TracedText } from "./chars.ts";

/** One line of input, whitespace collapsed and trimmed, with the input offset of every character. */
export interface TracedLine {
  text: string;
  origin: number[];
  /** Leading spaces before trimming: page-break residue in PDF extractions shows up as indentation. */
  indent: number;
  /** The line was whitespace only but long (a footnote separator in some extractions). */
  wideBlank: boolean;
}

/** The input's lines as they are, spaces kept (column layout is read from them). */
export function splitRawLines(traced: TracedText): TracedText[] {
  const lines: TracedText[] = [];
  const { text, origin } = traced;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    lines.push({ text: text.slice(start, end), origin: origin.slice(start, end) });
    start = end + 1;
  }
  return lines;
}

/** Trims a raw line and collapses its runs of spaces, keeping each character's origin. */
export function collapseLine(raw: TracedText): TracedLine {
  return collapse(raw.text, raw.origin, 0, raw.text.length);
}

function collapse(text: string, origin: number[], start: number, end: number): TracedLine {
  // Most lines have nothing to collapse: no space at either end, none doubled. Keep them as they are.
  if (end > start && text[start] !== " " && text[end - 1] !== " " && !text.slice(start, end).includes("  ")) {
    const whole = start === 0 && end === origin.length;
    return { text: whole ? text : text.slice(start, end), origin: whole ? origin : origin.slice(start, end), indent: 0, wideBlank: false };
  }
  const chars: string[] = [];
  const lineOrigin: number[] = [];
  let indent = 0;
  let i = start;
  while (i < end && text[i] === " ") {
    indent++;
    i++;
  }
  let pendingSpace = -1;
  for (; i < end; i++) {
    const ch = text[i] as string;
    if (ch === " ") {
      if (pendingSpace === -1) pendingSpace = origin[i] ?? -1;
      continue;
    }
    if (pendingSpace !== -1 && chars.length > 0) {
      chars.push(" ");
      lineOrigin.push(pendingSpace);
    }
    pendingSpace = -1;
    chars.push(ch);
    lineOrigin.push(origin[i] ?? -1);
  }
  return { text: chars.join(""), origin: lineOrigin, indent, wideBlank: chars.length === 0 && end - start >= 10 };
}

/** Joins two traced lines with one space (or none, for a symbol broken after its hyphen). */
/**
 * Joins traced lines, `separators[i]` between line i and i + 1 (a space, or none for a symbol broken after
 * its hyphen); a separator takes the origin of the character before it. One copy, however many lines.
 */
export function joinAll(lines: readonly TracedLine[], separators: readonly string[]): TracedLine {
  const first = lines[0] as TracedLine;
  if (lines.length === 1) return first;
  const origin: number[] = [];
  const text: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0) {
      const separator = separators[i - 1] ?? " ";
      text.push(separator);
      if (separator) origin.push(origin[origin.length - 1] ?? -1);
    }
    text.push(line.text);
    for (const from of line.origin) origin.push(from);
  });
  return { text: text.join(""), origin, indent: first.indent, wideBlank: false };
}
