/**
 * `pnpm bench` — how fast kehoach is, where the time goes, and how it scales. See bench/README.md.
 *
 *   node --conditions=@kehoach/source --no-warnings=ExperimentalWarning bench/run.ts [options]
 *     --quick        a smoke run in seconds (few runs, small sizes, no OCR); figures are rough
 *     --no-ocr       skip the OCR rows (each OCR run takes seconds)
 *     --only LIST    comma-separated sections: text,formats,scaling,folder,ocr,queue,browser
 *     --out FILE     where to write the JSON (default bench/results.json)
 *
 * Every figure is the median of repeated runs after warm-up runs; the machine (cores, CPU, Node,
 * load average at start and end) is recorded with the results, since other work on the machine
 * moves the figures.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { PerformanceObserver } from "node:perf_hooks";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { check, parse, parseText, normalizeExtracted } from "../packages/parser/src/index.ts";
import type { ExtractedText } from "../packages/parser/src/input/extracted.ts";
import { analyse, lex, mapToPlan, runGrammar, type Lexed, type Mapped, type Parsed } from "../packages/parser/src/pipeline.ts";
import type { Analysis } from "../packages/parser/src/analysis/index.ts";
import { parseMany } from "../packages/parser/src/batch/index.ts";
import { readMarkdown, looksLikeMarkdown } from "../packages/parser/src/input/markdown.ts";
import { readPdf } from "../packages/parser/src/input/pdf/index.ts";
import { PlanSchema, type Plan } from "../packages/model/src/index.ts";
import { machine, median, printSection, round, timeAsync, timeInTurns, timeSync, MB, type Row, type Section, type Timing } from "./lib.ts";
import { ROOT, SEED_IDS, seedText, variedPlans } from "./plans.ts";
import { ocrSections } from "./ocr.ts";
import { chooseEngine } from "../packages/parser/src/input/ocr/engines.ts";
import { browserSection } from "./browser.ts";

// --- options ------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const value = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const QUICK = flag("--quick");
const OCR = !flag("--no-ocr") && (!QUICK || flag("--ocr"));
// The queue section is all OCR: in the default list only when OCR rows are (not under --quick without --ocr).
const ONLY = new Set((value("--only") ?? (OCR ? "text,formats,scaling,folder,ocr,queue,browser" : "text,formats,scaling,folder,ocr,browser")).split(","));
const OUT = value("--out") ?? fileURLToPath(new URL("results.json", import.meta.url));
const ROOT_DIR = fileURLToPath(ROOT);
const fixture = (path: string) => join(ROOT_DIR, "fixtures", path);
const parserRequire = createRequire(join(ROOT_DIR, "packages/parser/package.json"));

/** Runs and warm-ups per kind of measurement. */
const N = QUICK
  ? { fast: 3, fastWarm: 1, fastWarmMs: 0, slow: 1, slowWarm: 1, ocr: 1, ocrWarm: 0, folder: 1 }
  : { fast: 30, fastWarm: 10, fastWarmMs: 1500, slow: 10, slowWarm: 3, ocr: 3, ocrWarm: 1, folder: 3 };

const startedAt = new Date();
const info = machine();
const sections: Section[] = [];
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

// --- 1. text → Plan, and each stage alone ------------------------------------------------------

/** What `bench/scale-child.ts` prints. */
interface ScaleChild {
  bytes: number;
  repeats: number;
  ms: number;
  samples: number[];
  runs: number;
  peakRssMb: number;
  baseRssMb: number;
  rssGrowthMb: number;
  rssGrowthsMb: number[];
  rssGrowthAcrossRunsMb: number;
  peakPerRun: boolean;
  heapWithPlanMb: number;
  valid: { sections: number; expectedSections: number; title: boolean; signature: boolean; internalErrors: number };
}

interface Prepared {
  text: string;
  bytes: number;
  markdown: boolean;
  extracted: ExtractedText;
  normalized: ReturnType<typeof normalizeExtracted>;
  lexed: Lexed;
  parsed: Parsed;
  mapped: Mapped;
  analysis: Analysis;
}

/**
 * The bare baseline of the text path: one sticky regex splitting the text into words, numbers, marks and
 * spaces, keeping only each token's offset. What kehoach adds on top of reading every character once.
 */
