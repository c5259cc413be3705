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
  const longName = options.quick ? "001.scan.pdf" : "002.scan.pdf";
  const long = new Uint8Array(readFileSync(join(ROOT, "fixtures/samples", longName)));
  const longPages = (await splitPages(long))?.pages.length ?? 0;
  // Medians of RUNS rounds, each round running every configuration once in turn: on a shared
  // machine, other work comes and goes, and rounds spread it over all rows alike.
  const RUNS = options.quick ? 1 : 3;
  const inputs = () => pages.map((bytes, i) => ({ id: String(i), bytes: bytes.slice() }));
  const drain = async (results: AsyncIterable<{ id: string } | { error: unknown }>) => {
    let failures = 0;
    for await (const r of results) if ("error" in r) failures++;
    return failures;
  };
  interface Config {
    name: string;
    pages: number;
    /** Index of the row its speed-up is against. */
    reference: number;
    /** Run once untimed first (pdf.js and the engines loaded): the long-scan rows. */
    warm: boolean;
    run: () => Promise<number>;
  }

  const redis = await startRedis();
  const running: Cli[] = [];
  try {
    // Every worker is up before the clock starts, as in production; idle ones only wait on Redis.
    for (const workers of [1, 2]) {
      for (let i = 0; i < workers; i++) running.push(kehoach(["worker", "--redis", redis.url, "--queue", `bench-${workers}`, "--concurrency", "1"]));
    }
    await Promise.all(running.map((w) => w.waitFor(/waiting for jobs/)));
    const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? (word.endsWith("s") ? "es" : "s") : ""}`;
    const configs: Config[] = [
      ...[1, 2].map((workers): Config => ({
        name: `${count} scan pages, local pool (parseMany) ${plural(workers, "thread")}`,
        pages: count,
        reference: 0,
        warm: false,
        run: () => drain(parseMany(inputs(), { workers })),
      })),
      ...[1, 2].map((workers): Config => ({
        name: `${count} scan pages, BullMQ on Redis, ${plural(workers, "worker process")}`,
        pages: count,
        reference: 0,
        warm: false,
        run: () => drain(parseManyOnRedis(inputs(), {}, { url: redis.url, queue: `bench-${workers}` })),
      })),
      ...[1, 2].map((engines): Config => ({
        name: `${longName} (${longPages} pages), parse() here, ${plural(engines, "OCR engine")}`,
        pages: longPages,
        reference: 4,
        warm: true,
        run: async () => ((await parse(long.slice(), { ocrWorkers: engines })) ? 0 : 1),
      })),
      ...[1, 2].map((workers): Config => ({
        name: `${longName} (${longPages} pages), page jobs on Redis, ${plural(workers, "worker process")}`,
        pages: longPages,
        reference: 4,
        warm: true,
        run: () => drain(parseManyOnRedis([{ id: "long", bytes: long.slice() }], {}, { url: redis.url, queue: `bench-${workers}` })),
      })),
    ];
    const times = configs.map(() => [] as number[]);
    const failures = configs.map(() => 0);
    for (const c of configs.filter((c) => c.warm)) await c.run();
    for (let r = 0; r < RUNS; r++) {
      for (const [i, c] of configs.entries()) {
        options.log(`queue: round ${r + 1}/${RUNS}: ${c.name}`);
        const t0 = performance.now();
        failures[i] = (failures[i] ?? 0) + (await c.run());
        times[i]?.push(performance.now() - t0);
      }
    }
    if (!running.some((w) => /into \d+ page jobs/.test(w.stderr()))) throw new Error(`${longName} was not split into page jobs`);
    const medians = times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)] as number);
    for (const [i, c] of configs.entries()) {
      const ms = medians[i] as number;
      rows.push({
        name: c.name,
        pages: c.pages,
        ms: round(ms, 0),
        msPerPage: round(ms / c.pages, 0),
        speedUp: `${round((medians[c.reference] as number) / ms, 2)}×`,
        ...((failures[i] ?? 0) > 0 ? { note: `${failures[i]} error results` } : {}),
      });
    }
  } finally {
    for (const w of running) w.child.kill("SIGTERM");
    await Promise.all(running.map((w) => w.exited));
    await closeOcrEngines();
    await redis.stop();
  }
  return {
    title,
    columns,
    rows,
    notes: [
      `each figure is the median of ${RUNS} round${RUNS > 1 ? "s" : ""}; a round runs every row once, in the order shown.`,
      `speed-up is against the local pool with 1 thread; the ceiling is ${availableParallelism()}× on ${availableParallelism()} cores, less whatever else the machine runs.`,
      "local rows include starting the pool's threads (each loads the parser); Redis rows do not include starting the worker processes, which stay up between batches.",
      "each worker process parses one document at a time (--concurrency 1); OCR runs in its own tesseract thread.",
      "the workers load the parser in their threads when they start (before `waiting for jobs`), not during the first job.",
      "long-scan rows: speed-up is against parse() here with 1 OCR engine; by default parse() already reads a scan's pages with one engine per core, so on one machine page jobs bring no gain: they spread one document over several machines.",
    ],
  };
}
