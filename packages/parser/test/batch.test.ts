/**
 * parseMany: a worker_threads pool in the library. Every test starts real workers (about a second
 * each to load the parser), so inputs are few; misbehaving inputs come from test/support/batch-parser.ts,
 * loaded into the workers through the `module` option.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseText } from "@kehoach/parser";
import type { Plan } from "@kehoach/model";
import { parseMany, type BatchInput, type BatchResult } from "../src/batch/index.ts";

const fixtures = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
const MODULE = new URL("./support/batch-parser.ts", import.meta.url);
const BATCH = new URL("../src/batch/index.ts", import.meta.url);
const seeds = ["000", "001", "002", "003", "004"].map((s) => ({ id: `seed ${s}`, text: readFileSync(`${fixtures}seeds/${s}.txt`, "utf8") }));
const utf8 = (s: string) => new TextEncoder().encode(s);
const input = (id: string, text: string): BatchInput => ({ id, bytes: utf8(text) });

async function collect<T>(results: AsyncIterable<BatchResult<T>>): Promise<BatchResult<T>[]> {
  const out: BatchResult<T>[] = [];
  for await (const r of results) out.push(r);
  return out;
}
const codeOf = (r: BatchResult<unknown> | undefined) => (r === undefined ? "missing" : "error" in r ? r.error.code : "plan");

/** Runs an ES module in a fresh node and resolves with its exit code and output once it exits by itself. */
function runChild(code: string, limitMs: number): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--no-warnings", "--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`child still running after ${limitMs} ms (a hanging pool?)\n${stdout}\n${stderr}`));
    }, limitMs);
    child.on("exit", (status) => {
      clearTimeout(killer);
      resolve({ status, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

describe("parseMany", () => {
  it("parses every input once, under its id, to the Plan parseText gives; input order with ordered: true", async () => {
    const inputs: BatchInput[] = [
      ...seeds.map((s) => input(s.id, s.text)),
      { id: "binary", bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]) },
      { id: "a string", bytes: seeds[1]?.text ?? "" },
      { id: "empty", bytes: new Uint8Array(0) },
    ];
    const seen: string[] = [];
    const results = await collect(parseMany(inputs, { workers: 2, ordered: true, timeoutMs: 60_000, onResult: (r, done) => seen.push(`${done}:${r.id}`) }));
    expect(results.map((r) => r.id)).toEqual(inputs.map((i) => i.id));
    expect(seen).toEqual(inputs.map((i, k) => `${k + 1}:${i.id}`));
    for (const [k, seed] of seeds.entries()) {
      const r = results[k];
      expect(r && "plan" in r, `${seed.id}: ${JSON.stringify(r)}`).toBe(true);
      if (r && "plan" in r) expect(r.plan).toEqual(parseText(seed.text));
    }
    expect(results[5]).toMatchObject({ id: "binary", error: { code: "unsupported-format" } });
    expect(codeOf(results[6])).toBe("plan");
    expect(codeOf(results[7])).toBe("empty-document"); // parse() refuses empty bytes (parseText would give an empty Plan)
  });

  it("reads an input with its own parse options over the pool's, in the same threads", async () => {
    const text = seeds[0]?.text as string;
    const results = await collect(
      parseMany([input("pool's", text), { ...input("own", text), parse: { checks: false } }, input("pool's again", text)], { workers: 1, ordered: true, parse: { checks: true } }),
    );
    const plans = results.map((r) => ("plan" in r ? JSON.stringify(r.plan) : "error"));
    expect(plans).toEqual([JSON.stringify(parseText(text)), JSON.stringify(parseText(text, { checks: false })), JSON.stringify(parseText(text))]);
    expect(plans[0]).not.toBe(plans[1]); // the checks' findings are what the options change
  });

  it("yields as results are ready when not ordered: a slow input does not hold back the others", async () => {
    const inputs = [input("slow", "DELAY:2500"), input("fast 1", "DELAY:1"), input("fast 2", "DELAY:1"), input("fast 3", "DELAY:1")];
    const results = await collect(parseMany<{ delayed: number }>(inputs, { workers: 2, module: MODULE, timeoutMs: 30_000 }));
    expect(results.map((r) => r.id).sort()).toEqual(inputs.map((i) => i.id).sort());
    expect(results.at(-1)?.id).toBe("slow");
    expect(results.every((r) => "plan" in r)).toBe(true);
  });

  it("isolates inputs that crash their worker; the others parse and the pool goes on", async () => {
    const inputs = [
      input("ok 1", "DELAY:1"),
      input("uncaught", "THROW-UNCAUGHT"),
      input("ok 2", "DELAY:1"),
      input("unhandled rejection", "REJECT-UNHANDLED"),
      input("exit", "EXIT"),
      input("bug", "BUG"),
      input("ok 3", "DELAY:1"),
      input("seed", seeds[0]?.text ?? ""),
    ];
    const results = await collect(parseMany(inputs, { workers: 2, module: MODULE, ordered: true, timeoutMs: 30_000 }));
    expect(results.map(codeOf)).toEqual(["plan", "worker-crashed", "plan", "worker-crashed", "worker-crashed", "internal-error", "plan", "plan"]);
    const byId = new Map(results.map((r) => [r.id, r]));
    expect(JSON.stringify(byId.get("uncaught"))).toContain("boom from a timer");
    expect(JSON.stringify(byId.get("unhandled rejection"))).toContain("nobody handles this rejection");
    expect(JSON.stringify(byId.get("exit"))).toContain("code 3");
    expect(JSON.stringify(byId.get("bug"))).toContain("TypeError: a bug");
    const seed = byId.get("seed");
    expect(seed && "plan" in seed && (seed.plan as Plan).title).toBe(parseText(seeds[0]?.text ?? "").title);
  });

  it("times out a hanging input (busy loop or never-settling promise), replaces the worker and goes on", async () => {
    const t0 = performance.now();
    const inputs = [input("busy loop", "HANG-SYNC"), input("never settles", "HANG-ASYNC"), input("ok 1", "DELAY:1"), input("ok 2", "DELAY:1"), input("ok 3", "DELAY:1")];
    const results = await collect(parseMany(inputs, { workers: 2, module: MODULE, ordered: true, timeoutMs: 1500 }));
    const ms = performance.now() - t0;
    expect(results.map(codeOf)).toEqual(["worker-timeout", "worker-timeout", "plan", "plan", "plan"]);
    expect(ms).toBeLessThan(20_000); // 1.5 s per hang plus worker start-ups, on a loaded machine
  });

  it("turns running out of memory (maxMemoryMb) into worker-crashed, not a dead process", async () => {
    const results = await collect(parseMany([input("hog", "OOM"), input("ok", "DELAY:1")], { workers: 1, module: MODULE, maxMemoryMb: 64, ordered: true, timeoutMs: 30_000 }));
    expect(results.map(codeOf)).toEqual(["worker-crashed", "plan"]);
    expect(JSON.stringify(results[0])).toMatch(/memory/i);
  });

  it("reports a worker that dies after its result was sent through onWorkerError", async () => {
    const events: { lastId: string | null; code: string }[] = [];
    const inputs = [input("late", "LATE-THROW"), input("later", "DELAY:300"), input("ok", "DELAY:1")];
    const results = await collect(parseMany(inputs, { workers: 1, module: MODULE, ordered: true, timeoutMs: 30_000, onWorkerError: (e) => events.push({ lastId: e.lastId, code: e.error.code }) }));
    // The stray timer fires while "later" is in hand: that input is the one reported crashed.
    expect(results.map(codeOf)).toEqual(["plan", "worker-crashed", "plan"]);
    expect(events).toEqual([]);
    // With nothing in hand when it fires, the worker's death goes to onWorkerError.
    const idle: { lastId: string | null; code: string }[] = [];
    const it = parseMany([input("late", "LATE-THROW")], { workers: 1, module: MODULE, timeoutMs: 30_000, onWorkerError: (e) => idle.push({ lastId: e.lastId, code: e.error.code }) });
    const first = await it.next();
    expect(codeOf(first.value as BatchResult<unknown>)).toBe("plan");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await it.return();
    expect(idle).toEqual([{ lastId: "late", code: "worker-crashed" }]);
  });

  it("transfers whole-buffer bytes (detached afterwards), copies views and pooled Buffers, keeps bytes with transfer: false", async () => {
    const whole = utf8("ECHO-LENGTH whole");
    const pooled = Buffer.from("ECHO-LENGTH pooled"); // a view into Node's shared Buffer pool
    const kept = utf8("ECHO-LENGTH kept");
    const one = await collect(parseMany([{ id: "whole", bytes: whole }, { id: "pooled", bytes: pooled }], { workers: 1, module: MODULE, ordered: true }));
    expect(one.map((r) => ("plan" in r ? r.plan : r.error))).toEqual([{ length: 17 }, { length: 18 }]);
    expect(whole.byteLength).toBe(0);
    expect(pooled.toString()).toBe("ECHO-LENGTH pooled");
    const two = await collect(parseMany([{ id: "kept", bytes: kept }], { workers: 1, module: MODULE, transfer: false }));
    expect(two[0] && "plan" in two[0] && two[0].plan).toEqual({ length: 16 });
    expect(new TextDecoder().decode(kept)).toBe("ECHO-LENGTH kept");
  });

  it("reads inputs lazily (at most about two per worker ahead of the consumer) from sync and async iterables", async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<BatchInput> {
      for (let i = 0; i < 40; i++) {
        pulled++;
        yield input(`n${i}`, "DELAY:1");
      }
    }
    const it = parseMany(source(), { workers: 1, module: MODULE });
    await it.next();
    expect(pulled).toBeLessThanOrEqual(3);
    let count = 1;
    for await (const r of it) if ("plan" in r) count++;
    expect(count).toBe(40);
    function* sync(): Generator<BatchInput> {
      for (let i = 0; i < 5; i++) yield input(`s${i}`, "DELAY:1");
    }
    expect((await collect(parseMany(sync(), { workers: 2, module: MODULE }))).length).toBe(5);
  });

  it("throws for a malformed input, a module that cannot load, and an aborted signal — and still closes", async () => {
    await expect(collect(parseMany([{ id: "x" } as unknown as BatchInput]))).rejects.toThrow(TypeError);
    await expect(collect(parseMany([input("x", "DELAY:1")], { module: new URL("./support/no-such-module.ts", import.meta.url) }))).rejects.toThrow(/could not start/);
    const controller = new AbortController();
    const inputs = [input("a", "DELAY:1"), input("b", "HANG-ASYNC"), input("c", "HANG-ASYNC")];
    const run = (async () => {
      for await (const r of parseMany(inputs, { workers: 2, module: MODULE, signal: controller.signal })) if (r.id === "a") controller.abort();
    })();
    await expect(run).rejects.toThrow(/abort/i);
  });

  it("leaves nothing running: the process exits after a batch, after a break with hangs in flight, and after an abandoned iterator", async () => {
    const code = `
      import { parseMany } from ${JSON.stringify(BATCH.href)};
      const MODULE = ${JSON.stringify(MODULE.href)};
      const enc = (s) => new TextEncoder().encode(s);
      let n = 0;
      for await (const r of parseMany([{ id: "a", bytes: enc("Căn cứ Luật;") }, { id: "b", bytes: enc("DELAY:1") }], { workers: 2 })) n++;
      for await (const r of parseMany([{ id: "ok", bytes: enc("DELAY:1") }, { id: "h1", bytes: enc("HANG-SYNC") }, { id: "h2", bytes: enc("HANG-ASYNC") }], { workers: 3, module: MODULE, timeoutMs: 600000 })) { n++; break; }
      const it = parseMany([{ id: "x", bytes: enc("DELAY:1") }, { id: "y", bytes: enc("DELAY:1") }], { workers: 2, module: MODULE });
      await it.next(); n++;
      console.log("results", n);
    `;
    const child = await runChild(code, 40_000);
    expect(child.stderr).toBe("");
    expect(child.stdout.trim()).toBe("results 4");
    expect(child.status).toBe(0);
  });
});
