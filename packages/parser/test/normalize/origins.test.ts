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
});
