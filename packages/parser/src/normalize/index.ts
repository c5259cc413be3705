import type { SourceFormat } from "@kehoach/model";
import type { ExtractedText } from "../input/extracted.ts";
import type { PlacedDiagnostic } from "../diagnostics.ts";
import { cleanCharacters } from "./chars.ts";
import { repairEncoding } from "./repair.ts";
import { collapseLines, splitRawLines, type TracedLine } from "./lines.ts";
import { unfoldColumns } from "./columns.ts";
import { isRuleLine } from "./line-kinds.ts";
import { pageNumberLines } from "./page-numbers.ts";
import { stampRuns } from "./stamps.ts";
import { separateFootnotes } from "./footnotes.ts";
import { looksHardWrapped, reflow } from "./reflow.ts";

/**
 * The text the grammar reads: NFC, one paragraph per line, single spaces, footnote markers as
 * `[^N]`, footnotes as `[^N]: text` lines after the body. Idempotent: normalising it again changes nothing.
 */
export interface NormalizedText {
  format: SourceFormat;
  text: string;
  /** Offset where the footnote lines begin (text.length when there are none). */
  bodyEnd: number;
  /** For each character of `text`, the offset in the extracted text it came from (-1 if inserted). */
  origin: Int32Array;
  /** The adapter's diagnostics and the normaliser's own, placed in `text`. */
  notes: PlacedDiagnostic[];
  /** E-signature stamps, the adapter's (`ExtractedText.stamps`) placed in `text` and those told by their wording: the grammar does not read them. */
  stamps: { start: number; end: number }[];
}

export function normalizeText(text: string, format: SourceFormat = "text"): NormalizedText {
  return normalizeExtracted({ format, text, layout: "auto", regions: [], notes: [] });
}

export function normalizeExtracted(input: ExtractedText): NormalizedText {
  const cleaned = cleanCharacters(input.text);
  const repaired = repairEncoding(cleaned.text);
  const repairedOrigins = new Map(repaired.repairs.map((r) => [cleaned.origin[r.offset] ?? -1, r]));
  const rawLines = splitRawLines({ text: repaired.text, origin: cleaned.origin });
  // Adapters that know paragraphs have placed columns already; plain text may still show them side by side.
  const paragraphs = input.layout === "paragraphs";
  const lines = collapseLines(paragraphs ? rawLines : unfoldColumns(rawLines));

  const droppedPageNumbers: TracedLine[] = [];
  // Adapters that know paragraphs have dropped page furniture already; their lone numbers are table cells.
  const pageNumbers = paragraphs ? new Set<number>() : pageNumberLines(lines);
  const kept = lines.filter((line, index) => {
    if (pageNumbers.has(index)) {
      droppedPageNumbers.push(line);
      return false;
    }
    return !(line.text.length > 0 && isRuleLine(line.text));
  });

  const { body, footnotes } = separateFootnotes(kept);
  const wrapped = input.layout === "lines" || (input.layout === "auto" && looksHardWrapped(body));
  const reflowed = reflow(body, wrapped);

  // The text's pieces with where each came from (null: inserted; "before": the origin of the character
  // before it, as a space joining two visual lines), written into one typed origin array.
  const parts: string[] = [];
  const froms: (Int32Array | null | "before")[] = [];
  let length = 0;
  const push = (text: string, from: Int32Array | null | "before") => {
    parts.push(text);
    froms.push(from);
    length += text.length;
  };
  reflowed.forEach((paragraph, index) => {
    if (index > 0) push("\n", null);
    paragraph.lines.forEach((line, i) => {
      if (i > 0) push(paragraph.separators[i - 1] ?? " ", "before");
      push(line.text, line.origin);
    });
  });
  const bodyEnd = length;
  for (const footnote of footnotes) {
    if (length > 0) push("\n", null);
    push(`[^${footnote.label}]: `, null);
    push(footnote.line.text, footnote.line.origin);
  }
  const text = parts.join("");
  const originArray = new Int32Array(length);
  let at = 0;
  parts.forEach((part, index) => {
    const from = froms[index];
    if (from === "before") originArray.fill(at > 0 ? (originArray[at - 1] as number) : -1, at, at + part.length);
    else {
      // A line's origins are as long as its text nearly always: set whole, without a view (an object a line).
      if (from) originArray.set(from.length > part.length ? from.subarray(0, part.length) : from, at);
      originArray.fill(-1, at + (from ? Math.min(from.length, part.length) : 0), at + part.length);
    }
    at += part.length;
  });
  // Mapping input offsets back to the normalised text is only needed when there is something to place.
  const placed = repairedOrigins.size > 0 || input.notes.length > 0 || (input.stamps?.length ?? 0) > 0;
  const finalOffset = placed ? inverse(originArray, input.text.length) : new Int32Array(0);
  const placedStamps = (input.stamps ?? [])
    .map((stamp) => ({ start: nearest(finalOffset, stamp.start), end: nearestEnd(finalOffset, stamp.start, stamp.end) }))
    .filter((stamp) => stamp.end > stamp.start);
  // Stamps known only by their wording, where the adapter placed none.
  const worded = stampRuns(text, bodyEnd).filter((run) => !placedStamps.some((stamp) => run.start < stamp.end && stamp.start < run.end));
  const stamps = worded.length > 0 ? [...placedStamps, ...worded].sort((a, b) => a.start - b.start) : placedStamps;
  const notes = collectNotes(input.notes, finalOffset, repairedOrigins, droppedPageNumbers);
  return { format: input.format, text, bodyEnd, origin: originArray, notes, stamps };
}

