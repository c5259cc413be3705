import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "@kehoach/parser";
import type { Plan } from "@kehoach/model";

const corpus = fileURLToPath(new URL("../../../fixtures/corpus/", import.meta.url));
const read = (name: string): Promise<Plan> => parse(readFileSync(corpus + name), { checks: false });

interface Expected {
  kind: Plan["kind"];
  issuer: string;
  number: string;
  bases: string[];
  top: string[];
  signer: string;
  delegation: string | null;
}

/** What each real document says, read from the document itself (see fixtures/corpus/SOURCE-README.md). */
const documents: Record<string, Expected> = {
  "kh_lamdong_ubnd_cchc_2026.docx": {
    kind: "ke-hoach",
    issuer: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
    number: "/KH-UBND",
    bases: ["202/2025/QH15", "76/NQ-CP", "23/CT-TTg"],
    top: ["I", "II"],
    signer: "Nguyễn Ngọc Phúc",
    delegation: "KT. CHỦ TỊCH",
  },
  "kh_lamdong_ubnd_thidua_cchc_2026.docx": {
    kind: "ke-hoach",
    issuer: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
    number: "/KH-UBND",
    bases: ["(Luật, 2022-06-15)", "76/NQ-CP", "152/2025/NĐ-CP", "58/QĐ-UBND", "9669/KH-UBND"],
    top: ["I", "II", "III", "IV", "V", "VI", "VII"],
    signer: "Nguyễn Ngọc Phúc",
    delegation: "KT. CHỦ TỊCH",
  },
  "kh_laocai_sct_3898_huanluyen_vlncn_2026.docx": {
    kind: "ke-hoach",
    issuer: "SỞ CÔNG THƯƠNG",
    number: "/KH-SCT",
    bases: ["(Luật, 2024-08-26)", "181/2024/NĐ-CP", "146/2025/NĐ-CP", "1883/QĐ-UBND", "05/2025/QĐ-UBND", "2797/QĐ-SCT", "564/QĐ-SCT"],
    top: ["I", "II", "III"],
    signer: "Hoàng Văn Thuân",
    delegation: "KT. GIÁM ĐỐC",
  },
  "kh_laocai_ubnd_chithi11_khoangsan_2026.docx": {
    kind: "ke-hoach",
    issuer: "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
    number: "/KH-UBND",
    bases: ["11-CT/TU"],
    top: ["I", "II", "III", "IV", "V"],
    signer: "Nguyễn Thành Sinh",
    delegation: "KT. CHỦ TỊCH",
  },
  "kh_laocai_dkt_1105_kiemtra_vlncn_2026.txt": inspectionPlan1105(),
  // The same plan as signed: a Word export whose fonts have no ToUnicode map (see input/pdf/recode.ts).
  "kh_laocai_dkt_1105_kiemtra_vlncn_2026.pdf": inspectionPlan1105(),
};

function inspectionPlan1105(): Expected {
  return {
    kind: "ke-hoach",
    issuer: "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT",
    number: "1105/KH-ĐKT",
    bases: ["1050/QĐ-SCT"],
    top: ["1", "2", "3", "4", "5", "6"],
    signer: "Hoàng Văn Thuân",
    delegation: null,
  };
}

describe.each(Object.entries(documents))("%s", (name, expected) => {
  it("finds the header, legal bases, section tree and signature", async () => {
    const plan = await read(name);
    expect(plan.kind).toBe(expected.kind);
    expect(plan.issuer?.name).toBe(expected.issuer);
    expect(plan.number?.raw).toBe(expected.number);
    expect(plan.legalBases.map((b) => b.number ?? `(${b.docType}, ${b.date})`)).toEqual(expected.bases);
    expect(plan.sections.map((s) => s.label)).toEqual(expected.top);
    expect(plan.signature?.signer).toBe(expected.signer);
    expect(plan.signature?.delegation ?? null).toBe(expected.delegation);
  });
});

