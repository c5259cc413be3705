import type { Box } from "@kehoach/model";
import type { ExtractedText, TextRegion } from "../extracted.ts";
import type { PlacedDiagnostic } from "../../diagnostics.ts";
import type { Footnote } from "./footnotes.ts";
import { joiner, type Paragraph } from "./paragraphs.ts";
import { SUP_CLOSE, SUP_OPEN, type Line, type PageText } from "./types.ts";

const MARKER = new RegExp(`${SUP_OPEN}(\\d+)${SUP_CLOSE}`, "g");

/** Builds the output text line by line, keeping a region for every stretch that came from one PDF line. */
class Writer {
  text = "";
  readonly regions: TextRegion[] = [];
  private readonly views: Map<number, PageText["view"]>;

  constructor(pages: readonly PageText[]) {
    this.views = new Map(pages.map((p) => [p.page, p.view]));
  }

  /** Writes one output line made of PDF lines joined as given; returns its [start, end). */
  line(lines: readonly Line[], joins: readonly string[], render: (line: Line) => string, prefix = ""): [number, number] {
    if (this.text.length > 0) this.text += "\n";
    const start = this.text.length;
    this.text += prefix;
    lines.forEach((line, i) => {
      if (i > 0) this.text += joins[i - 1] ?? " ";
      const piece = render(line);
      const from = this.text.length;
      this.text += piece;
      if (piece.length > 0) this.regions.push({ start: from, end: this.text.length, page: line.page, bbox: this.clamp(line) });
    });
    return [start, this.text.length];
  }

  private clamp(line: Line): Box {
    const v = this.views.get(line.page);
    const b = line.box;
    if (!v) return b;
    const lo = (n: number, a: number, z: number) => Math.min(z, Math.max(a, n));
    const x0 = lo(b.x0, v[0], v[2]), x1 = lo(b.x1, v[0], v[2]);
    const y0 = lo(b.y0, v[1], v[3]), y1 = lo(b.y1, v[1], v[3]);
    return { x0: round(Math.min(x0, x1)), y0: round(Math.min(y0, y1)), x1: round(Math.max(x0, x1)), y1: round(Math.max(y0, y1)) };
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export interface AssembleInput {
  pages: PageText[];
  paragraphs: Paragraph[];
  footnotes: Map<number, Footnote>;
}

/**
 * Final text: stamps found before the header, the body paragraphs (one per line), stamps found
 * elsewhere, then the footnotes as `[^N]: text`. Superscript numbers become `[^N]` where footnote N
 * exists, plain digits otherwise ("m2").
 */
export function assemble({ pages, paragraphs, footnotes }: AssembleInput): ExtractedText {
  const w = new Writer(pages);
  const notes: PlacedDiagnostic[] = [];
  const stamps: { start: number; end: number }[] = [];
  const renderBody = (line: Line) =>
    line.text.replace(MARKER, (_, n: string) => (footnotes.has(Number(n)) ? `[^${n}]` : n));
  const renderPlain = (line: Line) => line.text.replace(MARKER, "$1");

  // Stamp groups in reading order; those before the first body line go first.
  const groups = new Map<number, Line[]>();
  let firstBodySeen = false;
  const leading = new Set<number>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (line.role === "body") firstBodySeen = true;
      if (line.role !== "stamp" || line.stampGroup === undefined) continue;
      const list = groups.get(line.stampGroup);
      if (list) list.push(line);
      else {
        groups.set(line.stampGroup, [line]);
        if (!firstBodySeen) leading.add(line.stampGroup);
      }
    }
  }
  const writeStamp = (lines: Line[]) => {
    let start = -1, end = -1;
    for (const line of lines) {
      const [s, e] = w.line([line], [], renderPlain);
      if (start < 0) start = s;
      end = e;
    }
    stamps.push({ start, end });
  };
  for (const [id, lines] of groups) if (leading.has(id)) writeStamp(lines);

  let firstReordered: [number, number] | undefined;
  let reordered = 0;
  const reorderedPages = new Set<number>();
  for (const p of paragraphs) {
    const range = w.line(p.lines, p.joins, renderBody);
    for (const line of p.lines) {
      if (!line.reordered) continue;
      reordered++;
      reorderedPages.add(line.page);
      firstReordered ??= range;
    }
  }
  for (const [id, lines] of groups) if (!leading.has(id)) writeStamp(lines);

  for (const no of [...footnotes.keys()].sort((a, b) => a - b)) {
    const note = footnotes.get(no) as Footnote;
    const joins: string[] = [];
    for (let i = 1; i < note.lines.length; i++) joins.push(joiner((note.lines[i - 1] as Line).text, (note.lines[i] as Line).text));
    w.line(note.lines, joins, renderPlain, `[^${no}]: `);
  }

  if (reordered > 0 && firstReordered) {
    notes.push({
      code: "fallback-font-reordered",
      severity: "info",
      message: `${reordered} dòng có chữ từ phông dự phòng được sắp lại theo vị trí (trang ${[...reorderedPages].join(", ")}).`,
      messageEn:
        `${reordered} line(s) with fallback-font glyphs were put back in left-to-right order (page(s) ${[...reorderedPages].join(", ")}).`,
      start: firstReordered[0],
      end: firstReordered[1],
    });
  }

  return finish(w.text, w.regions, notes, stamps, pages.length);
}

/** NFC over the whole text; in the rare case it changes lengths, regions are mapped through it. */
function finish(text: string, regions: TextRegion[], notes: PlacedDiagnostic[], stamps: { start: number; end: number }[], pages: number): ExtractedText {
  let out = text;
  let outRegions = regions;
  const nfc = text.normalize("NFC");
  if (nfc !== text) {
    // Map each offset by normalising the prefix before it (only for this rare path).
    const map = (offset: number) => text.slice(0, offset).normalize("NFC").length;
    outRegions = regions.map((r) => ({ ...r, start: map(r.start), end: map(r.end) })).filter((r) => r.end > r.start);
    for (const note of notes) {
      if (note.start !== undefined) note.start = map(note.start);
      if (note.end !== undefined) note.end = map(note.end);
    }
    for (const stamp of stamps) {
      stamp.start = map(stamp.start);
      stamp.end = map(stamp.end);
    }
    out = nfc;
  }
  return { format: "pdf", text: out, layout: "paragraphs", regions: outRegions, pages, notes, stamps: stamps.sort((a, b) => a.start - b.start) };
}
