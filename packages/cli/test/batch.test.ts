import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { messages, run, scratch, seed, start } from "./support.ts";

/** Every file under `folder`, relative to it, sorted. */
function files(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else found.push(relative(folder, join(dir, entry.name)));
    }
  };
  if (existsSync(folder)) walk(folder);
  return found.sort();
}

/** A folder of `n` plans in two sub-folders (the seeds in turn), plus what a real folder also holds. */
function plansFolder(n: number): string {
  const folder = scratch("kehoach-plans-");
  for (const sub of ["a", "b"]) mkdirSync(join(folder, sub));
  for (let i = 0; i < n; i++) copyFileSync(seed(i % 5), join(folder, i % 2 ? "b" : "a", `${String(i).padStart(3, "0")}.txt`));
  return folder;
}

describe("batches", () => {
  it("a folder of 200 files: one output each, mirrored, and the summary counts them right", { timeout: 120_000 }, () => {
    const folder = plansFolder(198);
    writeFileSync(join(folder, "a", "empty.txt"), "");
    writeFileSync(join(folder, "b", "broken.docx"), "PK\u0003\u0004broken");
    writeFileSync(join(folder, "notes.bin"), "ignored: not a document extension");
    const out = join(folder, "out");
    const result = run(["parse", join(folder, "a"), join(folder, "b"), "--out", out, "--workers", "1"]);
    expect(result.status).toBe(2);
    const written = files(out);
    expect(written).toHaveLength(198);
    expect(written[0]).toBe(join("a", "000.txt.json"));
    expect(written.at(-1)).toBe(join("b", "197.txt.json"));
    expect(messages(result.stderr).at(-1)).toBe(
      "kehoach: 198 đã đọc / read (198 có phát hiện / with findings), 2 lỗi / failed (empty-document 1, corrupt-file 1)",
    );
    expect(result.stderr).toContain("[200/200] ");
    const plan = JSON.parse(readFileSync(join(out, "b", "197.txt.json"), "utf8")) as { input: string };
    expect(plan.input).toBe(join(folder, "b", "197.txt"));
  });

  it("killed with SIGKILL mid-write: no partial output; the next run removes the temporary file and --resume does only the rest", { timeout: 120_000 }, async () => {
    const folder = plansFolder(12);
    const out = join(folder, "out");
    const args = ["parse", join(folder, "a"), join(folder, "b"), "--out", out, "--workers", "1", "--resume"];
    const child = start(args, { KEHOACH_TEST_HOOKS: "1", KEHOACH_TEST_WRITE_DELAY_MS: "400" });
    // Wait until some outputs are done and the next one is half written, then kill.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const now = files(out);
        if (now.filter((f) => f.endsWith(".json")).length >= 4 && now.some((f) => f.endsWith(".kehoach-partial"))) {
          clearInterval(timer);
          child.kill("SIGKILL");
          resolve();
        }
      }, 20);
      child.once("exit", () => {
        clearInterval(timer);
        reject(new Error("the batch ended before it could be killed"));
      });
    });
    await new Promise((resolve) => child.once("exit", resolve));
    const left = files(out);
    const done = left.filter((f) => f.endsWith(".json"));
    expect(left.some((f) => f.endsWith(".kehoach-partial"))).toBe(true); // SIGKILL cannot be caught: the temp file stays…
    for (const file of done) expect(() => JSON.parse(readFileSync(join(out, file), "utf8"))).not.toThrow(); // …but no output is partial
    const again = run(args);
    expect(again.status).toBe(0);
    expect(files(out).filter((f) => f.endsWith(".kehoach-partial"))).toEqual([]);
    expect(files(out)).toHaveLength(12);
    expect(messages(again.stderr).at(-1)).toBe(
      `kehoach: ${12 - done.length} đã đọc / read (${12 - done.length} có phát hiện / with findings), 0 lỗi / failed, ${done.length} đã có sẵn / up to date`,
    );
    // An input changed since is done again.
    copyFileSync(seed(3), join(folder, "a", "000.txt"));
    const third = run(args);
    expect(messages(third.stderr).at(-1)).toContain("1 đã đọc / read");
  });

  it("a write failing mid-batch (disk full): one clear line per input, no half-written file, the other inputs still done, exit 2", () => {
    const folder = plansFolder(5);
    const out = join(folder, "out");
    const result = run(["parse", join(folder, "a"), join(folder, "b"), "--out", out, "--workers", "1"], {
      env: { KEHOACH_TEST_HOOKS: "1", KEHOACH_TEST_WRITE_FAULT: "ENOSPC:4" },
    });
    expect(result.status).toBe(2);
    expect(files(out)).toEqual([join("a", "000.txt.json"), join("a", "002.txt.json"), join("a", "004.txt.json")]); // a/ is read first
    const lines = messages(result.stderr);
    expect(lines.slice(0, 2)).toEqual([
      `kehoach: ${join(folder, "b", "001.txt")}: Không ghi được ${join(out, "b", "001.txt.json")}: ổ đĩa đã đầy. / Cannot write ${join(out, "b", "001.txt.json")}: the disk is full.`,
      `kehoach: ${join(folder, "b", "003.txt")}: Không ghi được ${join(out, "b", "003.txt.json")}: ổ đĩa đã đầy. / Cannot write ${join(out, "b", "003.txt.json")}: the disk is full.`,
    ]);
    expect(lines.at(-1)).toBe("kehoach: 3 đã đọc / read (3 có phát hiện / with findings), 2 lỗi / failed (write-failed 2)");
  });

  it("an impossible --out is one line, exit 2, and nothing is read", () => {
    const folder = scratch();
    writeFileSync(join(folder, "file"), "");
    const result = run(["parse", seed(0), "--out", join(folder, "file", "out")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `kehoach: Không ghi được ${join(folder, "file", "out")}: đường dẫn có một tệp ở chỗ cần thư mục. / Cannot write ${join(folder, "file", "out")}: a file stands where a folder is needed.\n`,
    );
  });
});
