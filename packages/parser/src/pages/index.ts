/**
 * `@kehoach/parser/pages` (Node): one scanned document read page by page — in other threads, processes
 * or machines — and put together into the very Plan `parse` gives for the whole file.
 *
 * ```ts
 * const split = await splitPages(bytes, options);        // null: parse it whole (not a scan)
 * const pages = await Promise.all(split.pages.map((p) => readPage(bytes, split, p, options)));
 * const plan = await assemblePages(bytes, split, pages, options);   // JSON-equal to parse(bytes, options)
 * ```
 *
 * Every value passed between the steps is plain JSON (it travels in queue jobs). Pages are recognised
 * exactly as the whole-file OCR recognises them; the document-level notes are made again at assembly.
 */
import type { Plan } from "@kehoach/model";
import { isKehoachInputError } from "../errors.ts";
import { detectFormat } from "../input/detect.ts";
import { finishPages, listPages, looksScanned, readPage as readOcrPage, type PageOutcome } from "../input/ocr/index.ts";
import { readPdf } from "../input/pdf/index.ts";
import { garbageLayerNote, ocrOptions, parseAdapted, pdfOptions, type ParseOptions } from "../parse.ts";

export type { PageOutcome } from "../input/ocr/index.ts";

/** How a document is read page by page. */
export interface PageSplit {
  readonly kind: "pdf" | "image";
  /** PDF pages: "always" rendered (a text layer in a legacy font encoding), or as the OCR decides ("auto"). */
  readonly render: "auto" | "always";
  /** The pages OCR reads, 1-based, ascending. */
  readonly pages: readonly number[];
}

/** What one page gave: one outcome per image of it. */
export interface PageResult {
  readonly page: number;
  readonly outcomes: readonly PageOutcome[];
}

/**
 * The pages `parse` would recognise one by one, or null when `parse` would not OCR this input (text
 * formats, PDFs with a usable text layer) or would refuse it (then `parse` says why).
 */
export async function splitPages(bytes: Uint8Array, options: ParseOptions = {}): Promise<PageSplit | null> {
  try {
    const format = detectFormat(bytes);
    if (format === "image") return { kind: "image", render: "auto", pages: await listPages(bytes, "image", ocrOptions(options)) };
    // Only a PDF that looks scanned is asked of pdf.js: a text PDF would be read twice for nothing.
    if (format !== "pdf" || !looksScanned(bytes)) return null;
    const read = await readPdf(bytes, pdfOptions(options));
    if (read.kind === "text") return null;
    const render = read.reason === "garbage-text-layer" ? "always" : "auto";
    return { kind: "pdf", render, pages: await listPages(bytes, "pdf", { ...ocrOptions(options), render }) };
  } catch (error) {
    if (isKehoachInputError(error)) return null;
    throw error;
  }
}

/** OCR of one page of the split. Rejects with a `KehoachInputError` (no engine, timeout…) as `parse` would. */
export async function readPage(bytes: Uint8Array, split: PageSplit, page: number, options: ParseOptions = {}): Promise<PageResult> {
  const outcomes = await readOcrPage(bytes, split.kind, page, { ...ocrOptions(options), render: split.render });
  return { page, outcomes };
}

/** Every page's result (any order) → the Plan. Rejects with a `KehoachInputError` as `parse` would (no text read…). */
export async function assemblePages(bytes: Uint8Array, split: PageSplit, results: readonly PageResult[], options: ParseOptions = {}): Promise<Plan> {
  const extracted = await finishPages(bytes, split.kind, results.map((r) => r.outcomes), { ...ocrOptions(options), render: split.render });
  if (split.kind === "pdf" && split.render === "always") extracted.notes.unshift(garbageLayerNote());
  return parseAdapted(extracted, options);
}
