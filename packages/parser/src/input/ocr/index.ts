/**
 * OCR input adapter: scanned PDFs and images → `ExtractedText`, fully offline.
 *
 * A scanned PDF page is not rendered: its image XObjects are taken out of the file as they are
 * stored (a DCTDecode stream is already a JPEG file, a Group 4 fax stream becomes a TIFF by adding
 * a header) and handed to tesseract.js with the Vietnamese model installed from npm. A page drawn
 * with fonts (no page-sized image, or a lot of visible text) is rendered with pdf.js instead
 * (render.ts), as is every page under `render: "always"` (text layers in legacy font encodings).
 */
import { engineUnavailable, isKehoachInputError, KehoachInputError } from "../../errors.ts";
import type { AssetsLocation } from "../../platform/assets.ts";
import type { ExtractedText } from "../extracted.ts";
import type { PlacedDiagnostic } from "../../diagnostics.ts";
import { info, warning } from "./notes.ts";
import { assemble, type PagePiece } from "./assemble.ts";
import { IDENTITY, placementForImage, quarterTurns, unitSquareBox, type ImagePlacement, type Matrix } from "./geometry.ts";
import { encodePdfImage, UnsupportedImageError } from "./image-encode.ts";
import { ImageFormatError, sniffImage } from "./image-sniff.ts";
import { chooseEngine, ENGINE_CHOICES, EngineUnavailableError, type EngineChoice, type EngineSpec } from "./engines.ts";
import { correctLine } from "./correct.ts";
import { correctPartLabels } from "./labels.ts";
import { readHandwrittenNumbers } from "./handwritten-numbers.ts";
import { readSigningBlocks, REREAD_DPI, type Reread } from "./signing-reread.ts";
import { layoutPage } from "./layout.ts";
import { inputError, MESSAGES, toInputError } from "./messages.ts";
import { PdfDocument } from "./pdf-document.ts";
import { findPageImages, type PageImages } from "./pdf-images.ts";
import { DEFAULT_RENDER_DPI, DEFAULT_RENDER_TIMEOUT_MS, openRenderer, RenderError, type PdfRenderer } from "./render.ts";
import { defaultWorkers, runJobs, type JobOutcome, type OcrJob, type OcrProgress, type RunOptions } from "./scheduler.ts";

export type { OcrProgress } from "./scheduler.ts";
export type { EngineChoice } from "./engines.ts";
export { closeOcrEngines } from "./pool.ts";

