/**
 * tesseract.js in a browser: its browser worker script, WebAssembly core (tesseract.js picks the
 * relaxed-SIMD, SIMD or plain build of the folder, as its Node worker does) and the gzipped models,
 * all from the app's asset folder. Without a core path tesseract.js would fetch its core from a CDN.
 */
import type { AssetsLocation } from "../assets.ts";
import type { OcrEngineFiles } from "../contract.ts";
import { engineUnavailable } from "../../errors.ts";
import { languageCodes } from "../../input/ocr/language-codes.ts";
import { assetUrl } from "./location.ts";

/** The models the asset folder holds (the copier writes the `@tesseract.js-data/<lang>` packages it finds). */
export function ocrEngineFiles(languages: string, folder: string | undefined, assets?: AssetsLocation): OcrEngineFiles {
  const codes = languageCodes(languages);
  if (codes === null) throw engineUnavailable("tesseract.js", `invalid language list "${languages}"`);
  return {
    workerPath: assetUrl(assets, "ocrWorker", "tesseract.js"),
    corePath: assetUrl(assets, "ocrCore", "tesseract.js"),
    langPath: folder ?? assetUrl(assets, "ocrLanguages", "tesseract.js"),
    gzip: true,
    languages: codes,
  };
}
