import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseText } from "@kehoach/parser";
import type { Plan, Section } from "@kehoach/model";
import { serveStatic, type StaticSite } from "./static-server.ts";
import { CHROMIUM, openSession, type Session } from "./browser.ts";
import { editAndTime } from "./edit-timing.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const fixture = (p: string) => here(`../../../../fixtures/${p}`);
const countSections = (list: readonly Section[]): number => list.reduce((n, s) => n + 1 + countSections(s.children), 0);

const CI = process.env["CI"] === "true" || process.env["CI"] === "1";
// Without Chromium: skipped on a developer's machine, a failure in CI.
const skip = !existsSync(CHROMIUM) && !CI;
if (skip) console.warn(`web demo e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium); with CI=true it fails instead`);

let site: StaticSite;
let session: Session;
const timings: Record<string, number> = {};

beforeAll(async () => {
  if (skip) return;
  site = await serveStatic(here("../../dist"));
  session = await openSession(site.origin);
});

afterAll(async () => {
  console.log(`in-browser parse times (ms): ${JSON.stringify(timings)}`);
  await session?.close();
  await site?.close();
});

/** A fresh page load of a bundled sample's shared URL. */
async function openSample(id: string, finding?: number): Promise<void> {
  await session.page.goto("about:blank");
  await session.page.goto(`${site.url}#sample=${id}${finding === undefined ? "" : `&finding=${finding}`}`);
  await session.page.waitForSelector("[data-testid=findings-count]");
}

/** Picks a file in the page's file input; resolves when its plan is on screen, throws the page's error. */
async function upload(file: string): Promise<void> {
  const page = session.page;
  if (!page.url().startsWith(site.url)) await page.goto(site.url);
  const before = await page.evaluate(() => window.__kehoach!.parses);
  await page.setInputFiles("[data-testid=file-input]", file);
  await page.waitForFunction((n) => window.__kehoach!.parses > n || document.querySelector("[data-testid=error]"), before, { timeout: 110_000 });
  const error = await page.locator("[data-testid=error]").count();
  if (error > 0) throw new Error(`parse failed in the page: ${await page.locator("[data-testid=error]").innerText()}`);
}

