/**
 * tesseract.js workers, set up to run offline: the model comes from a local folder or the app's
 * asset folder, `cacheMethod: "none"` keeps tesseract.js from writing a copy of it into the working
 * directory (or IndexedDB), and the worker script and WebAssembly core are the ones the platform
 * names (src/platform/{node,browser}/ocr.ts), never tesseract.js's CDN defaults. A worker takes
 * about a second to start and load the model, so one that finished a document waits for the next
 * (see `park`).
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
  readonly onProgress?: (progress: number, status: string) => void;
}

export interface OcrEngine {
  /** False once the worker thread has died or been terminated. */
  readonly alive: boolean;
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

/** The thread under a tesseract.js worker: worker_threads in Node, a Web Worker in a browser. */
interface Thread {
  on?(event: "error" | "exit", listener: (e: unknown) => void): void;
  off?(event: "error" | "exit", listener: (e: unknown) => void): void;
  addEventListener?(event: "error", listener: (e: unknown) => void): void;
  ref?(): void;
  unref?(): void;
}

/** A started worker, leased to one run of the scheduler at a time. */
interface Started {
  readonly worker: Tesseract.Worker;
  readonly thread: Thread | null;
  readonly key: string;
  dead: Error | null;
  failCurrent: ((e: Error) => void) | null;
  progressSink: ((progress: number, status: string) => void) | undefined;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
}

/** How long a finished worker waits for another document before it is terminated (it holds ~100–200 MB). */
const IDLE_MS = 60_000;
const parked = new Map<string, Started[]>();

/** A worker for `data`: a parked one started with the same files, or a new one. */
export async function createEngine(data: LanguageData): Promise<OcrEngine> {
  const key = JSON.stringify([data.workerPath, data.corePath ?? null, data.langPath, data.gzip, data.languages]);
  const started = unpark(key) ?? (await start(data, key));
  return lease(started);
}

async function start(data: LanguageData, key: string): Promise<Started> {
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
  const s: Started = { worker, thread, key, dead: null, failCurrent: null, progressSink: undefined, idleTimer: undefined };
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
  let busy = false;
  return {
    get alive() {
      return !released && s.dead === null;
    },
    async recognize(image, options) {
      if (released || s.dead !== null) throw s.dead ?? new Error("OCR worker already terminated");
      s.progressSink = options.onProgress;
      try {
        const job = s.worker.recognize(
          image as unknown as Tesseract.ImageLike,
          { rotateAuto: options.deskew, ...(options.dpi !== undefined ? { user_defined_dpi: String(Math.round(options.dpi)) } : {}) } as Partial<Tesseract.RecognizeOptions>,
          { text: false, blocks: true },
        );
        const died = new Promise<never>((_, reject) => {
          s.failCurrent = reject;
        });
        // Busy until tesseract answers, whoever stopped waiting: a failed page leaves a reusable worker.
        busy = true;
        job.then(() => (busy = false), () => (busy = false)); // if the thread died first, this is abandoned
        const result = await Promise.race([job, died]);
        return toPage(result.data);
      } finally {
        s.failCurrent = null;
        s.progressSink = undefined;
      }
    },
    async terminate() {
      if (released) return;
      released = true;
      // A job still running (the run timed out or was cancelled) would hold up the next document.
      if (busy || s.dead !== null) await kill(s);
      else park(s);
    },
  };
}

/** Keeps a finished worker for the next document; in Node its thread no longer keeps the process alive. */
function park(s: Started): void {
  s.thread?.unref?.();
  s.idleTimer = setTimeout(() => {
    const list = parked.get(s.key);
    const at = list?.indexOf(s) ?? -1;
    if (list !== undefined && at >= 0) list.splice(at, 1);
    void kill(s);
  }, IDLE_MS);
  (s.idleTimer as { unref?: () => void }).unref?.();
  const list = parked.get(s.key) ?? [];
  list.push(s);
  parked.set(s.key, list);
}

function unpark(key: string): Started | undefined {
  const list = parked.get(key);
  for (let s = list?.pop(); s !== undefined; s = list?.pop()) {
    clearTimeout(s.idleTimer);
    if (s.dead === null) {
      s.thread?.ref?.();
      return s;
    }
    void kill(s);
  }
  return undefined;
}

async function kill(s: Started): Promise<void> {
  clearTimeout(s.idleTimer);
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
