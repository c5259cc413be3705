import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseText } from "@kehoach/parser";
import type { Plan } from "@kehoach/model";
import { issuerCodes, issuerSymbolMismatch } from "../../src/checks/rules/issuer-symbol.ts";
import { analyze } from "../../src/analysis/index.ts";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
const seed = (name: string) => parseText(readFileSync(`${fixtures}seeds/${name}.txt`, "utf8"), { checks: false });

/** A plan citing one document as its legal basis. */
function citing(citation: string, header = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 12/KH-UBND"): Plan {
  const text = [
    header,
    "Lai Châu, ngày 05 tháng 3 năm 2024",
    "KẾ HOẠCH",
    "Thực hiện nhiệm vụ năm 2024",
    `Căn cứ ${citation} quy định quản lý kinh phí;`,
    "I. MỤC ĐÍCH",
    "1. Mục đích",
    "Nơi nhận:",
    "- Lưu: VT.",
  ].join("\n");
  return parseText(text, { checks: false });
}
const run = (p: Plan) => issuerSymbolMismatch.run(p, analyze(p));

describe("issuer-symbol-mismatch: citations", () => {
  it("reports a circular of the Bộ Tài chính numbered …/TT-BTTTT", () => {
    const p = citing("Thông tư số 46/2022/TT-BTTTT ngày 28/7/2022 của Bộ Tài chính");
    const reports = run(p);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.message).toContain("BTTTT");
    expect(reports[0]?.messageEn).toContain("BTC");
    const span = reports[0]?.span;
    expect(span && p.source.text.slice(span.start.offset, span.end.offset)).toContain("46/2022/TT-BTTTT");
  });

  it("near misses: the code of the issuer in words, with or without the minister's title", () => {
    expect(run(citing("Thông tư số 46/2022/TT-BTC ngày 28/7/2022 của Bộ Tài chính"))).toEqual([]);
    expect(run(citing("Thông tư số 55/2023/TT-BTC ngày 15/8/2023 của Bộ trưởng Bộ Tài chính"))).toEqual([]);
    expect(run(citing("Công văn số 252/BTTTT-KHTC ngày 19/01/2023 của Bộ Thông tin và Truyền thông"))).toEqual([]);
    expect(run(citing("Quyết định số 650/QĐ-LĐTBXH ngày 21/7/2022 của Bộ trưởng Bộ Lao động TB&XH"))).toEqual([]);
    expect(run(citing("Nghị quyết số 120/2020/QH14 ngày 19/6/2020 của Quốc hội"))).toEqual([]);
    expect(run(citing("Công văn số 1371/STTTT-TTBCXB ngày 19/9/2023 của Sở TT&TT"))).toEqual([]);
    expect(run(citing("Chỉ thị số 11-CT/TU ngày 04/02/2026 của BTV Tỉnh ủy"))).toEqual([]);
  });

  it.each([
    ["Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Bộ Tài chính", "90/QĐ-TTg", "Bộ Tài chính", "TTg", "BTC"],
    ["Nghị quyết số 03/2023/NQ-HĐND ngày 28/02/2023 của Ủy ban nhân dân tỉnh", "03/2023/NQ-HĐND", "Ủy ban nhân dân tỉnh", "HĐND", "UBND"],
    ["Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Thủ tướng Chính phủ", "27/2022/NĐ-CP", "Thủ tướng Chính phủ", "CP", "TTg"],
  ])("reports other recognised pairs that disagree: %s", (citation, number, issuer, carried, expected) => {
    const p = citing(citation);
    const reports = run(p);
    expect(reports).toHaveLength(1);
    const span = reports[0]?.span;
    expect(span && p.source.text.slice(span.start.offset, span.end.offset)).toBe(`${citation} quy định quản lý kinh phí`);
    expect(reports[0]?.message).toContain(`${number} được ghi là của ${issuer}, nhưng ký hiệu mang mã ${carried} chứ không phải ${expected}`);
    expect(reports[0]?.messageEn).toContain(`${number} is cited as issued by ${issuer}, but its symbol carries ${carried}, not ${expected}`);
  });

  it("an issuer missing from the table is never an error", () => {
    expect(run(citing("Kế hoạch số 1105/KH-ĐKT ngày 10/3/2026 của Đoàn kiểm tra liên ngành"))).toEqual([]);
    expect(run(citing("Quyết định số 12/QĐ-XYZ ngày 10/3/2026 của Hội Nông dân tỉnh"))).toEqual([]);
  });
});

