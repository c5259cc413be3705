/**
 * Batches on BullMQ + Redis (issue #14), end to end: a real redis-server, `kehoach worker` processes and
 * a submitting `kehoach parse … --redis`, spawned as a user would; workers killed with SIGKILL, Redis
 * restarted empty, a document that kills every worker taking it. Each test compares the queue's
 * outputs with the local engine's, byte for byte.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeOcrEngines, parse } from "@kehoach/parser";
import type { OcrProgress } from "../../parser/src/input/ocr/index.ts";
import { decodeError, encodeError, jobIdFor } from "../src/queue/jobs.ts";
import { kehoach, ROOT, startRedis, type Cli, type RedisServer } from "./queue-redis.ts";

const SLOW = join(ROOT, "packages/cli/test/queue-slow-parse.ts");
const KILLER = join(ROOT, "packages/cli/test/queue-killer-parse.ts");
/**
 * Dead workers' jobs come back within seconds, not BullMQ's default 30 s; a lock long enough that a live
 * worker on a loaded machine (the whole suite runs beside these tests in CI) still renews it in time.
 */
const FAST_RECOVERY = ["--lock-duration", "8000", "--stalled-interval", "1000"];

/** The big batch: generated plans, plus these samples, a scan page and a broken PDF: 200 documents. */
const SAMPLES = ["001.scan.pdf", "000.docx", "002.pdf", "003.clean.md", "004.docx", "001.pdf", "000.autonum.docx", "004.pdf"];
const PLANS = 200 - SAMPLES.length - 2;

const seeds = ["000", "001", "002", "003", "004"].map((id) => readFileSync(join(ROOT, `fixtures/seeds/${id}.txt`), "utf8"));

/** `count` distinct small plans (the seeds with other numbers and years), in two subfolders. */
function writePlans(folder: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const text = (seeds[i % seeds.length] as string).replace(/(Số:\s*)\d*(\s*\/)/, `$1${i + 1}$2`).replace(/năm (20\d\d)/, `năm ${2000 + (i % 25)}`);
    const sub = join(folder, i % 2 === 0 ? "a" : "b");
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `plan-${String(i).padStart(3, "0")}.txt`), text);
  }
}

/** Page 1 of a sample scan as the JPEG stored in the PDF: a one-page scan that OCR reads in seconds. */
async function writeScanPage(path: string): Promise<void> {
  const { PdfDocument } = await import("../../parser/src/input/ocr/pdf-document.ts");
  const { findPageImages } = await import("../../parser/src/input/ocr/pdf-images.ts");
  const { encodePdfImage } = await import("../../parser/src/input/ocr/image-encode.ts");
  const doc = PdfDocument.open(new Uint8Array(readFileSync(join(ROOT, "fixtures/samples/001.scan.pdf"))));
  const page = doc?.pages()[0];
  const placed = doc && page ? findPageImages(doc, page).images[0] : undefined;
  if (!doc || !placed) throw new Error("001.scan.pdf: no page image");
  writeFileSync(path, (await encodePdfImage(doc, placed.stream, 200)).bytes);
}

/** Every result of a batch, in the order they came. */
async function collect<T>(results: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const r of results) all.push(r);
  return all;
}

/** Every file under `folder`, relative path → contents. */
function tree(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(folder, path), readFileSync(path, "utf8"));
    }
  };
  walk(folder);
  return files;
}

/** The progress lines `[n/N] name` of a non-TTY batch: one per input finished. */
function progressNames(stderr: string): string[] {
  return [...stderr.matchAll(/^\[\d+\/\d+\] (.+)$/gm)].map((m) => m[1] as string);
}

function localRun(folder: string, out: string): { status: number | null } {
  return spawnSync(process.execPath, ["--conditions=@kehoach/source", "--no-warnings=ExperimentalWarning", "packages/cli/src/main.ts", "parse", folder, "--out", out, "--workers", "2"], {
    cwd: ROOT,
    encoding: "utf8",
  });
}

async function stopAll(workers: Cli[]): Promise<void> {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
  await Promise.all(workers.map((w) => w.exited));
}

