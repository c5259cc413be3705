/**
 * @kehoach/parser/assets: the folder a browser page serves for PDFs and scans. The browser test uses
 * the built site; this checks the list itself and the development server of the Vite plugin.
 */
import { readFileSync } from "node:fs";
import { createServer } from "vite";
import { describe, expect, it } from "vitest";
import { ASSET_PATHS, browserAssetFiles, kehoachAssets } from "../src/assets/index.ts";

describe("browser asset folder", () => {
  it("holds each file the browser loaders ask for, from the installed packages", async () => {
    const files = await browserAssetFiles();
    const paths = new Set(files.map((f) => f.path));
    for (const single of [ASSET_PATHS.pdfWorker, ASSET_PATHS.ocrWorker]) expect(paths).toContain(single);
    expect(paths).toContain(`${ASSET_PATHS.ocrLanguages}vie.traineddata.gz`);
    expect(paths).toContain(`${ASSET_PATHS.ocrCore}tesseract-core-simd-lstm.wasm.js`);
    expect(paths).toContain(`${ASSET_PATHS.standardFonts}FoxitSerif.pfb`);
    expect(paths).toContain(`${ASSET_PATHS.cmaps}UniGB-UCS2-H.bcmap`);
    expect(paths).toContain(`${ASSET_PATHS.pdfWasm}openjpeg.wasm`);
    // The same model the Node engine reads (language-data.ts picks the LSTM-only build first).
    expect(files.find((f) => f.path.endsWith("vie.traineddata.gz"))?.source).toMatch(/4\.0\.0_best_int/u);
  });

  it("is served under the site's base by the Vite plugin in development, other paths left alone", async () => {
    const server = await createServer({ configFile: false, root: import.meta.dirname, base: "/sub/", logLevel: "silent", plugins: [kehoachAssets()], server: { host: "127.0.0.1", port: 0 } });
    try {
      await server.listen();
      const url = server.resolvedUrls?.local[0] ?? "";
      const model = await fetch(new URL(`kehoach-assets/${ASSET_PATHS.ocrLanguages}vie.traineddata.gz`, url));
      expect(model.status).toBe(200);
      const file = (await browserAssetFiles()).find((f) => f.path.endsWith("vie.traineddata.gz"));
      expect(new Uint8Array(await model.arrayBuffer())).toEqual(new Uint8Array(readFileSync(file?.source ?? "")));
      const worker = await fetch(new URL(`kehoach-assets/${ASSET_PATHS.pdfWorker}`, url));
      expect(worker.headers.get("content-type")).toBe("text/javascript");
      expect((await fetch(new URL("kehoach-assets/no-such-file.js", url))).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
