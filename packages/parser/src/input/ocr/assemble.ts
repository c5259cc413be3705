/**
 * Laid-out OCR lines of every page → `ExtractedText`: one visual line per `\n`, pages one after
 * another, a region per line (page, box in points, mean word confidence), a warning per doubtful line.
 */
import type { SourceFormat } from "@kehoach/model";
import type { ExtractedText, TextRegion } from "../extracted.ts";
import type { PlacedDiagnostic } from "../../diagnostics.ts";
import { envelope, toUserSpace, type ImagePlacement } from "./geometry.ts";
import { isWellFormedSyllable } from "../../vi/syllables.ts";
import { trimPunctuation, type ReadLine, type ReadWord } from "./correct.ts";

export interface PagePiece {
  readonly page: number;
  readonly lines: readonly ReadLine[];
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
  readonly notes: readonly PlacedDiagnostic[];
}

export function assemble(pieces: readonly PagePiece[], o: AssembleOptions): ExtractedText {
  let text = "";
  const regions: TextRegion[] = [];
  const notes: PlacedDiagnostic[] = [...o.notes];
  for (const piece of pieces) {
    const wordHeight = medianHeight(piece.lines);
    for (const line of piece.lines) {
      // NFC per word first, so offsets are those of the final text.
      const texts = line.words.map((w) => w.text.normalize("NFC"));
      const lineText = texts.join(" ").trim();
      if (lineText.length === 0) continue;
      const confidence = Math.round((line.words.reduce((s, w) => s + w.confidence, 0) / line.words.length) * 10) / 10;
      const snippet = lineText.length > 60 ? `${lineText.slice(0, 57)}…` : lineText;
      if (confidence < o.noiseConfidence || looksLikeNoise(line.words, confidence, o.lowConfidence, wordHeight)) {
        notes.push({
          code: "ocr-noise-dropped",
          severity: "info",
          message: `Trang ${piece.page}: bỏ qua một dòng không đọc được (độ tin cậy ${Math.round(confidence)}%, có thể là dấu, chữ viết tay): “${snippet}”`,
          messageEn: `Page ${piece.page}: left out an unreadable line (confidence ${Math.round(confidence)}%, probably a stamp or handwriting): “${snippet}”`,
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
      let at = start + (texts.join(" ").length - texts.join(" ").trimStart().length);
      line.words.forEach((w, i) => {
        const wordText = texts[i] ?? "";
        if (w.uncertainNumber === true && wordText.length > 0) {
          notes.push({
            code: "ocr-uncertain-number",
            severity: "warning",
            message: `Trang ${piece.page}: số “${wordText}” đọc không chắc chắn (độ tin cậy ${Math.round(w.confidence)}%), cần đối chiếu bản gốc.`,
            messageEn: `Page ${piece.page}: the number “${wordText}” was not read with certainty (confidence ${Math.round(w.confidence)}%); check it against the original.`,
            start: at,
            end: at + wordText.length,
          });
        }
        // The note is on the digits read, not on the printed symbol after them (`707` of `707/QĐ-TTg`).
        const digits = w.handwritten === undefined ? "" : (/^\d+/u.exec(wordText)?.[0] ?? "");
        if (digits !== "" && w.handwritten !== undefined) {
          notes.push({
            code: "ocr-handwritten-number",
            severity: "warning",
            message: `Trang ${piece.page}: số viết tay đọc được là “${digits}” (độ tin cậy ${Math.round(w.handwritten * 100)}%), cần đối chiếu bản gốc.`,
            messageEn: `Page ${piece.page}: the handwritten number was read as “${digits}” (confidence ${Math.round(w.handwritten * 100)}%); check it against the original.`,
            start: at,
            end: at + digits.length,
          });
        }
        at += wordText.length + 1;
      });
      if (confidence < o.lowConfidence) {
        notes.push({
          code: "ocr-low-confidence",
          severity: "warning",
          message: `Trang ${piece.page}: dòng đọc không chắc chắn (độ tin cậy ${Math.round(confidence)}%), cần soát lại: “${snippet}”`,
          messageEn: `Page ${piece.page}: line read with low confidence (${Math.round(confidence)}%), please check it: “${snippet}”`,
          start,
          end,
        });
      }
    }
  }
  return { format: o.format, text, layout: "lines", regions, pages: o.pages, notes };
}

/**
 * A doubtful line that is mostly not words: what a received-stamp, a seal's rim or handwriting
 * reads as ("ĐẾN mm 2414 888i | s À", "TT. ¬- h"), or a lone word drawn far bigger than the text.
 * Real text lines of the scans, even doubtful ones, are mostly possible syllables and numbers.
 */
function looksLikeNoise(words: readonly ReadWord[], confidence: number, lowConfidence: number, wordHeight: number): boolean {
  if (words.length <= 2 && confidence < OVERSIZED_SURE && words.every((w) => w.bbox.y1 - w.bbox.y0 > OVERSIZED_WORD * wordHeight)) return true;
  if (confidence >= lowConfidence) return false;
  // Punctuation alone says nothing either way; a syllable read at under 30 % is no better than a scribble.
  const judged = words.filter((w) => trimPunctuation(w.text) !== "");
  const readable = judged.filter((w) => w.confidence >= 90 || isNumberOrSymbol(w.text) || (w.confidence >= WORD_SURE && isWellFormedSyllable(trimPunctuation(w.text))));
  return readable.length * 2 < judged.length || judged.length === 0;
}

/** `2414`, `18/01/2022`, `9.753.000`, `/QĐ-TTg`, `81/2019/NĐ-CP`: readable though no syllable. */
function isNumberOrSymbol(text: string): boolean {
  const core = trimPunctuation(text);
  return /^\d+(?:[.,/-]\d+)*$/u.test(core) || (text.includes("/") && /^[\p{L}\d/-]+$/u.test(core));
}
/** A syllable read less sure than this does not make its line readable. */
const WORD_SURE = 30;
/** An oversized lone word read at least this sure is kept (a big title word). */
const OVERSIZED_SURE = 80;

/** A word this many times the page's median word height is not body text (a stamp's letters, a scribble). */
const OVERSIZED_WORD = 2;

function medianHeight(lines: readonly ReadLine[]): number {
  const hs = lines.flatMap((l) => l.words.map((w) => w.bbox.y1 - w.bbox.y0)).sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)] ?? 30;
}
