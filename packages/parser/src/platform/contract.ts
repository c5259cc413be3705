/**
 * What each platform (src/platform/node, src/platform/browser; picked by the `#platform/*` imports
 * of package.json under the `browser` condition) provides. Both implement these shapes, so the
 * adapters above them are the same code everywhere.
 */
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";

export type PdfJs = typeof PdfJsModule;
export type PdfWorker = InstanceType<PdfJs["PDFWorker"]>;

/** pdf.js's asset options: plain paths in Node (it reads them with fs), URLs in a browser. */
export interface PdfAssetParams {
  readonly standardFontDataUrl: string;
  readonly cMapUrl: string;
  readonly wasmUrl: string;
  /** Browser: let pdf.js's worker fetch these itself (else pdf.js reads `document.baseURI`, absent in a Web Worker). */
  readonly useWorkerFetch?: boolean;
}

/** The part of a 2D canvas the renderer uses (@napi-rs/canvas in Node, OffscreenCanvas in a browser). */
export interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: "2d", attributes?: { willReadFrequently?: boolean }): PageContext | null;
  /** Premultiplied RGBA, 4 bytes a pixel (@napi-rs/canvas only). */
  data?: () => Uint8Array;
}
export interface PageContext {
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}
export interface CanvasModule {
  createCanvas(width: number, height: number): PageCanvas;
  /** Globals pdf.js needs to draw; a browser has them, Node gets them from the canvas package. */
  DOMMatrix?: unknown;
  Path2D?: unknown;
  ImageData?: unknown;
}

/** Where tesseract.js finds its worker script, WebAssembly core and trained models. */
export interface OcrEngineFiles {
  readonly workerPath: string;
  /** Absent in Node: its worker `require`s the installed tesseract.js-core. */
  readonly corePath?: string;
  /** Folder of `<lang>.traineddata[.gz]` (a path in Node, a URL in a browser). */
  readonly langPath: string;
  readonly gzip: boolean;
  readonly languages: readonly string[];
}
