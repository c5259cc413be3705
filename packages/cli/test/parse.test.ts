import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { messages, root, run, sample, scratch, seed } from "./support.ts";

describe("kehoach parse: formats", () => {
  it("--format json, yaml and jsonl give the same Plan; jsonl names its input", () => {
    const json = JSON.parse(run(["parse", seed(2), "--format", "json"]).stdout) as { title: string; legalBases: unknown[] };
    const yaml = parseYaml(run(["parse", seed(2), "--format", "yaml"]).stdout) as typeof json;
    const line = run(["parse", seed(2), "--format", "jsonl"]).stdout.trim();
    expect(line.split("\n")).toHaveLength(1);
    const record = JSON.parse(line) as typeof json & { input: string };
    expect(yaml).toEqual(json);
    expect(record).toEqual({ input: seed(2), ...json });
    expect(json.title).toMatch(/^Thực hiện nhiệm vụ thông tin đối ngoại/);
  });
  it("--format md renders the Plan back as Markdown that reads to the same plan", () => {
    const md = run(["parse", seed(2), "--format", "md"]);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# KẾ HOẠCH$/m);
    const again = JSON.parse(run(["parse", "-", "--format", "json"], { input: md.stdout }).stdout) as { source: { format: string }; title: string; legalBases: unknown[] };
    const first = JSON.parse(run(["parse", seed(2), "--format", "json"]).stdout) as typeof again;
    expect(again.source.format).toBe("markdown");
    expect([again.title, again.legalBases.length]).toEqual([first.title, first.legalBases.length]);
  });
  it("--format akn: Akoma Ntoso that validates against the schema, on stdout and under --out (where it records its input for --resume)", () => {
    const out = scratch();
    const single = run(["parse", sample("000.docx"), "--format", "akn"]);
    expect(single.status).toBe(0);
    writeFileSync(join(out, "single.xml"), single.stdout);
    expect(run(["parse", seed(1), seed(4), "--format", "akn", "--out", out, "--workers", "1", "--quiet"]).status).toBe(0);
    const files = [join(out, "single.xml"), join(out, "001.txt.akn.xml"), join(out, "004.txt.akn.xml")];
    const xmllint = spawnSync("xmllint", ["--noout", "--schema", join(root, "fixtures/schemas/akn/akomantoso30.xsd"), ...files], { encoding: "utf8" });
    expect(xmllint.stderr.trim().split("\n")).toEqual(files.map((f) => `${f} validates`));
    expect(readFileSync(files[1] as string, "utf8")).toMatch(/^<\?xml [^>]*\?>\n<!-- kehoach input: \S+001\.txt inputSha256: [0-9a-f]{64} -->/);
    const again = run(["parse", seed(1), seed(4), "--format", "akn", "--out", out, "--workers", "1", "--resume"]);
    expect(messages(again.stderr).at(-1)).toContain("2 đã có sẵn / up to date");
  });
  it("summary: the plan's parts and findings", () => {
    const result = run(["parse", seed(1), "--format", "summary"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^KẾ HOẠCH: Thực hiện Tiểu dự án 1/);
    expect(result.stdout).toContain("Căn cứ: 4");
  });
  it("reads standard input with -", () => {
    const result = run(["parse", "-", "--format", "jsonl"], { input: readFileSync(seed(1)) });
    expect(result.status).toBe(0);
    const record = JSON.parse(result.stdout) as { input: string; legalBases: unknown[] };
    expect(record.input).toBe("-");
    expect(record.legalBases).toHaveLength(4);
    const empty = run(["parse", "-", "--format", "jsonl"], { input: "" });
    expect(empty.status).toBe(2);
    expect(JSON.parse(empty.stdout)).toEqual({ input: "-", error: { code: "empty-document", message: "Văn bản không có nội dung.", messageEn: "The document is empty." } });
  });
  it("several inputs as YAML: one document each, naming its input; a failed one with its typed error", () => {
    const folder = scratch();
    writeFileSync(join(folder, "broken.docx"), "PK\u0003\u0004 not really a zip");
    const result = run(["parse", seed(0), join(folder, "broken.docx"), "--format", "yaml", "--quiet"]);
    expect(result.status).toBe(2);
    const docs = parseAllDocuments(result.stdout).map((d) => d.toJS() as { input: string; error?: { code: string; message: string; messageEn: string } });
    expect(docs.map((d) => d.input)).toEqual([seed(0), join(folder, "broken.docx")]);
    expect(docs[1]?.error?.code).toBe("corrupt-file");
    expect(docs[1]?.error?.messageEn).toMatch(/\w/);
    expect(result.stderr).toBe(`kehoach: ${join(folder, "broken.docx")}: ${docs[1]?.error?.message} / ${docs[1]?.error?.messageEn}\n`);
  });
  it("md and akn for several inputs need --out", () => {
    const result = run(["parse", seed(0), seed(1), "--format", "md"]);
    expect(result.status).toBe(2);
    expect(messages(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain("need --out");
  });
});

describe("kehoach parse: outputs under --out", () => {
  it("mirrors relative paths, so two plan.txt in different folders both survive", () => {
    const folder = scratch();
    for (const [dir, n] of [["a", 0], ["b", 2]] as const) {
      mkdirSync(join(folder, dir));
      copyFileSync(seed(n), join(folder, dir, "plan.txt"));
    }
    const out = join(folder, "out");
    const result = run(["parse", join(folder, "a/plan.txt"), join(folder, "b/plan.txt"), "--out", out]);
    expect(result.status).toBe(0);
    const a = JSON.parse(readFileSync(join(out, "a/plan.txt.json"), "utf8")) as { input: string; inputSha256: string; supersedes: unknown };
    const b = JSON.parse(readFileSync(join(out, "b/plan.txt.json"), "utf8")) as typeof a;
    expect([a.supersedes, b.supersedes !== null]).toEqual([null, true]); // 000 has none, 002 replaces a plan
    expect(a.input).toBe(join(folder, "a/plan.txt"));
    expect(a.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.stderr).toContain("2 đã đọc / read");
  });
  it("refuses, before any work, two inputs that would write one output", () => {
    const out = scratch();
    const result = run(["parse", seed(0), seed(0), "--out", out]);
    expect(result.status).toBe(2);
    expect(messages(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain("would both write");
    expect(readdirSync(out)).toEqual([]);
  });
  it("writes YAML files with --format yaml", () => {
    const out = scratch();
    expect(run(["parse", seed(3), "--out", out, "--format", "yaml"]).status).toBe(0);
    const plan = parseYaml(readFileSync(join(out, "003.txt.yaml"), "utf8")) as { inputSha256: string; legalBases: unknown[] };
    expect(plan.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.legalBases.length).toBeGreaterThan(0);
  });
});

describe("kehoach parse: input limits", () => {
  it("an empty file is an empty-document error, exit 2", () => {
    const folder = scratch();
    writeFileSync(join(folder, "empty.txt"), " \n\n");
    const result = run(["parse", join(folder, "empty.txt"), "--format", "jsonl"]);
    expect(result.status).toBe(2);
    expect(messages(result.stderr)).toEqual([`kehoach: ${join(folder, "empty.txt")}: Văn bản không có nội dung. / The document is empty.`]);
  });
  it("past --max-size: too-large, without a crash", () => {
    const result = run(["parse", seed(0), "--max-size", "0.01"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/too large \(0\.022 MB; the limit is 0\.01 MB\)/);
  });
  it("a README named on its own is parsed with a not-a-document warning; found in a folder it is skipped, and the summary says so", () => {
    const folder = scratch();
    writeFileSync(join(folder, "README.md"), "# Tools\n\nScripts for the office.\n\n## Usage\n\n- run `make`\n");
    copyFileSync(seed(1), join(folder, "plan.txt"));
    const alone = run(["parse", join(folder, "README.md"), "--format", "json"]);
    expect(alone.status).toBe(0);
    expect((JSON.parse(alone.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code)).toContain("not-a-document");
    const out = join(folder, "out");
    const walked = run(["parse", folder, "--out", out]);
    expect(walked.status).toBe(0);
    expect(readdirSync(out)).toEqual(["plan.txt.json"]);
    expect(walked.stderr).toContain("1 đã đọc / read (1 có phát hiện / with findings), 0 lỗi / failed, 1 bỏ qua / skipped (not-a-document 1)");
  });
});

describe("kehoach: usage", () => {
  it("--version and -V print the version", () => {
    const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
    expect(run(["--version"]).stdout.trim()).toBe(version);
    expect(run(["-V"]).stdout.trim()).toBe(version);
  });
  it("--help for every command, with examples", () => {
    for (const args of [["--help"], ["parse", "--help"], ["check", "--help"]]) {
      const result = run(args);
      expect(result.status, args.join(" ")).toBe(0);
      expect(result.stdout).toMatch(/Examples:/);
    }
  });
  it("bad usage exits 2 in one line, never a stack trace", () => {
    for (const args of [["parse", "--bogus", seed(0)], ["check"], ["parse", seed(0), "--workers", "0"], ["parse", seed(0), "--resume"]]) {
      const result = run(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).not.toMatch(/\n\s+at /);
    }
  });
  it("an internal error is one line and a hint; --debug adds its stack", () => {
    const env = { KEHOACH_TEST_HOOKS: "1", KEHOACH_TEST_INTERNAL_ERROR: "1" };
    const plain = run(["parse", seed(0)], { env });
    expect(plain.status).toBe(2);
    expect(plain.stderr).toMatch(/^kehoach: lỗi nội bộ \/ internal error: injected internal error\n.*--debug/);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = run(["--debug", "parse", seed(0)], { env });
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at processBatch/);
  });
});

it("reads a Markdown sample, a DOCX and a PDF through the same command", () => {
  const result = run(["parse", sample("000.clean.md"), sample("000.docx"), sample("000.pdf"), "--format", "jsonl", "--workers", "1", "--quiet"]);
  expect(result.status).toBe(0);
  const records = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { input: string; source: { format: string }; budget: { total: { amount: number } } });
  expect(records.map((r) => r.source.format)).toEqual(["markdown", "docx", "pdf"]);
  expect(records.map((r) => r.budget.total.amount)).toEqual([9753000000, 9753000000, 9753000000]);
  expect(result.stderr).toBe("");
});
