import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "@kehoach/parser";
import { PlanSchema, planJsonSchema, type Plan } from "@kehoach/model";
import { messages, run, sample, scratch, seed } from "./support.ts";

const SHEETS = ["plans", "legal_bases", "sections", "assignments", "quantities", "budget", "findings", "errors"];

/** A clerk's folder: text, Markdown, Word, PDF, and one file that is not a document at all. */
function mixedFolder(): { dir: string; files: string[] } {
  const dir = join(scratch("kehoach-export-"), "plans");
  mkdirSync(join(dir, "word"), { recursive: true });
  copyFileSync(seed(1), join(dir, "001.txt"));
  copyFileSync(sample("003.clean.md"), join(dir, "003.md"));
  copyFileSync(sample("000.docx"), join(dir, "word", "000.docx"));
  copyFileSync(sample("002.pdf"), join(dir, "002.pdf"));
  writeFileSync(join(dir, "hong.pdf"), new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]));
  return { dir, files: ["000.docx", "001.txt", "002.pdf", "003.md"] };
}

function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("kehoach export --to xlsx", () => {
  let dir: string;
  let workbook: ExcelJS.Workbook;
  let plans: Map<string, Plan>;
  let result: ReturnType<typeof run>;

  beforeAll(async () => {
    ({ dir } = mixedFolder());
    const out = join(dir, "..", "ket-qua", "plans.xlsx");
    result = run(["export", dir, "--to", "xlsx", "--out", out, "--workers", "2"]);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    plans = new Map();
    for (const [name, path] of [["000.docx", "word/000.docx"], ["001.txt", "001.txt"], ["002.pdf", "002.pdf"], ["003.md", "003.md"]] as const) {
      plans.set(name, await parse(readFileSync(join(dir, path))));
    }
  }, 120_000);

  it("exits 2 for the unreadable input and names it, but writes the workbook", () => {
    expect(result.status).toBe(2);
    expect(messages(result.stderr).some((m) => m.includes("hong.pdf"))).toBe(true);
    expect(readdirSync(join(dir, "..", "ket-qua"))).toEqual(["plans.xlsx"]);
  });

  it("has the contract's sheets, in order, with Vietnamese headers, frozen and filterable", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS);
    const sheet = workbook.getWorksheet("plans") as ExcelJS.Worksheet;
    expect(values(sheet)[0]).toEqual(["Tệp", "Loại văn bản", "Số", "Ký hiệu", "Ngày ban hành", "Địa danh", "Cơ quan ban hành", "Trích yếu", "Tổng kinh phí (đồng)", "Người ký", "Số phát hiện"]);
    for (const s of workbook.worksheets) {
      expect(s.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(s.autoFilter).toBeTruthy();
      for (const column of s.columns) expect(column.width).toBeGreaterThanOrEqual(8);
    }
  });

  it("puts one typed row per readable document in plans, with the parser's values", () => {
    const rows = values(workbook.getWorksheet("plans") as ExcelJS.Worksheet).slice(1);
    expect(rows.map((r) => String(r[0]).split("/").at(-1))).toEqual(["002.pdf", "001.txt", "003.md", "000.docx"].sort((a, b) => order(a) - order(b)));
    for (const row of rows) {
      const name = String(row[0]).split("/").at(-1) as string;
      const plan = plans.get(name) as Plan;
      expect(row[1]).toBe(plan.kind);
      expect(row[7]).toBe(plan.title);
      expect(row[8] ?? null).toBe(plan.budget.total?.amount ?? null);
      if (plan.budget.total) expect(typeof row[8]).toBe("number");
      expect(row[9]).toBe(plan.signature?.signer);
      expect(row[10]).toBe(plan.findings.length);
    }
    // 000 (Lai Châu) states 9.753.000.000 đồng; 001 is a draft dated "ngày  tháng 3 năm 2023", kept as written.
    const lai = rows.find((r) => String(r[0]).endsWith("000.docx")) as unknown[];
    expect(lai[8]).toBe(9_753_000_000);
    const lang = rows.find((r) => String(r[0]).endsWith("001.txt")) as unknown[];
    expect(lang[3]).toBe("KH-UBND");
    expect(lang[4]).toBe("ngày tháng 3 năm 2023");
    expect(lang[5]).toBe("Lạng Sơn");
  });

  it("lists every legal basis with its date as a date cell", () => {
    const rows = values(workbook.getWorksheet("legal_bases") as ExcelJS.Worksheet).slice(1);
    const expected = [...plans.entries()].sort(([a], [b]) => order(a) - order(b)).flatMap(([, plan]) => plan.legalBases);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const basis = expected[i]!;
      expect([row[1], row[2], row[4]]).toEqual([basis.docType, basis.number, basis.issuer ?? undefined]);
      if (basis.date) {
        expect(row[3]).toBeInstanceOf(Date);
        expect((row[3] as Date).toISOString().slice(0, 10)).toBe(basis.date);
      }
    });
    const sheet = workbook.getWorksheet("legal_bases") as ExcelJS.Worksheet;
    expect(sheet.getCell("D2").numFmt).toBe("dd/mm/yyyy");
  });

  it("fills sections, assignments, quantities, budget and findings from the same plans", () => {
    const count = (name: string) => (workbook.getWorksheet(name) as ExcelJS.Worksheet).actualRowCount - 1;
    const all = [...plans.values()];
    const sections = (list: Plan["sections"]): number => list.reduce((n, s) => n + 1 + sections(s.children), 0);
    expect(count("sections")).toBe(all.reduce((n, p) => n + sections(p.sections), 0));
    expect(count("assignments")).toBe(all.reduce((n, p) => n + p.assignments.length, 0));
    expect(count("quantities")).toBe(all.reduce((n, p) => n + p.quantities.length, 0));
    expect(count("budget")).toBe(all.reduce((n, p) => n + p.budget.amounts.length, 0));
    expect(count("findings")).toBe(all.reduce((n, p) => n + p.findings.length, 0));
    const sectionRows = values(workbook.getWorksheet("sections") as ExcelJS.Worksheet).slice(1);
    const lai = sectionRows.filter((r) => String(r[0]).endsWith("000.docx"));
    expect(lai.find((r) => r[1] === "II.5.4.1")?.[2]).toBe(4);
    expect(lai.find((r) => r[1] === "II")?.[3]).toBe("NỘI DUNG THỰC HIỆN");
    const budget = values(workbook.getWorksheet("budget") as ExcelJS.Worksheet).slice(1);
    expect(budget.filter((r) => r[2] === "có").map((r) => r[1])).toContain(9_753_000_000);
  });

  it("records the unreadable input in errors, and why", () => {
    const rows = values(workbook.getWorksheet("errors") as ExcelJS.Worksheet);
    expect(rows[0]).toEqual(["Tệp", "Mã lỗi", "Lý do"]);
    expect(rows.slice(1)).toHaveLength(1);
    expect(String(rows[1]![0])).toMatch(/hong\.pdf$/);
    expect(rows[1]![1]).toBe("unsupported-format");
  });
});

