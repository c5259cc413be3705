/**
 * OCR input adapter: scanned PDFs and images → `ExtractedText`, fully offline.
 *
 * PDF pages are not rendered: each page's image XObjects are taken out of the file as they are
 * stored (a DCTDecode stream is already a JPEG file, a Group 4 fax stream becomes a TIFF by adding
 * a header) and handed to tesseract.js with the Vietnamese model installed from npm.
 */
import type { AdapterNote, ExtractedText } from "../extracted.ts";
import { assemble, type PagePiece } from "./assemble.ts";
import { placementForImage, quarterTurns, type ImagePlacement } from "./geometry.ts";
import { encodePdfImage, UnsupportedImageError } from "./image-encode.ts";
import { ImageFormatError, sniffImage } from "./image-sniff.ts";
import { LanguageDataError, resolveLanguageData, type LanguageData } from "./language-data.ts";
import { layoutPage } from "./layout.ts";
import { inputError, MESSAGES, toInputError } from "./messages.ts";
import { PdfDocument } from "./pdf-document.ts";
import { findPageImages } from "./pdf-images.ts";
import { runJobs, type JobOutcome, type OcrJob, type OcrProgress } from "./scheduler.ts";

export type { OcrProgress } from "./scheduler.ts";

export interface OcrOptions {
  /** More pages to read than this → KehoachInputError("too-many-pages"). Default 50. */
  maxPages?: number | undefined;
  /** Only these 1-based pages (of a PDF or multi-page TIFF); default all. */
  pages?: readonly number[] | undefined;
  /** Whole-call budget; beyond it → KehoachInputError("timeout"). Default 10 minutes. */
  timeoutMs?: number | undefined;
  /** Called as each page is prepared and recognised. */
  onProgress?: ((p: OcrProgress) => void) | undefined;
  /** Tesseract workers reading pages in parallel (1–4). Default 1. */
  workers?: number | undefined;
  /** Tesseract language list. Default "vie". */
  languages?: string | undefined;
  /** A folder with `<lang>.traineddata[.gz]`, instead of the installed `@tesseract.js-data/<lang>` packages. */
  languageDataPath?: string | undefined;
  /** Lines with a mean word confidence below this (0–100) get an "ocr-low-confidence" warning. Default 60. */
  lowConfidence?: number | undefined;
  /**
   * Let tesseract straighten each page first. Default false: on the sample scans (skewed 0.5–0.8°)
   * it changed the error rate by under 0.1 point but cost about 30 % more time.
   */
  deskew?: boolean | undefined;
  /** Stops the work (KehoachInputError "timeout", with a "cancelled" message). */
  signal?: AbortSignal | undefined;
}

export const OCR_DEFAULTS = {
  maxPages: 50,
  timeoutMs: 10 * 60_000,
  workers: 1,
  languages: "vie",
  lowConfidence: 60,
  deskew: false,
} as const;

/** Resolution assumed for a PDF image whose placement says nothing useful. */
const FALLBACK_DPI = 200;
/** A4 height in inches, to guess the resolution of an image that does not state one. */
const A4_LONG_SIDE_INCHES = 11.69;

interface PreparedJob extends OcrJob {
  readonly placement: (width: number, height: number) => ImagePlacement;
}

/** OCR of a scanned PDF (format "scan"). */
export async function ocrPdf(bytes: Uint8Array, options: OcrOptions = {}): Promise<ExtractedText> {
  try {
    if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw inputError("corrupt-file", MESSAGES.notPdf);
    let doc: PdfDocument | null;
    try {
      doc = PdfDocument.open(bytes);
    } catch (e) {
      throw inputError("corrupt-file", MESSAGES.notPdf, e);
    }
    if (doc === null) throw inputError("corrupt-file", MESSAGES.notPdf);
    if (doc.encrypted) throw inputError("encrypted-pdf", MESSAGES.encrypted);
    const pdf = doc;
    const pages = pdf.pages();
    if (pages.length === 0) throw inputError("corrupt-file", MESSAGES.noPages);
    const selected = selectPages(pages.length, options);

    const notes: AdapterNote[] = [];
    const jobs: PreparedJob[] = [];
    for (const number of selected) {
      const page = pages[number - 1];
      if (page === undefined) continue;
      const found = findPageImages(pdf, page);
      if (found.images.length === 0) {
        notes.push(info("ocr-page-without-image", `Trang ${number} không có ảnh để nhận dạng nên bị bỏ qua. / Page ${number} has no image to recognise and was skipped.`));
      }
      if (found.skipped > 0 || found.inlineImages > 0) {
        notes.push(info("ocr-images-skipped", `Trang ${number}: bỏ qua ${found.skipped + found.inlineImages} ảnh nhỏ hoặc trùng. / Page ${number}: ${found.skipped + found.inlineImages} small or duplicate image(s) not read.`));
      }
      if (found.placementGuessed) {
        notes.push(info("ocr-placement-guessed", `Trang ${number}: không xác định được vị trí ảnh, coi như ảnh phủ kín trang. / Page ${number}: image position unknown; assumed to fill the page.`));
      }
      for (const im of found.images) {
        if (quarterTurns(im.ctm, page.rotate) !== 0) {
          notes.push(warning("ocr-rotated-page", `Trang ${number} bị xoay ngang hoặc lộn ngược; kết quả nhận dạng có thể sai. / Page ${number} is turned sideways or upside down; the text may be misread.`));
        }
        const placedWidthPt = Math.hypot(im.ctm[0], im.ctm[1]);
        const dpi = placedWidthPt > 1 && im.width > 0 ? (im.width * 72) / placedWidthPt : FALLBACK_DPI;
        jobs.push({
          page: number,
          load: async () => {
            const enc = await encodePdfImage(pdf, im.stream, dpi);
            // The image as stored may differ in size from what the dictionary says (CCITT /Columns).
            return { bytes: enc.bytes, width: enc.width, height: enc.height, dpi: (enc.width / Math.max(1, im.width)) * dpi };
          },
          placement: (width, height) => ({ width, height, ctm: im.ctm, rotation: 0 }),
        });
      }
    }
    if (jobs.length === 0) throw pdf.missing.size > 0 ? inputError("corrupt-file", MESSAGES.damagedPdf) : inputError("ocr-failed", MESSAGES.noImages);
    if (pdf.missing.size > 0) notes.push(warning("ocr-damaged-pdf", MESSAGES.damagedPdf));
    return await recognise(jobs, options, { format: "scan", pages: pages.length, notes });
  } catch (e) {
    throw toInputError(e);
  }
}

