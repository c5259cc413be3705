/**
 * `@kehoach/parser/pages`: a scan read page by page (pages in any order, as a queue's workers return
 * them) and assembled gives the very Plan `parse` gives for the whole file; documents `parse` would not
 * OCR are not split.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { closeOcrEngines, parse } from "@kehoach/parser";
import { assemblePages, readPage, splitPages, type PageResult } from "@kehoach/parser/pages";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const read = (path: string) => new Uint8Array(readFileSync(join(ROOT, "fixtures", path)));

afterAll(() => closeOcrEngines());

describe("@kehoach/parser/pages", () => {
  it(
    "a multi-page scan read page by page, through JSON and out of order, assembles into parse()'s Plan byte for byte",
    async () => {
      const bytes = read("samples/001.scan.pdf");
      const split = await splitPages(bytes);
      expect(split).toMatchObject({ kind: "pdf", render: "auto" });
      expect(split?.pages.length).toBeGreaterThan(1);
      if (split === null) return;
      const progress: number[] = [];
      const results: PageResult[] = [];
      for (const page of [...split.pages].reverse()) {
        const result = await readPage(bytes, split, page, { onProgress: (p) => progress.push(p.page) });
        results.push(JSON.parse(JSON.stringify(result)) as PageResult);
      }
      expect(new Set(progress)).toEqual(new Set(split.pages));
      const assembled = await assemblePages(bytes, JSON.parse(JSON.stringify(split)) as typeof split, results);
      expect(JSON.stringify(assembled)).toBe(JSON.stringify(await parse(bytes)));
      // A page missing is the caller's mistake, not a Plan with a hole.
      await expect(assemblePages(bytes, split, results.slice(1))).rejects.toThrow(/page \d has no result to assemble/);
    },
    240_000,
  );

  it("text, DOCX and text-layer PDFs are not split; an unreadable PDF is left to parse() to refuse", async () => {
    expect(await splitPages(read("seeds/000.txt"))).toBeNull();
    expect(await splitPages(read("samples/000.docx"))).toBeNull();
    expect(await splitPages(read("samples/000.pdf"))).toBeNull();
    expect(await splitPages(new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n"))).toBeNull();
  });

  it("a one-page scan is one page", async () => {
    expect(await splitPages(read("pdf/001.scan.p1.pdf"))).toEqual({ kind: "pdf", render: "auto", pages: [1] });
  });
});
