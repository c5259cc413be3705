/**
 * A Vite plugin serving the asset folder under `<base><dir>/` in development and writing it into
 * the build, so a page passes `parse(bytes, { assets: new URL("kehoach-assets/", document.baseURI) })`
 * and every request stays on its own origin. Typed structurally: Vite is the app's dependency, not ours.
 */
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { browserAssetFiles, type AssetFile, type AssetOptions } from "./files.ts";

export interface KehoachAssetsOptions extends AssetOptions {
  /** Folder name under the site's base. Default "kehoach-assets". */
  readonly dir?: string;
}

interface DevServer {
  config: { base: string };
  middlewares: { use(handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void };
}
interface EmitContext {
  emitFile(file: { type: "asset"; fileName: string; source: Uint8Array }): string;
}

const TYPES: Record<string, string> = {
  ".mjs": "text/javascript",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".gz": "application/gzip",
};

function contentType(file: string): string {
  const dot = file.lastIndexOf(".");
  return TYPES[dot >= 0 ? file.slice(dot) : ""] ?? "application/octet-stream";
}

export function kehoachAssets(options: KehoachAssetsOptions = {}) {
  const dir = (options.dir ?? "kehoach-assets").replace(/^\/+|\/+$/gu, "");
  let files: Promise<Map<string, AssetFile>> | undefined;
  const list = (): Promise<Map<string, AssetFile>> =>
    (files ??= browserAssetFiles(options).then((all) => new Map(all.map((f) => [`${dir}/${f.path}`, f]))));
  return {
    name: "kehoach-assets",
    configureServer(server: DevServer): void {
      server.middlewares.use((req, res, next) => {
        const base = server.config.base.endsWith("/") ? server.config.base : `${server.config.base}/`;
        const url = decodeURIComponent((req.url ?? "").split("?")[0] ?? "");
        if (!url.startsWith(`${base}${dir}/`)) return next();
        void list()
          .then(async (all) => {
            const file = all.get(url.slice(base.length));
            if (file === undefined) return next();
            res.setHeader("Content-Type", contentType(file.path));
            res.end(await readFile(file.source));
          })
          .catch(next);
      });
    },
    async generateBundle(this: EmitContext): Promise<void> {
      for (const [fileName, file] of await list()) this.emitFile({ type: "asset", fileName, source: await readFile(file.source) });
    },
  };
}
