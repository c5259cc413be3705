/**
 * The canvas pages are rendered on in Node: @napi-rs/canvas from packages/parser's own dependencies
 * if it is declared there, else the copy pdf.js (pdfjs-dist's optional dependency) loads for itself.
 */
import { createRequire } from "node:module";
import type { CanvasModule } from "../contract.ts";

const CANVAS_PACKAGE = "@napi-rs/canvas";

/** Throws with what went wrong when no copy loads. */
export function loadCanvas(): CanvasModule {
  const here = createRequire(import.meta.url);
  const attempts: (() => unknown)[] = [
    () => here(CANVAS_PACKAGE),
    () => createRequire(here.resolve("pdfjs-dist/package.json"))(CANVAS_PACKAGE),
  ];
  const errors: string[] = [];
  for (const attempt of attempts) {
    try {
      const mod = attempt() as Partial<CanvasModule> | null;
      if (mod !== null && typeof mod === "object" && typeof mod.createCanvas === "function") return mod as CanvasModule;
      errors.push("no createCanvas export");
    } catch (e) {
      errors.push(e instanceof Error ? e.message.split("\n")[0] ?? e.message : String(e));
    }
  }
  throw new Error(`the ${CANVAS_PACKAGE} package could not be loaded (${errors.join("; ")})`);
}
