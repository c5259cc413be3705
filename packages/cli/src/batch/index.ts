/**
 * The batch machinery every command that reads documents shares (parse, check, export):
 *
 * ```ts
 * const tally = await processBatch(
 *   { inputs: ["plans/", "x.pdf", "-"], quiet, debug, workers, parse: { checks: { language: "vi" } }, maxSize,
 *     out: { dir: "out", extension: ".json", resume: true } },        // omit `out` to write nothing per file
 *   async (done) => {                                                  // each input, in input order
 *     if ("error" in done) …;                                          // { item, error: { code, message, messageEn } }
 *     else return JSON.stringify(stamp(done.item.path, done.plan, done.sha256));       // with `out`: the file's content
 *   },
 * );
 * process.exitCode = tally.failures > 0 ? 2 : 0;
 * ```
 *
 * A command writing one file for the whole batch (a workbook) collects in `onDone` and then calls
 * `prepareOutputFolder(dirname(file))` (creates it, removes stale temporary files) and
 * `writeAtomically(file, bytes)`; both throw `OutputError` with a one-line bilingual message.
 *
 * `processBatch` expands files, folders, globs and `-` (stdin); refuses before any work two inputs
 * that would write one output; reads with `parseMany`'s worker pool (one input in this thread);
 * shows progress (a bar on a TTY, lines otherwise, nothing with `quiet`); never stops for one bad
 * input; writes each output atomically under `out.dir` mirroring the inputs' relative paths; skips
 * up-to-date outputs with `resume` (the input's hash, recorded by `stamp`/`HASH_FIELD`); skips
 * inputs found by walking a folder that are `not-a-document`; prints one bilingual line per failed
 * input and the closing summary on stderr; returns the `Tally`. Throws `UsageError` for a bad
 * command line, `OutputError` when the output folder cannot be made at all.
 */
import { check, type ParseOptions } from "@kehoach/parser";
import type { Plan } from "@kehoach/model";
import { UsageError, failure, type InputFailure } from "./errors.ts";
import { collectInputs, type InputItem } from "./inputs.ts";
import { HASH_FIELD, outputTargets, prepareOutputFolder, recordedHash, removePartialsOnSignal, writeAtomically } from "./output.ts";
import { createProgress } from "./progress.ts";
import { runBatch } from "./run.ts";
import { Tally } from "./tally.ts";
import type { BatchEngine } from "../queue/engine.ts";

export { UsageError, OutputError, outputError, type InputFailure } from "./errors.ts";
export { collectInputs, DOCUMENT_EXTENSIONS, STDIN_NAME, type InputItem } from "./inputs.ts";
export { HASH_FIELD, writeAtomically, prepareOutputFolder } from "./output.ts";
export { Tally } from "./tally.ts";

export interface BatchCommandOptions {
  inputs: readonly string[];
  quiet: boolean;
  /** Print stacks of internal errors. */
  debug: boolean;
  workers?: number;
  /** Who parses: the local worker pool (default) or another engine with its contract (queue/engine.ts). */
  engine?: BatchEngine;
  parse: Omit<ParseOptions, "onProgress" | "maxSize">;
  /** Largest text a document may hold, in bytes (see DEFAULT_MAX_SIZE); files may be up to 20× that (PDFs, scans). */
  maxSize: number;
  /** One output file per input under `dir`, named `<relative path><extension>`. */
  out?: { dir: string; extension: string; resume: boolean };
}

export type Done = { item: InputItem; sha256: string; plan: Plan; target?: string } | { item: InputItem; error: InputFailure };

/** What a command does with each input; with `out`, what it returns is written to the input's output file. */
export type OnDone = (done: Done) => Promise<string | Uint8Array | undefined> | string | Uint8Array | undefined;

export async function processBatch(options: BatchCommandOptions, onDone: OnDone): Promise<Tally> {
  // Test hook (only with KEHOACH_TEST_HOOKS=1): an internal error, to see how the CLI reports one.
  if (process.env["KEHOACH_TEST_HOOKS"] === "1" && process.env["KEHOACH_TEST_INTERNAL_ERROR"]) throw new Error("injected internal error");
  const { items, missing } = await collectInputs(options.inputs);
  const tally = new Tally();
  const targets = options.out ? outputTargets(items, options.out.dir, options.out.extension) : null;
  if (items.length === 0 && missing.length === 0) throw new UsageError("Không có văn bản nào để đọc. / No documents to read.");
  if (options.out) {
    await prepareOutputFolder(options.out.dir);
    removePartialsOnSignal();
  }
  for (const path of missing) {
    const error: InputFailure = { code: "not-found", message: `Không tìm thấy tệp hoặc thư mục: ${path}`, messageEn: `No such file or folder: ${path}` };
    process.stderr.write(`kehoach: ${error.message} / ${error.messageEn}\n`);
    tally.fail(error);
    await onDone({ item: { path, name: path, walked: false }, error });
  }
  if (items.length === 0) return tally;
  // On a terminal even one document gets the bar (a scan's OCR takes a while: its pages show); logs get a line per document.
  const mode = options.quiet ? "none" : process.stderr.isTTY ? "bar" : items.length === 1 ? "none" : "lines";
  const progress = createProgress(items.length, mode);
  const resume = options.out?.resume === true && targets;
  const results = runBatch(items, {
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.engine !== undefined ? { engine: options.engine } : {}),
    parse: { ...options.parse, maxSize: options.maxSize },
    maxFileBytes: options.maxSize * 20,
    progress,
    ...(resume ? { isUpToDate: async (item: InputItem, sha256: string) => (await recordedHash(targets.get(item) as string)) === sha256 } : {}),
  });
  const report = (item: InputItem, error: InputFailure) => {
    tally.fail(error);
    progress.log(`kehoach: ${item.path}: ${error.message} / ${error.messageEn}${options.debug && error.stack ? `\n${error.stack}` : ""}`);
  };
  for await (const result of results) {
    progress.advance(result.item.name);
    if ("upToDate" in result) {
      tally.upToDate++;
      continue;
    }
    if ("error" in result) {
      report(result.item, result.error);
      await onDone({ item: result.item, error: result.error });
      continue;
    }
    if (result.item.walked && notADocument(result.plan)) {
      tally.skip("not-a-document");
      continue;
    }
    const target = targets?.get(result.item);
    const content = await onDone({ item: result.item, sha256: result.sha256, plan: result.plan, ...(target ? { target } : {}) });
    if (target && content !== undefined) {
      try {
        await writeAtomically(target, content);
      } catch (error) {
        report(result.item, failure("write-failed", (error as Error).message));
        continue;
      }
    }
    tally.read++;
    if (result.plan.findings.some((f) => f.severity !== "info")) tally.withFindings++;
  }
  progress.stop();
  if (!options.quiet && items.length + missing.length > 1) process.stderr.write(`kehoach: ${tally.summary()}\n`);
  return tally;
}

/** Whether a plan is not an administrative text: its finding, or the rule run here when --only or --no-checks left it out. */
function notADocument(plan: Plan): boolean {
  return plan.findings.some((f) => f.code === "not-a-document") || check(plan, { only: ["not-a-document"] }).length > 0;
}

/**
 * A Plan naming its input, as JSON Lines records and output files carry it: `input` and (for files
 * under --out) the input's hash first — what `--resume` reads back — then the Plan's own fields.
 */
export function stamp(input: string, plan: Plan, sha256?: string): Record<string, unknown> {
  return { input, ...(sha256 ? { [HASH_FIELD]: sha256 } : {}), ...plan };
}
