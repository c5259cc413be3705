/**
 * The `browser` section of `pnpm bench`: the web demo built and served on 127.0.0.1, driven in
 * Debian's Chromium (playwright-core). Measures the time from the last keystroke in the source editor
 * to the updated findings on screen for the largest seed (the editor's debounce included), and the
 * worker's parse of the same text.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite } from "../packages/web-demo/test/e2e/build-site.ts";
import { serveStatic } from "../packages/web-demo/test/e2e/static-server.ts";
import { CHROMIUM, openSession } from "../packages/web-demo/test/e2e/browser.ts";
import { editAndTime } from "../packages/web-demo/test/e2e/edit-timing.ts";
import { median } from "./lib.ts";
import type { Row, Section } from "./lib.ts";
import { SEED_IDS, seedText } from "./plans.ts";

export async function browserSection(runs: number, warmup: number, skip: string | null): Promise<Section> {
  const title = "Browser: web demo in Chromium (headless), largest seed edited in the source pane";
  const columns: [string, string][] = [["kb", "KB"], ["ms", "ms"], ["min", "min"], ["max", "max"], ["runs", "runs"]];
  const reason = skip ?? (existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM}`);
  if (reason) return { title, columns, rows: [{ name: "edit → updated findings", skipped: reason }], notes: [] };
  const largest = [...SEED_IDS].sort((a, b) => seedText(b).length - seedText(a).length)[0]!;
  // Its own build folder: the e2e tests may be serving packages/web-demo/dist meanwhile.
  const dist = mkdtempSync(join(tmpdir(), "kehoach-bench-site-"));
  await buildSite(dist);
  const site = await serveStatic(dist);
  const session = await openSession(site.origin);
  try {
    const page = session.page;
    await page.goto(site.url);
    await page.setInputFiles("[data-testid=file-input]", fileURLToPath(new URL(`../fixtures/seeds/${largest}.txt`, import.meta.url)));
    await page.waitForSelector("[data-testid=findings-count]");
    await page.click("[data-testid=edit-toggle]");
    const text = await page.inputValue("[data-testid=source-editor]");
    // Alternate between two texts (a date changed and back) so every edit really changes the plan.
    const variants = [text.replace(/năm 2023/, "năm 2024"), text];
    const edit: number[] = [];
    const worker: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const ms = await editAndTime(page, variants[i % 2]!, null);
      if (i >= warmup) {
        edit.push(ms);
        worker.push(await page.evaluate(() => (globalThis as unknown as { __kehoach: { lastMs: number } }).__kehoach.lastMs));
      }
    }
    const kb = Math.round(Buffer.byteLength(text) / 100) / 10;
    const row = (name: string, samples: number[]): Row => ({ name, kb, ms: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length });
    return {
      title,
      columns,
      rows: [row(`edit → updated findings (seed ${largest}, 250 ms debounce included)`, edit), row(`worker parseText of the edited text (seed ${largest})`, worker)],
      notes: ["the first row is what a reviewer waits after the last keystroke: debounce, message to the worker, parse and checks there, structured clone back, React render."],
    };
  } finally {
    await session.close();
    await site.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
