import type { SourceFormat } from "@kehoach/model";
import type { ExtractedText } from "../input/extracted.ts";
import type { PlacedDiagnostic } from "../diagnostics.ts";
import { cleanCharacters } from "./chars.ts";
import type { OriginRuns } from "./origins.ts";
import { repairEncoding } from "./repair.ts";
import { collapseLines, LineStore, splitRawLines } from "./lines.ts";
import { unfoldColumns } from "./columns.ts";
import { isRuleLine } from "./line-kinds.ts";
import { pageNumberLines } from "./page-numbers.ts";
import { stampRuns } from "./stamps.ts";
import { separateFootnotes } from "./footnotes.ts";
import { writeText } from "./write.ts";
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
  origin: OriginRuns;
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
  const repairedOrigins = new Map(repaired.repairs.map((r) => [cleaned.origin.at(r.offset), r]));
  const store = new LineStore();
  const rawLines = splitRawLines(store, { text: repaired.text, origin: cleaned.origin });
  // Adapters that know paragraphs have placed columns already; plain text may still show them side by side.
  const paragraphs = input.layout === "paragraphs";
  const lines = collapseLines(store, paragraphs ? rawLines : unfoldColumns(store, rawLines));

  // Adapters that know paragraphs have dropped page furniture already; their lone numbers are table cells.
  const pageNumbers = paragraphs ? new Set<number>() : pageNumberLines(store, lines);
  const kept = lines.filter((line, index) => !pageNumbers.has(index) && !(store.length(line) > 0 && isRuleLine(store.text(line))));

  const { body, footnotes } = separateFootnotes(store, kept);
  const wrapped = input.layout === "lines" || (input.layout === "auto" && looksHardWrapped(store, body));
  const { text, origin: originArray, bodyEnd } = writeText(store, reflow(store, body, wrapped), footnotes);
  // Mapping input offsets back to the normalised text is only needed when there is something to place.
  const placed = repairedOrigins.size > 0 || input.notes.length > 0 || (input.stamps?.length ?? 0) > 0;
  const finalOffset = placed ? inverse(originArray, input.text.length) : new Int32Array(0);
  const placedStamps = (input.stamps ?? [])
    .map((stamp) => ({ start: nearest(finalOffset, stamp.start), end: nearestEnd(finalOffset, stamp.start, stamp.end) }))
    .filter((stamp) => stamp.end > stamp.start);
  // Stamps known only by their wording, where the adapter placed none.
  const worded = stampRuns(text, bodyEnd).filter((run) => !placedStamps.some((stamp) => run.start < stamp.end && stamp.start < run.end));
  const stamps = worded.length > 0 ? [...placedStamps, ...worded].sort((a, b) => a.start - b.start) : placedStamps;
  const notes = collectNotes(input.notes, finalOffset, repairedOrigins, pageNumbers.size);
  return { format: input.format, text, bodyEnd, origin: originArray, notes, stamps };
}

function collectNotes(
  adapterNotes: readonly PlacedDiagnostic[],
  finalOffset: Int32Array,
  repairs: Map<number, { from: string; to: string }>,
  droppedPageNumbers: number,
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
  if (droppedPageNumbers > 0) {
    notes.push({
      code: "page-number-dropped",
      severity: "info",
      message: `Đã bỏ ${droppedPageNumbers} dòng số trang.`,
      messageEn: `Dropped ${droppedPageNumbers} page-number line(s).`,
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
function inverse(origin: OriginRuns, inputLength: number): Int32Array {
  const first = new Int32Array(inputLength + 1).fill(-1);
  origin.forEachRun(0, origin.length, (outStart, inStart, count) => {
    if (inStart < 0) return;
    for (let k = 0; k < count; k++) {
      const from = inStart + k;
      if (from <= inputLength && first[from] === -1) first[from] = outStart + k;
    }
  });
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
