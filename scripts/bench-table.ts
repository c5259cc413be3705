/** Rewrites README.md's Performance table from bench/results.json (run after `pnpm bench`). */
import { readFileSync, writeFileSync } from "node:fs";
import { withPerformance, type BenchResults } from "../bench/readme-table.ts";

const results = JSON.parse(readFileSync("bench/results.json", "utf8")) as BenchResults;
writeFileSync("README.md", withPerformance(readFileSync("README.md", "utf8"), results));
console.log(`README.md: Performance table from the run of ${results.startedAt}`);
