import { defineConfig } from "vite";
import { kehoachAssets } from "../../../src/assets/index.ts";

// The workspace packages are read from their sources (as vitest and Node do), under the browser condition.
export default defineConfig({
  base: "./",
  logLevel: "warn",
  resolve: { conditions: ["@kehoach/source", "browser", "module", "import", "default"] },
  plugins: [kehoachAssets()],
  build: { emptyOutDir: true, chunkSizeWarningLimit: 4096, reportCompressedSize: false },
});
