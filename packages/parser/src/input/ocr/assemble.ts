/**
 * Laid-out OCR lines of every page → `ExtractedText`: one visual line per `\n`, pages one after
 * another, a region per line (page, box in points, mean word confidence), a warning per doubtful line.
 */
import type { SourceFormat } from "@kehoach/model";
import type { AdapterNote, ExtractedText, TextRegion } from "../extracted.ts";
import { envelope, toUserSpace, type ImagePlacement } from "./geometry.ts";
import type { LayoutLine } from "./layout.ts";

export interface PagePiece {
  readonly page: number;
  readonly lines: readonly LayoutLine[];
  readonly placement: ImagePlacement;
}

export interface AssembleOptions {
  readonly format: SourceFormat;
  readonly pages: number;
  /** Lines whose mean word confidence is below this get an "ocr-low-confidence" warning. */
  readonly lowConfidence: number;
  /** Lines whose mean word confidence is below this are left out ("ocr-noise-dropped"). */
  readonly noiseConfidence: number;
  /** Notes gathered before recognition (skipped images, failed pages…), kept first. */
  readonly notes: readonly AdapterNote[];
}

export function assemble(pieces: readonly PagePiece[], o: AssembleOptions): ExtractedText {
  let text = "";
  const regions: TextRegion[] = [];
  const notes: AdapterNote[] = [...o.notes];
  for (const piece of pieces) {
    for (const line of piece.lines) {
      // NFC per word first, so offsets are those of the final text.
      const lineText = line.words
        .map((w) => fixLetters(w.text.normalize("NFC")))
        .join(" ")
        .trim();
      if (lineText.length === 0) continue;
      const confidence = Math.round((line.words.reduce((s, w) => s + w.confidence, 0) / line.words.length) * 10) / 10;
      const snippet = lineText.length > 60 ? `${lineText.slice(0, 57)}…` : lineText;
      if (confidence < o.noiseConfidence) {
        notes.push({
          code: "ocr-noise-dropped",
          severity: "info",
          message: `Trang ${piece.page}: bỏ qua một dòng không đọc được (độ tin cậy ${Math.round(confidence)}%, có thể là dấu, chữ viết tay): “${snippet}” / Page ${piece.page}: left out an unreadable line (confidence ${Math.round(confidence)}%, probably a stamp or handwriting).`,
          start: text.length,
          end: text.length,
        });
        continue;
      }
      const start = text.length;
      text += `${lineText}\n`;
      const end = start + lineText.length;
      const box = envelope(line.words.flatMap((w) => [[w.bbox.x0, w.bbox.y0] as const, [w.bbox.x1, w.bbox.y1] as const]));
      regions.push({ start, end, page: piece.page, bbox: toUserSpace(box, piece.placement), confidence });
      if (confidence < o.lowConfidence) {
        notes.push({
          code: "ocr-low-confidence",
          severity: "warning",
          message: `Trang ${piece.page}: dòng đọc không chắc chắn (độ tin cậy ${Math.round(confidence)}%), cần soát lại: “${snippet}” / Page ${piece.page}: line read with low confidence (${Math.round(confidence)}%), please check it.`,
          start,
          end,
        });
      }
    }
  }
  return { format: o.format, text, layout: "lines", regions, pages: o.pages, notes };
}

/**
 * The model sometimes returns the Icelandic eth "Ð/ð" (U+00D0/U+00F0) for the Vietnamese "Đ/đ"
 * (U+0110/U+0111) — they look the same; eth never occurs in Vietnamese text ("QÐ-UBND" on sample 003).
 */
function fixLetters(word: string): string {
  return word.replace(/\u00d0/gu, "\u0110").replace(/\u00f0/gu, "\u0111");
}
