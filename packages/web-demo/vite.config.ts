import { defineConfig, defaultClientConditions, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
// From source: the config is loaded without the `@kehoach/source` condition, and dist/ may not be built.
import { kehoachAssets } from "../parser/src/assets/index.ts";

// Relative base: the built site works from any folder of any static host.
// `@kehoach/source` bundles the workspace packages from their TypeScript sources (no dist/ needed);
// `worker` first: the parser runs in a Web Worker, where packages' DOM builds (`browser`) find no `document`.
// The built page may load nothing from another origin; the dev server (inline React refresh) is exempt.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; connect-src 'self' data: blob:; font-src 'self' data:";

const contentSecurityPolicy: Plugin = {
  name: "kehoach-csp",
  apply: "build",
  transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: CSP }, injectTo: "head-prepend" }],
};

export default defineConfig({
  base: "./",
  // kehoachAssets: pdf.js's worker, fonts, cmaps and wasm, tesseract.js's worker, core and the Vietnamese
  // model, served from this site's own `kehoach-assets/` (the worker passes that folder to parse()).
  plugins: [react(), contentSecurityPolicy, kehoachAssets()],
  resolve: { conditions: ["@kehoach/source", "worker", ...defaultClientConditions] },
  worker: { format: "es" },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 4096, target: "es2023" },
});