export interface OcrOptions {
  /** More pages to read than this → KehoachInputError("too-many-pages"). Default 50. */
  maxPages?: number | undefined;
  /** Only these 1-based pages (of a PDF or multi-page TIFF); default all. */
  pages?: readonly number[] | undefined;
  /** Whole-call budget; beyond it → KehoachInputError("timeout"). Default 10 minutes. */
  timeoutMs?: number | undefined;
  /** Called as each page is prepared and recognised. */
  onProgress?: ((p: OcrProgress) => void) | undefined;
  /** Tesseract engines reading pages in parallel (1–4). Default: one per core, up to 4. */
  workers?: number | undefined;
  /**
   * Which tesseract: "auto" (default) the machine's own `tesseract` program when it is installed
   * with the languages asked for (Node only), else tesseract.js; or force "native" / "tesseract.js".
   */
  engine?: EngineChoice | undefined;
  /** Tesseract language list. Default "vie". */
  languages?: string | undefined;
  /** A folder with `<lang>.traineddata[.gz]`, instead of the installed `@tesseract.js-data/<lang>` packages. */
  languageDataPath?: string | undefined;
  /** Lines with a mean word confidence below this (0–100) get an "ocr-low-confidence" warning. Default 60. */
  lowConfidence?: number | undefined;
  /**
   * Lines with a mean word confidence below this (0–100) are left out, with an "ocr-noise-dropped" note:
   * what a received-stamp, a handwritten mark or a signature scribble reads as. Default 30 (the real
   * lines of the sample and corpus scans are above 60; their stamp and scribble lines 0–28).
   */
  noiseConfidence?: number | undefined;
  /**
   * Let tesseract straighten each page first (tesseract.js only: the native engine reads the page as
   * it is; skewed lines it reads in pieces are stitched back by layout.ts either way). Default false:
   * on the sample scans (skewed 0.5–0.8°) it changed the error rate by under 0.1 point but cost
   * about 30 % more time.
   */
  deskew?: boolean | undefined;
  /** Stops the work (KehoachInputError "timeout", with a "cancelled" message). */
  signal?: AbortSignal | undefined;
  /**
   * PDF pages rendered with pdf.js and the rendering OCR'd, instead of the page's stored image:
   * - "auto" (default): pages with no image big enough to be the page (text pages, pages of inline
   *   images, blank pages) and pages showing much visible text (a text page over a background
   *   picture) are rendered; scan pages keep the fast image path. An encrypted PDF, whose images
   *   cannot be taken out, is rendered whole (pdf.js opens files with an empty user password).
   * - "always": every page is rendered: for a text layer whose fonts have no usable Unicode map
   *   (legacy Vietnamese encodings, TCVN3/VNI or font-private codes), which looks right but reads
   *   as garbage.
   * - "never": image path only; pages without an image are skipped with a note.
   */
  render?: "auto" | "always" | "never" | undefined;
  /** The app's asset folder, in a browser (see src/platform/assets.ts); Node reads the installed packages. */
  assets?: AssetsLocation | undefined;
  /** Resolution of rendered pages (72–600). Default 250 (see render.ts for the measurements). */
  renderDpi?: number | undefined;
  /** Rendering one page may take this long (ms) before that page fails with a note. Default 60 000. */
  renderTimeoutMs?: number | undefined;
}

export const OCR_DEFAULTS = {
  maxPages: 50,
  timeoutMs: 10 * 60_000,
  engine: "auto",
  languages: "vie",
  lowConfidence: 60,
  noiseConfidence: 30,
  deskew: false,
  render: "auto",
  renderDpi: DEFAULT_RENDER_DPI,
  renderTimeoutMs: DEFAULT_RENDER_TIMEOUT_MS,
} as const;

/** Resolution assumed for a PDF image whose placement says nothing useful. */
const FALLBACK_DPI = 200;
/** A4 height in inches, to guess the resolution of an image that does not state one. */
const A4_LONG_SIDE_INCHES = 11.69;
/**
 * "auto": an image covering at least this share of the page is a scanned page. Scans fill the page
 * (≥ 95 % on the samples); half leaves room for cropped scans and A5 scans on A4 pages.
 */
const PAGE_IMAGE_SHARE = 0.5;
/**
 * "auto": a page showing at least this many glyphs of visible text is drawn with fonts even if it
 * has a page-sized image. The legacy-font plans' pages with a seal or signature picture show
 * 800–1 500; a signing tool's stamp text is under 150.
 */
const MIN_VISIBLE_GLYPHS = 300;

interface PreparedJob extends OcrJob {
  readonly placement: (width: number, height: number) => ImagePlacement;
  /** A page rendered with pdf.js (not a stored image). */
  readonly rendered?: true;
  /** The stored image fills its page upright: a share of the image is the same share of the rendered page. */
  readonly fillsPage?: boolean;
}

/** A document's pages listed for recognition, with what was noticed on the way (not yet recognised). */
interface PreparedDoc {
  readonly format: "scan" | "image";
  /** Pages in the document. */
  readonly pages: number;
  readonly notes: PlacedDiagnostic[];
  /** In page order; a page may have several (several images). */
  readonly jobs: PreparedJob[];
  readonly startedAt?: number;
  /** Reads a region of a page again (the signing block under a seal), rendering it with pdf.js. */
  readonly reread?: Reread;
}

/** The pdf.js renderer a preparation opened, for the caller to close whatever happens. */
interface Held {
  renderer: PdfRenderer | null;
}

