import { defineConfig, defaultClientConditions } from "vite";
import react from "@vitejs/plugin-react";

// Relative base: the built site works from any folder of any static host.
// `@kehoach/source` bundles the workspace packages from their TypeScript sources (no dist/ needed);
// `worker` first: the parser runs in a Web Worker, where packages' DOM builds (`browser`) find no `document`.
export default defineConfig({
  base: "./",
  plugins: [react()],
  resolve: { conditions: ["@kehoach/source", "worker", ...defaultClientConditions] },
  worker: { format: "es" },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 4096, target: "es2023" },
});
