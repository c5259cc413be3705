/**
 * The library in a real browser: a page bundling `@kehoach/parser` with Vite (test/browser/harness)
 * is served on 127.0.0.1 and driven in Debian's Chromium; each fixture is parsed there and in Node,
 * and the Plans' JSON must be equal. Every request the page and its workers make must stay on the
 * page's origin, and no error may go uncaught. Without Chromium this is skipped outside CI only.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { build, createLogger, preview, type PreviewServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isKehoachInputError, parse } from "../../src/index.ts";

const CHROMIUM = "/usr/bin/chromium";
const CI = process.env["CI"] === "true" || process.env["CI"] === "1";
const harness = fileURLToPath(new URL("./harness/", import.meta.url));
const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));

/** One of each input kind; the scan is one page, the smallest that still goes through OCR. */
const FILES = [
  ["text", "seeds/001.txt"],
  ["markdown", "samples/003.clean.md"],
  ["docx", "samples/000.docx"],
  ["pdf", "samples/002.pdf"],
  ["pdf", "samples/001.fallback-font.pdf"],
  ["scan", "pdf/001.scan.p1.pdf"],
] as const;

const skip = !existsSync(CHROMIUM) && !CI;
if (skip) console.warn(`browser.test.ts skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium); with CI=true it fails instead`);

describe.skipIf(skip)("the same bytes in Chromium and in Node", () => {
  let out = "";
  let profile = "";
  let server: PreviewServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let origin = "";
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const buildWarnings: string[] = [];

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), "kehoach-harness-"));
    profile = mkdtempSync(path.join(tmpdir(), "kehoach-chromium-"));
    const configFile = path.join(harness, "vite.config.ts");
    const customLogger = createLogger("warn");
    customLogger.warn = (message) => buildWarnings.push(message);
    await build({ configFile, root: harness, customLogger, build: { outDir: out } });
    server = await preview({ configFile, root: harness, build: { outDir: out }, preview: { host: "127.0.0.1", port: 0, strictPort: false } });
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error("vite preview gave no URL");
    origin = new URL(url).origin;
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    // Seen from the context, so requests of the page's workers count too; anything off-origin is also refused.
    context.on("request", (request) => requests.push(request.url()));
    await context.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(url);
    await page.waitForSelector("body[data-ready]", { state: "attached" });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    for (const dir of [out, profile]) if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  it("bundles without Node modules, and the page's entry carries neither pdf.js nor tesseract.js", () => {
    expect(buildWarnings.filter((w) => /externalized for browser/u.test(w))).toEqual([]);
    const entry = /src="\.\/(assets\/index-[^"]+\.js)"/u.exec(readFileSync(path.join(out, "index.html"), "utf8"))?.[1];
    expect(entry).toBeDefined();
    const code = readFileSync(path.join(out, entry ?? ""), "utf8");
    expect(code).toContain("KehoachInputError");
    expect(code).not.toContain("GlobalWorkerOptions");
    expect(code).not.toContain("createScheduler");
  });

  const inPage = async (bytes: Buffer, folder?: string): Promise<{ source?: { format: string }; error?: string }> =>
    JSON.parse(
      await page.evaluate(
        ([base64, at]) => (globalThis as unknown as { kehoach: { parseBase64(b: string, f?: string): Promise<string> } }).kehoach.parseBase64(base64, at),
        [bytes.toString("base64"), folder] as const,
      ),
    ) as { source?: { format: string }; error?: string };

  it("rejects a PDF with engine-unavailable, not corrupt-file, when its engine's files are not there", async () => {
    expect(await inPage(readFileSync(path.join(fixtures, "samples/002.pdf")), "no-such-folder/")).toEqual({ error: "engine-unavailable" });
  });

  it.each(FILES)("%s (%s)", async (format, file) => {
    const bytes = readFileSync(path.join(fixtures, file));
    // Both at once: Chromium is another process.
    const [inBrowser, inNode] = await Promise.all([
      inPage(bytes),
      parse(new Uint8Array(bytes)).then(
        (plan) => JSON.parse(JSON.stringify(plan)) as unknown,
        (error: unknown) => ({ error: isKehoachInputError(error) ? error.code : String(error) }),
      ),
    ]);
    expect(inBrowser.source?.format).toBe(format);
    expect(inBrowser).toEqual(inNode);
  }, 120_000);

  it("made no request outside its origin and threw nothing uncaught", () => {
    // The engines' files were fetched (so requests of workers are seen), all from the page's own folder.
    expect(requests.some((u) => u.endsWith("/kehoach-assets/pdfjs/pdf.worker.mjs"))).toBe(true);
    expect(requests.some((u) => u.endsWith("/kehoach-assets/tesseract/lang/vie.traineddata.gz"))).toBe(true);
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(requests.length).toBeGreaterThan(FILES.length);
    expect(pageErrors).toEqual([]);
  });
});
