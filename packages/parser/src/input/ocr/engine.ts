/**
 * tesseract.js workers, set up to run offline: the model comes from a local folder or the app's
 * asset folder, `cacheMethod: "none"` keeps tesseract.js from writing a copy of it into the working
 * directory (or IndexedDB), and the worker script and WebAssembly core are the ones the platform
 * names (src/platform/{node,browser}/ocr.ts), never tesseract.js's CDN defaults. A worker takes
 * about a second to start and load the model, so pool.ts keeps finished ones for the next document.
 */
import Tesseract from "tesseract.js";
import type { PixelBox } from "./geometry.ts";
import type { LanguageData } from "./language-data.ts";

export interface OcrWord {
  readonly text: string;
  readonly confidence: number;
  readonly bbox: PixelBox;
}
export interface OcrLine {
  readonly words: OcrWord[];
  readonly bbox: PixelBox;
}
export interface OcrPageResult {
  /** Lines in tesseract's reading order (block by block). */
  readonly lines: OcrLine[];
  /** Radians tesseract rotated the image by (deskew), 0 when it did not. */
  readonly rotation: number;
}

export interface RecognizeOptions {
  /** Resolution to assume, when the image's own header may not say (PNM) or says wrong. */
  readonly dpi?: number;
  /** Let tesseract measure the skew and rotate the image before reading it. */
  readonly deskew: boolean;
  /** How to segment: the page's own layout (default, PSM 3), or one uniform block (6) or one line (7) for a region read again. */
  readonly segmentation?: Segmentation | undefined;
  readonly onProgress?: (progress: number, status: string) => void;
}

export type Segmentation = "page" | "block" | "line";

export interface OcrEngine {
  /** Which tesseract reads the pages: the machine's own program, or the WebAssembly build. */
  readonly kind: "native" | "tesseract.js";
  /** False once the worker thread has died or been terminated. */
  readonly alive: boolean;
  /** An idle engine kept for the next document must not keep the process alive (pool.ts). */
  setIdle(idle: boolean): void;
  recognize(image: Uint8Array, options: RecognizeOptions): Promise<OcrPageResult>;
  terminate(): Promise<void>;
}

/**
 * Page segmentation 3 (fully automatic, no orientation detection): it finds the two-column header
 * and signature tables as separate pieces, which the layout step needs. On the sample scans PSM 3,
 * 4 and 6 gave the same characters, and preserve_interword_spaces changed nothing.
 */
const PSM_OF: Readonly<Record<Segmentation, Tesseract.PSM>> = { page: Tesseract.PSM.AUTO, block: Tesseract.PSM.SINGLE_BLOCK, line: Tesseract.PSM.SINGLE_LINE };

const PARAMETERS: Partial<Tesseract.WorkerParams> = {
  tessedit_pageseg_mode: Tesseract.PSM.AUTO,
  // Tesseract's chatter ("Detected 172 diacritics", resolution warnings) would go to our stdout;
  // /dev/null here is the in-memory file system of the WebAssembly module, not the host's.
  debug_file: "/dev/null",
};

/** The thread under a tesseract.js worker: worker_threads in Node, a Web Worker in a browser. */
interface Thread {
  on?(event: "error" | "exit", listener: (e: unknown) => void): void;
  off?(event: "error" | "exit", listener: (e: unknown) => void): void;
  addEventListener?(event: "error", listener: (e: unknown) => void): void;
  ref?(): void;
  unref?(): void;
}

/** A started worker and what watches its thread. */
interface Started {
  readonly worker: Tesseract.Worker;
  readonly thread: Thread | null;
  dead: Error | null;
  failCurrent: ((e: Error) => void) | null;
  progressSink: ((progress: number, status: string) => void) | undefined;
}

/** A new worker for `data`; reuse across documents is pool.ts's job. */
export async function createEngine(data: LanguageData): Promise<OcrEngine> {
  return lease(await start(data));
}

async function start(data: LanguageData): Promise<Started> {
  let started: Started | undefined;
  const worker = await Tesseract.createWorker([...data.languages].join("+"), Tesseract.OEM.LSTM_ONLY, {
    langPath: data.langPath,
    gzip: data.gzip,
    cacheMethod: "none",
    workerPath: data.workerPath,
    ...(data.corePath !== undefined ? { corePath: data.corePath } : {}),
    workerBlobURL: false,
    logger: (m) => {
      if (m.status === "recognizing text") started?.progressSink?.(m.progress, m.status);
    },
    // Without a handler tesseract.js rethrows a failed job inside its message listener, which
    // would surface as an uncaught exception; the job's own promise rejects anyway.
    errorHandler: () => {},
  });
  await worker.setParameters(PARAMETERS);
  const thread = (worker as unknown as { worker: Thread | null }).worker;
  const s: Started = { worker, thread, dead: null, failCurrent: null, progressSink: undefined };
  started = s;
  // The thread itself can die (out of memory in WebAssembly): reject the job in flight then.
  const onDeath = (e: unknown): void => {
    s.dead = e instanceof Error ? e : new Error(`OCR worker stopped (${String(e)})`);
    s.failCurrent?.(s.dead);
  };
  if (typeof thread?.on === "function") {
    thread.on("error", onDeath);
    thread.on("exit", onDeath);
  } else {
    thread?.addEventListener?.("error", onDeath);
  }
  return s;
}

function lease(s: Started): OcrEngine {
  let released = false;
  return {
    kind: "tesseract.js",
    get alive() {
      return !released && s.dead === null;
    },
    setIdle(idle) {
      if (idle) s.thread?.unref?.();
      else s.thread?.ref?.();
    },
    async recognize(image, options) {
      if (released || s.dead !== null) throw s.dead ?? new Error("OCR worker already terminated");
      s.progressSink = options.onProgress;
      const segmentation = options.segmentation ?? "page";
      try {
        if (segmentation !== "page") await s.worker.setParameters({ tessedit_pageseg_mode: PSM_OF[segmentation] });
        const job = s.worker.recognize(
          image as unknown as Tesseract.ImageLike,
          { rotateAuto: options.deskew, ...(options.dpi !== undefined ? { user_defined_dpi: String(Math.round(options.dpi)) } : {}) } as Partial<Tesseract.RecognizeOptions>,
          { text: false, blocks: true },
        );
        const died = new Promise<never>((_, reject) => {
          s.failCurrent = reject;
        });
        job.catch(() => {}); // if the thread died first, this is abandoned
        const result = await Promise.race([job, died]);
        return toPage(result.data);
      } finally {
        if (segmentation !== "page" && s.dead === null) await s.worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO }).catch(() => {});
        s.failCurrent = null;
        s.progressSink = undefined;
      }
    },
    async terminate() {
      if (released) return;
      released = true;
      await kill(s);
    },
  };
}

async function kill(s: Started): Promise<void> {
  // A late error from a thread being torn down must not go unhandled.
  if (typeof s.thread?.on === "function") s.thread.on("error", () => {});
  await s.worker.terminate().catch(() => {});
}

function toPage(page: Tesseract.Page): OcrPageResult {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const words = line.words
          .map((w) => ({ text: w.text.trim(), confidence: w.confidence, bbox: w.bbox }))
          .filter((w) => w.text.length > 0);
        if (words.length > 0) lines.push({ words, bbox: line.bbox });
      }
    }
  }
  return { lines, rotation: page.rotateRadians ?? 0 };
}