/** OCR of a scanned PDF, or of PDF pages rendered with pdf.js (format "scan"). */
export async function ocrPdf(bytes: Uint8Array, options: OcrOptions = {}): Promise<ExtractedText> {
  const held: Held = { renderer: null };
  try {
    const doc = await preparePdf(bytes, options, held);
    return finish(await readJobs(doc.jobs, options, doc), options, doc);
  } catch (e) {
    throw toInputError(e);
  } finally {
    await held.renderer?.close();
  }
}

/** A PDF's pages as jobs (nothing recognised yet); a renderer it opens is left in `held`. */
async function preparePdf(bytes: Uint8Array, options: OcrOptions, held: Held): Promise<PreparedDoc> {
  const startedAt = Date.now();
  const mode = options.render ?? OCR_DEFAULTS.render;
  let renderer: PdfRenderer | null = null;
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw inputError("corrupt-file", MESSAGES.notPdf);
  if (mode !== "auto" && mode !== "always" && mode !== "never") throw inputError("ocr-failed", MESSAGES.badRenderOption(String(mode)));
  let doc: PdfDocument | null;
  try {
    doc = PdfDocument.open(bytes);
  } catch (e) {
    // Our reader failed where pdf.js may not: rendering can still try.
    if (mode === "never") throw inputError("corrupt-file", MESSAGES.notPdf, e);
    doc = null;
  }
  if (doc === null && mode === "never") throw inputError("corrupt-file", MESSAGES.notPdf);
  if (doc?.encrypted === true && mode === "never") throw inputError("encrypted-pdf", MESSAGES.encrypted);
  const pdfPages = doc?.pages() ?? [];
  if (doc !== null && !doc.encrypted && pdfPages.length === 0) throw inputError("corrupt-file", MESSAGES.noPages);

  const notes: PlacedDiagnostic[] = [];
  const jobs: PreparedJob[] = [];
  const toRender: number[] = [];
  let pageCount: number;
  if (mode === "always" || doc === null || doc.encrypted) {
    // Everything through pdf.js: it counts the pages, and decrypts what opens without a password.
    renderer = held.renderer = await openRendererFor(bytes, startedAt, options);
    pageCount = renderer.pageCount;
    if (pageCount === 0) throw inputError("corrupt-file", MESSAGES.noPages);
    for (const number of selectPages(pageCount, options)) {
      toRender.push(number);
      jobs.push(renderJob(number, () => renderer, options));
    }
  } else {
    const pdf = doc;
    pageCount = pdfPages.length;
    for (const number of selectPages(pdfPages.length, options)) {
      const page = pdfPages[number - 1];
      if (page === undefined) continue;
      const found = findPageImages(pdf, page);
      if (mode === "auto" && drawnWithFonts(found)) {
        toRender.push(number);
        jobs.push(renderJob(number, () => renderer, options)); // the renderer is opened below
        continue;
      }
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
          fillsPage: fillsPage(im.ctm, page.rotate, found.page.pageBox),
        });
      }
    }
    if (toRender.length > 0) {
      try {
        renderer = held.renderer = await openRendererFor(bytes, startedAt, options);
      } catch (e) {
        // Scan pages can still be read: the pages needing a rendering are skipped, with a warning.
        const unavailable = e instanceof KehoachInputError && (e.code === "ocr-failed" || e.code === "engine-unavailable" || e.code === "corrupt-file" || e.code === "encrypted-pdf");
        if (!unavailable) throw e;
        jobs.splice(0, jobs.length, ...jobs.filter((j) => j.rendered !== true));
        if (jobs.length === 0) throw e;
        notes.push(warning("ocr-render-failed", MESSAGES.renderSkipped(toRender, e.message)));
        toRender.length = 0;
      }
    }
    if (jobs.length === 0) throw pdf.missing.size > 0 ? inputError("corrupt-file", MESSAGES.damagedPdf) : inputError("ocr-failed", MESSAGES.noImages);
    if (pdf.missing.size > 0) notes.push(warning("ocr-damaged-pdf", MESSAGES.damagedPdf));
  }
  if (toRender.length > 0) notes.push(info("ocr-pages-rendered", MESSAGES.rendered(toRender)));
  // A region read again is rendered by pdf.js, opened only if some page needs it.
  const reread: Reread = (page, region, segmentation) => ({
    page,
    segmentation,
    load: async (signal) => {
      renderer ??= held.renderer = await openRendererFor(bytes, startedAt, options);
      return renderer.render(page, { dpi: REREAD_DPI, timeoutMs: options.renderTimeoutMs ?? OCR_DEFAULTS.renderTimeoutMs, signal, region });
    },
  });
  return { format: "scan", pages: pageCount, notes, jobs, startedAt, reread };
}

