/**
 * `pnpm bench --quick` runs and writes a results file of the documented shape. The figures are not
 * checked (they depend on the machine and its load); only that every row is a figure or a skip with
 * its reason.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

interface Results {
  version: number;
  quick: boolean;
  seconds: number;
  machine: { cores: number; cpu: string; node: string; loadStart: number[]; loadEnd: number[] };
  sections: { title: string; columns: [string, string][]; rows: { name: string; ms?: number; skipped?: string }[]; notes: string[] }[];
}

it("bench/run.ts --quick prints its tables and writes valid JSON", { timeout: 90_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "kehoach-bench-test-"));
  const out = join(dir, "results.json");
  try {
    const run = spawnSync(process.execPath, ["--conditions=@kehoach/source", "--no-warnings=ExperimentalWarning", "bench/run.ts", "--quick", "--out", out], { cwd: ROOT, encoding: "utf8", timeout: 85_000 });
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(out, "utf8")) as Results;
    console.log(`bench --quick: ${results.seconds} s`);
    expect(results.version).toBe(1);
    expect(results.quick).toBe(true);
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.cpu.length).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    expect(results.machine.loadEnd).toHaveLength(3);
    expect(results.sections.map((s) => s.title.split(/[:,]/)[0])).toEqual(["Text → Plan", "Text → Plan per seed (parseText", "Formats", "Scaling", "Folder", "Browser"]);
    for (const section of results.sections) {
      expect(section.rows.length, section.title).toBeGreaterThan(0);
      for (const row of section.rows) {
        const measured = typeof row.ms === "number" && Number.isFinite(row.ms) && row.ms >= 0;
        const skipped = typeof row.skipped === "string" && row.skipped.length > 0;
        expect(measured || skipped, `${section.title} / ${row.name}: ${JSON.stringify(row)}`).toBe(true);
      }
    }
    // The stage rows of the text section, so the dominant stage shows.
    const stages = results.sections[0]?.rows.map((r) => r.name.split(" ")[0]);
    expect(stages).toEqual(expect.arrayContaining(["normalise", "lex", "grammar", "mapping", "analysis", "checks", "validate", "bare"]));
    expect(run.stdout).toContain("## Text → Plan");
    expect(run.stdout).toContain("## Folder");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
