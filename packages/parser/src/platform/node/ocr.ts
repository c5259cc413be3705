/**
 * tesseract.js in Node: its Node worker script (which `require`s the installed tesseract.js-core, so
 * no core path) and the models of the installed `@tesseract.js-data/<lang>` packages or a folder.
 */
import { createRequire } from "node:module";
import { resolveLanguageData } from "../../input/ocr/language-data.ts";
import type { AssetsLocation } from "../assets.ts";
import type { OcrEngineFiles } from "../contract.ts";

/** Throws LanguageDataError when a model is missing. */
export function ocrEngineFiles(languages: string, folder: string | undefined, _assets?: AssetsLocation): OcrEngineFiles {
  const require = createRequire(import.meta.url);
  return { ...resolveLanguageData(languages, folder), workerPath: require.resolve("tesseract.js/src/worker-script/node/index.js") };
}
