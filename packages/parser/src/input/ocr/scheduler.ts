/**
 * Runs OCR jobs (one per page image) over a few tesseract engines, in page order, under one
 * deadline. Engines come from the pool and go back to it idle; whatever happens — timeout,
 * cancellation, a failed page, a dead worker — an engine still busy is terminated before this
 * returns, and no promise is left to reject unobserved.
 */
import type { OcrEngine, OcrPageResult, Segmentation } from "./engine.ts";
import type { EngineSpec } from "./engines.ts";
import { inputError, MESSAGES } from "./messages.ts";
import { acquireEngine, releaseEngine } from "./pool.ts";

export interface LoadedImage {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly dpi?: number | undefined;
}

export interface OcrJob {
  /** 1-based page number, for progress and notes. */
  readonly page: number;
  /**
   * Produces the image when a worker is ready for it, so only images in flight sit in memory.
   * `signal` aborts when the run stops (timeout, cancellation), for work that can be cut short.
   */
  readonly load: (signal: AbortSignal) => Promise<LoadedImage>;
  /** How tesseract segments the image (engine.ts); default the page's own layout. */
  readonly segmentation?: Segmentation | undefined;
}

export type JobOutcome =
  | { readonly ok: true; readonly image: LoadedImage; readonly result: OcrPageResult }
  | { readonly ok: false; readonly error: unknown };

export interface OcrProgress {
  /** Page being worked on (1-based). */
  readonly page: number;
  /** Pages in the document. */
  readonly pages: number;
  readonly status: string;
  /** 0–1 for this page. */
  readonly progress: number;
}

export interface RunOptions {
  readonly engine: EngineSpec;
  readonly workers: number;
  readonly timeoutMs: number;
  /** When the `timeoutMs` budget started (Date.now()); default now. Work done before the run counts. */
  readonly startedAt?: number | undefined;
  readonly deskew: boolean;
  readonly totalPages: number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((p: OcrProgress) => void) | undefined;
}

/** Each worker holds a WebAssembly tesseract of ~100–200 MB; more than this rarely pays on a server. */
export const MAX_WORKERS = 4;

/** Default engines per document: one per core (up to MAX_WORKERS), in Node and in the browser. */
export function defaultWorkers(): number {
  const cores = typeof navigator !== "undefined" && typeof navigator.hardwareConcurrency === "number" ? navigator.hardwareConcurrency : 1;
  return Math.max(1, Math.min(cores, MAX_WORKERS));
}
/** Starting a worker takes well under a second; much longer means it is stuck. */
const START_TIMEOUT_MS = 60_000;

export async function runJobs(jobs: readonly OcrJob[], o: RunOptions): Promise<JobOutcome[]> {
  if (o.signal?.aborted === true) throw inputError("timeout", MESSAGES.cancelled);
  const outcomes: (JobOutcome | undefined)[] = jobs.map(() => undefined);
  const engines: OcrEngine[] = [];
  const busy = new Set<OcrEngine>();
  const pendingStarts: Promise<OcrEngine>[] = [];

  // One promise that rejects when the run must stop; every await below races against it.
  let stopWith: (e: Error) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    stopWith = reject;
  });
  stopped.catch(() => {});
  let stopReason: Error | null = null;
  const aborter = new AbortController();
  const stop = (e: Error): void => {
    stopReason ??= e;
    stopWith(e);
    if (!aborter.signal.aborted) aborter.abort(e);
  };
  const guard = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => {});
    return Promise.race([p, stopped]);
  };
  const remaining = o.timeoutMs - (o.startedAt === undefined ? 0 : Date.now() - o.startedAt);
  const timer = setTimeout(() => stop(inputError("timeout", MESSAGES.timeout(o.timeoutMs))), Math.max(0, remaining));
  const onAbort = (): void => stop(inputError("timeout", MESSAGES.cancelled));
  o.signal?.addEventListener("abort", onAbort, { once: true });

  // Tesseract reports every percent or so; pass on status changes and steps of 5 % only.
  const last = new Map<number, { status: string; progress: number }>();
  const report = (page: number, status: string, progress: number): void => {
    const prev = last.get(page);
    if (prev !== undefined && prev.status === status && progress < 1 && progress - prev.progress < 0.05) return;
    last.set(page, { status, progress });
    try {
      o.onProgress?.({ page, pages: o.totalPages, status, progress });
    } catch {
      // a throwing progress callback must not break recognition
    }
  };

  try {
    const count = Math.max(1, Math.min(Math.floor(o.workers) || 1, MAX_WORKERS, jobs.length));
    const starts = Array.from({ length: count }, () => {
      const p = acquireEngine(o.engine);
      pendingStarts.push(p);
      p.then((e) => engines.push(e), () => {});
      return p;
    });
    const startTimer = new Promise<never>((_, reject) => {
      const t = setTimeout(() => reject(new Error("the OCR worker did not start in time")), START_TIMEOUT_MS);
      stopped.catch(() => clearTimeout(t));
      void Promise.allSettled(starts).then(() => clearTimeout(t));
    });
    startTimer.catch(() => {});
    const started = await guard(Promise.allSettled(starts.map((s) => Promise.race([s, startTimer]))));
    const ready = started.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    if (ready.length === 0) {
      const first = started.find((r) => r.status === "rejected");
      const detail = first?.status === "rejected" ? String(first.reason instanceof Error ? first.reason.message : first.reason) : "unknown error";
      throw inputError("engine-unavailable", MESSAGES.engine(detail), first?.status === "rejected" ? first.reason : undefined);
    }

    let next = 0;
    const loop = async (engine: OcrEngine): Promise<void> => {
      while (next < jobs.length) {
        const index = next++;
        const job = jobs[index];
        if (job === undefined) continue;
        report(job.page, "preparing image", 0);
        let image: LoadedImage;
        try {
          image = await guard(job.load(aborter.signal));
        } catch (error) {
          if (stopReason !== null) throw stopReason;
          outcomes[index] = { ok: false, error };
          continue;
        }
        busy.add(engine);
        try {
          const result = await guard(
            engine.recognize(image.bytes, {
              deskew: o.deskew,
              ...(job.segmentation !== undefined ? { segmentation: job.segmentation } : {}),
              ...(image.dpi !== undefined ? { dpi: image.dpi } : {}),
              onProgress: (p, status) => report(job.page, status, p),
            }),
          );
          outcomes[index] = { ok: true, image, result };
          report(job.page, "done", 1);
        } catch (error) {
          if (stopReason !== null) throw stopReason;
          outcomes[index] = { ok: false, error };
          if (!engine.alive) return; // this worker is gone; the others carry on
        }
        busy.delete(engine);
      }
    };
    const loops = await Promise.allSettled(ready.map(loop));
    if (stopReason !== null) throw stopReason;
    const broken = loops.find((l) => l.status === "rejected");
    if (broken?.status === "rejected") throw broken.reason;
    return outcomes.map((out) => out ?? { ok: false, error: new Error("no OCR worker left to read this page") });
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener("abort", onAbort);
    // Engines still starting go to the pool as soon as they are up; one stopped mid-page is ended.
    const settled = [...engines];
    for (const p of pendingStarts) p.then((e) => (settled.includes(e) ? undefined : releaseEngine(o.engine, e)), () => {}).catch(() => {});
    await Promise.allSettled(settled.map((e) => (busy.has(e) ? e.terminate() : releaseEngine(o.engine, e))));
  }
}
