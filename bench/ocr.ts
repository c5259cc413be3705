/**
 * OCR rows of `pnpm bench` (section "ocr", skipped with --no-ocr and in --quick unless --ocr):
 * - the dev set (fixtures/ocr-dev, README there): CER and seconds per page of kehoach beside the
 *   tesseract CLI (`-l vie`, one thread, the same page image) in the same run;
 * - the sample scans (fixtures/samples/*.scan.pdf against their clean text): CER per document;
 * - speed: a 10-page scan on 1 and 2 engines, and a document on a cold and a warm engine pool.
 * CER as nom-vn computes it (fixtures/ocr-dev/README.md): NFC, whitespace runs to one space,
 * Levenshtein distance ÷ the longer text's length.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeOcrEngines, ocrPdf, type OcrOptions } from "../packages/parser/src/input/ocr/index.ts";
import { encodePdfImage } from "../packages/parser/src/input/ocr/image-encode.ts";
import { PdfDocument } from "../packages/parser/src/input/ocr/pdf-document.ts";
import { findPageImages } from "../packages/parser/src/input/ocr/pdf-images.ts";
import { chooseEngine } from "../packages/parser/src/input/ocr/engines.ts";
import { cerNomVn, cleanDocumentCer } from "../packages/parser/test/helpers/cer.ts";
import { median, round, timeAsync, timeSync, type Row, type Section } from "./lib.ts";

export interface OcrBenchContext {
  readonly fixture: (path: string) => string;
  readonly runs: number;
  readonly warmups: number;
  readonly log: (message: string) => void;
  /** Path of a command on the PATH, or null. */
  readonly tool: (name: string) => string | null;
}

interface DevPage {
  readonly key: string;
  readonly pdf: Uint8Array;
  readonly page: number;
  readonly truth: string;
}

/** One page image as stored in its PDF, written out for the CLI. */
async function pageImageFile(pdf: Uint8Array, page: number, dir: string, name: string): Promise<string> {
  const doc = PdfDocument.open(pdf);
  if (doc === null) throw new Error(`${name}: not a PDF`);
  const p = doc.pages()[page - 1];
  const placed = p === undefined ? undefined : findPageImages(doc, p).images[0];
  if (p === undefined || placed === undefined) throw new Error(`${name}: no page image on page ${page}`);
  const dpi = (placed.width * 72) / Math.max(1, Math.hypot(placed.ctm[0], placed.ctm[1]));
  const image = await encodePdfImage(doc, placed.stream, dpi);
  const path = join(dir, `${name}.${image.format === "jpeg" ? "jpg" : image.format === "tiff" ? "tif" : "pnm"}`);
  writeFileSync(path, image.bytes);
  return path;
}

