/** The canvas pages are rendered on in a browser (a page or a Web Worker): OffscreenCanvas. */
import type { CanvasModule, PageCanvas } from "../contract.ts";

type OffscreenCanvasConstructor = new (width: number, height: number) => PageCanvas;

export function loadCanvas(): CanvasModule {
  const Offscreen = (globalThis as { OffscreenCanvas?: OffscreenCanvasConstructor }).OffscreenCanvas;
  if (Offscreen === undefined) throw new Error("this browser has no OffscreenCanvas");
  return { createCanvas: (width, height) => new Offscreen(width, height) };
}
