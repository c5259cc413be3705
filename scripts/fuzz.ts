/**
 * Long-run fuzzing of `parse()`: seeded mutations of the fixtures, each input parsed in a worker
 * through parseMany under a time bound, every outcome counted.
 *
 *   node --conditions=@kehoach/source --no-warnings=ExperimentalWarning scripts/fuzz.ts [options]
 *     --cases N          cases per format (default 10000)
 *     --format LIST      text,markdown,docx,doc,pdf,image (default all)
 *     --seed S           PRNG seed (default 1); case i of a format is reproducible from (seed, format, i)
 *     --image-cases N    cases for image (default: --cases; ~9 cases/s on 2 cores, most fail before OCR)
 *     --workers N        worker threads (default os.availableParallelism())
 *     --timeout-scale X  multiply the per-input time bounds (default 1; raise on a loaded machine)
 *     --save DIR         where crashing/hanging inputs are written (default: a new folder in the OS tmpdir)
 *     --pdf-ocr          PDFs that need OCR get it, as in parse() (default: counted as needs-ocr, not OCRed)
 *     --replay FORMAT:I  write case I of FORMAT to --save and parse it in this thread, printing the outcome
 *     --hostile          instead: big and deep inputs (1 MB lines, 10^6 `Căn cứ` lines, numbering 200 and
 *                        2 000 deep, and the known super-linear shapes at growing sizes), each parsed in a
 *                        process of its own, timed, peak RSS measured; exits 1 on a hang (--hostile-limit
 *                        seconds, default 300), a crash or out of memory (--hostile-heap MB, default 8192)
 *
 * Outcomes: plan (a Plan; "internal" counts Plans carrying an `internal-error` finding — an exception
 * the pipeline caught — and "span" those with a span outside source.text), typed error (a
 * KehoachInputError, by code), crash (the worker died: uncaught exception, unhandled rejection, out of
 * memory; or parse rejected with something that is not a KehoachInputError), hang (no answer within
 * the bound). Exits 1 on any crash or hang.
 *
 * The mutations are in packages/parser/test/support/mutate.ts (shared with hostile.test.ts). Images
 * are small (synthetic PNG/PGM/BMP/TIFF bars and, with poppler-utils, the header of a scanned page as
 * PNG and JPEG), so OCR stays around a second a case.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread } from "node:worker_threads";
import { parse as kehoachParse, parseExtracted, isKehoachInputError, type ParseOptions } from "../packages/parser/src/index.ts";
import { detectFormat } from "../packages/parser/src/input/detect.ts";
import { parseMany, type BatchResult } from "../packages/parser/src/batch/index.ts";
import { corpusFor, FORMATS, makeCase, type Format } from "../packages/parser/test/support/mutate.ts";

// --- the function the workers run (this file is loaded into them as parseMany's `module`) ---------

/** What a worker sends back per case: small, so no Plan is cloned across threads. */
export interface CaseSummary {
  ms: number;
  via: "parse" | "readPdf";
  /** readPdf said the text layer is unusable (OCR not run in the fallback path). */
  needsOcr?: string;
  findings: number;
  internal: string | null;
  badSpans: number;
  textLength: number;
}

/**
 * `parse`, timed and summarised. PDFs go through their text layer only (readPdf → parseExtracted) unless
 * `--pdf-ocr`: OCR of a damaged PDF's pages costs seconds per case, and the OCR adapter has the image
 * cases of its own. A PDF that would need OCR counts as "needs-ocr".
 */