describe.skipIf(skip)("web demo in Chromium", () => {
  const seed000 = readFileSync(fixture("seeds/000.txt"), "utf8");
  const node000: Plan = parseText(seed000);

  it("opens a bundled sample: its section tree and findings are the parse's, checked against the golden", async () => {
    await openSample("000");
    const page = session.page;
    const golden = JSON.parse(readFileSync(fixture("golden/000.json"), "utf8")) as { outline: string[]; findings: string[]; title: string };
    expect(countSections(node000.sections)).toBe(golden.outline.length);
    expect(await page.locator(".tree-node[data-kind=section], .tree-node[data-kind=item]").count()).toBe(golden.outline.length);
    expect(await page.locator("[data-testid=findings-count]").innerText()).toBe(String(golden.findings.length));
    expect(await page.locator("[data-finding]").count()).toBe(golden.findings.length);
    expect(await page.locator("[data-testid=doc-title]").innerText()).toBe(golden.title);
    const firstSection = await page.locator(".tree-node[data-kind=section]").first().innerText();
    expect(firstSection).toContain(golden.outline[0]!.replace(/^I /, "I. "));
  });

  it("clicking a finding highlights exactly its span (and its related span)", async () => {
    const page = session.page;
    const index = node000.findings.findIndex((f) => f.code === "citation-date-conflict");
    const finding = node000.findings[index]!;
    await openSample("000");
    await page.click(`[data-finding="${index}"]`);
    const highlighted = (await page.locator(".src-active-0").allInnerTexts()).join("");
    expect(highlighted).toBe(node000.source.text.slice(finding.span!.start.offset, finding.span!.end.offset));
    const related = (await page.locator(".src-active-1").allInnerTexts()).join("");
    expect(related).toBe(node000.source.text.slice(finding.related![0]!.start.offset, finding.related![0]!.end.offset));
    expect(new URL(page.url()).hash).toBe(`#sample=000&finding=${index}`);
    // The README's screenshot (the open finding's span centred in the source, beside tree and findings),
    // retaken with SCREENSHOT=1 only: a test run leaves the work tree as it found it.
    if (process.env["SCREENSHOT"] === "1") {
      mkdirSync(here("../../screenshots"), { recursive: true });
      await page.screenshot({ path: here("../../screenshots/demo.png") });
    }
    await page.locator(".mk-legal-basis").first().hover();
    expect(await page.locator("[data-testid=hover-field]").innerText()).toMatch(/^Trường — Căn cứ: Quyết định 90\/QĐ-TTg/);
  });

  it("a shared URL opens the same sample with the same finding open; j/k walk the findings", async () => {
    const page = session.page;
    const index = node000.findings.findIndex((f) => f.code === "section-duplicate");
    await openSample("000", index);
    await page.waitForSelector(`[data-finding="${index}"][aria-expanded=true]`);
    await page.locator("body").press("j");
    await page.waitForSelector(`[data-finding="${index}"][aria-expanded=false]`);
    await page.locator("body").press("k");
    await page.waitForSelector(`[data-finding="${index}"][aria-expanded=true]`);
    const dup = node000.findings[index]!;
    expect((await page.locator(".src-active-0").allInnerTexts()).join("")).toBe(node000.source.text.slice(dup.span!.start.offset, dup.span!.end.offset));
  });

  it("clicking a tree node highlights its words", async () => {
    const page = session.page;
    await openSample("000");
    await page.click(`.tree-node[data-node="basis.0"]`);
    const b = node000.legalBases[0]!;
    expect((await page.locator(".src-active-0").allInnerTexts()).join("")).toBe(node000.source.text.slice(b.span.start.offset, b.span.end.offset));
  });

  it("editing a date in the source makes its finding disappear", async () => {
    await openSample("000");
    const page = session.page;
    const finding = node000.findings.find((f) => f.code === "citation-date-conflict")!;
    const text = node000.source.text;
    const wrong = text.slice(finding.span!.start.offset, finding.span!.end.offset);
    const right = text.slice(finding.related![0]!.start.offset, finding.related![0]!.end.offset);
    const edited = text.slice(0, finding.span!.start.offset) + right + text.slice(finding.span!.end.offset);
    expect(wrong).not.toBe(right);
    expect(parseText(edited).findings.some((f) => f.code === "citation-date-conflict")).toBe(false);
    await page.click("[data-testid=edit-toggle]");
    timings["edit → findings (000.txt)"] = Math.round(await editAndTime(page, edited, "citation-date-conflict"));
    expect(await page.locator("[data-testid=findings-count]").innerText()).toBe(String(node000.findings.length - 1));
  });

  it("compares a plan with a copy whose amount and one section number changed: both are listed", async () => {
    const page = session.page;
    const text = parseText(readFileSync(fixture("seeds/002.txt"), "utf8")).source.text;
    const plan = parseText(text);
    const amount = plan.budget.total!;
    const section = plan.sections[1]!;
    const line = text.slice(section.labelSpan.start.offset, section.headingSpan.end.offset);
    const dir = mkdtempSync(join(tmpdir(), "kehoach-compare-"));
    writeFileSync(join(dir, "002.txt"), text);
    writeFileSync(join(dir, "002-v2.txt"), text.replace(amount.raw, "3.053.000.000 đồng").replace(line, line.replace(/^II\./, "V.")));
    await upload(join(dir, "002.txt"));
    await page.setInputFiles("[data-testid=compare-input]", join(dir, "002-v2.txt"));
    await page.waitForSelector("[data-testid=changes]");
    const amountChange = page.locator("[data-change=amount-changed]");
    await expect.poll(async () => amountChange.count(), { timeout: 30_000 }).toBe(1);
    expect(await amountChange.innerText()).toContain("3.053.000.000");
    const renumbered = await page.locator("[data-change=section-renumbered]").allInnerTexts();
    expect(renumbered.some((t) => /trước: II\b[\s\S]*sau: V\b/.test(t)), renumbered.join(" | ")).toBe(true);
    await page.keyboard.press("Escape");
  });

  it("reads pasted text and a dropped file; exports the findings as CSV", async () => {
    const page = session.page;
    await page.goto("about:blank");
    await page.goto(site.url);
    const seed004 = readFileSync(fixture("seeds/004.txt"), "utf8");
    const node004 = parseText(seed004);
    await page.getByRole("button", { name: "Dán văn bản" }).click();
    await page.fill("[data-testid=paste-text] textarea, textarea[data-testid=paste-text]", seed004);
    await page.click("[data-testid=paste-read]");
    await expect.poll(async () => page.locator("[data-testid=findings-count]").innerText(), { timeout: 30_000 }).toBe(String(node004.findings.length));
    expect(await page.locator("[data-testid=doc-title]").innerText()).toBe(node004.title);

    // A file dropped anywhere on the page.
    const bytes = [...readFileSync(fixture("seeds/000.txt"))];
    const drop = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "dropped-000.txt", { type: "text/plain" }));
      return transfer;
    }, bytes);
    await page.dispatchEvent(".app", "drop", { dataTransfer: drop });
    await expect.poll(async () => page.locator("[data-testid=docbar] .doc-name").innerText(), { timeout: 30_000 }).toBe("dropped-000.txt");
    expect(await page.locator("[data-testid=findings-count]").innerText()).toBe(String(node000.findings.length));

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải phát hiện (CSV)" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(download.suggestedFilename()).toBe("dropped-000.findings.csv");
    expect(csv.split("\r\n").filter(Boolean).length).toBe(node000.findings.length + 1);
    expect(csv).toContain("citation-date-conflict");
  });

  /** Tone marks aside: OCR misreads some (`Tiếu` for `Tiểu`), which the parser's own scan tests measure. */
  const letters = (s: string | null) => (s ?? "").normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  const golden = (id: string) => JSON.parse(readFileSync(fixture(`golden/${id}.json`), "utf8")) as { title: string; signature: { signer: string | null } | null };

  for (const { name, file, seed, ocr, signed } of [
    { name: "a DOCX", file: "samples/001.docx", seed: "001", ocr: false, signed: true },
    { name: "a text PDF", file: "samples/002.pdf", seed: "002", ocr: false, signed: true },
    { name: "a scanned PDF", file: "samples/001.scan.pdf", seed: "001", ocr: true, signed: true },
    // Page 1 only: the title, not yet the signature.
    { name: "a one-page scan", file: "pdf/001.scan.p1.pdf", seed: "001", ocr: true, signed: false },
  ]) {
    it(`uploading ${name} shows its title${signed ? " and signer" : ""}, as the golden has them`, async () => {
      const expected = golden(seed);
      await upload(fixture(file));
      const page = session.page;
      await expect.poll(async () => page.locator("[data-testid=docbar] .doc-name").innerText(), { timeout: 30_000 }).toBe(file.split("/").at(-1));
      const title = await page.locator("[data-testid=doc-title]").innerText();
      const signer = await page.locator("[data-testid=doc-signer]").innerText();
      if (ocr) expect(letters(title)).toBe(letters(expected.title));
      else expect(title).toBe(expected.title);
      expect(signer).toBe(signed ? expected.signature!.signer : "—");
      if (!ocr) {
        // The same bytes in Node: the same findings.
        const node = await parse(new Uint8Array(readFileSync(fixture(file))));
        expect(await page.locator("[data-testid=findings-count]").innerText()).toBe(String(node.findings.length));
      }
      timings[file.split("/").at(-1)!] = Number(await page.locator("[data-testid=parse-ms]").innerText());
      if (file.endsWith(".pdf")) {
        // The page as printed, a box over each field read from it; the open finding's or node's box marked.
        await page.getByText("Trang PDF", { exact: true }).click();
        await page.waitForSelector(".page-box");
        await page.click(`.tree-node[data-kind=title]`);
        await page.waitForSelector(".page-box.active");
        await page.getByText("Văn bản chuẩn hoá", { exact: true }).click();
      }
    });
  }

  it("made no request outside its origin and raised no uncaught error", () => {
    expect(session.foreign).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