describe("issuer-symbol-mismatch: the plan's own issuer and symbol", () => {
  it("reports a People's Committee plan numbered with a department's code", () => {
    const p = citing("Thông tư số 46/2022/TT-BTC ngày 28/7/2022 của Bộ Tài chính", "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 12/KH-STTTT");
    const reports = run(p);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.span).toEqual(p.number?.span);
    expect(reports[0]?.related).toEqual([p.issuer?.span]);
  });

  it("near misses: matching codes, and an issuer not in the table", () => {
    const basis = "Thông tư số 46/2022/TT-BTC ngày 28/7/2022 của Bộ Tài chính";
    expect(run(citing(basis, "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 12/KH-UBND"))).toEqual([]);
    expect(run(citing(basis, "UBND TỈNH LAI CHÂU\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 12/KH-STTTT"))).toEqual([]);
    expect(run(citing(basis, "ĐOÀN KIỂM TRA\nSố: 12/KH-ĐKT"))).toEqual([]);
  });
});

describe("issuer-symbol-mismatch: the table", () => {
  it("recognises issuers with titles, abbreviations and old tone placement", () => {
    expect(issuerCodes("Bộ trưởng Bộ Thông tin và Truyền thông")?.codes).toEqual(["BTTTT"]);
    expect(issuerCodes("Giám đốc Sở Công Thương tỉnh Lào Cai")?.codes).toEqual(["SCT"]);
    expect(issuerCodes("Uỷ ban nhân dân tỉnh")?.codes).toEqual(["UBND"]);
    expect(issuerCodes("Thống đốc Ngân hàng Nhà nước Việt Nam")?.codes).toEqual(["NHNN"]);
    expect(issuerCodes("Ban Thường vụ Tỉnh ủy")?.codes).toEqual(["TU"]);
    expect(issuerCodes("Đoàn kiểm tra")).toBeNull();
  });
});

describe("issuer-symbol-mismatch on the seeds", () => {
  it.each(["000", "001", "002", "003", "004"])("seed %s: every cited issuer agrees with its symbol", (name) => {
    const p = seed(name);
    // The rule is not vacuous here: the seeds' issuers are in the table.
    const recognised = p.citations.filter((c) => c.issuer && c.number && issuerCodes(c.issuer));
    expect(recognised.length).toBeGreaterThan(4);
    expect(run(p)).toEqual([]);
  });
});

describe("issuer-symbol-mismatch: a symbol with no issuer code", () => {
  const lone = (number: string) => citing("Thông tư số 46/2022/TT-BTC ngày 28/7/2022 của Bộ Tài chính", `ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: ${number}`);

  it("reports `Số: 12/KH` on the number, with the issuer's code as the example", () => {
    const p = lone("12/KH");
    const reports = run(p);
    expect(reports).toHaveLength(1);
    const span = reports[0]?.span;
    expect(span && p.source.text.slice(span.start.offset, span.end.offset)).toBe("12/KH");
    expect(reports[0]?.message).toBe("Ký hiệu “12/KH” thiếu chữ viết tắt tên cơ quan ban hành (ví dụ “12/KH-UBND”).");
    expect(reports[0]?.messageEn).toBe("The symbol “12/KH” lacks the issuer's abbreviation (e.g. “12/KH-UBND”).");
  });

  it("near misses: the issuer's code present, or a draft's blank number with it", () => {
    expect(run(lone("12/KH-UBND"))).toEqual([]);
    expect(run(lone("/KH-UBND"))).toEqual([]);
  });
});
