/**
 * `pnpm bench --only queue`: a folder of scanned pages through the local pool (parseMany, 1 and 2
 * threads) and through BullMQ on a real redis-server with 1 and 2 `kehoach worker` processes
 * (one document at a time each); then one long scan, parsed here (1 and 2 OCR engines) and split into
 * page jobs (a BullMQ flow) on 1 and 2 workers. Redis rows time the submitter (parseManyOnRedis) from
 * the first job added to the last result taken; the workers are already running, as they are in
 * production.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseMany } from "../packages/parser/src/batch/index.ts";
import { closeOcrEngines, parse } from "../packages/parser/src/index.ts";
import { splitPages } from "../packages/parser/src/pages/index.ts";
import { parseManyOnRedis } from "../packages/cli/src/queue/submit.ts";
import { kehoach, startRedis, type Cli } from "../packages/cli/test/queue-redis.ts";
import { round, type Row, type Section } from "./lib.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Distinct one-page scans: the stored page images of the sample scanned PDFs, as JPEG/TIFF files. */
async function scanPages(count: number): Promise<Uint8Array[]> {
  const { PdfDocument } = await import("../packages/parser/src/input/ocr/pdf-document.ts");
  const { findPageImages } = await import("../packages/parser/src/input/ocr/pdf-images.ts");
  const { encodePdfImage } = await import("../packages/parser/src/input/ocr/image-encode.ts");
  const pages: Uint8Array[] = [];
  for (const name of ["001.scan.pdf", "002.scan.pdf", "003.scan.pdf"]) {
    const doc = PdfDocument.open(new Uint8Array(readFileSync(join(ROOT, "fixtures/samples", name))));
    for (const page of doc?.pages() ?? []) {
      const placed = doc ? findPageImages(doc, page).images[0] : undefined;
      if (doc && placed) pages.push((await encodePdfImage(doc, placed.stream, 200)).bytes);
      if (pages.length === count) return pages;
    }
  }
  return pages;
}

