import { fileURLToPath } from "node:url";
import { build } from "vite";

/** `pnpm demo:build`, done by the test run itself so the e2e tests never see a stale dist/. */
export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  await build({ root, logLevel: "error", configFile: `${root}/vite.config.ts` });
}
