import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderPerformance, type BenchResults } from "../../../bench/readme-table.ts";

const root = (path: string) => readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), "utf8");

describe("README Performance table", () => {
  it("is the one bench/results.json gives (`pnpm bench` then `pnpm bench-table`)", () => {
    const results = JSON.parse(root("bench/results.json")) as BenchResults;
    expect(results.quick).toBe(false);
    expect(root("README.md")).toContain(renderPerformance(results));
  });
});
