/**
 * pdf.js rejects some of its own promises after a damaged PDF was already reported unreadable
 * (src/input/pdf/late-rejections.ts). Vitest listens for unhandled rejections itself, which would hide
 * the crash, so the damaged files are parsed in a plain Node process: it must finish, not die.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

describe("late pdf.js rejections", () => {
  // The two cases `pnpm fuzz` (seed 1) found; before the fix each ended the process.
  it.each(["pdf:5414", "pdf:6826"])("fuzz case %s: a typed error, and the process lives on", (id) => {
    const run = spawnSync(process.execPath, ["--conditions=@kehoach/source", "--no-warnings=ExperimentalWarning", "packages/parser/test/support/parse-fuzz-case.ts", id], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 50_000,
    });
    expect(run.stderr).not.toMatch(/Unhandled|XRef/);
    expect(run.stdout.trim().split("\n").slice(-2)).toEqual(["corrupt-file", "alive"]);
    expect(run.status).toBe(0);
  });
});
