import { importPdfJs, pdfAssetParams, startPdfWorker } from "#platform/pdfjs";
import { engineUnavailable, isKehoachInputError, type KehoachInputError } from "../../errors.ts";
import type { AssetsLocation } from "../../platform/assets.ts";
import type { PdfAssetParams, PdfJs, PdfWorker } from "../../platform/contract.ts";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import { corruptPdf, encryptedPdf, timedOut } from "./errors.ts";

export type { PdfJs } from "../../platform/contract.ts";
export type PdfPage = PdfJsModule.PDFPageProxy;

export interface Loaded {
  lib: PdfJs;
  /** Where this platform's pdf.js finds standard fonts, cmaps and wasm. */
  assets: PdfAssetParams;
  /** The one worker every document is opened on (starting one per document cost ~5× the parse). */
  worker: PdfWorker;
}

let library: Promise<PdfJs> | undefined;
const workers = new Map<string, Promise<PdfWorker>>();

/**
 * pdf.js, loaded on first use (the platform decides from where: see src/platform/), and its worker,
 * started once per asset location and kept. Rejects with `engine-unavailable`, never `corrupt-file`:
 * a library that does not load says nothing about the document.
 */
export async function loadPdfJs(location?: AssetsLocation): Promise<Loaded> {
  try {
    library ??= importPdfJs();
    library.catch(() => {
      library = undefined;
    });
    const lib = await library;
    const assets = pdfAssetParams(location);
    const key = location === undefined ? "" : String(location);
    let starting = workers.get(key);
    if (starting === undefined) {
      starting = startPdfWorker(lib, location);
      workers.set(key, starting);
      starting.catch(() => workers.delete(key));
    }
    const worker = await starting;
    if (worker.destroyed) {
      workers.delete(key);
      return await loadPdfJs(location);
    }
    return { lib, assets, worker };
  } catch (error) {
    if (isKehoachInputError(error)) throw error;
    throw engineUnavailable("pdf.js", error instanceof Error ? error.message : String(error), error);
  }
}

/** Options for pdf.js that keep it inside the process and off the network, with no code generation. */
export function documentParams(data: Uint8Array, loaded: Loaded): Parameters<PdfJs["getDocument"]>[0] {
  return {
    data,
    worker: loaded.worker,
    ...loaded.assets,
    cMapPacked: true,
    // No code generation from font data: pdf.js 6 removed that path, older builds need the switch.
    ...{ isEvalSupported: false },
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // Never decode images: text does not need them, and the first page's operator list (read for its
    // signature widgets) would otherwise decode the seal and the signature pictures.
    maxImageSize: 1,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
  };
}

/**
 * A time limit over a chain of awaits. pdf.js's fake worker answers through microtasks, so a timer can
 * only fire between its steps; every await goes through `race`, and `check` is called between pages.
 */
export class Deadline {
  readonly ms: number;
  private readonly end: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly expired: Promise<never>;

  constructor(ms: number) {
    this.ms = ms;
    this.end = Date.now() + ms;
    this.expired = new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => reject(timedOut(ms)), Math.max(0, ms));
      this.timer.unref?.();
    });
    // The race below subscribes for real; this keeps an unraced expiry from being "unhandled".
    this.expired.catch(() => undefined);
  }

  race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.expired]);
  }

  check(): void {
    if (Date.now() > this.end) throw timedOut(this.ms);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
  }
}

/** Turns whatever pdf.js (or anything under it) threw into the one error type the parser may reject with. */
export function toInputError(error: unknown): KehoachInputError {
  if (isKehoachInputError(error)) return error;
  const name = typeof error === "object" && error !== null && "name" in error ? String(error.name) : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") return encryptedPdf(error);
  if (name === "InvalidPDFException") return corruptPdf("cấu trúc PDF không hợp lệ / invalid PDF structure", error);
  return corruptPdf(`không đọc được / unreadable: ${message.slice(0, 120)}`, error);
}

const HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const EOF_MARK = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

/**
 * Cheap checks before pdf.js: the %PDF- header near the start and a %%EOF near the end. pdf.js would
 * try to rebuild a cut-off file from its objects and hand back part of the text; a plan read half-way
 * is worse than a clear "the file is truncated".
 */
export function precheck(bytes: Uint8Array): void {
  if (bytes.length < 64) throw corruptPdf("tệp rỗng hoặc quá ngắn / empty or too short");
  if (indexOf(bytes, HEADER, 0, Math.min(bytes.length, 1024)) < 0) {
    throw corruptPdf("không có phần đầu %PDF- / no %PDF- header");
  }
  if (indexOf(bytes, EOF_MARK, Math.max(0, bytes.length - 4096), bytes.length) < 0) {
    throw corruptPdf("thiếu phần cuối %%EOF, tệp có thể bị cắt cụt / no %%EOF at the end, the file looks truncated");
  }
}

function indexOf(bytes: Uint8Array, pattern: readonly number[], from: number, to: number): number {
  const first = pattern[0];
  outer: for (let i = from; i + pattern.length <= to; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return i;
  }
  return -1;
}
