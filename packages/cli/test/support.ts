import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The CLI as a user runs it: `node packages/cli/src/main.ts …` from the repository root. */
export const root = fileURLToPath(new URL("../../../", import.meta.url));
const ARGS = ["--conditions=@kehoach/source", "--no-warnings=ExperimentalWarning", "packages/cli/src/main.ts"];

export interface RunOptions {
  input?: string | Uint8Array;
  env?: Record<string, string>;
  cwd?: string;
}

export function run(args: readonly string[], options: RunOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...ARGS.slice(0, 2), join(root, ARGS[2] as string), ...args], {
    cwd: options.cwd ?? root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
}

/** Starts the CLI without waiting, for tests that kill it. */
export function start(args: readonly string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, [...ARGS.slice(0, 2), join(root, ARGS[2] as string), ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function scratch(prefix = "kehoach-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const seed = (n: number) => join(root, `fixtures/seeds/00${n}.txt`);
export const sample = (name: string) => join(root, `fixtures/samples/${name}`);

/** stderr lines the CLI wrote as messages (progress lines `[3/5] …` left out). */
export function messages(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.startsWith("kehoach:"));
}
