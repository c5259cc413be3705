import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages, run, scratch, seed } from "./support.ts";

describe("kehoach parse", () => {
  it("exits 1 when findings reach --fail-on", () => {
    expect(run(["parse", seed(0), "--fail-on", "error"]).status).toBe(1);
    expect(run(["parse", seed(2), "--fail-on", "error"]).status).toBe(0);
  });
  it("reads a folder with a worker pool: JSON Lines in input order naming their input, a damaged file as an error record and one line", () => {
    const folder = scratch("kehoach-cli-in-");
    copyFileSync(seed(0), join(folder, "a.txt"));
    writeFileSync(join(folder, "b.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n");
    copyFileSync(seed(2), join(folder, "c.txt"));
    const result = run(["parse", folder, "--json", "--workers", "2"]);
    expect(result.status).toBe(2);
    const records = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { input: string; supersedes?: unknown; error?: { code: string; messageEn: string } });
    expect(records.map((r) => r.input)).toEqual([join(folder, "a.txt"), join(folder, "b.pdf"), join(folder, "c.txt")]);
    expect(records.map((r) => r.supersedes !== null)).toEqual([false, true, true]); // a.txt (000), b.pdf (no plan), c.txt (002)
    expect(records[1]?.error?.code).toBe("corrupt-file");
    expect(records[1]?.error?.messageEn).toMatch(/PDF/);
    expect(messages(result.stderr).filter((line) => line.includes("b.pdf"))).toHaveLength(1);
    expect(result.stderr).toContain("2 đã đọc / read (2 có phát hiện / with findings), 1 lỗi / failed (corrupt-file 1)");
  });
});