export async function parse(input: Uint8Array | string, options: ParseOptions): Promise<CaseSummary> {
  const t0 = performance.now();
  let plan;
  let via: CaseSummary["via"] = "parse";
  if (process.env["KEHOACH_FUZZ_PDF_OCR"] !== "1" && typeof input !== "string" && detectFormat(input) === "pdf") {
    via = "readPdf";
    const { readPdf } = await import("../packages/parser/src/input/pdf/index.ts");
    const read = await readPdf(input, options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {});
    if (read.kind === "needs-ocr") return { ms: performance.now() - t0, via, needsOcr: read.reason, findings: 0, internal: null, badSpans: 0, textLength: 0 };
    plan = parseExtracted(read.extracted, options);
  } else {
    plan = await kehoachParse(input, options);
  }
  const internal = plan.findings.find((f) => f.code === "internal-error");
  return {
    ms: performance.now() - t0,
    via,
    findings: plan.findings.length,
    internal: internal ? internal.message.slice(0, 300) : null,
    badSpans: countBadSpans(plan, plan.source.text.length),
    textLength: plan.source.text.length,
  };
}

function countBadSpans(value: unknown, length: number): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + countBadSpans(item, length), 0);
  if (value === null || typeof value !== "object") return 0;
  let bad = 0;
  const record = value as Record<string, unknown>;
  const start = (record["start"] as { offset?: unknown } | undefined)?.offset;
  const end = (record["end"] as { offset?: unknown } | undefined)?.offset;
  if (typeof start === "number" && typeof end === "number" && !(start >= 0 && start <= end && end <= length)) bad++;
  for (const [key, item] of Object.entries(record)) if (key !== "source") bad += countBadSpans(item, length);
  return bad;
}

// --- running --------------------------------------------------------------------------------------

const BOUNDS: Record<Format, { parseMs: number; poolMs: number }> = {
  text: { parseMs: 10_000, poolMs: 15_000 },
  markdown: { parseMs: 10_000, poolMs: 15_000 },
  docx: { parseMs: 20_000, poolMs: 30_000 },
  doc: { parseMs: 20_000, poolMs: 30_000 },
  // A PDF whose text layer a mutation broke is read by OCR (10 s and more per document): parse's own
  // bound turns the slowest of those into a typed `timeout`; the worker's bound still catches a hang.
  pdf: { parseMs: 10_000, poolMs: 45_000 },
  image: { parseMs: 90_000, poolMs: 120_000 },
};

interface Tally {
  cases: number;
  plan: number;
  internal: number;
  badSpans: number;
  needsOcr: number;
  viaReadPdf: number;
  typed: Map<string, number>;
  crash: number;
  hang: number;
  times: number[];
  slowest: { id: string; ms: number } | null;
  examples: string[];
}

// --- big and deep inputs (`--hostile`), each in a process of its own ---------------------------------

/** Inputs built to be large or deep; hostile.test.ts runs the first ones at 1/10 of these sizes. */
const HOSTILE: Record<string, () => string> = {
  "1 MB line, Vietnamese letters": () => "ả".repeat(1_000_000),
  "1 MB line, digits": () => "1".repeat(1_000_000),
  "1 MB line, symbol soup": () => "Đ/-".repeat(333_334),
  "10^6 lines `Căn cứ Quyết định số 1/QĐ-UBND ngày 01/01/2020;`": () => "Căn cứ Quyết định số 1/QĐ-UBND ngày 01/01/2020;\n".repeat(1_000_000),
  "numbering nested 200 deep": () => nested(200),
  "numbering nested 2 000 deep": () => nested(2_000),
  // Once super-linear, now linear (see hostile.test.ts and regex-linear.test.ts): growing sizes show it.
  "header line of 20 000 spaces then `a`": () => `ỦY BAN NHÂN DÂN${" ".repeat(20_000)}a\nKẾ HOẠCH\n`,
  "header line of 40 000 spaces then `a`": () => `ỦY BAN NHÂN DÂN${" ".repeat(40_000)}a\nKẾ HOẠCH\n`,
  "header line of 80 000 spaces then `a`": () => `ỦY BAN NHÂN DÂN${" ".repeat(80_000)}a\nKẾ HOẠCH\n`,
  "dotted thousands, 40 000 chars, broken at the end": () => `1${".111".repeat(10_000)}.1`,
  "dotted thousands, 80 000 chars, broken at the end": () => `1${".111".repeat(20_000)}.1`,
  "dotted thousands, 160 000 chars, broken at the end": () => `1${".111".repeat(40_000)}.1`,
};