export async function queueSection(options: { quick: boolean; log: (message: string) => void }): Promise<Section> {
  const rows: Row[] = [];
  const title = "Queue: a folder of one-page scans and one long scan, local beside BullMQ on Redis (wall time)";
  const columns: Section["columns"] = [["pages", "pages"], ["ms", "ms"], ["msPerPage", "ms/page"], ["speedUp", "speed-up"]];
  if (spawnSync("redis-server", ["--version"]).status !== 0) {
    return { title, columns, rows: [{ name: "queue", skipped: "redis-server not installed (apt-get install redis-server)" }], notes: [] };
  }
  const pages = await scanPages(options.quick ? 4 : 12);
  const count = pages.length;
  // The median of RUNS runs: the machine is shared, and one run is easily moved by other work.
  const RUNS = options.quick ? 1 : 3;
  const time = async (run: () => Promise<number>): Promise<{ ms: number; failures: number }> => {
    const times: number[] = [];
    let failures = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      failures += await run();
      times.push(performance.now() - t0);
    }
    return { ms: times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number, failures };
  };

  const row = (name: string, t: { ms: number; failures: number }, reference: number): Row => ({
    name,
    pages: count,
    ms: round(t.ms, 0),
    msPerPage: round(t.ms / count, 0),
    speedUp: `${round(reference / t.ms, 2)}×`,
    ...(t.failures > 0 ? { note: `${t.failures} error results` } : {}),
  });
  const inputs = () => pages.map((bytes, i) => ({ id: String(i), bytes: bytes.slice() }));
  const drain = async (results: AsyncIterable<{ id: string } | { error: unknown }>) => {
    let failures = 0;
    for await (const r of results) if ("error" in r) failures++;
    return failures;
  };

  let reference = NaN;
  for (const workers of [1, 2]) {
    options.log(`queue: ${count} scan pages, parseMany ${workers} thread(s)`);
    const t = await time(() => drain(parseMany(inputs(), { workers })));
    if (workers === 1) reference = t.ms;
    rows.push(row(`${count} scan pages, local pool (parseMany) ${workers} thread${workers > 1 ? "s" : ""}`, t, reference));
  }

  const redis = await startRedis();
  let running: Cli[] = [];
  const stop = async () => {
    for (const w of running) w.child.kill("SIGTERM");
    await Promise.all(running.map((w) => w.exited));
    running = [];
  };
  try {
    for (const workers of [1, 2]) {
      const queue = `bench-${workers}`;
      for (let i = 0; i < workers; i++) running.push(kehoach(["worker", "--redis", redis.url, "--queue", queue, "--concurrency", "1"]));
      await Promise.all(running.map((w) => w.waitFor(/waiting for jobs/)));
      options.log(`queue: ${count} scan pages, ${workers} worker process(es) on Redis`);
      const t = await time(() => drain(parseManyOnRedis(inputs(), {}, { url: redis.url, queue })));
      rows.push(row(`${count} scan pages, BullMQ on Redis, ${workers} worker process${workers > 1 ? "es" : ""}`, t, reference));
      await stop();
    }

    // One long scan: here with 1 and 2 OCR engines, then as page jobs on 1 and 2 workers. Each is
    // run once untimed first, so every row has pdf.js and the OCR engine already loaded.
    const longName = options.quick ? "001.scan.pdf" : "002.scan.pdf";
    const long = new Uint8Array(readFileSync(join(ROOT, "fixtures/samples", longName)));
    const longPages = (await splitPages(long))?.pages.length ?? 0;
    const longRow = (name: string, t: { ms: number; failures: number }, ref: number): Row => ({
      name: `${longName} (${longPages} pages), ${name}`,
      pages: longPages,
      ms: round(t.ms, 0),
      msPerPage: round(t.ms / longPages, 0),
      speedUp: `${round(ref / t.ms, 2)}×`,
      ...(t.failures > 0 ? { note: `${t.failures} error results` } : {}),
    });
    const twice = async (run: () => Promise<number>) => {
      await run();
      return time(run);
    };
    let longReference = NaN;
    for (const engines of [1, 2]) {
      options.log(`queue: ${longName}, parse() here with ${engines} OCR engine(s)`);
      const t = await twice(async () => ((await parse(long.slice(), { ocrWorkers: engines })) ? 0 : 1));
      if (engines === 1) longReference = t.ms;
      rows.push(longRow(`parse() here, ${engines} OCR engine${engines > 1 ? "s" : ""}`, t, longReference));
    }
    await closeOcrEngines();
    for (const workers of [1, 2]) {
      const queue = `bench-long-${workers}`;
      for (let i = 0; i < workers; i++) running.push(kehoach(["worker", "--redis", redis.url, "--queue", queue, "--concurrency", "1"]));
      await Promise.all(running.map((w) => w.waitFor(/waiting for jobs/)));
      options.log(`queue: ${longName} as page jobs, ${workers} worker process(es) on Redis`);
      const t = await twice(() => drain(parseManyOnRedis([{ id: "long", bytes: long.slice() }], {}, { url: redis.url, queue })));
      if (!running.some((w) => /into \d+ page jobs/.test(w.stderr()))) throw new Error(`${longName} was not split into page jobs`);
      rows.push(longRow(`page jobs on Redis, ${workers} worker process${workers > 1 ? "es" : ""}`, t, longReference));
      await stop();
    }
  } finally {
    await stop();
    await redis.stop();
  }
  return {
    title,
    columns,
    rows,
    notes: [
      `each figure is the median of ${RUNS} run${RUNS > 1 ? "s" : ""}.`,
      `speed-up is against the local pool with 1 thread; the ceiling is ${availableParallelism()}× on ${availableParallelism()} cores, less whatever else the machine runs.`,
      "local rows include starting the pool's threads (each loads the parser); Redis rows do not include starting the worker processes, which stay up between batches.",
      "each worker process parses one document at a time (--concurrency 1); OCR runs in its own tesseract thread.",
      "the workers load the parser in their threads when they start (before `waiting for jobs`), not during the first job.",
      "long-scan rows: speed-up is against parse() here with 1 OCR engine; by default parse() already reads a scan's pages with one engine per core, so on one machine page jobs bring no gain: they spread one document over several machines.",
    ],
  };
}