const BARE_TOKEN = /\s+|[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+|\d+|[^\sA-Za-z\u00c0-\u024f\u1e00-\u1eff\d]/y;
function bareTokenize(text: string): number[] {
  const starts: number[] = [];
  BARE_TOKEN.lastIndex = 0;
  while (BARE_TOKEN.lastIndex < text.length) {
    const at = BARE_TOKEN.lastIndex;
    if (BARE_TOKEN.exec(text) === null) BARE_TOKEN.lastIndex = at + 1;
    starts.push(at);
  }
  return starts;
}

async function textSection(): Promise<void> {
  // The chain of parse.ts (parseText → parseExtracted → pipeline.ts), stage by stage.
  const extract = (text: string): [boolean, ExtractedText] => {
    const markdown = looksLikeMarkdown(text);
    return [markdown, markdown ? readMarkdown(text) : { format: "text", text, layout: "auto", regions: [], notes: [] }];
  };
  const prepared: Prepared[] = SEED_IDS.map((id) => {
    const text = seedText(id);
    const [markdown, extracted] = extract(text);
    const normalized = normalizeExtracted(extracted);
    const lexed = lex(normalized);
    const parsed = runGrammar(lexed);
    const mapped = mapToPlan(normalized, extracted, lexed, parsed);
    const analysis = analyse(mapped, lexed);
    return { text, bytes: Buffer.byteLength(text), markdown, extracted, normalized, lexed, parsed, mapped, analysis };
  });
  const bytes = prepared.reduce((sum, p) => sum + p.bytes, 0);
  const count = prepared.length;

  const rows: Row[] = [];
  // The whole pipeline, with the garbage collector's time during the timed runs recorded beside it.
  const wholeRun = () => prepared.forEach((p) => parseText(p.text));
  // The baseline, and what the target is a ratio to (kehoach's speed ÷ the bare tokenizer's): timed in
  // turns with the whole pipeline, a run of each in turn, so that both see the machine at the same speed.
  const bareRun = () => prepared.forEach((p) => bareTokenize(p.text));
  timeSync(wholeRun, 0, N.fastWarm, 2 * N.fastWarmMs);
  timeSync(bareRun, 0, N.fastWarm, N.fastWarmMs);
  const gcEntries: { startTime: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => gcEntries.push(...list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  const window = performance.now();
  const [wholeTimed, bareTimed] = timeInTurns([wholeRun, bareRun], N.fast, 0) as [{ timing: Timing; samples: number[] }, { timing: Timing; samples: number[] }];
  const full = wholeTimed.timing;
  // Each pair's ratio, then their median: the machine's drift between pairs cancels out.
  const share = median(wholeTimed.samples.map((ms, i) => (bareTimed.samples[i] as number) / ms));
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const gcMs = gcEntries.filter((e) => e.startTime >= window).reduce((sum, e) => sum + e.duration, 0) / full.runs;
  const row = (name: string, t: Timing, note?: string): Row => ({
    name,
    ms: round(t.ms, 3),
    runs: t.runs,
    min: round(t.min, 3),
    max: round(t.max, 3),
    mbPerS: round(bytes / MB / (t.ms / 1000)),
    plansPerS: round(count / (t.ms / 1000), 1),
    share: `${Math.round((t.ms / full.ms) * 100)} %`,
    ...(note !== undefined ? { note } : {}),
  });
  rows.push(row("parseText (whole pipeline)", full));
  rows.push(row("parseText, validate: false", timeSync(() => prepared.forEach((p) => parseText(p.text, { validate: false })), N.fast, N.fastWarm, N.fastWarmMs)));
  const markdownSeeds = prepared.filter((p) => p.markdown);
  rows.push(row(`markdown → text (readMarkdown; ${markdownSeeds.length} of ${count} seeds)`, timeSync(() => prepared.forEach((p) => extract(p.text)), N.fast, N.fastWarm, N.fastWarmMs)));
  rows.push(row("normalise (normalizeExtracted)", timeSync(() => prepared.forEach((p) => normalizeExtracted(p.extracted)), N.fast, N.fastWarm, N.fastWarmMs)));
  rows.push(row("lex (tokenize)", timeSync(() => prepared.forEach((p) => lex(p.normalized)), N.fast, N.fastWarm, N.fastWarmMs)));
  rows.push(row("grammar (planParser.plan)", timeSync(() => prepared.forEach((p) => runGrammar(p.lexed)), N.fast, N.fastWarm, N.fastWarmMs)));
  rows.push(row("mapping (buildPlan)", timeSync(() => prepared.forEach((p) => mapToPlan(p.normalized, p.extracted, p.lexed, p.parsed)), N.fast, N.fastWarm, N.fastWarmMs)));
  rows.push(row("analysis (sections, assignments)", timeSync(() => prepared.forEach((p) => analyse(p.mapped, p.lexed)), N.fast, N.fastWarm, N.fastWarmMs)));
  rows.push(row("checks (check)", timeSync(() => prepared.forEach((p) => check(p.mapped.plan, { analysis: p.analysis })), N.fast, N.fastWarm, N.fastWarmMs)));
  rows.push(row("validate (PlanSchema.safeParse)", timeSync(() => prepared.forEach((p) => PlanSchema.safeParse(p.mapped.plan)), N.fast, N.fastWarm, N.fastWarmMs)));
  rows.push({ ...row("bare sticky-regex tokenizer (baseline, timed in turns with the whole pipeline)", bareTimed.timing), kehoachShare: round(share, 3) });
  const stages = rows.slice(2).filter((r) => typeof r.ms === "number" && !r.name.startsWith("bare"));
  rows.push({ name: "  garbage collection during the whole-pipeline runs", ms: round(gcMs, 3), share: `${Math.round((gcMs / full.ms) * 100)} %`, note: "mean per run (perf_hooks gc entries)" });
  const sum = stages.reduce((s, r) => s + (r.ms as number), 0);
  const dominant = stages.reduce((a, b) => ((a.ms as number) >= (b.ms as number) ? a : b));
  const perSeed: Row[] = prepared.map((p, k) => {
    const t = timeSync(() => parseText(p.text), N.fast, N.fastWarm, N.fastWarmMs);
    return { name: `seed ${SEED_IDS[k]}${p.markdown ? " (Markdown)" : ""}`, kb: round(p.bytes / 1024, 1), ms: round(t.ms, 3), mbPerS: round(p.bytes / MB / (t.ms / 1000), 2), runs: t.runs };
  });
  sections.push({
    title: `Text → Plan, one thread: the five seeds (${count} plans, ${round(bytes / 1024, 1)} KB) per run`,
    columns: [["ms", "ms/run"], ["mbPerS", "MB/s"], ["plansPerS", "plans/s"], ["share", "of whole"], ["min", "min"], ["max", "max"], ["runs", "runs"]],
    rows,
    notes: [
      `stages alone add up to ${round(sum, 2)} ms against ${round(full.ms, 2)} ms for the whole; the dominant stage is ${dominant.name} (${dominant.share}).`,
      "each stage is timed on the previous stage's output for the same seeds, as parse.ts chains them (the grammar run includes the synthetic end-of-input newline).",
      "the stages alone run on inputs made beforehand and allocate less in one go: the whole pipeline also pays for the garbage its stages leave (see the garbage collection row).",
    ],
  });
  sections.push({ title: "Text → Plan per seed (parseText, one thread)", columns: [["kb", "KB"], ["ms", "ms"], ["mbPerS", "MB/s"], ["runs", "runs"]], rows: perSeed, notes: [] });
}

// --- 2. formats, beside the bare extraction they wrap ------------------------------------------

function tool(name: string): string | null {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

async function formatsSection(): Promise<void> {
  const rows: Row[] = [];
  const notes: string[] = [];
  /** Pages of each plan, from its PDF rendition (DOCX files do not record theirs). */
  const pdfPages = new Map<string, number>();

  // pdf.js alone: getTextContent over every page, nothing else.
  const pdfjsMain = parserRequire.resolve("pdfjs-dist/legacy/build/pdf.mjs");
  const pdfjs = (await import(pathToFileURL(pdfjsMain).href)) as {
    getDocument: (params: Record<string, unknown>) => { promise: Promise<PdfDoc>; destroy: () => Promise<void> };
    GlobalWorkerOptions: { workerSrc: string };
  };
  interface PdfDoc {
    numPages: number;
    getPage: (n: number) => Promise<{ getTextContent: () => Promise<{ items: unknown[] }> }>;
    destroy: () => Promise<void>;
  }
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(join(pdfjsMain, "..", "pdf.worker.mjs")).href;
  const assets = join(pdfjsMain, "..", "..", "..");
  const pdfjsText = async (bytes: Uint8Array) => {
    const task = pdfjs.getDocument({ data: bytes.slice(), standardFontDataUrl: join(assets, "standard_fonts/"), cMapUrl: join(assets, "cmaps/"), cMapPacked: true, wasmUrl: join(assets, "wasm/"), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
    const doc = await task.promise;
    let items = 0;
    for (let n = 1; n <= doc.numPages; n++) items += (await (await doc.getPage(n)).getTextContent()).items.length;
    await task.destroy();
    return { pages: doc.numPages, items };
  };

  const pdfFiles = readdirSync(fixture("samples")).filter((f) => /^\d{3}\.pdf$/.test(f)).slice(0, QUICK ? 1 : undefined);
  for (const f of readdirSync(fixture("samples")).filter((f) => /^\d{3}\.pdf$/.test(f))) {
    pdfPages.set(f.slice(0, 3), (await pdfjsText(new Uint8Array(readFileSync(fixture(`samples/${f}`))))).pages);
  }

  // DOCX
  const docxFiles = readdirSync(fixture("samples")).filter((f) => f.endsWith(".docx")).slice(0, QUICK ? 1 : undefined);
  const docx = docxFiles.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(fixture(`samples/${f}`))), pages: pdfPages.get(f.slice(0, 3)) ?? NaN }));
  const docxPages = docx.reduce((s, d) => s + d.pages, 0);
  const mammoth = parserRequire("mammoth") as { extractRawText: (input: { buffer: Buffer }) => Promise<{ value: string }> };
  const kDocx = await timeAsync(async () => {
    for (const d of docx) await parse(d.bytes);
  }, N.slow, N.slowWarm);
  const bDocx = await timeAsync(async () => {
    for (const d of docx) await mammoth.extractRawText({ buffer: Buffer.from(d.bytes) });
  }, N.slow, N.slowWarm);
  const formatRow = (name: string, t: Timing, docs: number, pages: number, against?: Timing): Row => ({
    name,
    docs,
    pages,
    ms: round(t.ms, 2),
    msPerDoc: round(t.ms / docs, 2),
    msPerPage: round(t.ms / pages, 2),
    runs: t.runs,
    ...(against ? { ratio: `${round(against.ms / t.ms, 2)}×` } : {}),
  });
  rows.push(formatRow(`DOCX kehoach parse() (${docx.length} files)`, kDocx, docx.length, docxPages));
  rows.push(formatRow("DOCX mammoth extractRawText (same files)", bDocx, docx.length, docxPages, kDocx));
  notes.push("DOCX files do not record their page count: pages are those of the same plan's PDF rendition (fixtures/samples/NNN.pdf).");

  // PDF (text layer)
  const pdfs = pdfFiles.map((f) => ({ name: f, path: fixture(`samples/${f}`), bytes: new Uint8Array(readFileSync(fixture(`samples/${f}`))), pages: pdfPages.get(f.slice(0, 3)) ?? NaN }));
  const pdfPagesTotal = pdfs.reduce((s, d) => s + d.pages, 0);
  const bPdf = await timeAsync(async () => {
    for (const d of pdfs) await pdfjsText(d.bytes);
  }, N.slow, N.slowWarm);
  // The adapter alone (text layer → lines → columns → paragraphs), what pdf.js's bare text compares with.
  const kRead = await timeAsync(async () => {
    for (const d of pdfs) await readPdf(d.bytes);
  }, N.slow, N.slowWarm);
  const kPdf = await timeAsync(async () => {
    for (const d of pdfs) await parse(d.bytes);
  }, N.slow, N.slowWarm);
  rows.push(formatRow(`PDF kehoach parse() (${pdfs.length} files)`, kPdf, pdfs.length, pdfPagesTotal));
  rows.push({
    ...formatRow("PDF kehoach readPdf, the text-layer adapter alone (same files)", kRead, pdfs.length, pdfPagesTotal),
    ratio: `${round(kRead.ms / bPdf.ms, 2)}× pdf.js`,
  });
  rows.push(formatRow("PDF pdf.js getTextContent, all pages (same files)", bPdf, pdfs.length, pdfPagesTotal, kPdf));
  if (tool("pdftotext") !== null) {
    const bPoppler = timeSync(() => {
      for (const d of pdfs) execFileSync("pdftotext", ["-q", "-enc", "UTF-8", d.path, "-"], { stdio: ["ignore", "pipe", "ignore"] });
    }, N.slow, N.slowWarm);
    rows.push(formatRow("PDF pdftotext CLI (same files)", bPoppler, pdfs.length, pdfPagesTotal, kPdf));
    notes.push("pdftotext and tesseract are timed as processes: their figures include starting the process (~a few ms for pdftotext).");
  } else {
    rows.push({ name: "PDF pdftotext CLI", skipped: "pdftotext not installed (apt-get install poppler-utils)" });
  }

  // Scan: page 1 of 001.scan.pdf, the image exactly as stored in the PDF (what kehoach's OCR reads).
  if (!OCR) {
    rows.push({ name: "scan p.1 kehoach parse(image)", skipped: QUICK ? "--quick (add --ocr to include)" : "--no-ocr" });
  } else {
    const { PdfDocument } = await import("../packages/parser/src/input/ocr/pdf-document.ts");
    const { findPageImages } = await import("../packages/parser/src/input/ocr/pdf-images.ts");
    const { encodePdfImage } = await import("../packages/parser/src/input/ocr/image-encode.ts");
    const doc = PdfDocument.open(new Uint8Array(readFileSync(fixture("samples/001.scan.pdf"))));
    const page = doc?.pages()[0];
    const placed = doc && page ? findPageImages(doc, page).images[0] : undefined;
    if (!doc || !placed) throw new Error("001.scan.pdf: no page image");
    const image = await encodePdfImage(doc, placed.stream, 200);
    const dir = mkdtempSync(join(tmpdir(), "kehoach-bench-"));
    const imagePath = join(dir, `page1.${image.format === "jpeg" ? "jpg" : image.format}`);
    writeFileSync(imagePath, image.bytes);
    const kOcr = await timeAsync(() => parse(image.bytes.slice()), N.ocr, N.ocrWarm);
    const engine = (await chooseEngine("auto", "vie")).kind;
    rows.push(formatRow(`scan p.1 kehoach parse(image) (${image.width}×${image.height} ${image.format}, ${engine})`, kOcr, 1, 1));
    if (tool("tesseract") !== null) {
      const bOcr = timeSync(() => execFileSync("tesseract", [imagePath, "-", "-l", "vie"], { stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, OMP_THREAD_LIMIT: "1" } }), N.ocr, N.ocrWarm);
      rows.push(formatRow("scan p.1 tesseract CLI -l vie, 1 thread (same image)", bOcr, 1, 1, kOcr));
    } else {
      rows.push({ name: "scan p.1 tesseract CLI", skipped: "tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-vie)" });
    }
    rmSync(dir, { recursive: true, force: true });
    notes.push("OCR: kehoach uses the native tesseract where installed (one process per page, as the CLI), else tesseract.js (its worker kept between documents); the dev-set rows are in the OCR section. OMP_THREAD_LIMIT=1 keeps the CLI on one core.");
  }
  sections.push({
    title: "Formats: ms per document and per page, beside the bare extraction each wraps (× = kehoach time ÷ that row's)",
    columns: [["docs", "docs"], ["pages", "pages"], ["ms", "ms/run"], ["msPerDoc", "ms/doc"], ["msPerPage", "ms/page"], ["ratio", "kehoach ÷ bare"], ["runs", "runs"]],
    rows,
    notes,
  });
}

// --- 3. scaling: one plan grown, and a folder of plans over parseMany ---------------------------

async function scalingSection(): Promise<void> {
  const scales = QUICK ? [1, 10] : [1, 10, 100];
  const rows: Row[] = [];
  let previous: { bytes: number; ms: number } | null = null;
  for (const scale of scales) {
    const runs = QUICK ? 1 : scale >= 100 ? 3 : 5;
    // Several fresh processes: V8's choices (when it first collects the old space, which allocation sites
    // it tenures) differ from process to process, and move the 10 MB plan's peak by up to 80 MB.
    const processes = QUICK ? 1 : 3;
    log(`grown plan ${scale}× (${processes} processes × ${runs} runs)`);
    const children: ScaleChild[] = [];
    let failure = "";
    for (let p = 0; p < processes && failure === ""; p++) {
      const child = spawnSync(
        process.execPath,
        ["--expose-gc", "--conditions=@kehoach/source", "--no-warnings=ExperimentalWarning", fileURLToPath(new URL("scale-child.ts", import.meta.url)), String(scale * 100_000), String(runs)],
        { encoding: "utf8", maxBuffer: 1 << 20 },
      );
      if (child.status === 0) children.push(JSON.parse(child.stdout) as ScaleChild);
      else failure = `child failed (status ${child.status}, ${child.signal ?? ""}): ${child.stderr.slice(-300)}`;
    }
    const r = children[0];
    if (failure !== "" || r === undefined) {
      rows.push({ name: `${scale}×`, skipped: failure });
      continue;
    }
    const ms = median(children.flatMap((c) => c.samples));
    const growths = children.map((c) => c.rssGrowthMb);
    const laterRuns = children.flatMap((c) => c.rssGrowthsMb.slice(1));
    const exponent = previous ? Math.log(ms / previous.ms) / Math.log(r.bytes / previous.bytes) : null;
    const valid = children.every((c) => c.valid.title && c.valid.signature && c.valid.sections === c.valid.expectedSections && c.valid.internalErrors === 0);
    rows.push({
      name: `${scale}× (seed 000 body ×${r.repeats})`,
      mb: round(r.bytes / MB, 2),
      ms: round(ms, 1),
      runs: children.length * runs,
      mbPerS: round(r.bytes / MB / (ms / 1000), 2),
      peakRssMb: Math.max(...children.map((c) => c.peakRssMb)),
      rssGrowthMb: median(growths),
      rssGrowthRange: `${Math.min(...growths)}–${Math.max(...growths)}`,
      laterRunGrowthMb: laterRuns.length > 0 ? median(laterRuns) : "",
      acrossRunsGrowthMb: median(children.map((c) => c.rssGrowthAcrossRunsMb)),
      peakPerRun: children.every((c) => c.peakPerRun),
      heapWithPlanMb: median(children.map((c) => c.heapWithPlanMb)),
      exponent: exponent === null ? "" : round(exponent, 2),
      valid: valid ? `yes (${r.valid.sections} sections)` : `NO ${JSON.stringify(children.map((c) => c.valid))}`,
    });
    previous = { bytes: r.bytes, ms };
  }
  sections.push({
    title: "Scaling: one plan grown (seed 000's sections repeated), parseText in a fresh process per size",
    columns: [["mb", "MB"], ["ms", "ms"], ["mbPerS", "MB/s"], ["peakRssMb", "peak RSS MB"], ["rssGrowthMb", "RSS growth MB"], ["rssGrowthRange", "growth range"], ["laterRunGrowthMb", "later runs' growth MB"], ["acrossRunsGrowthMb", "across runs MB"], ["heapWithPlanMb", "heap w/ Plan MB"], ["exponent", "time exponent"], ["valid", "valid plan"], ["runs", "runs"]],
    rows,
    notes: [
      "time exponent: log(t₂/t₁) / log(size₂/size₁) against the row above — 1.0 is linear, 2.0 quadratic.",
      "Each size in fresh processes (bench/scale-child.ts), each parsing the text several times after warming up on seed 000.",
      "RSS growth: a run's peak resident set (getrusage, the high-water mark reset before each run through /proc/self/clear_refs) − the resident set just before that run; per process the largest of its runs (the first, which grows V8's young generation and old space), and the median of the processes; growth range: their least and largest.",
      "later runs' growth: the same for the runs after a process's first, which start from the young generation and pages V8 kept (the resident set a long-lived process holds between parses).",
      "across runs: the highest peak of a process's runs over the resident set before its first run (how this table measured growth before 2026-12-08), median of the processes.",
      "peak RSS: the largest resident set of any run; heap w/ Plan: heap in use after a process's last run with its Plan still referenced (median of the processes).",
    ],
  });
}

async function folderSection(): Promise<void> {
  const counts = QUICK ? [1, 10] : [1, 100, 1000];
  const cores = availableParallelism();
  const configs = [...new Set([1, cores])];
  const rows: Row[] = [];
  for (const count of counts) {
    const texts = variedPlans(count);
    const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
    let single = NaN;
    // In-process, one thread, no workers: the reference parseMany's overhead shows against.
    const inline = timeSync(() => texts.forEach((t) => parseText(t)), N.folder, count >= 1000 ? 0 : 1);
    rows.push({ name: `${count} plans, parseText in-process`, plans: count, mb: round(bytes / MB, 2), ms: round(inline.ms, 1), plansPerS: round(count / (inline.ms / 1000), 1), runs: inline.runs });
    for (const workers of configs) {
      log(`folder of ${count} plans, ${workers} worker(s)`);
      let failures = 0;
      const t = await timeAsync(async () => {
        const encoder = new TextEncoder();
        const inputs = texts.map((text, i) => ({ id: String(i), bytes: encoder.encode(text) }));
        for await (const r of parseMany(inputs, { workers, timeoutMs: 120_000 })) if ("error" in r) failures++;
      }, N.folder, 0);
      if (workers === 1) single = t.ms;
      rows.push({
        name: `${count} plans, parseMany ${workers} worker${workers > 1 ? "s" : ""}`,
        plans: count,
        workers,
        mb: round(bytes / MB, 2),
        ms: round(t.ms, 1),
        plansPerS: round(count / (t.ms / 1000), 1),
        speedUp: workers === 1 ? "1×" : `${round(single / t.ms, 2)}×`,
        runs: t.runs,
        ...(failures > 0 ? { note: `${failures} error results` } : {}),
      });
    }
  }
  sections.push({
    title: `Folder: varied seed plans through parseMany (wall time, pool start-up included), ${cores} cores`,
    columns: [["plans", "plans"], ["workers", "workers"], ["mb", "MB"], ["ms", "ms"], ["plansPerS", "plans/s"], ["speedUp", "speed-up"], ["runs", "runs"]],
    rows,
    notes: [
      "each parseMany run starts its workers afresh (each loads the parser: ~0.5–1 s of the small batches' time) and is timed to its last result.",
      `speed-up is against 1 worker; the ceiling is ${cores}× on ${cores} cores, less whatever else the machine is running (see load average).`,
    ],
  });
}

// --- run ------------------------------------------------------------------------------------------

const t0 = performance.now();
if (ONLY.has("text")) {
  log("text → Plan");
  await textSection();
}
if (ONLY.has("formats")) {
  log("formats");
  await formatsSection();
}
if (ONLY.has("scaling")) await scalingSection();
if (ONLY.has("folder")) await folderSection();
if (ONLY.has("ocr") && OCR) sections.push(...(await ocrSections({ fixture, runs: N.ocr, warmups: N.ocrWarm, log, tool })));
if (ONLY.has("queue")) sections.push(await (await import("./queue.ts")).queueSection({ quick: QUICK, log }));
if (ONLY.has("browser")) sections.push(await browserSection(N.slow, N.slowWarm, QUICK && value("--only") === undefined ? "--quick (name it: --only browser)" : null));
info.loadEnd = loadavg().map((l) => round(l));

const header = [
  `# kehoach bench${QUICK ? " (--quick: rough figures)" : ""} — ${startedAt.toISOString()}`,
  `${info.cores} cores, ${info.cpu}, Node ${info.node}, ${info.platform}, ${info.totalMemoryMb} MB; load average ${info.loadStart.join(" ")} at start, ${info.loadEnd.join(" ")} at end`,
];
process.stdout.write(`${header.join("\n")}\n${sections.map(printSection).join("\n")}\n`);
const results = { version: 1, startedAt: startedAt.toISOString(), seconds: round((performance.now() - t0) / 1000, 1), quick: QUICK, ocr: OCR, machine: info, sections };
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${OUT} in ${results.seconds} s`);