/** Inputs in a folder come in path order: `002.pdf`, `001.txt`… as the batch walks them. */
function order(name: string): number {
  return ["001.txt", "002.pdf", "003.md", "word/000.docx"].findIndex((n) => n.endsWith(name));
}

describe("kehoach export, other forms", () => {
  it("--lang en gives English headers; --to csv writes the plans sheet, --sheet another", async () => {
    const dir = scratch();
    const xlsx = join(dir, "en.xlsx");
    expect(run(["export", seed(0), seed(1), "--out", xlsx, "--lang", "en", "-q"]).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect((workbook.getWorksheet("plans") as ExcelJS.Worksheet).getRow(1).values).toEqual([undefined, "File", "Kind", "Number", "Symbol", "Date", "Place", "Issuer", "Title", "Total budget (VND)", "Signer", "Findings"]);

    const csv = join(dir, "plans.csv");
    expect(run(["export", seed(0), seed(1), "--to", "csv", "--out", csv, "-q"]).status).toBe(0);
    const lines = readFileSync(csv, "utf8").replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines[0]).toBe("Tệp,Loại văn bản,Số,Ký hiệu,Ngày ban hành,Địa danh,Cơ quan ban hành,Trích yếu,Tổng kinh phí (đồng),Người ký,Số phát hiện");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(",9753000000,Giàng A Tính,");

    const bases = join(dir, "bases.csv");
    expect(run(["export", seed(0), "--to", "csv", "--sheet", "legal_bases", "--out", bases, "-q"]).status).toBe(0);
    const baseLines = readFileSync(bases, "utf8").trim().split("\n");
    expect(baseLines[1]).toMatch(/,Quyết định,90\/QĐ-TTg,2022-01-18,Thủ tướng Chính phủ,/);
  }, 60_000);

  it("an impossible --out is one line and exit 2, with nothing written", () => {
    const dir = scratch();
    writeFileSync(join(dir, "a-file"), "x");
    const result = run(["export", seed(0), "--out", join(dir, "a-file", "plans.xlsx")]);
    expect(result.status).toBe(2);
    expect(messages(result.stderr)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(["a-file"]);
  });

  it("bad usage exits 2: --sheet without csv, an unknown sheet", () => {
    const dir = scratch();
    expect(run(["export", seed(0), "--sheet", "plans", "--out", join(dir, "x.xlsx")]).status).toBe(2);
    expect(run(["export", seed(0), "--to", "csv", "--sheet", "nope", "--out", join(dir, "x.csv")]).status).toBe(2);
    expect(existsSync(join(dir, "x.xlsx")) || existsSync(join(dir, "x.csv"))).toBe(false);
  });
});

describe("kehoach schema", () => {
  it("prints the Plan's JSON Schema, which a parsed plan's JSON satisfies in shape", () => {
    const result = run(["schema"]);
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(schema).toEqual(planJsonSchema());
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema["properties"] as object).sort()).toEqual(Object.keys(PlanSchema.shape).sort());
  });
});
