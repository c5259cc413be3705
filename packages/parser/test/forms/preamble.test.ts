import { describe, expect, it } from "vitest";
import { parseText } from "@kehoach/parser";
import { symbolParts } from "../../src/vi/document-types.ts";

const plan = (preamble: string[], header: string[] = []) =>
  parseText(["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", ...header, "KẾ HOẠCH", "Chuyển đổi số năm 2026", ...preamble, "UBND tỉnh ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH", "Nâng cao nhận thức./."].join("\n"), {
    checks: false,
  });

describe("citation forms of the preamble", () => {
  it("Party documents numbered with a hyphen", () => {
    const p = plan([
      "Thực hiện Chương trình số 08-CTr/TU ngày 20/01/2026 của Ban Thường vụ Tỉnh ủy và Nghị quyết số 05-NQ/TW ngày 01/11/2016 của Ban Chấp hành Trung ương;",
      "Căn cứ Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy;",
    ]);
    expect(p.legalBases.map((b) => [b.docType, b.number, b.date, b.issuer, b.subject])).toEqual([
      ["Chương trình", "08-CTr/TU", "2026-01-20", "Ban Thường vụ Tỉnh ủy", null],
      ["Nghị quyết", "05-NQ/TW", "2016-11-01", "Ban Chấp hành Trung ương", null],
      ["Chỉ thị", "11-CT/TU", "2026-01-04", "Ban Thường vụ Tỉnh ủy", null],
    ]);
  });
  it("a Government resolution cited mid-sentence after `Thực hiện`", () => {
    const p = plan(["Thực hiện nhiệm vụ được giao tại Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;"]);
    expect(p.legalBases.map((b) => [b.number, b.issuer])).toEqual([["76/NQ-CP", "Chính phủ"]]);
  });
  it("a verb capitalised by mistake ends the issuer (`… Bộ Công Thương Ban hành Quy chuẩn …`)", () => {
    const p = plan(["Căn cứ Thông tư số 32/2019/TT-BCT ngày 21/11/2019 của Bộ trưởng Bộ Công Thương Ban hành Quy chuẩn kỹ thuật quốc gia về an toàn;"]);
    expect(p.legalBases.map((b) => [b.issuer, b.subject])).toEqual([["Bộ trưởng Bộ Công Thương", "Ban hành Quy chuẩn kỹ thuật quốc gia về an toàn"]]);
  });
  it("laws cited by name only, amending laws included", () => {
    const p = plan([
      "Căn cứ Luật Tổ chức chính quyền địa phương;",
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Xây dựng ngày 17 tháng 6 năm 2020;",
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công;",
    ]);
    expect(p.legalBases.map((b) => [b.docType, b.subject, b.date])).toEqual([
      ["Luật", "Tổ chức chính quyền địa phương", null],
      ["Luật", "sửa đổi, bổ sung một số điều của Luật Xây dựng", "2020-06-17"],
      ["Luật", "sửa đổi, bổ sung một số điều của Luật Đầu tư công", null],
    ]);
  });
  it("a document cited inside a basis's subject is a citation, not a basis of its own", () => {
    const p = plan([
      "Thực hiện Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ ban hành kế hoạch triển khai Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội phê duyệt chủ trương đầu tư; Quyết định số 12/QĐ-UBND ngày 02/01/2026 của UBND tỉnh, Kế hoạch số 7/KH-UBND ngày 05/01/2026 của UBND tỉnh.",
    ]);
    expect(p.legalBases.map((b) => [b.number, b.subject])).toEqual([
      ["50/NQ-CP", "ban hành kế hoạch triển khai Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội phê duyệt chủ trương đầu tư"],
      ["12/QĐ-UBND", null],
      ["7/KH-UBND", null],
    ]);
    expect(p.citations.find((c) => c.number === "163/2024/QH15")).toMatchObject({ date: "2024-11-27", issuer: "Quốc hội", context: "legal-basis" });
  });
  it("the issuing sentence after the bases, in the same paragraph, is the issuance (type in small letters too)", () => {
    const p = parseText(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "KẾ HOẠCH", "Phòng, chống ma túy năm 2026",
      "Thực hiện Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ ban hành kế hoạch triển khai Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội; Nghị quyết số 05-NQ/TU ngày 08/01/2026 của Tỉnh ủy về phòng, chống ma túy. Để tổ chức triển khai đồng bộ, kịp thời, Ủy ban nhân dân tỉnh ban hành kế hoạch phòng, chống ma túy năm 2026, cụ thể như sau:",
      "I. MỤC ĐÍCH", "Nâng cao nhận thức./."].join("\n"), { checks: false });
    expect(p.issuance?.text).toBe("Để tổ chức triển khai đồng bộ, kịp thời, Ủy ban nhân dân tỉnh ban hành kế hoạch phòng, chống ma túy năm 2026, cụ thể như sau:");
    expect(p.legalBases.map((b) => [b.number, b.subject])).toEqual([
      ["50/NQ-CP", "ban hành kế hoạch triển khai Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội"],
      ["05-NQ/TU", "về phòng, chống ma túy"],
    ]);
  });
  it("`Theo đề nghị của …` / `Xét đề nghị của …` is the proposal, not a legal basis", () => {
    for (const opener of ["Theo đề nghị", "Xét đề nghị"]) {
      const p = plan([
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
        `${opener} của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 01/3/2026.`,
      ]);
      expect(p.legalBases.map((b) => b.number)).toEqual(["76/NQ-CP"]);
      expect(p.proposal).toMatchObject({ by: "Giám đốc Sở Nội vụ", text: `${opener} của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 01/3/2026.` });
      expect(p.citations.find((c) => c.number === "12/TTr-SNV")?.context).toBe("body");
      expect(p.issuance?.text).toBe("UBND tỉnh ban hành Kế hoạch như sau:");
    }
  });
  it("every proposer of a list is read: after `;`, or `và` after the previous one's document", () => {
    const p = plan([
      "Xét đề nghị của 03 đơn vị gồm: Công ty cổ phần Khoáng sản Yên Bái tại Văn bản số 01.6/GĐN/KSYB ngày 10/6/2026; Công ty cổ phần Đá quý và Vàng tại Văn bản số 30.6/GĐN-ĐQ&V ngày 30/6/2026 và Sở Nông nghiệp và Môi trường tại Tờ trình số 12/TTr-SNNMT.",
    ]);
    expect(p.proposal?.proposers).toEqual(["Công ty cổ phần Khoáng sản Yên Bái", "Công ty cổ phần Đá quý và Vàng", "Sở Nông nghiệp và Môi trường"]);
    expect(p.proposal?.by).toBe("Công ty cổ phần Khoáng sản Yên Bái");
    const one = plan(["Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường."]);
    expect(one.proposal).toMatchObject({ by: "Giám đốc Sở Nông nghiệp và Môi trường", proposers: ["Giám đốc Sở Nông nghiệp và Môi trường"] });
  });
});

describe("one reader of a number and symbol", () => {
  const cases: [string, [number | null, number | null, string | null, string | null]][] = [
    ["11-CT/TU", [11, null, "CT", "TU"]],
    ["12/KH-UBND", [12, null, "KH", "UBND"]],
    ["06/2022/TT-BTTTT", [6, 2022, "TT", "BTTTT"]],
    ["173 /KH-UBND", [173, null, "KH", "UBND"]],
    ["/KH-UBND", [null, null, "KH", "UBND"]],
    ["5973/UBND-KT", [5973, null, null, "UBND-KT"]],
  ];
  it.each(cases)("Số: %s reads the same in plan.number and in the citation checks", (raw, [sequence, year, typeCode, issuerCode]) => {
    const p = plan([], [`Số: ${raw}`]);
    expect(p.number).toMatchObject({ raw, sequence, year, typeCode, issuerCode });
    expect(symbolParts(raw)).toMatchObject({ sequence, year, typeCode, issuerCode });
  });
});