describe("real signed PDFs", () => {
  it("a 35-page report with footnotes and an e-signature", async () => {
    const plan = await read("bc_lamdong_ubnd_329_cchc_2025.pdf");
    expect([plan.kind, plan.issuer?.name, plan.number?.sequence]).toEqual(["bao-cao", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", 329]);
    expect(plan.date).toMatchObject({ day: 19, month: 12, year: 2025 });
    expect(plan.legalBases.map((b) => b.number)).toEqual(["4625/BNV-CCHC"]);
    expect(plan.sections.map((s) => s.label)).toEqual(["I", "II", "III", "IV"]);
    expect(plan.signature).toMatchObject({ delegation: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", signer: "Nguyễn Ngọc Phúc" });
    expect(plan.footnotes.map((f) => f.label)).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    expect(plan.legalBases[0]?.span.page).toBe(1);
  });
  it("a notice whose e-signature stamp precedes the header", async () => {
    const plan = await read("tb_quangngai_ubnd_565_ctmtqg_2024.pdf");
    expect([plan.kind, plan.issuer?.name, plan.number?.sequence]).toEqual(["thong-bao", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", 565]);
    expect(plan.date).toMatchObject({ day: 15, month: 11, year: 2024 });
    // The summary under THÔNG BÁO, without the opening paragraph that follows it.
    expect(plan.title).toBe(
      "Kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên tại cuộc họp nghe báo cáo tiến độ triển khai thực hiện 02 Chương trình MTQG: Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi; giảm nghèo bền vững",
    );
    // Double delegation: by order of the chairman, signed for the chief of office by a deputy.
    expect(plan.signature).toMatchObject({ authority: "TL. CHỦ TỊCH", delegation: "KT. CHÁNH VĂN PHÒNG", position: "PHÓ CHÁNH VĂN PHÒNG", signer: "Phùng Tô Long" });
    expect(plan.digitalSignatures[0]?.timestamp).toMatch(/^2024-11-18T07:25:14/);
  });
});

describe("closing blocks of real documents", () => {
  it.each(["kh_laocai_dkt_1105_kiemtra_vlncn_2026.txt", "kh_laocai_dkt_1105_kiemtra_vlncn_2026.pdf"])("a plan (%s): the recipients end where the appendix's page begins", async (name) => {
    const plan = await read(name);
    expect(plan.recipients.map((r) => r.text)).toEqual([
      "Giám đốc Sở (để báo cáo và phê duyệt);",
      "Văn phòng Sở (Bố trí kinh phí, phương tiện Phục vụ Đoàn kiểm tra);",
      "Thành viên Đoàn (để thực hiện);",
      "Các đơn vị được kiểm tra (để phối hợp);",
      "Lưu: VT, CN(M. Cường).",
    ]);
    expect(plan.signature).toMatchObject({ authority: "T/M. ĐOÀN KIỂM TRA", position: "TRƯỞNG ĐOÀN", signer: "Hoàng Văn Thuân" });
    // `3.5. Phương thức kiểm tra` then `a. …` … `d. …`: letters with a full stop are labels too.
    const methods = plan.sections[2]?.children.find((s) => s.label === "3.5");
    expect([methods?.heading, methods?.children.map((s) => s.label)]).toEqual(["Phương thức kiểm tra", ["a", "b", "c", "d"]]);
  });
  it.each(["qd_laocai_sct_1050_kiemtra_vlncn_2026.txt", "qd_laocai_sct_1050_kiemtra_vlncn_2026.pdf"])("a decision (%s): Theo đề nghị is its proposal, QUYẾT ĐỊNH: its issuance", async (name) => {
    const plan = await read(name);
    expect(plan.proposal).toMatchObject({ by: "Trưởng phòng Quản lý Công nghiệp", proposers: ["Trưởng phòng Quản lý Công nghiệp"] });
    expect(plan.issuance?.text).toBe("QUYẾT ĐỊNH:");
    expect(plan.recipients.map((r) => r.text)).toEqual(["UBND tỉnh (để báo cáo);", "Như Điều 5;", "Ban Giám đốc Sở;", "Lưu: VT, CN(M.Cường)."]);
  });
});

describe("the sentence that closes the preamble is the issuance, not the last basis's subject", () => {
  it.each([
    ["bc_lamdong_ubnd_329_cchc_2025.pdf", "Ủy ban nhân dân tỉnh Lâm Đồng báo cáo kết quả", "chế độ báo cáo cải cách hành chính định kỳ"],
    ["bc_laocai_ubnd_qlnn_khoangsan_2025.docx", "Sau khi rà soát, Ủy ban nhân dân tỉnh Lào Cai báo cáo", "khoáng sản năm 2025"],
    ["kh_laocai_dkt_1105_kiemtra_vlncn_2026.pdf", "Trưởng đoàn kiểm tra lập kế hoạch tiến hành kiểm tra như sau:", "trên địa bàn tỉnh Lào Cai"],
  ])("%s", async (name, issuance, subjectEnd) => {
    const plan = await read(name);
    expect(plan.issuance?.text.startsWith(issuance)).toBe(true);
    expect(plan.legalBases.at(-1)?.subject?.endsWith(subjectEnd)).toBe(true);
  });
});

describe("other real documents", () => {
  it("a plan proposed by three companies lists each of them", async () => {
    const plan = await read("kh_laocai_sct_3898_huanluyen_vlncn_2026.docx");
    expect(plan.proposal?.proposers).toEqual([
      "Công ty cổ phần Đầu tư thương mại khoáng sản Yên Bái",
      "Công ty cổ phần Khoáng sản Yên Phú Đông Đô - BQP",
      "Công ty cổ phần Đá quý và Vàng",
    ]);
    expect(plan.proposal?.by).toBe("Công ty cổ phần Đầu tư thương mại khoáng sản Yên Bái");
  });
  it("a report (BÁO CÁO) in a DOCX", async () => {
    const plan = await read("bc_laocai_ubnd_qlnn_khoangsan_2025.docx");
    expect([plan.kind, plan.number?.raw, plan.signature?.signer]).toEqual(["bao-cao", "/BC-UBND", "Nguyễn Thành Sinh"]);
    // `Kính gửi:` and its three addressees stand before the body; the document it answers is its basis.
    expect(plan.legalBases.map((b) => b.number)).toEqual(["10699/BNNMT-ĐCKS"]);
    expect(plan.sections.map((s) => s.label)).toEqual(["I", "II", "III", "IV"]);
    expect(plan.recipients.map((r) => r.text)).toContain("Các sở: Nông nghiệp và Môi trường, Tài chính, Công Thương, Xây dựng;");
  });
  it.each(["qd_laocai_sct_1050_kiemtra_vlncn_2026.txt", "qd_laocai_sct_1050_kiemtra_vlncn_2026.pdf"])("a decision: %s", async (name) => {
    const plan = await read(name);
    expect([plan.kind, plan.number?.sequence, plan.issuer?.name, plan.signature?.signer]).toEqual(["quyet-dinh", 1050, "SỞ CÔNG THƯƠNG", "Hoàng Chí Hiền"]);
    expect(plan.date).toMatchObject({ day: 6, month: 3, year: 2026 });
    expect(plan.legalBases.map((b) => b.number)).toContain("181/2024/NĐ-CP");
    // `củа` typed with a Cyrillic а (the owner's extraction has U+0430; in the PDF, Times New Roman's glyph 602).
    expect(plan.legalBases.find((b) => b.number === "71/2019/NĐ-CP")?.issuer).toBe("Chính phủ");
    // Its articles (Điều 1. … Điều 5.) hold their numbered clauses.
    expect(plan.sections.map((s) => [s.style, s.label, s.children.length])).toEqual([
      ["article", "1", 4], ["article", "2", 4], ["article", "3", 8], ["article", "4", 0], ["article", "5", 2],
    ]);
  });
  it("an official letter: V/v summary, number and date", async () => {
    const plan = await read("cv_laocai_ubnd_5973_khoangsan_2026.txt");
    expect(plan.kind).toBe("cong-van");
    expect(plan.title).toMatch(/^tăng cường công tác quản lý/);
    expect(plan.number?.sequence).toBe(5973);
    // `Thực hiện Văn bản số 4250/… trên địa bàn và Văn bản số 4643/…`: the joining `và` is in neither subject.
    expect(plan.legalBases.map((b) => b.subject)).toEqual([
      "về việc tăng cường thanh tra, kiểm tra hoạt động khoáng sản trên địa bàn",
      "về việc tăng cường công tác quản lý khai thác khoáng sản",
    ]);
    expect(plan.date).toMatchObject({ day: 11, month: 6, year: 2026 });
  });
});

/**
 * A Word 97 .doc (a draft: number and day left blank), read by its own adapter. Expected values are
 * from the document as LibreOffice shows it (`soffice --convert-to txt`).
 */
describe("kh_lamdong_ubnd_kmt_2026.doc", () => {
  it("finds the header, legal bases, section tree and signature", async () => {
    const plan = await read("kh_lamdong_ubnd_kmt_2026.doc");
    expect(plan.source.format).toBe("doc");
    expect(plan.kind).toBe("ke-hoach");
    expect(plan.issuer?.name).toBe("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG");
    expect(plan.number?.raw).toBe("/KH-UBND");
    expect(plan.place?.name).toBe("Lâm Đồng");
    expect(plan.date).toMatchObject({ day: null, month: 3, year: 2026 });
    expect(plan.title).toBe("Tăng cường công tác đấu tranh phòng, chống ma túy và xây dựng xã, phường, đặc khu không ma túy năm 2026");
    const bases = plan.legalBases.map((b) => [b.number, b.date, b.issuer]);
    expect(bases).toContainEqual(["50/NQ-CP", "2025-03-13", "Chính phủ"]);
    expect(bases).toContainEqual(["05-NQ/TU", "2026-01-08", "Tỉnh ủy Lâm Đồng"]);
    expect(plan.sections.map((s) => s.label)).toEqual(["I", "II", "III", "IV", "V"]);
    const [first, second, third, , fifth] = plan.sections;
    expect(first?.heading).toBe("MỤC ĐÍCH, YÊU CẦU");
    expect(first?.children.map((s) => s.label)).toEqual(["1", "2", "3", "4"]);
    expect(second?.children.map((s) => s.label)).toEqual(["-", "-", "-"]);
    expect(third?.children.map((s) => [s.label, s.children.map((c) => c.label)])).toEqual([
      ["1", ["1.1", "1.2"]],
      ["2", ["2.1", "2.2"]],
      ["3", ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9"]],
      ["4", ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7"]],
      ["5", ["5.1", "5.2", "5.3", "5.4"]],
      ["6", ["6.1", "6.2", "6.3", "6.4", "6.5", "6.6"]],
      ["7", ["7.1", "7.2"]],
    ]);
    expect(fifth?.children.map((s) => s.label)).toEqual(["1", "2"]);
    expect(plan.signature).toMatchObject({ delegation: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", signer: "Nguyễn Minh" });
    expect(plan.recipients.at(-1)?.text).toBe("Lưu: VT, NC.Châu");
    // `- V01, C04 - Bộ Công an; - Thường trực Tỉnh ủy;`: two recipients on one line, each with its mark.
    expect(plan.recipients.slice(0, 2).map((r) => r.text)).toEqual(["V01, C04 - Bộ Công an;", "Thường trực Tỉnh ủy;"]);
    // The preamble's last sentence issues the plan (`Để tổ chức …, Ủy ban nhân dân tỉnh ban hành kế hoạch …`).
    expect(plan.issuance?.text).toMatch(/^Để tổ chức triển khai đồng bộ, .* cụ thể như sau:$/);
  });

  // The preamble cites two documents: "Thực hiện Nghị quyết số 50/NQ-CP … ban hành kế hoạch triển khai
  // Nghị quyết số 163/2024/QH15 …; Nghị quyết số 05-NQ/TU …". 163/2024/QH15 is part of the first one's
  // subject, a citation, not a basis of its own.
  it("gives exactly its two legal bases", async () => {
    const plan = await read("kh_lamdong_ubnd_kmt_2026.doc");
    expect(plan.legalBases.map((b) => b.number)).toEqual(["50/NQ-CP", "05-NQ/TU"]);
    expect(plan.legalBases[0]?.subject).toMatch(/^ban hành kế hoạch triển khai Nghị quyết số 163\/2024\/QH15 .* đến năm 2030$/);
    expect(plan.citations.map((c) => c.number)).toContain("163/2024/QH15");
  });
});
