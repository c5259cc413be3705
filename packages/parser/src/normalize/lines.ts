import { Int32Column } from "./int32-column.ts";
import { OriginRuns } from "./origins.ts";

/** A text the lines' characters are in, and the input offset each of its characters came from. */
interface Source {
  text: string;
  origin: Int32Array | OriginRuns;
}

/**
 * The normaliser's lines, kept as numbers: line `id` is `sources[k].text.slice(start, end)` with its
 * origins at the same offsets of `sources[k].origin`. A 10 MB plan has 235 000 lines; an object, a
 * string and an origin view for each, made again at every step, outlived the steps in old space and
 * were most of the parse's peak memory. Line strings are made where a predicate reads them, and dropped.
 */
export class LineStore {
  private readonly sources: Source[] = [];
  private readonly source = new Int32Column();
  private readonly starts = new Int32Column();
  private readonly ends = new Int32Column();
  /** Leading spaces before trimming: page-break residue in PDF extractions shows up as indentation. */
  private readonly indents = new Int32Column();
  /** 1: the line was whitespace only but long (a footnote separator in some extractions). */
  private readonly wideBlanks = new Int32Column();

  /** A text the lines' characters are in; its origins are as long as it is. */
  addSource(traced: Source): number {
    return this.sources.push(traced) - 1;
  }

  add(source: number, start: number, end: number, indent = 0, wideBlank = false): number {
    this.starts.push(start);
    this.ends.push(end);
    this.indents.push(indent);
    this.wideBlanks.push(wideBlank ? 1 : 0);
    return this.source.push(source);
  }

  /** A line of its own text and origins (a line the normaliser rewrote). */
  addLine(traced: Source, indent = 0, wideBlank = false): number {
    return this.add(this.addSource(traced), 0, traced.text.length, indent, wideBlank);
  }

  /** Characters `[from, to)` of a line, as a line of their own. */
  sub(id: number, from: number, to: number, indent = this.indent(id), wideBlank = this.wideBlank(id)): number {
    const start = this.starts.at(id);
    return this.add(this.source.at(id), start + from, start + to, indent, wideBlank);
  }

  text(id: number): string {
    return (this.sources[this.source.at(id)] as Source).text.slice(this.starts.at(id), this.ends.at(id));
  }

  length(id: number): number {
    return this.ends.at(id) - this.starts.at(id);
  }

  /** The input offset of the line's character `at`. */
  originAt(id: number, at: number): number {
    const origin = (this.sources[this.source.at(id)] as Source).origin;
    const k = this.starts.at(id) + at;
    return origin instanceof Int32Array ? (origin[k] ?? -1) : origin.at(k);
  }

  /** Appends the origins of the line's characters `[from, to)` (all of them by default) to `out`. */
  appendOrigin(id: number, out: OriginRuns, from = 0, to = this.length(id)): void {
    const start = this.starts.at(id);
    out.appendFrom((this.sources[this.source.at(id)] as Source).origin, start + from, start + to);
  }

  indent(id: number): number {
    return this.indents.at(id);
  }

  wideBlank(id: number): boolean {
    return this.wideBlanks.at(id) === 1;
  }
}

/** The input's lines as they are, spaces kept (column layout is read from them). */
export function splitRawLines(store: LineStore, traced: Source): number[] {
  const source = store.addSource(traced);
  const { text } = traced;
  const lines: number[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    lines.push(store.add(source, start, end));
    start = end + 1;
  }
  return lines;
}

/**
 * Trims each raw line and collapses its runs of spaces, each run one space with its first space's origin.
 * Lines that only need trimming stay ranges of their text; the others are written into one shared text
 * and origin array. (Every character of the cleaned text has an origin: no run of inserted spaces, -1,
 * is left to drop.)
 */
export function collapseLines(store: LineStore, raws: readonly number[]): number[] {
  const parts: string[] = [];
  let total = 0;
  const collapsed = raws.map((id) => {
    const text = store.text(id);
    // An empty line collapses to itself.
    if (!needsCollapse(text) || text.length === 0) return id;
    const trim = trimmedRange(text);
    if (trim !== null) return store.sub(id, trim[0], trim[1], trim[0], false);
    const line = collapse(text);
    parts.push(line);
    total += line.length;
    return -1;
  });
  const origin = new Int32Array(total);
  const source = store.addSource({ text: parts.join(""), origin });
  let at = 0;
  let k = 0;
  return raws.map((id, index) => {
    const kept = collapsed[index] as number;
    if (kept !== -1) return kept;
    const text = store.text(id);
    const start = at;
    const indent = writeCollapsedOrigin(store, id, text, origin, at);
    at += (parts[k++] as string).length;
    return store.add(source, start, at, indent, at === start && text.length >= 10);
  });
}

/** Most lines have nothing to collapse: no space at either end, none doubled. They are kept as they are. */
function needsCollapse(text: string): boolean {
  return text.length === 0 || text[0] === " " || text[text.length - 1] === " " || text.includes("  ");
}

/** A line with spaces at its ends only (extracted lines often end in one): its `[start, end)` without them; null otherwise. */
function trimmedRange(text: string): [number, number] | null {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  if (start === end) return null;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x20 && text.charCodeAt(i + 1) === 0x20) return null;
  return [start, end];
}

/**
 * The line trimmed, each run of spaces one space. Trimmed by hand: ` +$` tries every space of a long run
 * that a letter ends, which made a header line of 80 000 spaces take seconds.
 */
function collapse(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(start, end).replace(/ {2,}/g, " ");
}

/** Writes the origins of `collapse(text)` at `at` (a run of spaces takes its first space's origin); returns the line's indent. */
function writeCollapsedOrigin(store: LineStore, id: number, text: string, out: Int32Array, at: number): number {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 0x20) i++;
  const indent = i;
  let length = 0;
  let pendingSpace = -1;
  for (; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x20) {
      if (pendingSpace === -1 && length > 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace !== -1) out[at + length++] = store.originAt(id, pendingSpace);
    pendingSpace = -1;
    out[at + length++] = store.originAt(id, i);
  }
  return indent;
}

/**
 * Joins lines, `separators[i]` between line i and i + 1 (a space, or none for a symbol broken after its
 * hyphen); a separator takes the origin of the character before it. One copy, however many lines.
 */
export function joinAll(store: LineStore, lines: readonly number[], separators: readonly string[]): number {
  const first = lines[0] as number;
  if (lines.length === 1) return first;
  const text: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0) text.push(separators[i - 1] ?? " ");
    text.push(store.text(line));
  });
  const joined = text.join("");
  const origin = new OriginRuns();
  lines.forEach((line, i) => {
    // A separator takes the origin of the character before it.
    if (i > 0 && (separators[i - 1] ?? " ")) origin.appendSame(origin.length > 0 ? origin.at(origin.length - 1) : -1, 1);
    store.appendOrigin(line, origin);
  });
  return store.addLine({ text: joined, origin }, store.indent(first));
}
