/**
 * Pages drawn with fonts have no image to take out of the file: a text layer in a legacy
 * Vietnamese encoding (TCVN3, VNI) looks right on screen but gives no usable characters, and a
 * text page bound into a scan has nothing for the image path to read. Such pages are rendered
 * with pdf.js (legacy build, loaded as the text-layer reader loads it) onto the platform's canvas,
 * turned into a grayscale PGM (Leptonica reads it without decompressing anything) and handed to
 * tesseract with the rendering's resolution. The viewport gives the mapping from the rendered
 * pixels back to PDF points, so regions get the same boxes as on the image path.
 *
 * The canvas is @napi-rs/canvas in Node and OffscreenCanvas in a browser
 * (src/platform/{node,browser}/canvas.ts). Without one nothing crashes: opening the renderer throws `RenderError` ("unavailable").
 */
import { loadCanvas as loadPlatformCanvas } from "#platform/canvas";
import { yieldToEventLoop } from "#platform/timers";
import type { CanvasModule, PageCanvas, PageContext } from "../../platform/contract.ts";
import type { AssetsLocation } from "../../platform/assets.ts";
import { holdPdfJsRejections } from "../pdf/late-rejections.ts";
import { documentParams, loadPdfJs, type PdfJs } from "../pdf/load.ts";
import { IDENTITY, multiply, type Matrix } from "./geometry.ts";
import type { LoadedImage } from "./scheduler.ts";

/**
 * 250 dpi, chosen by measurement (page CER with tesseract "vie", header columns unfolded as the
 * layout step writes them; mean of kh_laocai_dkt_1105 pages 1–2, qd_laocai_sct_1050 page 1 and
 * samples/001.pdf page 1):
 *
 *   dpi   200    225    240    250    265    275    300    350
 *   CER   1.13   1.03   0.87   0.95   0.86   1.08   1.22   1.26 %
 *
 * Between 225 and 275 the differences are noise (±0.2 point from one resolution to the next);
 * 200 loses on the legacy-font pages, 300 and above lose a little everywhere: a rendering is
 * sharper than a scan, and its 13–14 pt body text already has capitals ~30 px tall at 250 dpi,
 * the height tesseract's LSTM models are trained around. Rendering takes 0.1–0.4 s a page,
 * recognition 2.5–4.5 s whatever the resolution in this range, on one core.
 */
export const DEFAULT_RENDER_DPI = 250;
export const MIN_RENDER_DPI = 72;
export const MAX_RENDER_DPI = 600;
/**
 * Largest canvas drawn (pixels). An A4 page at 300 dpi is 8.7 M, A3 17.4 M, A2 35 M; beyond this
 * the resolution is lowered to fit (a note says so). The canvas holds 4 bytes a pixel: 144 MB.
 */
export const MAX_RENDER_PIXELS = 36_000_000;
/** Below this resolution (a poster-sized page squeezed into MAX_RENDER_PIXELS) text is not readable. */
const MIN_USEFUL_DPI = 100;
/** Default time one page may take to render (ms), the whole call's budget aside. */
export const DEFAULT_RENDER_TIMEOUT_MS = 60_000;

export type RenderErrorKind = "unavailable" | "timeout" | "too-large" | "failed";

