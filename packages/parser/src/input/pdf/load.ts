import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import { isKehoachInputError, type KehoachInputError } from "../../errors.ts";
import { corruptPdf, encryptedPdf, timedOut } from "./errors.ts";

export type PdfJs = typeof PdfJsModule;
export type PdfPage = PdfJsModule.PDFPageProxy;

interface Loaded {
  lib: PdfJs;
  /** Folder of the installed pdfjs-dist, with a trailing separator. */
  assets: string;
}

let loading: Promise<Loaded> | undefined;

/**
 * Loads pdf.js once per process. The legacy build is the one meant for Node; in Node pdf.js runs its
 * "worker" on the main thread (a fake worker), which it imports from workerSrc — we point that at the
 * installed file so it resolves the same under any loader (vitest, bundled CLI).
 */
export function loadPdfJs(): Promise<Loaded> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const main = require.resolve("pdfjs-dist/legacy/build/pdf.mjs");
    const lib = (await import(pathToFileURL(main).href)) as PdfJs;
    if (!lib.GlobalWorkerOptions.workerSrc || lib.GlobalWorkerOptions.workerSrc === "./pdf.worker.mjs") {
      lib.GlobalWorkerOptions.workerSrc = pathToFileURL(join(dirname(main), "pdf.worker.mjs")).href;
    }
    return { lib, assets: join(dirname(main), "..", "..") + sep };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Options for pdf.js that keep it inside the process and off the network, with no code generation. */
export function documentParams(data: Uint8Array, assets: string): Parameters<PdfJs["getDocument"]>[0] {
  return {
    data,
    // Plain paths: pdf.js reads them with fs in Node (a file:// string would not be found).
    standardFontDataUrl: `${assets}standard_fonts${sep}`,
    cMapUrl: `${assets}cmaps${sep}`,
    cMapPacked: true,
    wasmUrl: `${assets}wasm${sep}`,
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