/** OCR of one image file: PNG, JPEG, TIFF (every page of a multi-page TIFF), BMP, PNM (format "image"). */
export async function ocrImage(bytes: Uint8Array, options: OcrOptions = {}): Promise<ExtractedText> {
  try {
    if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw inputError("corrupt-file", MESSAGES.badImage);
    let sniffed;
    try {
      sniffed = sniffImage(bytes);
    } catch (e) {
      if (e instanceof ImageFormatError && e.unsupportedKind !== null) throw inputError("unsupported-format", MESSAGES.unsupportedImage(e.unsupportedKind), e);
      throw inputError("corrupt-file", MESSAGES.badImage, e);
    }
    const selected = selectPages(sniffed.pages.length, options);
    const notes: AdapterNote[] = [];
    const jobs: PreparedJob[] = [];
    for (const number of selected) {
      const page = sniffed.pages[number - 1];
      if (page === undefined) continue;
      let dpi = page.dpi;
      if (dpi === undefined) {
        dpi = Math.max(page.width, page.height) / A4_LONG_SIDE_INCHES;
        notes.push(info("ocr-assumed-resolution", `Trang ${number}: ảnh không ghi độ phân giải; coi như trang A4 (${Math.round(dpi)} dpi). / Page ${number}: the image states no resolution; assumed an A4 page (${Math.round(dpi)} dpi).`));
      }
      const pageDpi = dpi;
      jobs.push({
        page: number,
        // The file's own resolution (or none) goes to tesseract; the A4 guess is only for boxes.
        load: async () => ({ bytes: page.bytes(), width: page.width, height: page.height, dpi: page.dpi }),
        placement: (width, height) => placementForImage(width, height, pageDpi),
      });
    }
    return await recognise(jobs, options, { format: "image", pages: sniffed.pages.length, notes });
  } catch (e) {
    throw toInputError(e);
  }
}

function selectPages(count: number, options: OcrOptions): number[] {
  const all = Array.from({ length: count }, (_, i) => i + 1);
  const selected = options.pages === undefined ? all : [...new Set(options.pages)].filter((p) => Number.isInteger(p) && p >= 1 && p <= count).sort((a, b) => a - b);
  if (selected.length === 0) throw inputError("empty-document", MESSAGES.noSelectedPages);
  const max = options.maxPages ?? OCR_DEFAULTS.maxPages;
  if (selected.length > max) throw inputError("too-many-pages", MESSAGES.tooManyPages(selected.length, max));
  return selected;
}

async function recognise(
  jobs: readonly PreparedJob[],
  options: OcrOptions,
  doc: { format: "scan" | "image"; pages: number; notes: AdapterNote[] },
): Promise<ExtractedText> {
  let data: LanguageData;
  try {
    data = resolveLanguageData(options.languages ?? OCR_DEFAULTS.languages, options.languageDataPath);
  } catch (e) {
    throw inputError("ocr-failed", MESSAGES.engine(e instanceof LanguageDataError ? e.message : "language data"), e);
  }
  const outcomes: JobOutcome[] = await runJobs(jobs, {
    data,
    workers: options.workers ?? OCR_DEFAULTS.workers,
    timeoutMs: options.timeoutMs ?? OCR_DEFAULTS.timeoutMs,
    deskew: options.deskew ?? OCR_DEFAULTS.deskew,
    totalPages: doc.pages,
    signal: options.signal,
    onProgress: options.onProgress,
  });

  const pieces: PagePiece[] = [];
  const notes = [...doc.notes];
  outcomes.forEach((out, i) => {
    const job = jobs[i];
    if (job === undefined) return;
    if (!out.ok) {
      const why = out.error instanceof UnsupportedImageError ? ` (${out.error.message})` : "";
      notes.push({
        code: "ocr-page-failed",
        severity: "error",
        message: `Không nhận dạng được trang ${job.page}${why}. / Page ${job.page} could not be recognised${why}.`,
      });
      return;
    }
    const { image, result } = out;
    const placement = { ...job.placement(image.width, image.height), rotation: result.rotation };
    pieces.push({ page: job.page, lines: layoutPage(result.lines, image.width, image.height), placement });
  });
  if (pieces.length === 0) {
    const only = outcomes.length === 1 ? outcomes[0] : undefined;
    throw inputError("ocr-failed", doc.format === "image" ? MESSAGES.imageFailed : MESSAGES.allPagesFailed, only !== undefined && !only.ok ? only.error : undefined);
  }
  const text = assemble(pieces, { format: doc.format, pages: doc.pages, lowConfidence: options.lowConfidence ?? OCR_DEFAULTS.lowConfidence, notes });
  if (text.text.trim().length === 0) throw inputError("empty-document", MESSAGES.empty);
  return text;
}

function info(code: string, message: string): AdapterNote {
  return { code, severity: "info", message };
}
function warning(code: string, message: string): AdapterNote {
  return { code, severity: "warning", message };
}
