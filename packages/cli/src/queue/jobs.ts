/**
 * What a conversion job on Redis is: its id, its data, its retry policy and how its error travels.
 * Shared by the submitter (submit.ts), the workers (worker.ts) and the operator commands (admin.ts).
 */
import { createHash } from "node:crypto";
import type { BatchError } from "@kehoach/parser/batch";
import type { PageSplit } from "@kehoach/parser/pages";

/** Default queue name; `--queue NAME` keeps several batches (or projects) apart on one Redis. */
export const DEFAULT_QUEUE = "kehoach";
/** A document parsed into a Plan: the job a submitter adds (and, for a long scan, the parent of its pages). */
export const PARSE_JOB = "parse";
/** One page of a long scan, recognised for its parent document (pages.ts). */
export const PAGE_JOB = "page";

/**
 * A job carries the document itself (base64, as BullMQ stores job data as JSON), not a path: workers on
 * other machines need no shared disk, and Redis is already the one thing every worker reaches. The
 * submitter keeps only a bounded window of jobs in flight (submit.ts), so Redis holds at most that many
 * documents at a time, and a completed job is removed once its output is written.
 */
export interface ParseJobData {
  /** The input's name on the submitting machine, for logs and `queue status` only. */
  name: string;
  /** The document, base64. */
  bytes: string;
  /** `parse` options (JSON-safe: no functions), as a local batch passes them to `parseMany`. */
  parse: Record<string, unknown>;
  /** Set by the worker that split a long scan into page jobs: the document is now their parent. */
  split?: PageSplit;
}

/** A page job carries no bytes: its worker reads them from the parent job (one copy in Redis). */
export interface PageJobData {
  /** The document's name, for logs. */
  name: string;
  page: number;
  split: PageSplit;
  parse: Record<string, unknown>;
}

/** A page job's id: its parent's (the document's) id and the page, so re-adding a page is a no-op. */
export function pageJobId(parentId: string, page: number): string {
  return `${parentId}-p${page}`;
}

/**
 * The job id: the SHA-256 of the document, then a short digest of the parse options (the same bytes
 * read with other options — another language for the messages — are another result). Submitting the
 * same file again is the same job: BullMQ ignores an add whose id exists, so a resubmitted or resumed
 * batch picks up results already computed instead of parsing twice.
 */
export function jobIdFor(bytes: Uint8Array, parse: Record<string, unknown>): string {
  const content = createHash("sha256").update(bytes).digest("hex");
  const options = createHash("sha256").update(stableJson(parse)).digest("hex").slice(0, 12);
  return `${content}-${options}`;
}

/** JSON with object keys sorted, so equal options give equal digests whatever order they were built in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== "function");
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Failures of the machine, not of the input: another attempt may succeed (every other code is final). */
export const TRANSIENT: ReadonlySet<BatchError["code"]> = new Set(["worker-crashed", "worker-timeout"]);

/** Attempts for a transient failure (the parse thread crashed or hung, Redis went away mid-job). */
export const ATTEMPTS = 3;
/** Backoff between those attempts: 2 s, 4 s, … */
export const BACKOFF = { type: "exponential", delay: 2_000 } as const;

export const JOB_OPTIONS = {
  attempts: ATTEMPTS,
  backoff: BACKOFF,
  // Completed jobs are removed by the submitter once their output is written; a day's bound is for a
  // submitter that died before collecting (a resubmission within the day still finds the result).
  removeOnComplete: { age: 24 * 3600 },
  // Failed jobs stay for `queue status` and `queue retry-failed`, up to a week.
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * Page jobs: retried as documents are, taken before new documents (LIFO: a started document finishes
 * first), and a page that fails for good wakes its parent (`continueParentOnFailure`), which fails with
 * the page's error code. Kept with the parent: the submitter's removal of the parent removes them.
 */
export const PAGE_JOB_OPTIONS = {
  attempts: ATTEMPTS,
  backoff: BACKOFF,
  lifo: true,
  continueParentOnFailure: true,
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * A job's failure crosses Redis as its `failedReason`, a string: the BatchError's code in brackets,
 * then its message — readable as is in any BullMQ dashboard, and parsed back by `decodeError`.
 */
export function encodeError(error: BatchError): string {
  return `[${error.code}] ${error.message}`;
}

/** BullMQ's own reason when a job stalled past maxStalledCount (its worker died with it, again and again). */
const STALLED = /stalled more than allowable limit/i;

export function decodeError(reason: string | undefined): BatchError {
  const text = reason ?? "";
  const match = /^\[([a-z-]+)\] ([\s\S]*)$/.exec(text);
  if (match) return { code: match[1] as BatchError["code"], message: match[2] as string };
  if (STALLED.test(text)) {
    return {
      code: "worker-crashed",
      message: `Tiến trình đọc bị dừng nhiều lần khi đọc văn bản này. / The document's worker process died on it repeatedly (${text}).`,
    };
  }
  return { code: "internal-error", message: text === "" ? "unknown failure" : text };
}
