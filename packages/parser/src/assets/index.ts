/**
 * `@kehoach/parser/assets` (Node-only): the asset folder a browser page serves for PDFs and scans —
 * pdf.js's worker, standard fonts, cmaps and wasm; tesseract.js's worker, core and models — as a
 * list, a copier, or a Vite plugin. Layout: src/platform/assets.ts.
 */
export { browserAssetFiles, copyBrowserAssets, type AssetFile, type AssetOptions } from "./files.ts";
export { kehoachAssets, type KehoachAssetsOptions } from "./vite.ts";
export { ASSET_PATHS } from "../platform/assets.ts";
