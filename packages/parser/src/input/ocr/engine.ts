/**
 * One tesseract.js worker, set up to run offline: the model comes from a local folder
 * (language-data.ts), `cacheMethod: "none"` keeps tesseract.js from writing a copy of it into the
 * working directory, and the worker script and WebAssembly core are the ones in node_modules
 * (tesseract.js's Node worker `require`s tesseract.js-core; it has no CDN fallback for them).
 */
import { createRequire } from "node:module";
import type { Worker as ThreadWorker } from "node:worker_threads";
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
  readonly onProgress?: (progress: number, status: string) => void;
}

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
const PARAMETERS: Partial<Tesseract.WorkerParams> = {
  tessedit_pageseg_mode: Tesseract.PSM.AUTO,
  // Tesseract's chatter ("Detected 172 diacritics", resolution warnings) would go to our stdout;
  // /dev/null here is the in-memory file system of the WebAssembly module, not the host's.
  debug_file: "/dev/null",
};

export async function createEngine(data: LanguageData): Promise<OcrEngine> {
  const require = createRequire(import.meta.url);
  let progressSink: ((progress: number, status: string) => void) | undefined;
  const worker = await Tesseract.createWorker([...data.languages].join("+"), Tesseract.OEM.LSTM_ONLY, {
    langPath: data.langPath,
    gzip: data.gzip,
    cacheMethod: "none",
    workerPath: require.resolve("tesseract.js/src/worker-script/node/index.js"),
    workerBlobURL: false,
    logger: (m) => {
      if (m.status === "recognizing text") progressSink?.(m.progress, m.status);
    },
    // Without a handler tesseract.js rethrows a failed job inside its message listener, which
    // would surface as an uncaught exception; the job's own promise rejects anyway.
    errorHandler: () => {},
  });
  await worker.setParameters(PARAMETERS);

  // The thread itself can die (out of memory in WebAssembly): reject the job in flight then.
  const thread = (worker as unknown as { worker: ThreadWorker | null }).worker;
  let dead: Error | null = null;
  let failCurrent: ((e: Error) => void) | null = null;
  const onDeath = (e: unknown): void => {
    dead = e instanceof Error ? e : new Error(`OCR worker stopped (${String(e)})`);
    failCurrent?.(dead);
  };
  thread?.on("error", onDeath);
  thread?.on("exit", onDeath);

  let terminated = false;
  return {
    kind: "tesseract.js",
    get alive() {
      return !terminated && dead === null;
    },
    setIdle(idle) {
      if (idle) thread?.unref();
      else thread?.ref();
    },
    async recognize(image, options) {
      if (terminated || dead !== null) throw dead ?? new Error("OCR worker already terminated");
      progressSink = options.onProgress;
      try {
        const job = worker.recognize(
          image as unknown as Buffer,
          { rotateAuto: options.deskew, ...(options.dpi !== undefined ? { user_defined_dpi: String(Math.round(options.dpi)) } : {}) } as Partial<Tesseract.RecognizeOptions>,
          { text: false, blocks: true },
        );
        const died = new Promise<never>((_, reject) => {
          failCurrent = reject;
        });
        job.catch(() => {}); // if the thread died first, this promise is abandoned
        const result = await Promise.race([job, died]);
        return toPage(result.data);
      } finally {
        failCurrent = null;
        progressSink = undefined;
      }
    },
    async terminate() {
      if (terminated) return;
      terminated = true;
      thread?.off("exit", onDeath);
      thread?.off("error", onDeath);
      thread?.on("error", () => {}); // a late error from a thread being torn down must not go unhandled
      await worker.terminate().catch(() => {});
    },
  };
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