describe("job ids and errors", () => {
  it("a job's id is the content hash plus the options' digest: same bytes and options, same job", () => {
    const bytes = new TextEncoder().encode("KẾ HOẠCH");
    const id = jobIdFor(bytes, { checks: { language: "vi" }, maxSize: 1 });
    expect(id).toBe(jobIdFor(new TextEncoder().encode("KẾ HOẠCH"), { maxSize: 1, checks: { language: "vi" } }));
    expect(id.split("-")[0]).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(jobIdFor(bytes, { checks: { language: "en" } })).not.toBe(id);
    expect(jobIdFor(new TextEncoder().encode("KẾ HOẠCH."), { checks: { language: "vi" }, maxSize: 1 })).not.toBe(id);
  });
  it("an error survives Redis as its failedReason; BullMQ's own stall reason reads as worker-crashed", () => {
    const error = { code: "corrupt-file" as const, message: "Tệp hỏng. / The file is damaged:\nsecond line" };
    expect(decodeError(encodeError(error))).toEqual(error);
    expect(decodeError("job stalled more than allowable limit").code).toBe("worker-crashed");
    expect(decodeError("something else")).toEqual({ code: "internal-error", message: "something else" });
  });
});

describe("kehoach worker / parse --redis against a real redis-server", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    // Not skipped when missing: .ci/run installs Debian's redis-server (apt-get install redis-server).
    if (spawnSync("redis-server", ["--version"]).status !== 0) throw new Error("redis-server is not installed: apt-get install -y redis-server");
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
    await closeOcrEngines();
  });

  it(
    "two workers convert 200 documents; one killed with SIGKILL mid-job is replaced; every output once, as the local engine writes it; the corrupt file is failed, not retried, and reported",
    async () => {
      const folder = mkdtempSync(join(tmpdir(), "kehoach-queue-in-"));
      writePlans(folder, PLANS);
      // Real documents among them: Word, Markdown, text-layer PDFs, a one-page scan and a 4-page scan (split into page jobs).
      for (const [i, name] of SAMPLES.entries()) copyFileSync(join(ROOT, "fixtures/samples", name), join(folder, i % 2 === 0 ? "a" : "b", name));
      await writeScanPage(join(folder, "a", "scan-page.jpg"));
      writeFileSync(join(folder, "b", "broken.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n");
      const total = PLANS + SAMPLES.length + 2;
      const out = mkdtempSync(join(tmpdir(), "kehoach-queue-out-"));
      const queue = ["--redis", redis.url, "--queue", "kill"];

      // A pauses 1.5 s before each parse: when it is killed it surely holds a job.
      const a = kehoach(["worker", ...queue, "--concurrency", "1", "--module", SLOW, ...FAST_RECOVERY]);
      const b = kehoach(["worker", ...queue, "--concurrency", "1", ...FAST_RECOVERY]);
      const workers = [a, b];
      try {
        await Promise.all([a.waitFor(/waiting for jobs/), b.waitFor(/waiting for jobs/)]);
        const submitter = kehoach(["parse", folder, "--out", out, ...queue]);
        await a.waitFor(/started /, 2);
        const held = [...a.stderr().matchAll(/started (\S+)/g)].at(-1)?.[1] as string;
        expect(held).toMatch(/^\/.*\.(txt|jpg|pdf)$/); // the worker names the input by its path
        a.child.kill("SIGKILL");
        await a.exited;
        const c = kehoach(["worker", ...queue, "--concurrency", "1", ...FAST_RECOVERY]);
        workers.push(c);
        const code = await submitter.exited;
        const stderr = submitter.stderr();

        expect(code).toBe(2); // an input failed
        // The job A died with was done again, by B (after its lock ran out) or by C.
        expect(`${b.stderr()}${c.stderr()}`).toMatch(new RegExp(`(done ${held.replace(/[.]/g, "\\.")} |failed ${held.replace(/[.]/g, "\\.")}: )`));
        // Each input finished once: the plans, the samples, the scan page, the broken PDF.
        const names = progressNames(stderr);
        expect(names, stderr.slice(-3000)).toHaveLength(total);
        expect(new Set(names).size).toBe(total);
        expect(stderr).toMatch(/b\/broken\.pdf: .*\/ /);
        expect(stderr).toContain(`${total - 1} đã đọc / read`);
        const written = tree(out);
        expect([...written.keys()].filter((name) => !name.endsWith(".json"))).toEqual([]); // no .partial left
        expect(written.size).toBe(total - 1);
        expect(JSON.parse(written.get("a/scan-page.jpg.json") as string).source.format).toBe("image");
        // The long scan went to the workers page by page.
        expect(workers.map((w) => w.stderr()).join("")).toMatch(/split \S+001\.scan\.pdf into 4 page jobs/);
        expect(JSON.parse(written.get("a/001.scan.pdf.json") as string).source.format).toBe("scan");

        // The broken file is in the failed set with its code, after one attempt; nothing else is left.
        const status = kehoach(["queue", "status", "--json", ...queue]);
        expect(await status.exited).toBe(0);
        const report = JSON.parse(status.stdout()) as { counts: Record<string, number>; failed: { attempts: number; error: { code: string; message: string } }[] };
        expect(report.counts).toMatchObject({ completed: 0, active: 0, waiting: 0, failed: 1 });
        expect(report.failed).toHaveLength(1);
        expect(report.failed[0]?.attempts).toBe(1);
        expect(report.failed[0]?.error.code).toBe("corrupt-file");
        expect(report.failed[0]?.error.message).toMatch(/PDF/);

        // The local engine writes the very same bytes.
        const local = mkdtempSync(join(tmpdir(), "kehoach-queue-local-"));
        expect(localRun(folder, local).status).toBe(2);
        expect(tree(local)).toEqual(written);

        // SIGTERM: a worker with nothing in hand stops at once, cleanly.
        b.child.kill("SIGTERM");
        expect(await b.exited).toBe(0);
        expect(b.stderr()).toContain("stopped");
      } finally {
        await stopAll(workers);
      }
    },
    240_000,
  );

  it(
    "a 4-page scan is split into page jobs that two workers share; its Plan and output are byte-identical to the local engine's; page progress reaches the submitter",
    async () => {
      const bytes = new Uint8Array(readFileSync(join(ROOT, "fixtures/samples/001.scan.pdf")));
      const queue = ["--redis", redis.url, "--queue", "pages"];
      const workers = [1, 2].map(() => kehoach(["worker", ...queue, "--concurrency", "1", ...FAST_RECOVERY]));
      try {
        await Promise.all(workers.map((w) => w.waitFor(/waiting for jobs/)));
        // Through the engine's own API first: the Plan, and the progress of each page on the submitter.
        const { parseManyOnRedis } = await import("../src/queue/submit.ts");
        const progress: OcrProgress[] = [];
        const results = await collect(parseManyOnRedis([{ id: "scan", bytes: bytes.slice() }], { onProgress: (_, p) => progress.push(p) }, { url: redis.url, queue: "pages" }));
        expect(results).toHaveLength(1);
        const result = results[0];
        if (result === undefined || !("plan" in result)) throw new Error(`no plan: ${JSON.stringify(result)}`);
        expect(JSON.stringify(result.plan)).toBe(JSON.stringify(await parse(bytes.slice())));
        expect(new Set(progress.filter((p) => p.status === "done").map((p) => `${p.page}/${p.pages}`))).toEqual(new Set(["1/4", "2/4", "3/4", "4/4"]));

        const logs = workers.map((w) => w.stderr());
        expect(logs.join("").match(/split \S+ into 4 page jobs/g)).toHaveLength(1);
        const pagesRead = logs.map((log) => [...log.matchAll(/done \S+ \(trang \/ page (\d)\)/g)].map((m) => Number(m[1])));
        // Both workers read pages, every page was read, none twice.
        expect(pagesRead.every((pages) => pages.length > 0), logs.join("\n")).toBe(true);
        expect(pagesRead.flat().sort()).toEqual([1, 2, 3, 4]);

        // Through the CLI, beside a text plan: the outputs the local engine writes, byte for byte.
        const folder = mkdtempSync(join(tmpdir(), "kehoach-queue-in-"));
        writeFileSync(join(folder, "scan.pdf"), bytes);
        copyFileSync(join(ROOT, "fixtures/seeds/001.txt"), join(folder, "plan.txt"));
        const out = mkdtempSync(join(tmpdir(), "kehoach-queue-out-"));
        const submitter = kehoach(["parse", folder, "--out", out, ...queue]);
        expect(await submitter.exited, submitter.stderr()).toBe(0);
        expect(workers.map((w) => w.stderr()).join("").match(/split \S+ into 4 page jobs/g)).toHaveLength(2);
        const local = mkdtempSync(join(tmpdir(), "kehoach-queue-local-"));
        expect(localRun(folder, local).status).toBe(0);
        expect(tree(out)).toEqual(tree(local));

        // The documents and their page jobs are gone from Redis once the outputs are written.
        const status = kehoach(["queue", "status", "--json", ...queue]);
        expect(await status.exited).toBe(0);
        expect((JSON.parse(status.stdout()) as { counts: Record<string, number> }).counts).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0, prioritized: 0, "waiting-children": 0 });
      } finally {
        await stopAll(workers);
      }
    },
    240_000,
  );

  it(
    "a worker killed with SIGKILL while reading a page: another worker reads that page after its lock runs out, and the Plan is still the local one",
    async () => {
      const bytes = new Uint8Array(readFileSync(join(ROOT, "fixtures/samples/001.scan.pdf")));
      const queue = ["--redis", redis.url, "--queue", "pages-kill"];
      const a = kehoach(["worker", ...queue, "--concurrency", "1", ...FAST_RECOVERY]);
      const workers = [a];
      try {
        await a.waitFor(/waiting for jobs/);
        const { parseManyOnRedis } = await import("../src/queue/submit.ts");
        const submitted = collect(parseManyOnRedis([{ id: "scan", bytes: bytes.slice() }], {}, { url: redis.url, queue: "pages-kill" }));
        await a.waitFor(/started \S+ \(trang \/ page 1\)/);
        a.child.kill("SIGKILL");
        await a.exited;
        const b = kehoach(["worker", ...queue, "--concurrency", "1", ...FAST_RECOVERY]);
        workers.push(b);
        const results = await submitted;
        const result = results[0];
        if (result === undefined || !("plan" in result)) throw new Error(`no plan: ${JSON.stringify(result)}`);
        expect(JSON.stringify(result.plan)).toBe(JSON.stringify(await parse(bytes.slice())));
        expect(a.stderr()).not.toMatch(/done \S+ \(trang \/ page 1\)/);
        expect(b.stderr()).toMatch(/done \S+ \(trang \/ page 1\)/);
      } finally {
        await stopAll(workers);
      }
    },
    180_000,
  );

  it(
    "a page that fails with an input error (no tesseract on the worker) fails its document with that code, without retries; retry-failed starts the document over",
    async () => {
      const bytes = new Uint8Array(readFileSync(join(ROOT, "fixtures/samples/001.scan.pdf")));
      const queue = ["--redis", redis.url, "--queue", "pages-error"];
      // No PATH: the worker finds no `tesseract` program, and the native engine was asked for.
      const worker = kehoach(["worker", ...queue, "--concurrency", "2", ...FAST_RECOVERY], { PATH: "" });
      const workers = [worker];
      try {
        await worker.waitFor(/waiting for jobs/);
        const { parseManyOnRedis } = await import("../src/queue/submit.ts");
        const results = await collect(parseManyOnRedis([{ id: "scan", bytes }], { parse: { ocrEngine: "native" } }, { url: redis.url, queue: "pages-error" }));
        expect(results).toHaveLength(1);
        const result = results[0];
        if (result === undefined || !("error" in result)) throw new Error(`expected an error: ${JSON.stringify(result)}`);
        expect(result.error.code).toBe("engine-unavailable");
        expect(result.error.message).toMatch(/tesseract/);
        expect(worker.stderr()).toMatch(/split \S+ into 4 page jobs/);

        const status = kehoach(["queue", "status", "--json", ...queue]);
        expect(await status.exited).toBe(0);
        const report = JSON.parse(status.stdout()) as { failed: { name: string; attempts: number; error: { code: string } }[] };
        // The document and each of its four pages, each failed after one attempt.
        expect(report.failed.map((f) => f.error.code)).toEqual(Array(5).fill("engine-unavailable"));
        expect(report.failed.every((f) => f.attempts === 1)).toBe(true);
        expect(report.failed.filter((f) => / \(trang \/ page \d\)$/.test(f.name))).toHaveLength(4);

        // Once a worker can read it, retry-failed starts the document over, split again, and it completes.
        worker.child.kill("SIGTERM");
        expect(await worker.exited).toBe(0);
        const retry = kehoach(["queue", "retry-failed", ...queue]);
        expect(await retry.exited, retry.stderr()).toBe(0);
        const fixed = kehoach(["worker", ...queue, "--concurrency", "2", ...FAST_RECOVERY]);
        workers.push(fixed);
        await fixed.waitFor(/done \S+ \(4 trang \/ pages\)/);
        const after = kehoach(["queue", "status", "--json", ...queue]);
        expect(await after.exited).toBe(0);
        expect((JSON.parse(after.stdout()) as { counts: Record<string, number> }).counts).toMatchObject({ completed: 5, failed: 0, "waiting-children": 0 }); // the document and its pages, for a submitter to collect
      } finally {
        await stopAll(workers);
      }
    },
    120_000,
  );

  it(
    "Redis restarted empty mid-batch: the submitter resubmits what was lost and the batch completes, each output once",
    async () => {
      const folder = mkdtempSync(join(tmpdir(), "kehoach-queue-in-"));
      writePlans(folder, 40);
      const out = mkdtempSync(join(tmpdir(), "kehoach-queue-out-"));
      const queue = ["--redis", redis.url, "--queue", "restart"];
      const pause = { KEHOACH_TEST_PAUSE_MS: "150" };
      const workers = [1, 2].map(() => kehoach(["worker", ...queue, "--concurrency", "1", "--module", SLOW, ...FAST_RECOVERY], pause));
      try {
        await Promise.all(workers.map((w) => w.waitFor(/waiting for jobs/)));
        const submitter = kehoach(["parse", folder, "--out", out, ...queue]);
        await submitter.waitFor(/^\[\d+\/40\]/m, 10);
        await redis.restart(1_000);
        const code = await submitter.exited;
        const stderr = submitter.stderr();
        expect(code, stderr).toBe(0);
        expect(stderr).toMatch(/job lost on Redis, resubmitted/);
        const names = progressNames(stderr);
        expect(names).toHaveLength(40);
        expect(new Set(names).size).toBe(40);
        const local = mkdtempSync(join(tmpdir(), "kehoach-queue-local-"));
        expect(localRun(folder, local).status).toBe(0);
        expect(tree(out)).toEqual(tree(local));

        // --resume through the queue: only the outputs missing are parsed again.
        for (const name of ["a/plan-000.txt.json", "b/plan-011.txt.json", "a/plan-038.txt.json"]) rmSync(join(out, name));
        const again = kehoach(["parse", folder, "--out", out, "--resume", ...queue]);
        expect(await again.exited).toBe(0);
        expect(again.stderr()).toContain("3 đã đọc / read");
        expect(again.stderr()).toContain("37 đã có sẵn / up to date");
        expect(tree(out)).toEqual(tree(local));
      } finally {
        await stopAll(workers);
      }
    },
    180_000,
  );

  it(
    "a document that kills every worker taking it ends in the failed set after maxStalledCount; the batch still ends, reporting it",
    async () => {
      const folder = mkdtempSync(join(tmpdir(), "kehoach-queue-in-"));
      copyFileSync(join(ROOT, "fixtures/seeds/001.txt"), join(folder, "good.txt"));
      writeFileSync(join(folder, "killer.txt"), `${seeds[2]}\nKILL-THE-WORKER\n`);
      const out = mkdtempSync(join(tmpdir(), "kehoach-queue-out-"));
      const queue = ["--redis", redis.url, "--queue", "killer"];
      const submitter = kehoach(["parse", folder, "--out", out, ...queue]);
      const workers: Cli[] = [];
      try {
        // Workers die on the killer one after another; a new one is started each time, as a supervisor would.
        for (let round = 0; round < 5 && submitter.child.exitCode === null; round++) {
          const w = kehoach(["worker", ...queue, "--concurrency", "1", "--module", KILLER, "--max-stalled", "1", ...FAST_RECOVERY]);
          workers.push(w);
          await Promise.race([w.exited, submitter.exited]);
        }
        const code = await submitter.exited;
        expect(code, submitter.stderr()).toBe(2);
        expect(submitter.stderr()).toMatch(/killer\.txt: .*died on it repeatedly/);
        expect(readdirSync(out)).toEqual(["good.txt.json"]);
        expect(workers.filter((w) => w.child.signalCode === "SIGKILL").length).toBe(2); // first take + one recovery
      } finally {
        await stopAll(workers);
      }
    },
    180_000,
  );

  it(
    "SIGTERM to a worker holding a job: it hands the job back after --grace and exits 0; another worker finishes it",
    async () => {
      const folder = mkdtempSync(join(tmpdir(), "kehoach-queue-in-"));
      copyFileSync(join(ROOT, "fixtures/seeds/003.txt"), join(folder, "plan.txt"));
      const out = mkdtempSync(join(tmpdir(), "kehoach-queue-out-"));
      const queue = ["--redis", redis.url, "--queue", "sigterm"];
      const slow = kehoach(["worker", ...queue, "--concurrency", "1", "--module", SLOW, "--grace", "1", ...FAST_RECOVERY], { KEHOACH_TEST_PAUSE_MS: "20000" });
      const workers = [slow];
      try {
        await slow.waitFor(/waiting for jobs/);
        const submitter = kehoach(["parse", folder, "--out", out, ...queue]);
        await slow.waitFor(/started .*plan\.txt/);
        slow.child.kill("SIGTERM");
        expect(await slow.exited).toBe(0);
        expect(slow.stderr()).toMatch(/handed back .*plan\.txt/);
        const next = kehoach(["worker", ...queue, "--concurrency", "1", ...FAST_RECOVERY]);
        workers.push(next);
        expect(await submitter.exited, submitter.stderr()).toBe(0);
        expect(next.stderr()).toMatch(/done .*plan\.txt/);
        expect(readdirSync(out)).toEqual(["plan.txt.json"]);
      } finally {
        await stopAll(workers);
      }
    },
    120_000,
  );
});
