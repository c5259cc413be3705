import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OriginRuns } from "../../src/normalize/origins.ts";

describe("origin runs", () => {
  it("read back as the plain array of the offsets appended", () => {
    const appends = fc.array(fc.tuple(fc.nat(50), fc.integer({ min: 0, max: 5 }), fc.boolean()), { maxLength: 40 });
    fc.assert(
      fc.property(appends, fc.nat(), fc.nat(), (steps, a, b) => {
        const runs = new OriginRuns();
        const plain: number[] = [];
        let next = 0;
        for (const [jump, count, goOn] of steps) {
          // Either the offsets go on where the last left off (one run) or they jump (a new one).
          const from = goOn ? next : next + jump;
          runs.append(from, count);
          for (let k = 0; k < count; k++) plain.push(from + k);
          if (count > 0) next = from + count;
        }
        expect(runs.length).toBe(plain.length);
        plain.forEach((from, k) => expect(runs.at(k)).toBe(from));
        expect(runs.at(plain.length)).toBe(-1);
        const [start, end] = [Math.min(a, b) % (plain.length + 1), Math.max(a, b) % (plain.length + 1)].sort((x, y) => x - y) as [number, number];
        const out = new Int32Array(end - start);
        runs.copy(start, end, out, 0);
        expect(Array.from(out)).toEqual(plain.slice(start, end));
      }),
    );
  });

  it("read back as the plain array through every way of appending: runs, inserted characters, repeats, another's stretch", () => {
    const step = fc.oneof(
      fc.tuple(fc.constant("run" as const), fc.nat(50), fc.integer({ min: 0, max: 5 })),
      fc.tuple(fc.constant("inserted" as const), fc.constant(-1), fc.integer({ min: 0, max: 3 })),
      fc.tuple(fc.constant("same" as const), fc.nat(50), fc.integer({ min: 0, max: 3 })),
      fc.tuple(fc.constant("from" as const), fc.nat(), fc.nat()),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.nat(), fc.nat(), (steps, a, b) => {
        const runs = new OriginRuns();
        const plain: number[] = [];
        for (const [kind, x, y] of steps) {
          if (kind === "run") {
            runs.append(x, y);
            for (let k = 0; k < y; k++) plain.push(x + k);
          } else if (kind === "inserted") {
            runs.append(-1, y);
            for (let k = 0; k < y; k++) plain.push(-1);
          } else if (kind === "same") {
            runs.appendSame(x, y);
            for (let k = 0; k < y; k++) plain.push(x);
          } else {
            // A stretch of what was appended so far, from the runs themselves or from a plain array of it.
            const [from, to] = [x % (plain.length + 1), y % (plain.length + 1)].sort((p, q) => p - q) as [number, number];
            const copy = plain.slice(from, to);
            runs.appendFrom(x % 2 === 0 ? cloneOf(runs) : Int32Array.from(plain), from, to);
            plain.push(...copy);
          }
        }
        expect(runs.length).toBe(plain.length);
        plain.forEach((from, k) => expect(runs.at(k)).toBe(from));
        const [start, end] = [a % (plain.length + 1), b % (plain.length + 1)].sort((p, q) => p - q) as [number, number];
        const seen: number[] = [];
        let next = start;
        runs.forEachRun(start, end, (outStart, inStart, count) => {
          expect(outStart).toBe(next);
          next += count;
          for (let k = 0; k < count; k++) seen.push(inStart < 0 ? -1 : inStart + k);
        });
        expect(seen).toEqual(plain.slice(start, end));
      }),
    );
  });
});

/** Another OriginRuns with the same offsets (appending from a run list to itself would read what it writes). */
function cloneOf(runs: OriginRuns): OriginRuns {
  const copy = new OriginRuns();
  copy.appendFrom(Int32Array.from({ length: runs.length }, (_, k) => runs.at(k)), 0, runs.length);
  return copy;
}
