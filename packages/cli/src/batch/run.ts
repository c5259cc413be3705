import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { isKehoachInputError, parse, type ParseOptions } from "@kehoach/parser";
import { parseMany, type BatchInput } from "@kehoach/parser/batch";
import type { Plan } from "@kehoach/model";
import { failure, readFailure, type InputFailure } from "./errors.ts";
import type { InputItem } from "./inputs.ts";
import type { Progress } from "./progress.ts";
import type { BatchEngine, EngineInput } from "../queue/engine.ts";

export interface BatchOptions {
  /** Worker threads for several inputs (default: one per core); a single input is read in this thread. */
  workers?: number;
  /** Who parses several inputs, or any input when given: default `parseMany`'s local pool. */
  engine?: BatchEngine;
  /** Options for every parse (functions cannot cross threads; OCR progress goes to `progress`). */
  parse: Omit<ParseOptions, "onProgress">;
  /** Files larger than this are refused with `too-large` without being read into memory. */
  maxFileBytes: number;
  /** Says whether an input's earlier output is up to date (`--resume`): it is then skipped unparsed. */
  isUpToDate?: (item: InputItem, sha256: string) => Promise<boolean>;
  progress: Progress;
}

/** Heap limit of each worker: a 5 MB text (the default --max-size) peaks near 1 GB. */
const WORKER_MEMORY_MB = 4096;

/** One input's outcome, in input order. `sha256` is the hash of its bytes (absent when they could not be read). */
export type ItemResult =
  | { item: InputItem; sha256: string; plan: Plan }
  | { item: InputItem; sha256?: string; error: InputFailure }
  | { item: InputItem; sha256: string; upToDate: true };

/**
 * Reads and parses every input, yielding results in input order. Never throws for an input's sake:
 * a missing, unreadable, too large, corrupt or crashing input yields an `error` result and the
 * batch goes on.
 */
export async function* runBatch(items: readonly InputItem[], options: BatchOptions): AsyncGenerator<ItemResult> {
  if (items.length === 1 && options.engine === undefined) {
    yield await runOne(items[0] as InputItem, options);
    return;
  }
  const early = new Map<number, ItemResult>(); // decided before the pool: unreadable, up to date
  const hashes = new Map<number, string>();
  let next = 0;
  // Inputs handed to the pool and not yet back: the bar names the oldest (workers read ahead of it).
  const inFlight: number[] = [];
  async function* feed(): AsyncGenerator<EngineInput> {
    for (const [index, item] of items.entries()) {
      const read = await readInput(item, options);
      if ("error" in read) {
        early.set(index, { item, error: read.error });
        continue;
      }
      hashes.set(index, read.sha256);
      if (await options.isUpToDate?.(item, read.sha256)) {
        early.set(index, { item, sha256: read.sha256, upToDate: true });
        continue;
      }
      inFlight.push(index);
      options.progress.current(items[inFlight[0] as number]?.name ?? item.name);
      yield { id: String(index), bytes: read.bytes, name: item.path };
    }
  }
  const engine = options.engine ?? parseMany;
  const pool = engine(feed(), {
    ordered: true,
    // A document needing more than this ends as `worker-crashed` (out of memory), not the whole process.
    maxMemoryMb: WORKER_MEMORY_MB,
    parse: options.parse,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    onProgress: (id, p) => options.progress.current(items[Number(id)]?.name ?? id, p),
  });
  for await (const result of pool) {
    const index = Number(result.id);
    inFlight.splice(inFlight.indexOf(index), 1);
    if (inFlight.length > 0) options.progress.current(items[inFlight[0] as number]?.name ?? "");
    for (; next < index; next++) {
      const decided = early.get(next);
      if (decided) yield decided;
    }
    next = index + 1;
    const item = items[index] as InputItem;
    const sha256 = hashes.get(index) as string;
    yield "plan" in result ? { item, sha256, plan: result.plan } : { item, sha256, error: failure(result.error.code, result.error.message, result.error.stack) };
  }
  for (; next < items.length; next++) {
    const decided = early.get(next);
    if (decided) yield decided;
  }
}

async function runOne(item: InputItem, options: BatchOptions): Promise<ItemResult> {
  const read = await readInput(item, options);
  if ("error" in read) return { item, error: read.error };
  if (await options.isUpToDate?.(item, read.sha256)) return { item, sha256: read.sha256, upToDate: true };
  options.progress.current(item.name);
  try {
    const plan = await parse(read.bytes, { ...options.parse, onProgress: (p) => options.progress.current(item.name, p) });
    return { item, sha256: read.sha256, plan };
  } catch (error) {
    if (isKehoachInputError(error)) return { item, sha256: read.sha256, error: failure(error.code, error.message) };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      item,
      sha256: read.sha256,
      error: { code: "internal-error", message: `Lỗi nội bộ: ${detail}`, messageEn: `Internal error: ${detail}`, ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) },
    };
  }
}

type Read = { bytes: Uint8Array; sha256: string } | { error: InputFailure };

/** The input's bytes and their hash, refusing past `maxFileBytes` before reading it all. */
async function readInput(item: InputItem, options: BatchOptions): Promise<Read> {
  try {
    const bytes = item.path === "-" ? await readStdin(options.maxFileBytes) : await readFileBounded(item.path, options.maxFileBytes);
    if (bytes === null) return { error: tooLarge(options.maxFileBytes) };
    return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  } catch (error) {
    return { error: readFailure(error, item.path) };
  }
}

async function readFileBounded(path: string, max: number): Promise<Uint8Array | null> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    if (size > max) return null;
    // A fresh buffer of its own (not Node's shared pool), so parseMany can transfer it to a worker.
    const bytes = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await file.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === size ? bytes : bytes.slice(0, filled);
  } finally {
    await file.close();
  }
}

async function readStdin(max: number): Promise<Uint8Array | null> {
  if (process.stdin.isTTY) process.stderr.write("kehoach: đọc từ bàn phím, kết thúc bằng Ctrl-D / reading the keyboard, end with Ctrl-D\n");
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > max) return null;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function tooLarge(max: number): InputFailure {
  const mb = `${Number((max / 1e6).toPrecision(2))} MB`;
  return failure("too-large", `Tệp quá lớn (giới hạn ${mb}). / The file is too large (the limit is ${mb}).`);
}