function nested(depth: number): string {
  const lines = ["KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2024"];
  for (let d = 1; d <= depth; d++) lines.push(`${"1.".repeat(d)} Mục cấp ${d}`);
  return lines.join("\n");
}

/** In the child: parse one hostile input, print time and peak memory as JSON. */
async function hostileChild(name: string): Promise<void> {
  const make = HOSTILE[name];
  if (!make) throw new Error(`no hostile input ${name}`);
  const text = make();
  const { parseText } = await import("../packages/parser/src/index.ts");
  parseText("Căn cứ Luật;"); // load and warm
  const before = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const plan = parseText(text);
  const ms = performance.now() - t0;
  const depth = (sections: { children: unknown[] }[]): number => (sections.length === 0 ? 0 : 1 + Math.max(...sections.map((s) => depth(s.children as { children: unknown[] }[]))));
  JSON.stringify(plan); // what a CLI does next: must not overflow the stack
  process.stdout.write(`${JSON.stringify({ chars: text.length, ms: Math.round(ms), baseRssMb: Math.round(before / 1024), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), findings: plan.findings.length, internal: plan.findings.filter((f) => f.code === "internal-error").length, legalBases: plan.legalBases.length, depth: depth(plan.sections) })}\n`);
}

async function hostile(limitMs: number, heapMb: number): Promise<number> {
  const { spawnSync } = await import("node:child_process");
  const { fileURLToPath } = await import("node:url");
  const rows: string[][] = [["input", "chars", "ms", "peak RSS MB", "outcome"]];
  let failures = 0;
  for (const name of Object.keys(HOSTILE)) {
    process.stderr.write(`[fuzz] hostile: ${name}\n`);
    const t0 = performance.now();
    const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, "--conditions=@kehoach/source", "--no-warnings=ExperimentalWarning", fileURLToPath(import.meta.url), "--hostile-child", name], { encoding: "utf8", timeout: limitMs, maxBuffer: 1 << 20 });
    const wall = Math.round(performance.now() - t0);
    if (child.error !== undefined || child.status !== 0) {
      failures++;
      const timedOut = (child.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
      const oom = /heap out of memory|Allocation failed/i.test(child.stderr ?? "");
      rows.push([name, "", `> ${wall}`, "", timedOut ? `HANG: killed after ${limitMs / 1000} s` : oom ? "CRASH: out of memory" : `CRASH: exit ${child.status} ${child.signal ?? ""} ${(child.stderr ?? "").trim().split("\n").slice(-2).join(" ").slice(0, 160)}`]);
      continue;
    }
    const r = JSON.parse(child.stdout) as { chars: number; ms: number; peakRssMb: number; internal: number; legalBases: number; depth: number; findings: number };
    if (r.internal > 0) failures++;
    rows.push([name, String(r.chars), String(r.ms), String(r.peakRssMb), `${r.internal > 0 ? `INTERNAL-ERROR ×${r.internal}; ` : ""}plan: ${r.legalBases} legal bases, section depth ${r.depth}, ${r.findings} findings`]);
  }
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  console.log(`\n# kehoach hostile inputs — one process each, ${limitMs / 1000} s and ${heapMb} MB heap at most`);
  for (const [k, r] of rows.entries()) {
    console.log(r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  "));
    if (k === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  return failures;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const cases = Number(value("--cases") ?? 10_000);
  const formats = (value("--format") ?? FORMATS.join(",")).split(",").map((f) => f.trim()) as Format[];
  for (const f of formats) if (!FORMATS.includes(f)) throw new Error(`unknown format ${f} (one of ${FORMATS.join(", ")})`);
  const seed = Number(value("--seed") ?? 1);
  const imageCases = Number(value("--image-cases") ?? cases);
  const workers = Number(value("--workers") ?? availableParallelism());
  const scale = Number(value("--timeout-scale") ?? 1);
  const save = value("--save") ?? mkdtempSync(join(tmpdir(), "kehoach-fuzz-"));
  // Read by the workers' `parse` (they inherit the environment).
  if (argv.includes("--pdf-ocr")) process.env["KEHOACH_FUZZ_PDF_OCR"] = "1";
  mkdirSync(save, { recursive: true });

  const child = value("--hostile-child");
  if (child !== undefined) return hostileChild(child);
  if (argv.includes("--hostile")) {
    const failures = await hostile(Number(value("--hostile-limit") ?? 300) * 1000, Number(value("--hostile-heap") ?? 8192));
    process.exitCode = failures > 0 ? 1 : 0;
    return;
  }

  const replay = value("--replay");
  if (replay !== undefined) {
    const [format, index] = replay.split(":") as [Format, string];
    const c = makeCase(format, corpusFor(format), seed, Number(index));
    const path = join(save, `${format}-${index}.bin`);
    writeFileSync(path, c.bytes);
    console.log(`${format}:${index} from ${c.from} by ${c.ops.join(" ")} → ${path} (${c.bytes.length} bytes)`);
    const t0 = performance.now();
    try {
      console.log(await parse(c.bytes, { timeoutMs: BOUNDS[format].parseMs }));
    } catch (error) {
      console.log("rejected:", isKehoachInputError(error) ? `${error.code}: ${error.message}` : error);
    }
    console.log(`${Math.round(performance.now() - t0)} ms`);
    return;
  }

  let mainThreadFailures = 0;
  process.on("unhandledRejection", (reason) => {
    mainThreadFailures++;
    console.error("unhandled rejection in the main thread:", reason);
  });

  const notes: string[] = [];
  const tallies = new Map<Format, Tally>();
  const t0 = performance.now();
  for (const format of formats) {
    const corpus = corpusFor(format);
    notes.push(...corpus.notes);
    const n = format === "image" ? imageCases : cases;
    const tally: Tally = { cases: n, plan: 0, internal: 0, badSpans: 0, needsOcr: 0, viaReadPdf: 0, typed: new Map(), crash: 0, hang: 0, times: [], slowest: null, examples: [] };
    tallies.set(format, tally);
    const meta = new Map<string, { from: string; ops: string[]; bytes: Uint8Array }>();
    function* inputs() {
      for (let i = 0; i < n; i++) {
        const c = makeCase(format, corpus, seed, i);
        const id = `${format}:${i}`;
        meta.set(id, { from: c.from, ops: c.ops, bytes: c.bytes.slice() });
        yield { id, bytes: c.bytes };
      }
    }
    const record = (id: string, kind: string, detail: string) => {
      const m = meta.get(id);
      const file = join(save, `${id.replace(":", "-")}.${kind}.bin`);
      if (m) writeFileSync(file, m.bytes);
      const line = `${id} ${kind}: ${detail.replace(/\s+/g, " ").slice(0, 400)} [from ${m?.from} by ${m?.ops.join(" ")}] → ${file}`;
      if (tally.examples.length < 20) tally.examples.push(line);
      process.stderr.write(`\n[fuzz] ${line}\n`);
    };
    const started = performance.now();
    let done = 0;
    const results = parseMany<CaseSummary>(inputs(), {
      workers,
      module: import.meta.url,
      parse: { timeoutMs: BOUNDS[format].parseMs * scale, ocrWorkers: 1 },
      timeoutMs: BOUNDS[format].poolMs * scale,
      maxMemoryMb: 4096,
      onWorkerError: ({ lastId, error }) => {
        tally.crash++;
        record(lastId ?? "?", "late-crash", `${error.message}`);
      },
    });
    for await (const result of results as AsyncIterable<BatchResult<CaseSummary>>) {
      done++;
      if ("plan" in result) {
        const s = result.plan;
        tally.times.push(s.ms);
        if (!tally.slowest || s.ms > tally.slowest.ms) tally.slowest = { id: result.id, ms: s.ms };
        if (s.via === "readPdf") tally.viaReadPdf++;
        if (s.needsOcr !== undefined) tally.needsOcr++;
        else tally.plan++;
        if (s.internal !== null) {
          tally.internal++;
          record(result.id, "internal-error", s.internal);
        }
        if (s.badSpans > 0) {
          tally.badSpans++;
          record(result.id, "bad-span", `${s.badSpans} span(s) outside source.text (${s.textLength} chars)`);
        }
      } else {
        const { code, message, stack } = result.error;
        if (code === "worker-timeout") {
          tally.hang++;
          record(result.id, "hang", message);
        } else if (code === "worker-crashed" || code === "internal-error") {
          tally.crash++;
          record(result.id, code, `${message} ${stack?.split("\n").slice(1, 4).join(" ") ?? ""}`);
        } else {
          tally.typed.set(code, (tally.typed.get(code) ?? 0) + 1);
        }
      }
      meta.delete(result.id);
      if (done % 250 === 0 || done === n) {
        const rate = done / ((performance.now() - started) / 1000);
        process.stderr.write(`\r[fuzz] ${format}: ${done}/${n} (${rate.toFixed(1)}/s)   `);
      }
    }
    process.stderr.write(`\n[fuzz] ${format} done in ${Math.round((performance.now() - started) / 1000)} s\n`);
  }

  // Summary
  const pct = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number);
  };
  const rows = [["format", "cases", "plan", "internal", "bad span", "typed errors (by code)", "crash", "hang", "median ms", "p99 ms", "max ms (case)"]];
  let failures = mainThreadFailures;
  for (const [format, t] of tallies) {
    failures += t.crash + t.hang;
    const typed = [...t.typed].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`);
    if (t.needsOcr > 0) typed.push(`needs-ocr (readPdf; not OCRed) ${t.needsOcr}`);
    rows.push([
      format,
      String(t.cases),
      String(t.plan),
      String(t.internal),
      String(t.badSpans),
      typed.join(", ") || "–",
      String(t.crash),
      String(t.hang),
      pct(t.times, 0.5).toFixed(1),
      pct(t.times, 0.99).toFixed(1),
      t.slowest ? `${t.slowest.ms.toFixed(0)} (${t.slowest.id})` : "",
    ]);
    if (t.viaReadPdf > 0) notes.push(`${format}: ${t.viaReadPdf} cases read through the text layer (readPdf → parseExtracted); those needing OCR were counted, not OCRed (--pdf-ocr does).`);
  }
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 || i === 5 || i === 10 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ");
  console.log(`\n# kehoach fuzz — seed ${seed}, ${workers} workers, ${Math.round((performance.now() - t0) / 1000)} s`);
  console.log(line(rows[0] as string[]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows.slice(1)) console.log(line(r));
  console.log("\nplan: a Plan came back; internal: … of them with an internal-error finding (an exception the pipeline caught); bad span: … with a span outside source.text.");
  console.log("crash: worker died, or parse rejected with something other than a KehoachInputError; hang: no answer within the bound (text/markdown 15 s, docx/doc 30 s, pdf 45 s, image 120 s, × --timeout-scale); parse's own bounds (text 10 s, docx/doc 20 s, pdf 10 s, image 90 s) give typed `timeout` errors.");
  for (const note of [...new Set(notes)]) console.log(`* ${note}`);
  for (const [format, t] of tallies) for (const example of t.examples) console.log(`! ${format} ${example}`);
  console.log(`inputs of findings saved in ${save}`);
  if (mainThreadFailures > 0) console.log(`! ${mainThreadFailures} unhandled rejection(s) in the main thread`);
  process.exitCode = failures > 0 ? 1 : 0;
}

if (isMainThread) await main();
