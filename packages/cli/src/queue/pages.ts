/**
 * A long scan spread over every worker: the document's job becomes the parent of one page job per
 * page (a BullMQ flow, added with a FlowProducer); whichever workers are free recognise the pages, and
 * the parent, woken when they are done, assembles the Plan with `@kehoach/parser/pages` — the Plan one
 * worker parsing the whole file gives, byte for byte.
 *
 * Steps of the parent (each may run on another worker, after a crash too): split, record the split in
 * the job, add the pages (ids are the parent's id and the page, so adding again is a no-op), wait for
 * them (`WaitingChildrenError`), then assemble. A page's transient failure is retried as a document's
 * is; a page that fails for good wakes the parent, which fails with that page's error code.
 *
 * Pages are recognised in the worker's main thread: the OCR engine (tesseract) runs in its own
 * process or thread, so the event loop stays free to renew locks.
 */
import { FlowProducer, Queue, UnrecoverableError, WaitingChildrenError, type Job } from "bullmq";
import type { Plan } from "@kehoach/model";
import { isKehoachInputError, type ParseOptions } from "@kehoach/parser";
import type { BatchError } from "@kehoach/parser/batch";
import { assemblePages, readPage, splitPages, type PageResult, type PageSplit } from "@kehoach/parser/pages";
import { connect } from "./connection.ts";
import { decodeError, encodeError, PAGE_JOB, PAGE_JOB_OPTIONS, pageJobId, type PageJobData, type ParseJobData } from "./jobs.ts";

type Options = Omit<ParseOptions, "onProgress">;

export class PageFlows {
  readonly #queue: Queue;
  readonly #flows: FlowProducer;
  /** The last parent's bytes: the pages of one document mostly come one after another. */
  #cached: { id: string; bytes: Uint8Array } | null = null;

  constructor(url: string, queue: string) {
    this.#queue = new Queue(queue, { connection: connect(url, `kehoach-pages-${process.pid}`) });
    this.#flows = new FlowProducer({ connection: connect(url, `kehoach-flows-${process.pid}`) });
    // Lost connections are retried by ioredis; the worker's own 'error' handler says so.
    this.#queue.on("error", () => {});
    this.#flows.on("error", () => {});
  }

  /** How to spread this document: a scan of two pages or more, else null (parsed whole). */
  async split(bytes: Uint8Array, parse: Options): Promise<PageSplit | null> {
    try {
      const split = await splitPages(bytes, parse);
      return split !== null && split.pages.length > 1 ? split : null;
    } catch {
      return null; // parsing it whole says what is wrong with it
    }
  }

  /** The parent's turn: adds its pages if they are not there, waits for them, then assembles the Plan. */
  async parent(job: Job<ParseJobData, Plan>, token: string, bytes: Uint8Array, split: PageSplit): Promise<Plan> {
    const parse = job.data.parse as Options;
    if (job.data.split === undefined) await job.updateData({ ...job.data, split });
    const counts = await job.getDependenciesCount();
    const known = (counts.processed ?? 0) + (counts.unprocessed ?? 0) + (counts.failed ?? 0) + (counts.ignored ?? 0);
    if (known < split.pages.length) await this.#addPages(job, split);
    if (await job.moveToWaitingChildren(token)) throw new WaitingChildrenError();

    const failed = Object.values(await job.getFailedChildrenValues());
    if (failed.length > 0) throw new UnrecoverableError(encodeError(decodeError(failed[0])));
    const results = Object.values(await job.getChildrenValues<PageResult>());
    try {
      return await assemblePages(bytes, split, results, parse);
    } catch (error) {
      throw new UnrecoverableError(encodeError(describe(error)));
    }
  }

  /** One page job: the page recognised, as plain data for the parent. */
  async page(job: Job<PageJobData, PageResult>): Promise<PageResult> {
    const parentId = job.parent?.id;
    const bytes = parentId === undefined ? null : await this.#bytes(parentId);
    if (bytes === null) throw new UnrecoverableError(encodeError({ code: "internal-error", message: `Không còn văn bản của trang này. / The page's document is gone from the queue (${String(parentId)}).` }));
    const parse = job.data.parse as Options;
    try {
      return await readPage(bytes, job.data.split, job.data.page, { ...parse, onProgress: (progress) => void job.updateProgress(progress as object).catch(() => {}) });
    } catch (error) {
      const described = describe(error);
      // Input errors (no engine, timeout) are final; anything else is the machine's: another attempt.
      throw described.code === "internal-error" ? new Error(encodeError(described)) : new UnrecoverableError(encodeError(described));
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#queue.close(), this.#flows.close()]);
  }

  async #addPages(job: Job<ParseJobData, Plan>, split: PageSplit): Promise<void> {
    const parentId = job.id as string;
    // LIFO puts each page at the head of the wait list: added last to first, page 1 is read first.
    await this.#flows.addBulk(
      [...split.pages].reverse().map((page) => ({
        name: PAGE_JOB,
        queueName: job.queueName,
        data: { name: job.data.name, page, split, parse: job.data.parse } satisfies PageJobData,
        opts: { ...PAGE_JOB_OPTIONS, jobId: pageJobId(parentId, page), parent: { id: parentId, queue: job.queueQualifiedName } },
      })),
    );
  }

  async #bytes(parentId: string): Promise<Uint8Array | null> {
    if (this.#cached?.id === parentId) return this.#cached.bytes;
    const parent = (await this.#queue.getJob(parentId)) as Job<ParseJobData> | undefined;
    if (parent === undefined) return null;
    const bytes = new Uint8Array(Buffer.from(parent.data.bytes, "base64"));
    this.#cached = { id: parentId, bytes };
    return bytes;
  }
}

function describe(error: unknown): BatchError {
  if (isKehoachInputError(error)) return { code: error.code, message: error.message };
  return { code: "internal-error", message: error instanceof Error ? error.message : String(error) };
}
