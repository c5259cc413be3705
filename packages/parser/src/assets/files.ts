/**
 * The files a browser needs for PDFs and scans, taken from the installed packages and laid out as
 * src/platform/assets.ts says. Node-only (it reads node_modules); the app copies or serves them.
 */
import { copyFile, mkdir, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ASSET_PATHS } from "../platform/assets.ts";

export interface AssetFile {
  /** Path inside the asset folder, with `/`. */
  readonly path: string;
  /** Where it is on disk. */
  readonly source: string;
}

export interface AssetOptions {
  /** Tesseract languages whose models are copied (from `@tesseract.js-data/<lang>`). Default ["vie"]. */
  readonly languages?: readonly string[];
}

/** Only the LSTM cores: the engine runs LSTM only, and tesseract.js picks one of these by CPU features. */
const CORES = ["tesseract-core-relaxedsimd-lstm.wasm.js", "tesseract-core-simd-lstm.wasm.js", "tesseract-core-lstm.wasm.js"];
/** The model folder the Node engine reads too (language-data.ts): the LSTM-only "best_int" build. */
const MODEL_FOLDER = "4.0.0_best_int";

const require = createRequire(import.meta.url);
const packageDir = (name: string, from = require): string => path.dirname(from.resolve(`${name}/package.json`));

async function folder(dir: string, into: string): Promise<AssetFile[]> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith("LICENSE")).map((e) => e.name);
  return names.sort().map((name) => ({ path: `${into}${name}`, source: path.join(dir, name) }));
}

/** Every file of the asset folder, from the packages installed beside @kehoach/parser. */
export async function browserAssetFiles(options: AssetOptions = {}): Promise<AssetFile[]> {
  const pdfjs = packageDir("pdfjs-dist");
  const tesseract = packageDir("tesseract.js");
  // tesseract.js-core is tesseract.js's own dependency: resolved from there, so the versions match.
  const core = packageDir("tesseract.js-core", createRequire(path.join(tesseract, "package.json")));
  const files: AssetFile[] = [
    { path: ASSET_PATHS.pdfWorker, source: path.join(pdfjs, "legacy", "build", "pdf.worker.mjs") },
    ...(await folder(path.join(pdfjs, "standard_fonts"), ASSET_PATHS.standardFonts)),
    ...(await folder(path.join(pdfjs, "cmaps"), ASSET_PATHS.cmaps)),
    ...(await folder(path.join(pdfjs, "wasm"), ASSET_PATHS.pdfWasm)),
    { path: ASSET_PATHS.ocrWorker, source: path.join(tesseract, "dist", "worker.min.js") },
    ...CORES.map((name) => ({ path: `${ASSET_PATHS.ocrCore}${name}`, source: path.join(core, name) })),
  ];
  for (const lang of options.languages ?? ["vie"]) {
    const model = path.join(packageDir(`@tesseract.js-data/${lang}`), MODEL_FOLDER, `${lang}.traineddata.gz`);
    files.push({ path: `${ASSET_PATHS.ocrLanguages}${lang}.traineddata.gz`, source: model });
  }
  const missing = files.filter((f) => !existsSync(f.source));
  if (missing.length > 0) throw new Error(`browser assets missing: ${missing.map((f) => f.source).join(", ")}`);
  return files;
}

/** Writes the asset folder into `dir` (e.g. the app's `public/kehoach-assets`); returns what it wrote. */
export async function copyBrowserAssets(dir: string, options: AssetOptions = {}): Promise<AssetFile[]> {
  const files = await browserAssetFiles(options);
  for (const file of files) {
    const target = path.join(dir, ...file.path.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(file.source, target);
  }
  return files;
}