/**
 * "auto": is this page drawn with fonts rather than scanned? True when it has no image that could
 * be the scanned page (none covering PAGE_IMAGE_SHARE of it), or shows a page's worth of visible text.
 */
export function drawnWithFonts(found: PageImages): boolean {
  if (found.visibleGlyphs >= MIN_VISIBLE_GLYPHS) return true;
  if (found.images.length === 0) return true;
  if (found.placementGuessed) return false;
  const [px0, py0, px1, py1] = found.page.pageBox;
  const pageArea = (px1 - px0) * (py1 - py0);
  return !found.images.some((im) => {
    const b = unitSquareBox(im.ctm);
    const w = Math.min(b.x1, px1) - Math.max(b.x0, px0);
    const h = Math.min(b.y1, py1) - Math.max(b.y0, py0);
    return w > 0 && h > 0 && w * h >= PAGE_IMAGE_SHARE * pageArea;
  });
}

/** pdf.js opened for rendering, within the call's time budget; failures as KehoachInputError. */
async function openRendererFor(bytes: Uint8Array, startedAt: number, options: OcrOptions): Promise<PdfRenderer> {
  const timeoutMs = options.timeoutMs ?? OCR_DEFAULTS.timeoutMs;
  if (options.signal?.aborted === true) throw inputError("timeout", MESSAGES.cancelled);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(inputError("timeout", MESSAGES.timeout(timeoutMs))), Math.max(0, timeoutMs - (Date.now() - startedAt)));
    onAbort = () => reject(inputError("timeout", MESSAGES.cancelled));
    options.signal?.addEventListener("abort", onAbort, { once: true });
  });
  const opening = openRenderer(bytes, options.assets);
  try {
    return await Promise.race([opening, stopped]);
  } catch (e) {
    // Opened after all (after the deadline): close it, nobody will.
    opening.then((r) => r.close(), () => {}).catch(() => {});
    if (e instanceof KehoachInputError) throw e;
    if (e instanceof RenderError) throw inputError(e.kind === "unavailable" ? "engine-unavailable" : "ocr-failed", MESSAGES.renderUnavailable(e.message), e);
    const name = typeof e === "object" && e !== null && "name" in e ? String(e.name) : "";
    if (name === "PasswordException") throw inputError("encrypted-pdf", MESSAGES.encrypted, e);
    throw inputError("corrupt-file", MESSAGES.notPdf, e);
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) options.signal?.removeEventListener("abort", onAbort);
  }
}

/** A job rendering one page; `renderer` is read when the job runs (it is opened after the jobs are listed). */
function renderJob(page: number, renderer: () => PdfRenderer | null, options: OcrOptions): PreparedJob {
  let ctm: Matrix = IDENTITY;
  return {
    page,
    rendered: true,
    load: async (signal) => {
      const r = renderer();
      if (r === null) throw new RenderError("unavailable", "no renderer");
      const out = await r.render(page, {
        dpi: options.renderDpi ?? OCR_DEFAULTS.renderDpi,
        timeoutMs: options.renderTimeoutMs ?? OCR_DEFAULTS.renderTimeoutMs,
        signal,
      });
      ctm = out.ctm;
      return out;
    },
    placement: (width, height) => ({ width, height, ctm, rotation: 0 }),
  };
}

