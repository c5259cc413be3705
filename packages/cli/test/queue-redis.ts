/**
 * Test support for the queue tests: a real redis-server (Debian's) on a free port of 127.0.0.1, without
 * persistence (so a restart loses everything, the hardest case), and the `kehoach` CLI spawned as a user
 * runs it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  /** Stops it (SIGTERM; nothing is saved) and starts a new, empty one on the same port. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess = await launch(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    async restart(downMs = 500) {
      await halt(child);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      child = await launch(port);
    },
    stop: () => halt(child),
  };
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--maxmemory-policy", "noeviction"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${seen}`)), 10_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${seen}`)));
  });
  return child;
}

async function halt(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** A running `kehoach …` process: its output so far, its exit, and a wait for a line of its stderr. */
export interface Cli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves when stderr has a line matching `pattern` `count` times (rejects after `timeoutMs`). */
  waitFor(pattern: RegExp, count?: number, timeoutMs?: number): Promise<void>;
}

export function kehoach(args: string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, ["--conditions=@kehoach/source", "--no-warnings=ExperimentalWarning", "packages/cli/src/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const watchers = new Set<() => void>();
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
    for (const w of watchers) w();
  });
  // After "exit" the last of the output may still be in the pipes: wait for "close" (all of it read), but
  // not past 2 s, in case a process it started still holds a pipe open.
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      const timer = setTimeout(() => resolve(code), 2000);
      child.once("close", () => {
        clearTimeout(timer);
        resolve(code);
      });
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, count = 1, timeoutMs = 60_000) {
      const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
      const global = new RegExp(pattern.source, flags);
      return new Promise((resolve, reject) => {
        const check = () => {
          if ((err.match(global) ?? []).length >= count) {
            watchers.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`no ${count}× ${pattern} in stderr of kehoach ${args.join(" ")}:\n${err.slice(-2000)}`));
        }, timeoutMs);
        watchers.add(check);
        check();
        void exited.then(() => setTimeout(check, 50));
      });
    },
  };
}
