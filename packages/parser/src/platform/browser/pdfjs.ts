/**
 * pdf.js in a browser: the same legacy build Node runs (bundled, loaded on first use), its worker a
 * real Web Worker started from the app's asset folder, fonts, cmaps and wasm fetched from there.
 */
import type { AssetsLocation } from "../assets.ts";
import type { PdfAssetParams, PdfJs, PdfWorker } from "../contract.ts";
import { assetUrl } from "./location.ts";

/** How long a worker script may take to load and answer before the engine counts as unavailable. */
const START_TIMEOUT_MS = 30_000;

interface WebWorker {
  addEventListener(type: "message" | "error", listener: (event: { message?: string }) => void, options?: { once?: boolean }): void;
  removeEventListener(type: "message" | "error", listener: (event: { message?: string }) => void): void;
  terminate(): void;
}
type WorkerConstructor = new (url: string, options: { type: "module" | "classic"; name?: string }) => WebWorker;

export async function importPdfJs(): Promise<PdfJs> {
  return (await import("pdfjs-dist/legacy/build/pdf.mjs")) as PdfJs;
}

export function pdfAssetParams(assets?: AssetsLocation): PdfAssetParams {
  return {
    standardFontDataUrl: assetUrl(assets, "standardFonts", "pdf.js"),
    cMapUrl: assetUrl(assets, "cmaps", "pdf.js"),
    wasmUrl: assetUrl(assets, "pdfWasm", "pdf.js"),
    // The URLs are absolute; deciding this itself, pdf.js would read `document`, which a Web Worker lacks.
    useWorkerFetch: true,
  };
}

/** Starts pdf.worker.mjs and waits for its first message, so a missing script fails now, not as a hang. */
export async function startPdfWorker(lib: PdfJs, assets?: AssetsLocation): Promise<PdfWorker> {
  const url = assetUrl(assets, "pdfWorker", "pdf.js");
  const Worker = (globalThis as { Worker?: WorkerConstructor }).Worker;
  if (Worker === undefined) throw new Error("this environment has no Web Worker");
  const port = new Worker(url, { type: "module", name: "kehoach-pdfjs" });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail({ message: "no answer" }), START_TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      port.removeEventListener("message", ok);
      port.removeEventListener("error", fail);
    };
    function ok(): void {
      done();
      resolve();
    }
    function fail(event: { message?: string }): void {
      done();
      port.terminate();
      reject(new Error(`${url} did not start (${event.message ?? "script not loaded"})`));
    }
    port.addEventListener("message", ok);
    port.addEventListener("error", fail);
  });
  // pdf.js types its port as a full Worker; ours has what it uses.
  return new lib.PDFWorker({ port, verbosity: 0 } as unknown as ConstructorParameters<PdfJs["PDFWorker"]>[0]);
}

export async function importImageDecoders(assets?: AssetsLocation): Promise<{ module: unknown; options: unknown }> {
  const wasmUrl = assetUrl(assets, "pdfWasm", "pdf.js");
  // @ts-expect-error pdfjs-dist ships no types for its image decoders (their shape: input/ocr/pdfjs-decoders.ts).
  const module: unknown = await import("pdfjs-dist/image_decoders/pdf.image_decoders.mjs");
  const options = {
    useWasm: true,
    useWorkerFetch: false,
    wasmUrl,
    getHandler: () => ({
      sendWithPromise: async (_name: string, data: { filename: string }) => {
        const name = data.filename.split("/").pop() ?? data.filename;
        const response = await fetch(new URL(name, wasmUrl));
        if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      },
    }),
  };
  return { module, options };
}