/** OCR of one image file: PNG, JPEG, TIFF (every page of a multi-page TIFF), BMP, PNM (format "image"). */
export async function ocrImage(bytes: Uint8Array, options: OcrOptions = {}): Promise<ExtractedText> {
  try {
    const doc = prepareImage(bytes, options);
    return finish(await readJobs(doc.jobs, options, doc), options, doc);
  } catch (e) {
    throw toInputError(e);
  }
}

/** An image file's pages as jobs (nothing recognised yet). */
function prepareImage(bytes: Uint8Array, options: OcrOptions): PreparedDoc {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw inputError("corrupt-file", MESSAGES.badImage);
  let sniffed;
  try {
    sniffed = sniffImage(bytes);
  } catch (e) {
    if (e instanceof ImageFormatError && e.unsupportedKind !== null) throw inputError("unsupported-format", MESSAGES.unsupportedImage(e.unsupportedKind), e);
    throw inputError("corrupt-file", MESSAGES.badImage, e);
  }
  const selected = selectPages(sniffed.pages.length, options);
  const notes: PlacedDiagnostic[] = [];
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
  return { format: "image", pages: sniffed.pages.length, notes, jobs };
}

function selectPages(count: number, options: OcrOptions): number[] {
  const all = Array.from({ length: count }, (_, i) => i + 1);
  const selected = options.pages === undefined ? all : [...new Set(options.pages)].filter((p) => Number.isInteger(p) && p >= 1 && p <= count).sort((a, b) => a - b);
  if (selected.length === 0) throw inputError("empty-document", MESSAGES.noSelectedPages);
  const max = options.maxPages ?? OCR_DEFAULTS.maxPages;
  if (selected.length > max) throw inputError("too-many-pages", MESSAGES.tooManyPages(selected.length, max));
  return selected;
}

/**
 * What reading one job (one image of a page) gave, as plain data: it crosses threads and Redis
 * (`@kehoach/parser/pages`), and `finish` makes the same text of it wherever it was read.
 */
export type PageOutcome =
  | { readonly page: number; readonly ok: true; readonly piece: PagePiece; readonly notes: readonly PlacedDiagnostic[] }
  /** `reason`: the failure's explanation when it has one the user can act on, else "". */
  | { readonly page: number; readonly ok: false; readonly note: PlacedDiagnostic; readonly reason: string };