function collectNotes(
  adapterNotes: readonly PlacedDiagnostic[],
  finalOffset: Int32Array,
  repairs: Map<number, { from: string; to: string }>,
  droppedPageNumbers: TracedLine[],
): PlacedDiagnostic[] {
  const notes: PlacedDiagnostic[] = [];
  for (const [inputOffset, repair] of repairs) {
    const at = finalOffset[inputOffset] ?? -1;
    if (at < 0) continue;
    notes.push({
      code: "encoding-repaired",
      severity: "info",
      message: `Đã sửa ký tự lỗi phông “${repair.from}” thành “${repair.to}”.`,
      messageEn: `Repaired font-encoding garbage “${repair.from}” to “${repair.to}”.`,
      start: at,
      end: at + 1,
    });
  }
  if (droppedPageNumbers.length > 0) {
    notes.push({
      code: "page-number-dropped",
      severity: "info",
      message: `Đã bỏ ${droppedPageNumbers.length} dòng số trang.`,
      messageEn: `Dropped ${droppedPageNumbers.length} page-number line(s).`,
      start: 0,
      end: 0,
    });
  }
  for (const note of adapterNotes) {
    const start = note.start === undefined ? 0 : nearest(finalOffset, note.start);
    const end = note.end === undefined || note.start === undefined ? start : Math.max(start, nearestEnd(finalOffset, note.start, note.end));
    notes.push({ ...note, start, end });
  }
  notes.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return notes;
}

/** For each input offset, the first normalised offset that came from it (-1: none). */
function inverse(origin: Int32Array, inputLength: number): Int32Array {
  const first = new Int32Array(inputLength + 1).fill(-1);
  for (let i = 0; i < origin.length; i++) {
    const from = origin[i] as number;
    if (from >= 0 && from <= inputLength && first[from] === -1) first[from] = i;
  }
  return first;
}

/**
 * Where an exclusive end is in the normalised text: just after its range's last character. (The
 * character at the end itself may be a line break the normaliser joined or dropped: mapping it
 * would put the end one character short, `401/QĐ-TT` for `401/QĐ-TTg`.)
 */
function nearestEnd(finalOffset: Int32Array, inputStart: number, inputEnd: number): number {
  return inputEnd > inputStart ? nearest(finalOffset, inputEnd - 1) + 1 : nearest(finalOffset, inputEnd);
}

/** Where an input offset is in the normalised text: its own character, or the nearest kept one before it. */
function nearest(finalOffset: Int32Array, inputOffset: number): number {
  for (let k = Math.min(inputOffset, finalOffset.length - 1); k >= 0 && k > inputOffset - 200; k--) {
    const at = finalOffset[k] as number;
    if (at >= 0) return at;
  }
  return 0;
}