function devPages(fixture: (path: string) => string): DevPage[] {
  const truth = JSON.parse(readFileSync(fixture("ocr-dev/truth.json"), "utf8")) as Record<string, string>;
  return Object.entries(truth).map(([key, text]) => {
    // The one real page is page 1 of the corpus scan (fixtures/ocr-dev/README.md).
    const file = key === "qd_ttg_707_p1" ? "corpus/qd_ttg_707_kehoach_ptrt_2026_scan.pdf" : `ocr-dev/${key}.pdf`;
    return { key, pdf: new Uint8Array(readFileSync(fixture(file))), page: 1, truth: text };
  });
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const pct = (x: number): number => round(x * 100, 2);

export async function ocrSections(ctx: OcrBenchContext): Promise<Section[]> {
  const cli = ctx.tool("tesseract");
  const dir = mkdtempSync(join(tmpdir(), "kehoach-bench-ocr-"));
  const cliRead = (image: string): string =>
    execFileSync("tesseract", [image, "-", "-l", "vie"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, OMP_THREAD_LIMIT: "1" } });
  const engines = [(await chooseEngine("auto", "vie")).kind, "tesseract.js"].filter((k, i, all) => all.indexOf(k) === i) as OcrOptions["engine"][];
  const one = async (pdf: Uint8Array, page: number, engine: OcrOptions["engine"]) => (await ocrPdf(pdf, { pages: [page], workers: 1, engine })).text;
  try {
    // --- dev set -------------------------------------------------------------------------------
    ctx.log("ocr: dev set");
    const pages = devPages(ctx.fixture);
    const rows: Row[] = [];
    const perEngine = new Map<string, { cer: number[]; s: number[] }>(engines.map((e) => [String(e), { cer: [], s: [] }]));
    const cliAll = { cer: [] as number[], s: [] as number[] };
    for (const p of pages) {
      const row: Row = { name: p.key };
      for (const engine of engines) {
        const text = await one(p.pdf, p.page, engine);
        const t = await timeAsync(() => one(p.pdf, p.page, engine), ctx.runs, ctx.warmups);
        const cer = cerNomVn(p.truth, text);
        const acc = perEngine.get(String(engine));
        acc?.cer.push(cer);
        acc?.s.push(t.ms / 1000);
        row[engine === "native" ? "cerNative" : "cerJs"] = pct(cer);
        row[engine === "native" ? "sNative" : "sJs"] = round(t.ms / 1000, 2);
        if (row.ms === undefined) row.ms = round(t.ms, 1);
      }
      if (cli !== null) {
        const image = await pageImageFile(p.pdf, p.page, dir, p.key);
        const cer = cerNomVn(p.truth, cliRead(image));
        const t = timeSync(() => cliRead(image), ctx.runs, ctx.warmups);
        cliAll.cer.push(cer);
        cliAll.s.push(t.ms / 1000);
        row["cerCli"] = pct(cer);
        row["sCli"] = round(t.ms / 1000, 2);
      }
      rows.push(row);
    }
    const summary = (name: string, pick: (xs: readonly number[]) => number): Row => {
      const row: Row = { name, ms: 0 };
      for (const [engine, acc] of perEngine) {
        row[engine === "native" ? "cerNative" : "cerJs"] = pct(pick(acc.cer));
        row[engine === "native" ? "sNative" : "sJs"] = round(pick(acc.s), 2);
      }
      if (cliAll.cer.length > 0) {
        row["cerCli"] = pct(pick(cliAll.cer));
        row["sCli"] = round(pick(cliAll.s), 2);
      }
      return row;
    };
    const meanRow = summary("mean", mean);
    const ratios: string[] = [];
    for (const [engine, acc] of perEngine) {
      if (cliAll.s.length > 0) ratios.push(`${engine} ${round(mean(acc.s) / mean(cliAll.s), 2)}×`);
    }
    meanRow["ratio"] = ratios.join(", ");
    rows.push(meanRow, summary("median", median));
    const devSection: Section = {
      title: "OCR dev set: character error rate (%) and seconds per page, kehoach beside the tesseract CLI, one thread each",
      columns: [
        ["cerNative", "CER native"],
        ["cerJs", "CER tesseract.js"],
        ["cerCli", "CER CLI"],
        ["sNative", "s native"],
        ["sJs", "s tesseract.js"],
        ["sCli", "s CLI"],
        ["ratio", "s ÷ CLI s"],
      ],
      rows: cli === null ? [...rows, { name: "tesseract CLI", skipped: "tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-vie)" }] : rows,
      notes: [
        "CER as nom-vn computes it (fixtures/ocr-dev/README.md): NFC, whitespace collapsed, Levenshtein ÷ the longer text.",
        "kehoach: ocrPdf(page, { workers: 1 }) on a warm engine pool; native = the installed tesseract program (one process per page, as the CLI), tesseract.js = the WebAssembly build (the browser's engine).",
        "CLI: `tesseract page.jpg - -l vie` with OMP_THREAD_LIMIT=1 on the image as stored in the PDF; both are timed with process start and model load.",
      ],
    };

    // --- sample scans ---------------------------------------------------------------------------
    ctx.log("ocr: sample scans");
    const sampleRows: Row[] = [];
    for (const seed of ["001", "002", "003"]) {
      const pdf = new Uint8Array(readFileSync(ctx.fixture(`samples/${seed}.scan.pdf`)));
      const markdown = readFileSync(ctx.fixture(`samples/${seed}.clean.md`), "utf8");
      const row: Row = { name: `${seed}.scan.pdf` };
      for (const engine of engines) {
        const t0 = performance.now();
        const r = await ocrPdf(pdf, { engine });
        const ms = performance.now() - t0;
        row.ms ??= round(ms, 1);
        row["pages"] = r.pages;
        row[engine === "native" ? "cerNative" : "cerJs"] = pct(cleanDocumentCer(markdown, r.text).cer);
      }
      if (cli !== null) {
        const count = PdfDocument.open(pdf)?.pages().length ?? 0;
        const texts: string[] = [];
        for (let n = 1; n <= count; n++) texts.push(cliRead(await pageImageFile(pdf, n, dir, `${seed}-${n}`)));
        row["cerCli"] = pct(cleanDocumentCer(markdown, texts.join("\n")).cer);
      }
      sampleRows.push(row);
    }
    const samplesSection: Section = {
      title: "OCR sample scans: character error rate (%) of whole documents against their clean text",
      columns: [["pages", "pages"], ["cerNative", "CER native"], ["cerJs", "CER tesseract.js"], ["cerCli", "CER CLI"]],
      rows: sampleRows,
      notes: ["whole document against samples/NNN.clean.md (Levenshtein ÷ reference length, as test/input/ocr.test.ts measures it); a footnote printed at the foot of its page is compared on its own with the clean text's footnote."],
    };

    // --- speed ----------------------------------------------------------------------------------
    ctx.log("ocr: speed");
    const speedRows: Row[] = [];
    const scan = new Uint8Array(readFileSync(ctx.fixture("corpus/qd_ttg_707_kehoach_ptrt_2026_scan.pdf")));
    const ten = Array.from({ length: 10 }, (_, i) => i + 1);
    for (const engine of engines) {
      const t1 = await timeAsync(() => ocrPdf(scan, { pages: ten, workers: 1, engine }), ctx.runs, ctx.warmups);
      const t2 = await timeAsync(() => ocrPdf(scan, { pages: ten, workers: 2, engine }), ctx.runs, ctx.warmups);
      speedRows.push({ name: `${engine}: 10-page scan, 1 engine`, ms: round(t1.ms, 1), sPerPage: round(t1.ms / 10000, 2), runs: t1.runs });
      speedRows.push({ name: `${engine}: 10-page scan, 2 engines`, ms: round(t2.ms, 1), sPerPage: round(t2.ms / 10000, 2), runs: t2.runs, speedUp: `${round(t1.ms / t2.ms, 2)}×` });
    }
    // tesseract.js: the first document starts a worker and loads the model; the next reuse them.
    const sample1 = new Uint8Array(readFileSync(ctx.fixture("samples/001.scan.pdf")));
    const cold = await timeAsync(async () => {
      await closeOcrEngines();
      await ocrPdf(sample1, { pages: [1], workers: 1, engine: "tesseract.js" });
    }, ctx.runs, 0);
    const warm = await timeAsync(() => ocrPdf(sample1, { pages: [1], workers: 1, engine: "tesseract.js" }), ctx.runs, ctx.warmups);
    speedRows.push({ name: "tesseract.js: a 1-page document, engine pool cold (worker start + model load)", ms: round(cold.ms, 1), runs: cold.runs });
    speedRows.push({ name: "tesseract.js: the same, pool warm (worker reused)", ms: round(warm.ms, 1), runs: warm.runs, speedUp: `${round(cold.ms / warm.ms, 2)}×` });
    const speedSection: Section = {
      title: "OCR speed: pages of one document across engines, and engine reuse between documents",
      columns: [["ms", "ms"], ["sPerPage", "s/page"], ["speedUp", "speed-up"], ["runs", "runs"]],
      rows: speedRows,
      notes: ["10-page scan: pages 1–10 of fixtures/corpus/qd_ttg_707_kehoach_ptrt_2026_scan.pdf (Group 4 fax images); speed-up is against 1 engine."],
    };
    return [devSection, samplesSection, speedSection];
  } finally {
    await closeOcrEngines();
    rmSync(dir, { recursive: true, force: true });
  }
}
