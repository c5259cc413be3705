/**
 * pdf.js in Node: the legacy build from the installed pdfjs-dist, its "worker" run in this thread
 * (pdf.js's fake worker, imported from workerSrc), fonts, cmaps and wasm read from the package folder.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AssetsLocation } from "../assets.ts";
import type { PdfAssetParams, PdfJs, PdfWorker } from "../contract.ts";

const require = createRequire(import.meta.url);

/** Folder of the installed pdfjs-dist (resolved, so it is the same under any loader: vitest, bundled CLI). */
function packageDir(): string {
  return path.dirname(require.resolve("pdfjs-dist/package.json"));
}

export async function importPdfJs(): Promise<PdfJs> {
  const main = require.resolve("pdfjs-dist/legacy/build/pdf.mjs");
  const lib = (await import(pathToFileURL(main).href)) as PdfJs;
  if (!lib.GlobalWorkerOptions.workerSrc || lib.GlobalWorkerOptions.workerSrc === "./pdf.worker.mjs") {
    lib.GlobalWorkerOptions.workerSrc = pathToFileURL(path.join(path.dirname(main), "pdf.worker.mjs")).href;
  }
  return lib;
}

/** Plain paths: pdf.js reads them with fs in Node (a file:// string would not be found). */
export function pdfAssetParams(_assets?: AssetsLocation): PdfAssetParams {
  const dir = packageDir();
  return {
    standardFontDataUrl: path.join(dir, "standard_fonts") + path.sep,
    cMapUrl: path.join(dir, "cmaps") + path.sep,
    wasmUrl: path.join(dir, "wasm") + path.sep,
  };
}

/** In Node pdf.js always runs its worker on this thread; one is set up and kept for every document. */
export async function startPdfWorker(lib: PdfJs, _assets?: AssetsLocation): Promise<PdfWorker> {
  const worker = new lib.PDFWorker({ verbosity: 0 });
  await worker.promise;
  return worker;
}

/** pdf.js's stand-alone image decoders and the options that feed them their wasm from the package folder. */
export async function importImageDecoders(_assets?: AssetsLocation): Promise<{ module: unknown; options: unknown }> {
  const dir = packageDir();
  const module: unknown = await import(pathToFileURL(path.join(dir, "image_decoders", "pdf.image_decoders.mjs")).href);
  const wasmDir = path.join(dir, "wasm");
  const options = {
    useWasm: true,
    useWorkerFetch: false,
    wasmUrl: pathToFileURL(wasmDir + path.sep).href,
    getHandler: () => ({
      sendWithPromise: async (_name: string, data: { filename: string }) =>
        new Uint8Array(await readFile(path.join(wasmDir, path.basename(data.filename)))),
    }),
  };
  return { module, options };
}
