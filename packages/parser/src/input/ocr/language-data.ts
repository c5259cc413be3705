/**
 * Where the trained OCR models are on disk (Node; a browser fetches them from the app's asset
 * folder, src/platform/browser/ocr.ts). They come from the installed
 * `@tesseract.js-data/<lang>` packages, so tesseract.js never falls back to its CDN default.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { OcrEngineFiles } from "../../platform/contract.ts";
import { languageCodes } from "./language-codes.ts";

/** Where the engine's files are: the models are found here (Node), the rest by src/platform/. */
export type LanguageData = OcrEngineFiles;
type Models = Pick<LanguageData, "langPath" | "gzip" | "languages">;

/**
 * In each package, `4.0.0_best_int` holds the LSTM-only model (1.4 MB for vie) and `4.0.0` the same
 * LSTM plus the legacy engine (3.8 MB); we only run the LSTM engine, and both gave identical text.
 */
const MODEL_FOLDERS = ["4.0.0_best_int", "4.0.0"] as const;

export class LanguageDataError extends Error {
  override readonly name = "LanguageDataError";
}

/**
 * `languages` as tesseract spells them ("vie", "vie+eng"). With `folder`, the models are taken from
 * there; otherwise from the installed packages, which must then share one folder layout
 * (tesseract.js reads every language from a single `langPath`).
 */
export function resolveLanguageData(languages: string, folder?: string): Models {
  const codes = languageCodes(languages);
  if (codes === null) throw new LanguageDataError(`invalid language list "${languages}"`);
  if (folder !== undefined) return checkFolder(path.resolve(folder), codes);

  const require = createRequire(import.meta.url);
  const candidates = new Set<string>();
  for (const code of codes) {
    let pkgDir: string;
    try {
      pkgDir = path.dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
    } catch {
      throw new LanguageDataError(`language data for "${code}" is not installed (npm package @tesseract.js-data/${code})`);
    }
    const sub = MODEL_FOLDERS.find((f) => existsSync(path.join(pkgDir, f, `${code}.traineddata.gz`)) || existsSync(path.join(pkgDir, f, `${code}.traineddata`)));
    if (sub === undefined) throw new LanguageDataError(`no ${code}.traineddata in ${pkgDir}`);
    candidates.add(path.join(pkgDir, sub));
  }
  if (candidates.size > 1) throw new LanguageDataError(`languages "${languages}" are installed in different folders; pass a folder holding all of them`);
  const [only] = candidates;
  return checkFolder(only ?? "", codes);
}

function checkFolder(folder: string, codes: string[]): Models {
  const gz = codes.map((c) => existsSync(path.join(folder, `${c}.traineddata.gz`)));
  const plain = codes.map((c) => existsSync(path.join(folder, `${c}.traineddata`)));
  // tesseract.js has one gzip flag for all languages, so they must all be stored the same way.
  if (gz.every(Boolean)) return { langPath: folder, gzip: true, languages: codes };
  if (plain.every(Boolean)) return { langPath: folder, gzip: false, languages: codes };
  const missing = codes.filter((_, i) => !gz[i] && !plain[i]);
  throw new LanguageDataError(
    missing.length > 0 ? `no traineddata for ${missing.join(", ")} in ${folder}` : `traineddata in ${folder} mixes .gz and plain files`,
  );
}
