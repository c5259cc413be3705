import type { ExtractedText } from "../extracted.ts";
import { assemble } from "./assemble.ts";
import { tooManyPages } from "./errors.ts";
import { findFootnotes } from "./footnotes.ts";
import { markPageNumbers } from "./furniture.ts";
import { isGarbage, scoreVietnamese } from "./garbage.ts";
import { holdPdfJsRejections } from "./late-rejections.ts";
import { Deadline, documentParams, loadPdfJs, precheck, toInputError } from "./load.ts";
import { bodySizeOf, pageMetrics, type Metrics } from "./metrics.ts";
import { buildParagraphs } from "./paragraphs.ts";
import { readPage } from "./page.ts";
import { FontDecoder, type LegacyEncoding } from "./recode.ts";
import { markStamps } from "./stamps.ts";
import type { Line, PageText } from "./types.ts";
import type { AssetsLocation } from "../../platform/assets.ts";

export { isGarbage, isVietnameseSyllable, scoreVietnamese, type TextScore } from "./garbage.ts";

export interface PdfOptions {
  /** More pages than this → "too-many-pages". Default 500. */
  maxPages?: number;
  /** Reading taking longer than this (ms) → "timeout". Default 60 000. */
  timeoutMs?: number;
  /**
   * Read the text of the first page's signature widgets (the number and day an e-signing tool stamps
   * into "Số: … /KH-UBND" and "ngày … tháng", the issuing stamp). Costs an operator list of that page,
   * about one more page of pdf.js work, and only on signed PDFs. Default true.
   */
  signatureWidgets?: boolean;
  /** The app's asset folder, in a browser (see src/platform/assets.ts); Node reads the installed packages. */
  assets?: AssetsLocation;
}

export type PdfReadResult =
  | { kind: "text"; extracted: ExtractedText }
  | { kind: "needs-ocr"; reason: "no-text-layer" | "garbage-text-layer"; pages: number };

const DEFAULT_MAX_PAGES = 500;
const DEFAULT_TIMEOUT_MS = 60_000;
/** A page with fewer characters than this (stamps aside) has no real text layer. */
const MIN_PAGE_CHARS = 40;

/**
 * Reads the text layer of a PDF into paragraphs (see ExtractedText), or says it needs OCR: an image-only
 * scan (or one whose only text is a signature stamp), or a text layer that is not Vietnamese (legacy
 * TCVN3/VNI fonts, symbol fonts). Rejects only with KehoachInputError: encrypted-pdf, corrupt-file,
 * too-many-pages, timeout.
 */
export async function readPdf(bytes: Uint8Array, options?: PdfOptions): Promise<PdfReadResult> {
  const release = holdPdfJsRejections();
  try {
    return await read(bytes, options ?? {});
  } catch (error) {
    throw toInputError(error);
  } finally {
    release();
  }
}

async function read(bytes: Uint8Array, options: PdfOptions): Promise<PdfReadResult> {
  precheck(bytes);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const deadline = new Deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let task: { destroy(): Promise<void>; promise: Promise<unknown> } | undefined;
  try {
    const loaded = await deadline.race(loadPdfJs(options.assets));
    const { lib } = loaded;
    // pdf.js takes ownership of (transfers) the buffer it is given, and refuses a Node Buffer: hand it
    // a plain copy.
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    const loading = lib.getDocument(documentParams(copy, loaded));
    task = loading;
    const doc = await deadline.race(loading.promise);
    if (doc.numPages > maxPages) throw tooManyPages(doc.numPages, maxPages);

    const pages: PageText[] = [];
    const widgetLines = new Map<Line, number>();
    let blockId = 0;
    const nextBlockId = () => ++blockId;
    let widgetId = 0;
    const fonts = new FontDecoder();
    for (let n = 1; n <= doc.numPages; n++) {
      deadline.check();
      const page = await deadline.race(doc.getPage(n));
      const { text, widgets } = await readPage(lib, page, n, deadline, nextBlockId, options.signatureWidgets !== false, fonts);
      pages.push(text);
      for (const lines of widgets) {
        widgetId++;
        for (const line of lines) widgetLines.set(line, widgetId);
      }
    }

    const withText = pages.filter((p) => p.chars >= MIN_PAGE_CHARS).length;
    if (withText === 0 || withText < pages.length / 2) {
      return { kind: "needs-ocr", reason: "no-text-layer", pages: pages.length };
    }
    if (isGarbage(scoreVietnamese(sampleText(pages)))) {
      return { kind: "needs-ocr", reason: "garbage-text-layer", pages: pages.length };
    }
    deadline.check();
    const extracted = layout(pages, widgetLines);
    const recoded = fonts.recoded();
    if (recoded.size > 0) extracted.notes.push(recodedNote(recoded));
    return { kind: "text", extracted };
  } finally {
    deadline.dispose();
    if (task) await task.destroy().catch(() => undefined);
  }
}

const ENCODING_NAMES: Record<LegacyEncoding, string> = {
  "glyph-ids": "glyph indices of Times New Roman (no ToUnicode map)",
  "mac-roman": "Mac Roman codes of a Windows font",
  tcvn3: "TCVN3 (.VnTime)",
  "mac-roman-tcvn3": "TCVN3 (.VnTime) read as Mac Roman",
};

function recodedNote(recoded: Map<LegacyEncoding, number>): ExtractedText["notes"][number] {
  const list = [...recoded].map(([encoding, n]) => `${n} × ${ENCODING_NAMES[encoding]}`).join(", ");
  return {
    code: "pdf-fonts-recoded",
    severity: "info",
    message: `Một số phông chữ trong tệp không khai báo đúng mã Unicode; chữ của chúng đã được giải mã lại (${list}).`,
    messageEn:
      `Some fonts do not map their codes to Unicode; their text was decoded from the font's own codes (${list}).`,
  };
}

/** Up to ~6 000 characters taken evenly from the pages: enough to judge the text layer. */
function sampleText(pages: readonly PageText[]): string {
  const parts: string[] = [];
  const budget = Math.max(600, Math.floor(6_000 / Math.max(1, pages.length)));
  for (const page of pages) {
    let used = 0;
    for (const line of page.lines) {
      if (used > budget) break;
      parts.push(line.text);
      used += line.text.length;
    }
  }
  return parts.join("\n");
}

/** From lines in reading order per page to the final text. */
function layout(pages: PageText[], widgetLines: Map<Line, number>): ExtractedText {
  let bodySize = bodySizeOf(pages);
  markPageNumbers(pages);
  markStamps(pages, bodySize, widgetLines);
  bodySize = bodySizeOf(pages);
  const footnotes = findFootnotes(pages, bodySize);
  const metrics = pageMetrics(pages, bodySize);
  const fallback: Metrics = { bodySize, left: 0, right: 600, indent: undefined, pitch: 1.25 * bodySize };
  const body: Line[] = [];
  for (const page of pages) for (const line of page.lines) if (line.role === "body") body.push(line);
  const paragraphs = buildParagraphs(body, (page) => metrics.get(page) ?? fallback);
  const extracted = assemble({ pages, paragraphs, footnotes });
  const empty = pages.filter((p) => p.chars < MIN_PAGE_CHARS).map((p) => p.page);
  if (empty.length > 0) {
    extracted.notes.push({
      code: "pdf-page-without-text",
      severity: "warning",
      message: `Trang ${empty.join(", ")} không có lớp chữ (có thể là ảnh quét), nội dung các trang này chưa được đọc.`,
      messageEn:
        `Page(s) ${empty.join(", ")} have no text layer (probably scanned images); their content was not read.`,
    });
  }
  return extracted;
}
