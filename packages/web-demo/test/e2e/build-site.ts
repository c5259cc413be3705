import { fileURLToPath } from "node:url";
import { build } from "vite";

/**
 * `pnpm demo:build`, done by the test run itself so the e2e tests never see a stale dist/;
 * `outDir` elsewhere for the bench, which may run beside the tests.
 */
export async function buildSite(outDir?: string): Promise<void> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  await build({ root, logLevel: "error", configFile: `${root}/vite.config.ts`, ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}) });
}

/** vitest globalSetup: build dist/ before the e2e tests. */
export default async function setup(): Promise<void> {
  await buildSite();
}
