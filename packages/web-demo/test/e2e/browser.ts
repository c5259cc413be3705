import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request the page made that did not go to the site's origin. */
  foreign: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile; records foreign requests and page errors. */
export async function openSession(origin: string, viewport = { width: 1366, height: 768 }): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), "kehoach-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const foreign: string[] = [];
  const errors: string[] = [];
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => errors.push(String(error)));
  context.on("weberror", (error) => errors.push(String(error.error())));
  return {
    context,
    page,
    foreign,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
