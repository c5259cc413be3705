import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ["--conditions=@kehoach/source", "--no-warnings=ExperimentalWarning", "packages/cli/src/main.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });

describe("kehoach parse", () => {
  it("prints the Plan JSON of a seed", () => {
    const result = run("parse", "fixtures/seeds/001.txt", "--json");
    expect(result.status).toBe(0);
    const plan = JSON.parse(result.stdout) as { title: string; legalBases: unknown[] };
    expect(plan.title).toMatch(/^Thực hiện Tiểu dự án 1/);
    expect(plan.legalBases).toHaveLength(4);
  });
  it("says in one line that a file is missing, and exits non-zero", () => {
    const result = run("parse", "no-such-file.txt");
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("no-such-file.txt");
  });
});
