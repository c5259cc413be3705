import { mkdir, open, readdir, rename, unlink } from "node:fs/promises";
import { unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { OutputError, UsageError, outputError } from "./errors.ts";
import type { InputItem } from "./inputs.ts";

/**
 * Where results go under `--out DIR`, and how they get there: each input's output mirrors its
 * relative path (`a/plan.txt` → `DIR/a/plan.txt.json`), written to a temporary file beside it and
 * renamed, so a reader never sees half a file. Temporary files are named `.NAME.PID.kehoach-partial`;
 * any left by a run that was killed are removed by the next run into the folder.
 */

/** The field (JSON, YAML) or comment tag (Markdown, XML) recording the hash of the input an output came from. */
export const HASH_FIELD = "inputSha256";

const PARTIAL = /\.(\d+)\.kehoach-partial$/;
const active = new Set<string>();

/** Output path of every input; two inputs landing on one output are a usage error, before any work. */
export function outputTargets(items: readonly InputItem[], outDir: string, extension: string): Map<InputItem, string> {
  const targets = new Map<InputItem, string>();
  const owners = new Map<string, InputItem>();
  for (const item of items) {
    const target = join(outDir, `${item.name}${extension}`);
    const key = target.normalize("NFC").toLowerCase(); // case-insensitive disks (Windows, macOS) would merge them
    const other = owners.get(key);
    if (other) {
      throw new UsageError(
        `Hai đầu vào ${other.path} và ${item.path} sẽ ghi cùng một tệp ${target}; hãy đổi tên hoặc chạy riêng. / ` +
          `Inputs ${other.path} and ${item.path} would both write ${target}; rename one or run them separately.`,
      );
    }
    owners.set(key, item);
    targets.set(item, target);
  }
  return targets;
}

/** Creates the output folder (or says in one line why it cannot) and removes temporary files a killed run left. */
export async function prepareOutputFolder(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw outputError(error, outDir);
  }
  await removeStalePartials(outDir);
}

async function removeStalePartials(folder: string): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await removeStalePartials(path);
    const pid = PARTIAL.exec(entry.name)?.[1];
    if (entry.isFile() && pid !== undefined && !processAlive(Number(pid))) await unlink(path).catch(() => {});
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Writes `content` to `target` whole or not at all; the temporary file is removed on any failure. */
export async function writeAtomically(target: string, content: string): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.kehoach-partial`);
  active.add(temporary);
  try {
    await mkdir(dirname(target), { recursive: true });
    const file = await open(temporary, "w");
    try {
      await file.writeFile(injectedFault() ? content.slice(0, content.length >> 1) : content);
      failIfInjected();
    } finally {
      await file.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw outputError(error, target);
  } finally {
    active.delete(temporary);
  }
}

/** The input hash an earlier run recorded in `target`, or null (no such file, or not written by kehoach). */
export async function recordedHash(target: string): Promise<string | null> {
  const file = await open(target, "r").catch(() => null);
  if (!file) return null;
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const match = new RegExp(`${HASH_FIELD}["']?:\\s*["']?([0-9a-f]{64})`).exec(head.toString("utf8", 0, bytesRead));
    return match?.[1] ?? null;
  } finally {
    await file.close();
  }
}

/** Removes this run's temporary files when it is interrupted (Ctrl-C, kill): nothing half-written stays. */
export function removePartialsOnSignal(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    for (const path of active) {
      try {
        unlinkSync(path);
      } catch {
        // already renamed or removed
      }
    }
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
}

/*
 * Test hook, honoured only with KEHOACH_TEST_HOOKS=1: KEHOACH_TEST_WRITE_FAULT="ENOSPC:3" makes the
 * third and later writes fail with that code after half their content, as a disk filling up would.
 */
let writes = 0;
let faultPending = false;
function injectedFault(): boolean {
  const spec = process.env["KEHOACH_TEST_HOOKS"] === "1" ? process.env["KEHOACH_TEST_WRITE_FAULT"] : undefined;
  if (!spec) return false;
  const from = Number(spec.split(":")[1] ?? 1);
  faultPending = ++writes >= from;
  return faultPending;
}
function failIfInjected(): void {
  if (!faultPending) return;
  faultPending = false;
  const code = process.env["KEHOACH_TEST_WRITE_FAULT"]?.split(":")[0] ?? "EIO";
  throw Object.assign(new Error(`${code}: injected write failure`), { code });
}

export { OutputError };