/** Recognises the jobs (in parallel engines) and lays each page out; pages that failed are notes. */
async function readJobs(jobs: readonly PreparedJob[], options: OcrOptions, doc: Pick<PreparedDoc, "pages" | "startedAt" | "reread">): Promise<PageOutcome[]> {
  const choice = options.engine ?? OCR_DEFAULTS.engine;
  if (!ENGINE_CHOICES.includes(choice)) throw inputError("ocr-failed", MESSAGES.badEngineOption(String(choice)));
  let engine: EngineSpec;
  try {
    engine = await chooseEngine(choice, options.languages ?? OCR_DEFAULTS.languages, options.languageDataPath, options.assets);
  } catch (e) {
    if (isKehoachInputError(e)) throw e;
    throw engineUnavailable(choice === "native" ? "tesseract" : "tesseract.js", e instanceof EngineUnavailableError ? e.message : "language data", e);
  }
  const run: RunOptions = {
    engine,
    workers: options.workers ?? defaultWorkers(),
    timeoutMs: options.timeoutMs ?? OCR_DEFAULTS.timeoutMs,
    startedAt: doc.startedAt,
    deskew: options.deskew ?? OCR_DEFAULTS.deskew,
    totalPages: doc.pages,
    signal: options.signal,
    onProgress: options.onProgress,
  };
  const outcomes: JobOutcome[] = await runJobs(jobs, run);
  const read = outcomes.flatMap((out, i): PageOutcome[] => {
    const job = jobs[i];
    if (job === undefined) return [];
    if (!out.ok) {
      const explained = out.error instanceof UnsupportedImageError || out.error instanceof RenderError ? out.error.message : "";
      const why = explained === "" ? "" : ` (${explained})`;
      const note: PlacedDiagnostic = {
        code: "ocr-page-failed",
        severity: "error",
        message: `Không nhận dạng được trang ${job.page}${why}.`,
        messageEn: `Page ${job.page} could not be recognised${why}.`,
      };
      return [{ page: job.page, ok: false, note, reason: explained }];
    }
    const { image, result } = out;
    const notes: PlacedDiagnostic[] = [];
    if ("scaledDown" in image && image.scaledDown === true && typeof image.dpi === "number") {
      notes.push(info("ocr-render-resolution-lowered", MESSAGES.renderScaledDown(job.page, image.dpi)));
    }
    if ("rotation" in image && "pageRotation" in image && image.rotation !== image.pageRotation) {
      notes.push(info("ocr-page-turned", MESSAGES.renderTurned(job.page)));
    }
    const placement = { ...job.placement(image.width, image.height), rotation: result.rotation };
    const piece = { page: job.page, lines: layoutPage(result.lines, image.width, image.height).map((l) => ({ words: correctLine(l.words) })), placement };
    return [{ page: job.page, ok: true, piece, notes }];
  });
  if (doc.reread === undefined) return read;
  // A signing block a seal hid from the page's layout is read again, page by page (signing-reread.ts).
  const reread = doc.reread;
  return Promise.all(
    read.map(async (out, i) => {
      const job = jobs[i];
      const outcome = outcomes[i];
      if (!out.ok || job === undefined || outcome === undefined) return out;
      const again = await readSigningBlocks([out.piece], [job], [outcome], reread, run);
      let piece = again.pieces[0] ?? out.piece;
      // Numbers and days written by hand (handwritten-numbers.ts), on pages whose image fills the page upright.
      if (job.fillsPage === true && outcome.ok) {
        const signal = run.signal ?? new AbortController().signal;
        piece = await readHandwrittenNumbers(piece, outcome.image, (region) => reread(job.page, region, "line").load(signal));
      }
      return { ...out, piece, notes: [...out.notes, ...again.notes] };
    }),
  );
}

/** Every job's outcome, in job order → the document's text (or why there is none). */
function finish(outcomes: readonly PageOutcome[], options: OcrOptions, doc: Pick<PreparedDoc, "format" | "pages" | "notes">): ExtractedText {
  const pieces: PagePiece[] = [];
  const notes = [...doc.notes];
  for (const out of outcomes) {
    if (out.ok) {
      notes.push(...out.notes);
      pieces.push(out.piece);
    } else notes.push(out.note);
  }
  if (pieces.length === 0) {
    // Say why when every page failed the same explained way (e.g. each rendering ran out of time).
    const reasons = new Set(outcomes.map((o) => (o.ok ? "" : o.reason)));
    const [reason] = reasons;
    const why = reasons.size === 1 && reason !== undefined && reason !== "" ? ` (${reason})` : "";
    const message = doc.format === "image" ? MESSAGES.imageFailed : MESSAGES.allPagesFailed;
    throw inputError("ocr-failed", `${message}${why}`);
  }
  const text = assemble(withPartLabels(pieces), {
    format: doc.format,
    pages: doc.pages,
    lowConfidence: options.lowConfidence ?? OCR_DEFAULTS.lowConfidence,
    noiseConfidence: options.noiseConfidence ?? OCR_DEFAULTS.noiseConfidence,
    notes,
  });
  if (text.text.trim().length === 0) throw inputError("empty-document", MESSAGES.empty);
  return text;
}

/**
 * One document read page by page, possibly in other processes or machines (`@kehoach/parser/pages`):
 * `listPages` says which pages OCR would read, `readPage` reads one, `finishPages` turns every page's
 * outcomes into the very `ExtractedText` that `ocrPdf` / `ocrImage` return for the whole file.
 */
export interface PagedOcr {
  readonly kind: "pdf" | "image";
  /** Pages OCR would read (1-based, ascending). */
  readonly pages: readonly number[];
}

