import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { messages, run, sample, scratch, seed } from "./support.ts";

/** The codes the README's table says a rule reports. */
const RULE_CODES = new Set(
  [...readFileSync(new URL("../../../README.md", import.meta.url), "utf8").matchAll(/^\| `([a-z-]+)` \| check \| (?:error|warning|info) \|/gm)].map((m) => m[1]),
);

describe("kehoach check: stylish", () => {
  it("points at the user's own lines, and exits 1 on error findings", () => {
    const result = run(["check", seed(0)]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split("\n");
    const file = readFileSync(seed(0), "utf8").split("\n");
    const duplicate = lines.find((line) => line.includes("section-duplicate")) as string;
    const [, line, column] = /^.*000\.txt:(\d+):(\d+)  error  section-duplicate  /.exec(duplicate) ?? [];
    expect(file[Number(line) - 1]?.slice(Number(column) - 1)).toMatch(/^II\. KINH PHÍ/);
    // …and the earlier II. the message names is on the file's line too.
    const earlier = Number(/đã có ở dòng (\d+)/.exec(duplicate)?.[1]);
    expect(file[earlier - 1]).toMatch(/^II\. /);
    for (const finding of lines.slice(0, -1)) expect(finding).toMatch(/^\S+?(:\d+:\d+)?  (error|warning|info)  [a-z-]+  \S/);
    expect(lines.at(-1)).toMatch(/^\d+ lỗi \/ errors, \d+ cảnh báo \/ warnings, \d+ ghi chú \/ notes$/);
  });
  it("a PDF's findings carry the page: path:pPAGE:LINE:COL", () => {
    const result = run(["check", sample("000.pdf"), "--only", "section-duplicate"]);
    expect(result.stdout).toContain(`${sample("000.pdf")}:p7:25:1  error  section-duplicate  `);
  });
  it("--only and --disable choose the rules; --max-warnings turns warnings into exit 1", () => {
    const folder = scratch();
    copyFileSync(seed(2), join(folder, "plan.txt"));
    writeFileSync(join(folder, "README.md"), "# Kế hoạch 2024\n\nCác tệp của phòng.\n");
    const only = run(["check", folder, "--only", "missing-issuer"]);
    expect(only.status).toBe(0);
    expect(only.stdout.trim().split("\n").slice(0, -1).map((line) => line.split("  ")[2])).toEqual(["missing-issuer"]);
    expect(only.stderr).toContain("1 bỏ qua / skipped (not-a-document 1)"); // the README, though --only left its rule out
    const disabled = run(["check", seed(0), "--disable", "citation-date-conflict,section-duplicate", "--format", "json"]);
    const codes = (JSON.parse(disabled.stdout) as { findings: { code: string }[] }[])[0]?.findings.map((f) => f.code) ?? [];
    expect(codes).not.toContain("section-duplicate");
    expect(codes).toContain("section-gap");
    expect(disabled.status).toBe(0); // the two error rules are off
    expect(run(["check", seed(2), "--only", "missing-issuer", "--max-warnings", "0"]).status).toBe(1);
    expect(run(["check", seed(2), "--only", "missing-issuer", "--max-warnings", "1"]).status).toBe(0);
    const unknown = run(["check", seed(2), "--only", "no-such-rule"]);
    expect(unknown.status).toBe(2);
    expect(messages(unknown.stderr)).toHaveLength(1);
  });
  it("exits 2 when an input cannot be read, still reporting the others", () => {
    const result = run(["check", seed(1), "missing.txt", "--quiet"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("001.txt");
    expect(messages(result.stderr)).toEqual(["kehoach: Không tìm thấy tệp hoặc thư mục: missing.txt / No such file or folder: missing.txt"]);
  });
});

/** The OASIS SARIF 2.1.0 JSON schema (fixtures/schemas/sarif, from @microsoft/sarif-multitool-linux). */
const sarifSchema = JSON.parse(readFileSync(new URL("../../../fixtures/schemas/sarif/sarif-2.1.0.json", import.meta.url), "utf8")) as object;
const validateSarif = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(sarifSchema);

/**
 * SARIF 2.1.0: valid against the OASIS schema, and beyond what the schema can say, the properties
 * review tools rely on: rules with help text, every result's ruleId matching its ruleIndex, a region
 * in the user's file.
 */
function expectValidSarif(log: Record<string, any>): void {
  expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
  expect(log["version"]).toBe("2.1.0");
  expect(log["$schema"]).toMatch(/sarif-2\.1\.0/);
  expect(Array.isArray(log["runs"])).toBe(true);
  for (const run of log["runs"] as any[]) {
    const driver = run.tool?.driver;
    expect(typeof driver?.name).toBe("string");
    expect(typeof driver?.version).toBe("string");
    const ids = (driver.rules as any[]).map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of driver.rules as any[]) {
      expect(rule.id).toMatch(/^[a-z-]+$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.help.text.length).toBeGreaterThan(10);
      expect(["none", "note", "warning", "error"]).toContain(rule.defaultConfiguration.level);
    }
    for (const invocation of run.invocations as any[]) {
      expect(typeof invocation.executionSuccessful).toBe("boolean");
      for (const note of invocation.toolExecutionNotifications) expect(note.message.text.length).toBeGreaterThan(0);
    }
    for (const result of run.results as any[]) {
      expect(Object.keys(result).every((key) => ["ruleId", "ruleIndex", "level", "message", "locations"].includes(key))).toBe(true);
      expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(["none", "note", "warning", "error"]).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations).toHaveLength(1);
      const physical = result.locations[0].physicalLocation;
      expect(() => new URL(physical.artifactLocation.uri, "file:///")).not.toThrow();
      expect(physical.artifactLocation.uri).not.toMatch(/[\s\\]/);
      if (physical.region) {
        expect(Number.isInteger(physical.region.startLine) && physical.region.startLine >= 1).toBe(true);
        expect(Number.isInteger(physical.region.startColumn) && physical.region.startColumn >= 1).toBe(true);
      }
    }
  }
}

describe("kehoach check: json, sarif, junit", () => {
  it("json: per input its findings with their place in the file", () => {
    const result = run(["check", seed(0), seed(2), "--format", "json", "--quiet", "--workers", "1"]);
    const reports = JSON.parse(result.stdout) as { input: string; format: string; findings: { code: string; at?: { line: number } }[] }[];
    expect(reports.map((r) => r.input)).toEqual([seed(0), seed(2)]);
    expect(reports[0]?.findings.find((f) => f.code === "section-duplicate")?.at?.line).toBe(455);
  });
  it("sarif: a valid SARIF 2.1.0 log with rule help from RULES, regions in the user's file, and the unreadable input as a notification", () => {
    const folder = scratch();
    copyFileSync(seed(0), join(folder, "kế hoạch.txt"));
    writeFileSync(join(folder, "bad.pdf"), "%PDF-1.7\nnot a pdf");
    const result = run(["check", join(folder, "kế hoạch.txt"), join(folder, "bad.pdf"), "--format", "sarif", "--quiet", "--workers", "1"]);
    expect(result.status).toBe(2);
    const log = JSON.parse(result.stdout) as Record<string, any>;
    expectValidSarif(log);
    const run0 = log["runs"][0];
    const duplicate = run0.results.find((r: any) => r.ruleId === "section-duplicate");
    expect(duplicate.level).toBe("error");
    expect(duplicate.locations[0].physicalLocation.region).toEqual({ startLine: 455, startColumn: 1 });
    expect(decodeURIComponent(duplicate.locations[0].physicalLocation.artifactLocation.uri)).toBe(`file://${join(folder, "kế hoạch.txt")}`);
    const rule = run0.tool.driver.rules.find((r: any) => r.id === "section-duplicate");
    expect(rule.help.text).toBe("A section number is used twice among siblings (II. … II.).");
    for (const r of run0.tool.driver.rules) if (r.properties.source === "check") expect(RULE_CODES.has(r.id)).toBe(true);
    expect(run0.invocations[0].executionSuccessful).toBe(false);
    expect(run0.invocations[0].toolExecutionNotifications[0].descriptor.id).toBe("corrupt-file");
  });
  it("junit: a suite per input and a failing case per finding", () => {
    const result = run(["check", seed(2), "--format", "junit", "--only", "missing-issuer,missing-date"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<testsuites name="kehoach check" tests="3" failures="2" errors="0">/);
    expect(result.stdout.match(/<failure type="warning"/g)).toHaveLength(2);
    expect(result.stdout).toContain(`<testsuite name="${seed(2)}" tests="2" failures="2" errors="0">`);
  });
});

describe("parse and check on stdin, markdown positions", () => {
  it("check - reads standard input; a Markdown source's own line is reported", () => {
    const result = run(["check", "-", "--only", "section-duplicate", "--format", "json"], { input: readFileSync(sample("000.clean.md")) });
    const [report] = JSON.parse(result.stdout) as { input: string; format: string; findings: { at: { line: number; column: number } }[] }[];
    expect(report?.format).toBe("markdown");
    const line = readFileSync(sample("000.clean.md"), "utf8").split("\n")[(report?.findings[0]?.at.line ?? 0) - 1];
    expect(line?.slice((report?.findings[0]?.at.column ?? 0) - 1)).toMatch(/^II\. KINH PHÍ/);
  });
});