/** Why a page could not be rendered; the message is the English detail shown in the page note. */
export class RenderError extends Error {
  override readonly name = "RenderError";
  readonly kind: RenderErrorKind;
  constructor(kind: RenderErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

export interface RenderedPage extends LoadedImage {
  /** Maps the rendered image's unit square to user space (points, y up), as an image's CTM does. */
  readonly ctm: Matrix;
  /** The resolution actually used: lower than asked when the page was too large for MAX_RENDER_PIXELS. */
  readonly dpi: number;
  readonly scaledDown: boolean;
  /** Clockwise quarter turn (0, 90, 180, 270) the page was drawn at: its text upright (see uprightRotation). */
  readonly rotation: number;
  /** The page's own /Rotate: when `rotation` differs, the page is displayed sideways or upside down. */
  readonly pageRotation: number;
}

export interface RenderPageOptions {
  readonly dpi: number;
  /** This page's time limit (ms); beyond it the rendering is cancelled with RenderError "timeout". */
  readonly timeoutMs: number;
  /** Cancels the rendering (the whole call stopped); rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Only this part of the (upright) page, as shares of its width and height: a region read again at a higher resolution. */
  readonly region?: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number } | undefined;
}

export interface PdfRenderer {
  /** Pages as pdf.js counts them. */
  readonly pageCount: number;
  render(pageNumber: number, options: RenderPageOptions): Promise<RenderedPage>;
  /** Frees pdf.js's document; pages being rendered are cancelled. Never rejects. */
  close(): Promise<void>;
}

interface CanvasAndContext {
  canvas: PageCanvas | null;
  context: PageContext | null;
}

let canvasModule: CanvasModule | null = null;

/** The platform's canvas (src/platform/{node,browser}/canvas.ts), loaded once. Throws RenderError "unavailable". */
export function loadCanvas(): CanvasModule {
  if (canvasModule !== null) return canvasModule;
  try {
    canvasModule = loadPlatformCanvas();
  } catch (e) {
    throw new RenderError("unavailable", e instanceof Error ? e.message : String(e), { cause: e });
  }
  return canvasModule;
}

/**
 * pdf.js's canvas factory interface (create/reset/destroy), over the module found above, so the
 * page canvas and pdf.js's scratch canvases (masks, patterns) come from the same copy.
 */
function canvasFactoryFor(mod: CanvasModule) {
  return class RenderCanvasFactory {
    constructor(_options?: unknown) {}
    create(width: number, height: number): CanvasAndContext {
      if (!(width > 0 && height > 0)) throw new Error("Invalid canvas size");
      const canvas = mod.createCanvas(Math.ceil(width), Math.ceil(height));
      return { canvas, context: canvas.getContext("2d", { willReadFrequently: true }) };
    }
    reset(cc: CanvasAndContext, width: number, height: number): void {
      if (cc.canvas === null) throw new Error("Canvas is not specified");
      if (!(width > 0 && height > 0)) throw new Error("Invalid canvas size");
      cc.canvas.width = Math.ceil(width);
      cc.canvas.height = Math.ceil(height);
    }
    destroy(cc: CanvasAndContext): void {
      if (cc.canvas === null) return;
      // Zero size frees the pixels now rather than at the next garbage collection.
      cc.canvas.width = 0;
      cc.canvas.height = 0;
      cc.canvas = null;
      cc.context = null;
    }
  };
}

/** pdf.js needs these globals to draw in Node; it installs them itself when it can load the canvas. */
function installPolyfills(mod: CanvasModule): void {
  const g = globalThis as Record<string, unknown>;
  for (const name of ["DOMMatrix", "Path2D", "ImageData"] as const) {
    if (g[name] === undefined && mod[name] !== undefined) g[name] = mod[name];
  }
  if (typeof g["Path2D"] !== "function" || typeof g["DOMMatrix"] !== "function") {
    throw new RenderError("unavailable", "the canvas provides no Path2D/DOMMatrix");
  }
}

/**
 * Opens the PDF with pdf.js for rendering. Rejects with RenderError "unavailable" (no canvas),
 * KehoachInputError "engine-unavailable" (no pdf.js) or
 * with what pdf.js threw (PasswordException, InvalidPDFException…) for the caller to classify.
 */
export async function openRenderer(bytes: Uint8Array, assets?: AssetsLocation): Promise<PdfRenderer> {
  // A pdf.js that does not load rejects with KehoachInputError "engine-unavailable".
  const loaded = await loadPdfJs(assets);
  const { lib } = loaded;
  const canvas = loadCanvas();
  installPolyfills(canvas);
  const Factory = canvasFactoryFor(canvas);
  // pdf.js takes ownership of (transfers) the buffer it is given: hand it a copy.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const release = holdPdfJsRejections();
  const task = lib.getDocument({
    ...documentParams(copy, loaded),
    // Unlike the text reader, draw the images: seals, signatures, and whole scans under "always".
    maxImageSize: -1,
    // Type-wise pdf.js wants its own factory class; ours has the same create/reset/destroy.
    ...({ CanvasFactory: Factory } as object),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    release();
    throw e;
  }
  const factory = new Factory();
  const active = new Set<{ cancel: () => void }>();
  let closed = false;

  return {
    pageCount: doc.numPages,
    async render(pageNumber, o) {
      if (closed) throw new RenderError("failed", "the document is closed");
      o.signal?.throwIfAborted();
      return renderPage(lib, doc, pageNumber, o, factory, active);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of active) t.cancel();
      await task.destroy().catch(() => undefined);
      release();
    },
  };
}

type PdfDoc = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

async function renderPage(
  lib: PdfJs,
  doc: PdfDoc,
  pageNumber: number,
  o: RenderPageOptions,
  factory: { create(w: number, h: number): CanvasAndContext; destroy(cc: CanvasAndContext): void },
  active: Set<{ cancel: () => void }>,
): Promise<RenderedPage> {
  const deadline = Date.now() + Math.max(0, o.timeoutMs);
  const limit = o.timeoutMs < 1000 ? `${Math.max(0, Math.round(o.timeoutMs))} ms` : `${Math.round(o.timeoutMs / 1000)} s`;
  const timeoutError = (): RenderError => new RenderError("timeout", `rendering page ${pageNumber} took longer than ${limit}`);
  const checkLimits = (): void => {
    o.signal?.throwIfAborted();
    if (Date.now() > deadline) throw timeoutError();
  };
  const page = await doc.getPage(pageNumber);
  let cc: CanvasAndContext | null = null;
  try {
    const rotation = await uprightRotation(page);
    checkLimits();
    const asked = Math.min(MAX_RENDER_DPI, Math.max(MIN_RENDER_DPI, Number.isFinite(o.dpi) ? o.dpi : DEFAULT_RENDER_DPI));
    let scale = asked / 72;
    const r = o.region ?? { x0: 0, y0: 0, x1: 1, y1: 1 };
    const share = Math.max(1e-6, (r.x1 - r.x0) * (r.y1 - r.y0));
    const view = (s: number) => {
      const full = page.getViewport({ scale: s, rotation });
      // A region is drawn by shifting the page so the region's corner is the canvas's origin.
      return o.region === undefined ? full : page.getViewport({ scale: s, rotation, offsetX: -r.x0 * full.width, offsetY: -r.y0 * full.height });
    };
    let viewport = view(scale);
    let scaledDown = false;
    const pixels = viewport.width * viewport.height * share;
    if (pixels > MAX_RENDER_PIXELS) {
      scale *= Math.sqrt(MAX_RENDER_PIXELS / pixels) * 0.999;
      viewport = view(scale);
      scaledDown = true;
    }
    const dpi = scale * 72;
    if (scaledDown && dpi < MIN_USEFUL_DPI) {
      const inches = `${(viewport.width / dpi).toFixed(0)}×${(viewport.height / dpi).toFixed(0)} in`;
      throw new RenderError("too-large", `the page (${inches}) is too large to render at a readable resolution`);
    }
    // Whole pixels inside the page: the last partial column/row (under one pixel) is left out.
    const width = Math.max(1, Math.floor(viewport.width * (r.x1 - r.x0)));
    const height = Math.max(1, Math.floor(viewport.height * (r.y1 - r.y0)));
    cc = factory.create(width, height);
    const { canvas, context } = cc;
    if (canvas === null || context === null) throw new RenderError("unavailable", "no 2D context");

    const task = page.render({
      canvas: null,
      canvasContext: context as unknown as NonNullable<Parameters<typeof page.render>[0]["canvasContext"]>,
      viewport,
      background: "rgb(255,255,255)",
      annotationMode: lib.AnnotationMode.ENABLE,
    });
    const handle = { cancel: () => task.cancel() };
    active.add(handle);
    // pdf.js draws in chunks of ~15 ms chained through microtasks, so no timer could fire until the
    // page is done: yield to the event loop between chunks, and check the limits there.
    let stopReason: unknown = null;
    const stop = (reason: unknown): void => {
      if (stopReason !== null) return;
      stopReason = reason;
      task.cancel();
    };
    task.onContinue = (cont: () => void) => {
      yieldToEventLoop(() => {
        if (o.signal?.aborted === true) stop(o.signal.reason);
        else if (Date.now() > deadline) stop(timeoutError());
        else cont();
      });
    };
    const timer = setTimeout(() => stop(timeoutError()), Math.max(0, deadline - Date.now()));
    const onAbort = (): void => stop(o.signal?.reason);
    o.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      await task.promise;
    } catch (e) {
      if (stopReason !== null) throw stopReason;
      throw new RenderError("failed", `pdf.js could not draw the page: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    } finally {
      clearTimeout(timer);
      o.signal?.removeEventListener("abort", onAbort);
      active.delete(handle);
    }
    if (stopReason !== null) throw stopReason;

    const rgba = typeof canvas.data === "function" ? canvas.data() : context.getImageData(0, 0, width, height).data;
    const bytes = grayPgm(rgba, width, height);
    return { bytes, width, height, dpi, ctm: unitSquareToUser(viewport.transform, width, height), scaledDown, rotation, pageRotation: page.rotate };
  } finally {
    if (cc !== null) factory.destroy(cc);
    page.cleanup();
  }
}

type PdfPageProxy = Awaited<ReturnType<PdfDoc["getPage"]>>;

/**
 * The quarter turn that shows the page's text upright. Usually the page's /Rotate, but a page can
 * be displayed sideways (a /Rotate added to upright content), and tesseract reads sideways text
 * as garbage: the direction of the text in user space decides, weighted by characters. A page
 * without text (a scan under "always") is drawn as displayed.
 */
export async function uprightRotation(page: PdfPageProxy): Promise<number> {
  const turns = [0, 0, 0, 0];
  const content = await page.getTextContent();
  for (const item of content.items) {
    if (!("str" in item) || !("transform" in item)) continue;
    const chars = item.str.trim().length;
    const t = item.transform as number[];
    const a = t[0] ?? 0;
    const b = t[1] ?? 0;
    if (chars === 0 || (a === 0 && b === 0)) continue;
    // Text running at θ (counter-clockwise, y up) is level once the page turns θ clockwise.
    const quarter = ((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4;
    turns[quarter] = (turns[quarter] ?? 0) + chars;
  }
  const best = turns.indexOf(Math.max(...turns));
  return (turns[best] ?? 0) > 0 ? best * 90 : page.rotate;
}

/**
 * RGBA (opaque: the page is drawn on white) → 8-bit grayscale PGM, Rec. 601 luma. Tesseract
 * binarises by itself; gray keeps the anti-aliasing it uses to place character edges.
 */
export function grayPgm(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const n = width * height;
  const out = new Uint8Array(header.length + n);
  out.set(header, 0);
  const src = rgba as Uint8Array;
  for (let i = 0, j = header.length; i < n; i++, j++) {
    const p = i * 4;
    out[j] = ((src[p] ?? 255) * 77 + (src[p + 1] ?? 255) * 150 + (src[p + 2] ?? 255) * 29 + 128) >> 8;
  }
  return out;
}

/**
 * The rendered image's unit square (v = 1 at its top row) → user space: pixel (u·W, (1 − v)·H)
 * taken back through the inverse of the viewport transform (user space → device pixels).
 */
export function unitSquareToUser(transform: readonly number[], width: number, height: number): Matrix {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = transform;
  const det = a * d - b * c;
  if (det === 0 || !Number.isFinite(det)) return IDENTITY;
  const inverse: Matrix = [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
  return multiply([width, 0, 0, -height, 0, height], inverse);
}
