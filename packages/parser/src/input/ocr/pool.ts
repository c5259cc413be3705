/**
 * OCR engines kept between documents, so a folder of scans starts a tesseract.js worker and loads
 * its model once, not once per document. An idle engine does not keep the process alive
 * (`setIdle`), and is terminated after IDLE_MS without work; `closeOcrEngines()` ends them at once.
 */
import type { OcrEngine } from "./engine.ts";
import type { EngineSpec } from "./engines.ts";

/** A worker holds 100–200 MB; a clerk's batch reuses it within seconds, a server's idle one goes. */
const IDLE_MS = 30_000;
/** Idle engines kept per kind: more than the cores of most machines is memory for nothing. */
const MAX_IDLE = 4;

interface Idle {
  readonly engine: OcrEngine;
  readonly timer: ReturnType<typeof setTimeout>;
}

const idle = new Map<string, Idle[]>();

/** An idle engine of this spec, or a new one. */
export async function acquireEngine(spec: EngineSpec): Promise<OcrEngine> {
  const list = idle.get(spec.key) ?? [];
  while (list.length > 0) {
    const kept = list.pop();
    if (kept === undefined) break;
    clearTimeout(kept.timer);
    if (!kept.engine.alive) continue;
    kept.engine.setIdle(false);
    return kept.engine;
  }
  return spec.create();
}

/** Back to the pool after a run; a dead engine, or one past the pool's size, is terminated. */
export async function releaseEngine(spec: EngineSpec, engine: OcrEngine): Promise<void> {
  const list = idle.get(spec.key) ?? [];
  if (!engine.alive || list.length >= MAX_IDLE) {
    await engine.terminate();
    return;
  }
  engine.setIdle(true);
  const timer = setTimeout(() => {
    const at = list.findIndex((k) => k.engine === engine);
    if (at >= 0) list.splice(at, 1);
    void engine.terminate();
  }, IDLE_MS);
  // An idle timer must not keep the process alive either.
  (timer as { unref?: () => void }).unref?.();
  list.push({ engine, timer });
  idle.set(spec.key, list);
}

/** Terminates every idle engine now (a CLI at exit, a test's cleanup, a server shutting down). */
export async function closeOcrEngines(): Promise<void> {
  const all = [...idle.values()].flat();
  idle.clear();
  for (const k of all) clearTimeout(k.timer);
  await Promise.allSettled(all.map((k) => k.engine.terminate()));
}

/** Idle engines now kept (for tests). */
export function idleEngineCount(): number {
  return [...idle.values()].reduce((n, l) => n + l.length, 0);
}
