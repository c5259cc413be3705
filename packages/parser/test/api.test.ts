import { describe, expect, it } from "vitest";
import * as parser from "@kehoach/parser";
import { PlanSchema } from "@kehoach/model";
import { engineUnavailable } from "../src/errors.ts";

describe("@kehoach/parser public API", () => {
  it("pins its exports", () => {
    expect(Object.keys(parser).sort()).toEqual(
      ["DEFAULT_MAX_SIZE", "KehoachInputError", "ND30_CLAUSES", "RULES", "check", "closeOcrEngines", "isKehoachInputError", "normalizeExtracted", "normalizeText", "parse", "parseExtracted", "parseText", "renderAkn", "renderMarkdown", "visitSections", "citablePath"].sort(),
    );
  });
  it("keeps parseMany (worker threads) on the Node-only subpath @kehoach/parser/batch", async () => {
    const batch = await import("@kehoach/parser/batch");
    expect(typeof batch.parseMany).toBe("function");
  });
  it("keeps the page-by-page seam (a scan read page by page, then assembled) on the Node-only subpath @kehoach/parser/pages", async () => {
    const pages = await import("@kehoach/parser/pages");
    expect(Object.keys(pages).sort()).toEqual(["assemblePages", "readPage", "splitPages"]);
    expect(Object.keys(parser)).not.toContain("splitPages");
  });
  it("says an engine that does not load is unavailable, in Vietnamese and English, never corrupt-file", () => {
    const error = engineUnavailable("pdf.js", "pdf.worker.mjs: 404");
    expect(error).toBeInstanceOf(parser.KehoachInputError);
    expect(error.code).toBe("engine-unavailable");
    expect(error.message).toMatch(/^Không tải được bộ đọc PDF \(pdf\.js\).*\/ The pdf\.js engine could not be loaded.*pdf\.worker\.mjs: 404/u);
  });
  it("parse() accepts bytes and returns a schema-valid Plan", async () => {
    const text = "Số: 12/KH-UBND\nHà Giang, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nTriển khai thực hiện nhiệm vụ\nI. MỤC ĐÍCH\n1. Mục đích";
    const plan = await parser.parse(new TextEncoder().encode(text));
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    expect(plan.number).toMatchObject({ sequence: 12, typeCode: "KH", issuerCode: "UBND" });
    expect(plan.date).toMatchObject({ day: 5, month: 3, year: 2024 });
  });
  it("rejects binary it cannot read with a typed error", async () => {
    await expect(parser.parse(new Uint8Array([0, 1, 2, 3, 0, 0, 255]))).rejects.toBeInstanceOf(parser.KehoachInputError);
  });
  it("reports font-encoding repairs as info findings", () => {
    const plan = parser.parseText("Nghị quyết 120/2020/QH14 cāa Quốc Hội về chā trương");
    expect(plan.source.text).toContain("của Quốc Hội về chủ trương");
    expect(plan.findings.filter((f) => f.code === "encoding-repaired")).toHaveLength(2);
  });
  it("reads Cyrillic lookalikes typed into Vietnamese words as Latin letters, and leaves Cyrillic words alone", () => {
    const plan = parser.parseText("Nghị định số 71/2019/NĐ-CP ngày 30/8/2019 củ\u0430 Chính phủ; Москва");
    expect(plan.source.text).toContain("của Chính phủ; Москва");
    expect(plan.findings.filter((f) => f.code === "encoding-repaired")).toHaveLength(1);
  });
  it("reads Markdown without leaking its syntax", () => {
    const plan = parser.parseText("# KẾ HOẠCH\n\n**Thực hiện nhiệm vụ năm 2024**\n\n## I. MỤC ĐÍCH\n\n### **1. Yêu cầu**\n\n- Nội dung *một*\n");
    expect(plan.title).toBe("Thực hiện nhiệm vụ năm 2024");
    expect(plan.sections[0]?.children[0]?.heading).toBe("Yêu cầu");
    expect(plan.sections[0]?.children[0]?.children[0]?.heading).toBe("Nội dung một");
  });
  it("nests a decision's articles: `Điều 1.` holds its clauses; `Điều chỉnh …` is a sentence", () => {
    const plan = parser.parseText(
      "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n1. Mục tiêu\nĐiều chỉnh kế hoạch khi cần.\nĐiều 2: Tổ chức thực hiện\n",
      { checks: false },
    );
    expect(plan.sections.map((s) => [s.style, s.label, s.heading])).toEqual([
      ["article", "1", "Ban hành kèm theo Quyết định này Kế hoạch."],
      ["article", "2", "Tổ chức thực hiện"],
    ]);
    expect(plan.sections[0]?.children[0]?.paragraphs.map((p) => p.text)).toEqual(["Điều chỉnh kế hoạch khi cần."]);
  });
});
