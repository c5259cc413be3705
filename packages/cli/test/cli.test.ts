import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  it("converts a folder into one JSON file per document, with progress, and no partial files", () => {
    const out = mkdtempSync(join(tmpdir(), "kehoach-cli-"));
    const result = run("parse", "fixtures/seeds", "--out", out);
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["000.txt.json", "001.txt.json", "002.txt.json", "003.txt.json", "004.txt.json"]);
    expect(result.stderr).toContain("[5/5] 004.txt");
    const plan = JSON.parse(readFileSync(join(out, "002.txt.json"), "utf8")) as { supersedes: { number: string } };
    expect(plan.supersedes.number).toBe("1880/KH-UBND");
    expect(readdirSync(out).some((name) => name.endsWith(".partial"))).toBe(false);
  });
  it("keeps going past an unreadable file and exits 2", () => {
    const out = mkdtempSync(join(tmpdir(), "kehoach-cli-"));
    const result = run("parse", "fixtures/seeds/001.txt", "missing.txt", "--out", out);
    expect(result.status).toBe(2);
    expect(existsSync(join(out, "001.txt.json"))).toBe(true);
    expect(result.stderr).toContain("missing.txt");
  });
  it("exits 1 when findings reach --fail-on", () => {
    expect(run("parse", "fixtures/seeds/000.txt", "--fail-on", "error").status).toBe(1);
    expect(run("parse", "fixtures/seeds/002.txt", "--fail-on", "error").status).toBe(0);
  });
  it("reads a folder with a worker pool: JSON Lines in input order naming their input, a damaged file as an error record and one line", () => {
    const folder = mkdtempSync(join(tmpdir(), "kehoach-cli-in-"));
    copyFileSync(join(root, "fixtures/seeds/000.txt"), join(folder, "a.txt"));
    writeFileSync(join(folder, "b.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n");
    copyFileSync(join(root, "fixtures/seeds/002.txt"), join(folder, "c.txt"));
    const result = run("parse", folder, "--json", "--workers", "2");
    expect(result.status).toBe(2);
    const records = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { input: string; supersedes?: unknown; error?: { code: string; messageEn: string } });
    expect(records.map((r) => r.input)).toEqual([join(folder, "a.txt"), join(folder, "b.pdf"), join(folder, "c.txt")]);
    expect(records.map((r) => r.supersedes !== null)).toEqual([false, true, true]); // a.txt (000), b.pdf (no plan), c.txt (002)
    expect(records[1]?.error?.code).toBe("corrupt-file");
    expect(records[1]?.error?.messageEn).toMatch(/PDF/);
    const errors = result.stderr.split("\n").filter((line) => line.startsWith("kehoach:") && line.includes("b.pdf"));
    expect(errors).toHaveLength(1);
    expect(result.stderr).toContain("2 đã đọc / read (2 có phát hiện / with findings), 1 lỗi / failed (corrupt-file 1)");
  });
  it("refuses a bad --workers in one line", () => {
    const result = run("parse", "fixtures/seeds", "--workers", "0");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/workers/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
