/**
 * What parse() refuses (empty-document, too-large), what it flags (not-a-document), and where findings
 * point in the user's own file (`finding.at`): the text file's line, the Markdown source's line, the
 * DOCX paragraph, the PDF page and printed line.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseText } from "@kehoach/parser";
import type { Finding, Plan } from "@kehoach/model";
import { rejection } from "./helpers/rejection.ts";

const fixtures = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
const bytes = (path: string) => new Uint8Array(readFileSync(`${fixtures}${path}`));
const encode = (text: string) => new TextEncoder().encode(text);

describe("input limits", () => {
  it("rejects 0 bytes and whitespace-only input with empty-document; parseText stays total", async () => {
    expect((await rejection(parse(new Uint8Array(0)))).code).toBe("empty-document");
    expect((await rejection(parse(encode(" \n\t\r\n  \n")))).code).toBe("empty-document");
    expect((await rejection(parse(""))).code).toBe("empty-document");
    expect(parseText("").findings).toBeInstanceOf(Array);
  });
  it("rejects text past maxSize with too-large, before parsing it", async () => {
    const error = await rejection(parse(encode("KẾ HOẠCH\n".repeat(200)), { maxSize: 1000 }));
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/quá lớn .* \/ The document is too large/);
    await expect(parse(encode("KẾ HOẠCH\n".repeat(50)), { maxSize: 1000 })).resolves.toBeDefined();
  });
  it("flags a README as not-a-document, and a plan not", async () => {
    const readme = await parse(encode("# kehoach\n\nTurns plans into data.\n\n```bash\npnpm test\n```\n\n## Layout\n\n- packages/model\n- packages/parser\n"));
    expect(readme.findings.map((f) => f.code)).toContain("not-a-document");
    const plan = await parse(bytes("seeds/001.txt"));
    expect(plan.findings.map((f) => f.code)).not.toContain("not-a-document");
  });
});

/** The finding's words, as the plan read them: what must stand at `at` in the user's file. */
function wordsOf(plan: Plan, finding: Finding): string {
  const span = finding.span as NonNullable<Finding["span"]>;
  return plan.source.text.slice(span.start.offset, span.end.offset).split(/\s+/)[0] as string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function located(plan: Plan, code: string): Finding {
  const finding = plan.findings.find((f) => f.code === code && f.at);
  expect(finding, code).toBeDefined();
  return finding as Finding;
}

describe("finding.at points into the input file", () => {
  it("text: the file's own line and column, though the normaliser re-flowed its lines", async () => {
    const source = readFileSync(`${fixtures}seeds/000.txt`, "utf8");
    const plan = await parse(encode(source));
    const lines = source.split("\n");
    let checked = 0;
    for (const finding of plan.findings.filter((f) => f.at && f.span && f.span.end.offset > f.span.start.offset)) {
      const at = finding.at as NonNullable<Finding["at"]>;
      expect(lines[at.line - 1]?.slice(at.column - 1), finding.code).toMatch(new RegExp(`^${escapeRegExp(wordsOf(plan, finding))}`));
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
    // The normalised line differs from the file's: the position is the file's, and so is the message's.
    const duplicate = located(plan, "section-duplicate");
    expect(duplicate.at?.line).not.toBe(duplicate.span?.start.line);
    expect(lines[(duplicate.at?.line ?? 0) - 1]).toMatch(/^II\. KINH PHÍ/);
    const conflict = located(plan, "citation-date-conflict");
    const cited = /ở dòng (\d+)/.exec(conflict.message)?.[1];
    expect(lines[Number(cited) - 1]).toMatch(/ngày 13 tháng 3 năm 2023/);
  });
  it("Markdown: the line and column of the Markdown source, past its syntax", async () => {
    const source = readFileSync(`${fixtures}samples/000.clean.md`, "utf8");
    const plan = await parse(encode(source));
    const lines = source.split("\n");
    const duplicate = located(plan, "section-duplicate");
    expect(lines[(duplicate.at?.line ?? 0) - 1]?.slice((duplicate.at?.column ?? 0) - 1)).toMatch(/^II\. KINH PHÍ/);
    const responsible = located(plan, "responsible-not-recipient");
    expect(lines[(responsible.at?.line ?? 0) - 1]?.slice((responsible.at?.column ?? 0) - 1)).toMatch(/^Bưu điện tỉnh/);
  });
  it("DOCX: the paragraph number (non-empty paragraphs in reading order), in the message too", async () => {
    const plan = await parse(bytes("samples/000.docx"));
    // The sample's 91st non-empty paragraph is the second `II. KINH PHÍ …` (mammoth, counting one empty one, says 92).
    const duplicate = located(plan, "section-duplicate");
    expect(duplicate.at).toMatchObject({ line: 91, column: 1 });
    expect(duplicate.at?.page).toBeUndefined();
    expect(duplicate.message).toMatch(/ở đoạn 13\)/);
  });
  it("PDF: the page and the printed line on it", async () => {
    const plan = await parse(bytes("samples/000.pdf"));
    // Page 7 of the sample: `II. KINH PHÍ VÀ NGUỒN KINH PHÍ` is its 25th line, the date of Quyết định 420 on line 29 after 35 characters.
    expect(located(plan, "section-duplicate").at).toEqual({ page: 7, line: 25, column: 1 });
    expect(located(plan, "citation-date-conflict").at).toEqual({ page: 7, line: 29, column: 36 });
  });
});
