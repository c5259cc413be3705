/**
 * Where a browser fetches the engines' files. Node reads them from the installed packages; a page
 * cannot, so the app serves one folder (written by `copyBrowserAssets` or the `kehoachAssets` Vite
 * plugin of `@kehoach/parser/assets`) from its own origin and passes its URL as `parse(bytes, { assets })`.
 * Nothing is ever fetched from anywhere else.
 */
export type AssetsLocation = string | URL;

/** The folder's layout: one place both the copier and the browser loaders read. */
export const ASSET_PATHS = {
  pdfWorker: "pdfjs/pdf.worker.mjs",
  standardFonts: "pdfjs/standard_fonts/",
  cmaps: "pdfjs/cmaps/",
  pdfWasm: "pdfjs/wasm/",
  imageDecoders: "pdfjs/pdf.image_decoders.mjs",
  ocrWorker: "tesseract/worker.min.js",
  ocrCore: "tesseract/core/",
  ocrLanguages: "tesseract/lang/",
} as const;

export type AssetName = keyof typeof ASSET_PATHS;
