import type { TracedText } from "./chars.ts";

/** One line of input, whitespace collapsed and trimmed, with the input offset of every character. */
export interface TracedLine {
  text: string;
  /** Views into the normaliser's typed origin arrays where a line is kept as it is: never written to. */
  origin: Int32Array;
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
    lines.push({ text: text.slice(start, end), origin: origin.subarray(start, end) });
    start = end + 1;
  }
  return lines;
}

/**
 * Trims each raw line and collapses its runs of spaces, keeping each character's origin. The origins of
 * the lines that change are written into one shared array: a typed array per line costs more than its data.
 */
export function collapseLines(raws: readonly TracedText[]): TracedLine[] {
  let total = 0;
  for (const raw of raws) if (needsCollapse(raw.text) && !onlyTrimmed(raw)) total += raw.text.length;
  const shared = new Int32Array(total);
  let at = 0;
  return raws.map((raw) => {
    if (!needsCollapse(raw.text)) return { text: raw.text, origin: raw.origin, indent: 0, wideBlank: false };
    if (onlyTrimmed(raw)) return trimmed(raw);
    const line = collapse(raw.text, raw.origin, shared.subarray(at, at + raw.text.length));
    at += line.text.length;
    return line;
  });
}

/**
 * A line with spaces at its ends only (extracted lines often end in one): trimmed, its origins a view of
 * the line's own, as `collapse` would write them (each single space inside keeps its origin, none inserted).
 */
function onlyTrimmed({ text, origin }: TracedText): boolean {
  if (origin.length !== text.length) return false;
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  if (start === end) return false;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 0x20) continue;
    if (text.charCodeAt(i + 1) === 0x20 || origin[i] === -1) return false;
  }
  return true;
}

function trimmed({ text, origin }: TracedText): TracedLine {
  let start = 0;
  let end = text.length;
  while (text.charCodeAt(start) === 0x20) start++;
  while (text.charCodeAt(end - 1) === 0x20) end--;
  return { text: text.slice(start, end), origin: origin.subarray(start, end), indent: start, wideBlank: false };
}

/** Most lines have nothing to collapse: no space at either end, none doubled. They are kept as they are. */
function needsCollapse(text: string): boolean {
  return text.length === 0 || text[0] === " " || text[text.length - 1] === " " || text.includes("  ");
}

/** The line trimmed, each run of spaces one space (with the origin of its first space), origins written into `out`. */
function collapse(text: string, origin: Int32Array, out: Int32Array): TracedLine {
  let length = 0;
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 0x20) i++;
  const indent = i;
  let last = -1; // the last character that is not a space
  let pendingSpace = -1;
  let spaceRun = false;
  let dropped = false; // a run of inserted spaces (origin -1) is left out, not made one space
  for (; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x20) {
      spaceRun = true;
      if (pendingSpace === -1) pendingSpace = origin[i] ?? -1;
      continue;
    }
    if (spaceRun && length > 0) {
      if (pendingSpace !== -1) out[length++] = pendingSpace;
      else dropped = true;
    }
    spaceRun = false;
    pendingSpace = -1;
    last = i;
    out[length++] = origin[i] ?? -1;
  }
  const trimmed = text.slice(indent, last + 1);
  const collapsed = dropped ? withoutDroppedRuns(trimmed, origin.subarray(indent)) : trimmed.includes("  ") ? trimmed.replace(/ {2,}/g, " ") : trimmed;
  return { text: collapsed, origin: out.subarray(0, length), indent, wideBlank: length === 0 && text.length >= 10 };
}

/** The rare text with a run of inserted spaces: runs whose spaces all came from nowhere are left out, the others made one space. */
function withoutDroppedRuns(trimmed: string, origin: Int32Array): string {
  return trimmed.replace(/ +/g, (run, at: number) => (origin.subarray(at, at + run.length).some((from) => from !== -1) ? " " : ""));
}

/**
 * Joins traced lines, `separators[i]` between line i and i + 1 (a space, or none for a symbol broken after
 * its hyphen); a separator takes the origin of the character before it. One copy, however many lines.
 */
export function joinAll(lines: readonly TracedLine[], separators: readonly string[]): TracedLine {
  const first = lines[0] as TracedLine;
  if (lines.length === 1) return first;
  const text: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0) text.push(separators[i - 1] ?? " ");
    text.push(line.text);
  });
  const joined = text.join("");
  const origin = new Int32Array(joined.length);
  let at = 0;
  lines.forEach((line, i) => {
    if (i > 0 && (separators[i - 1] ?? " ")) {
      origin[at] = at > 0 ? (origin[at - 1] as number) : -1;
      at++;
    }
    origin.set(line.origin, at);
    at += line.origin.length;
  });
  return { text: joined, origin, indent: first.indent, wideBlank: false };
}
