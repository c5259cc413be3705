import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from "node:fs/promises";
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
    await makeFolder(outDir);
  } catch (error) {
    throw outputError(error, outDir);
  }
  await removeStalePartials(outDir);
}

const made = new Set<string>();

/**
 * `mkdir -p`, one level at a time: Node's `mkdir(…, { recursive: true })` never returns for some
 * impossible paths (under /proc it spins forever).
 */
async function makeFolder(path: string): Promise<void> {
  if (made.has(path)) return;
  try {
    await mkdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && dirname(path) !== path) {
      await makeFolder(dirname(path));
      await mkdir(path).catch((again: NodeJS.ErrnoException) => {
        if (again.code !== "EEXIST") throw again;
      });
    } else if (code !== "EEXIST") {
      throw error;
    }
    if (!(await stat(path)).isDirectory()) throw Object.assign(new Error(`${path} is not a folder`), { code: "ENOTDIR" });
  }
  made.add(path);
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

/** Writes `content` (text, or bytes such as a workbook) to `target` whole or not at all; the temporary file is removed on any failure. */
export async function writeAtomically(target: string, content: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.kehoach-partial`);
  active.add(temporary);
  try {
    await makeFolder(dirname(target));
    const file = await open(temporary, "w");
    try {
      const hooks = testHooks();
      if (hooks) {
        await hooks.write(file, content);
      } else {
        await file.writeFile(content);
      }
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
 * Test hooks, honoured only with KEHOACH_TEST_HOOKS=1 (the CLI tests set it):
 * KEHOACH_TEST_WRITE_FAULT="ENOSPC:3" makes the third and later writes fail with that code after half
 * their content, as a disk filling up would; KEHOACH_TEST_WRITE_DELAY_MS=N pauses N ms halfway through
 * each write, so a test can kill the process while a temporary file is half written.
 */
let writes = 0;
function testHooks(): { write(file: FileHandle, content: string | Uint8Array): Promise<void> } | null {
  if (process.env["KEHOACH_TEST_HOOKS"] !== "1") return null;
  const [code, from] = (process.env["KEHOACH_TEST_WRITE_FAULT"] ?? "").split(":");
  const delay = Number(process.env["KEHOACH_TEST_WRITE_DELAY_MS"] ?? 0);
  return {
    async write(file, content) {
      const bytes = typeof content === "string" ? Buffer.from(content) : content;
      const half = bytes.length >> 1;
      await file.write(bytes.subarray(0, half));
      if (code && ++writes >= Number(from ?? 1)) throw Object.assign(new Error(`${code}: injected write failure`), { code });
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      await file.write(bytes.subarray(half));
    },
  };
}

export { OutputError };