/** The pages a whole-file OCR would read; throws as `ocrPdf` / `ocrImage` would for an unreadable file. */
export async function listPages(bytes: Uint8Array, kind: PagedOcr["kind"], options: OcrOptions = {}): Promise<number[]> {
  return withPrepared(bytes, kind, options, (doc) => [...new Set(doc.jobs.map((j) => j.page))]);
}

/** One page's outcomes (one per image of the page), as plain data. */
export async function readPage(bytes: Uint8Array, kind: PagedOcr["kind"], page: number, options: OcrOptions = {}): Promise<PageOutcome[]> {
  return withPrepared(bytes, kind, options, (doc) => readJobs(doc.jobs.filter((j) => j.page === page), options, doc));
}

/** Every page's outcomes (any order) → the text `ocrPdf` / `ocrImage` give for the whole file. */
export async function finishPages(bytes: Uint8Array, kind: PagedOcr["kind"], outcomes: readonly (readonly PageOutcome[])[], options: OcrOptions = {}): Promise<ExtractedText> {
  return withPrepared(bytes, kind, options, (doc) => {
    const byPage = new Map(outcomes.filter((o) => o.length > 0).map((o) => [o[0]?.page, o]));
    const all = [...new Set(doc.jobs.map((j) => j.page))].flatMap((page) => {
      const found = byPage.get(page);
      // A page of this document that was never read is a caller's mistake, not the input's.
      if (found === undefined || found.length !== doc.jobs.filter((j) => j.page === page).length) throw new PagesMismatchError(`page ${page} has no result to assemble`);
      return found;
    });
    return finish(all, options, doc);
  });
}

/** The document prepared (as the whole-file path does, notes included), then `use`d; the renderer closed. */
async function withPrepared<T>(bytes: Uint8Array, kind: PagedOcr["kind"], options: OcrOptions, use: (doc: PreparedDoc) => T | Promise<T>): Promise<T> {
  const held: Held = { renderer: null };
  try {
    const doc = kind === "pdf" ? await preparePdf(bytes, options, held) : prepareImage(bytes, options);
    return await use(doc);
  } catch (e) {
    if (e instanceof PagesMismatchError) throw e;
    throw toInputError(e);
  } finally {
    await held.renderer?.close();
  }
}

/** The pages handed to `finishPages` are not the document's: the caller's mistake, not the input's. */
export class PagesMismatchError extends Error {
  override name = "PagesMismatchError";
}

/**
 * A cheap look before asking pdf.js: does every page of this PDF carry a page-sized image and little
 * visible text (a scan)? False for text PDFs, encrypted ones and ones our reader cannot open.
 */
export function looksScanned(bytes: Uint8Array): boolean {
  try {
    const doc = PdfDocument.open(bytes);
    if (doc === null || doc.encrypted) return false;
    const pages = doc.pages();
    return pages.length > 0 && pages.every((page) => !drawnWithFonts(findPageImages(doc, page)));
  } catch {
    return false;
  }
}

/** An image drawn upright, unrotated, over (nearly) the whole page. */
function fillsPage(ctm: Matrix, rotate: number, pageBox: readonly number[]): boolean {
  if (quarterTurns(ctm, rotate) !== 0 || ctm[1] !== 0 || ctm[2] !== 0 || ctm[0] <= 0 || ctm[3] <= 0) return false;
  const [px0 = 0, py0 = 0, px1 = 0, py1 = 0] = pageBox;
  const b = unitSquareBox(ctm);
  const tol = 0.03 * Math.max(px1 - px0, py1 - py0);
  return Math.abs(b.x0 - px0) < tol && Math.abs(b.y0 - py0) < tol && Math.abs(b.x1 - px1) < tol && Math.abs(b.y1 - py1) < tol;
}

/** The part labels of the whole document mended in sequence (labels.ts), pages kept apart. */
function withPartLabels(pieces: readonly PagePiece[]): PagePiece[] {
  const mended = correctPartLabels(pieces.flatMap((p) => p.lines));
  let at = 0;
  return pieces.map((p) => {
    const lines = mended.slice(at, at + p.lines.length);
    at += p.lines.length;
    return { ...p, lines };
  });
}
