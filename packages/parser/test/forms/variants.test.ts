import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseText } from "@kehoach/parser";
import { PlanSchema, type Plan } from "@kehoach/model";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
const at = (plan: Plan, span: { start: { offset: number }; end: { offset: number } } | null | undefined) => (span ? plan.source.text.slice(span.start.offset, span.end.offset) : null);

describe("a Party committee's plan (fixtures/forms/kh_tinhuy_dang.txt, layout of Hướng dẫn 36-HD/VPTW)", () => {
  it("reads the Party's motto, `Số 125-KH/TU` without a colon, the lower-case title, a `T/M` signing block and `Lưu Văn phòng …`", async () => {
    const plan = await parse(readFileSync(`${fixtures}forms/kh_tinhuy_dang.txt`));
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    expect([plan.kind, plan.issuer?.name, plan.motto?.text]).toEqual(["ke-hoach", "TỈNH ỦY LAI CHÂU", "ĐẢNG CỘNG SẢN VIỆT NAM"]);
    expect(plan.number).toMatchObject({ raw: "125-KH/TU", sequence: 125, typeCode: "KH", issuerCode: "TU" });
    expect([plan.place?.name, plan.date?.day, plan.date?.month, plan.date?.year]).toEqual(["Lai Châu", 10, 3, 2025]);
    expect(plan.title).toBe("thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp");
    // `Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị`: the date after a comma, as the Party writes it.
    expect(plan.legalBases.map((b) => [b.docType, b.number, b.date, b.issuer])).toEqual([["Chỉ thị", "35-CT/TW", "2024-06-14", "Bộ Chính trị"]]);
    expect(plan.sections.map((s) => s.label)).toEqual(["I", "II", "III"]);
    expect(plan.issuance?.text).toBe("Ban Thường vụ Tỉnh ủy xây dựng kế hoạch thực hiện như sau:");
    expect(plan.signature).toMatchObject({ authority: "T/M BAN THƯỜNG VỤ", position: "PHÓ BÍ THƯ", signer: "Nguyễn Văn An" });
    expect(plan.recipients.map((r) => r.text)).toEqual(["Ban Tổ chức Trung ương,", "Các đồng chí Tỉnh ủy viên,", "Ban Tổ chức Tỉnh ủy,", "Lưu Văn phòng Tỉnh ủy."]);
    // The Party's archive line is no NĐ 30 fault; the lone `*` under the issuer is an ornament.
    expect(plan.findings.map((f) => f.code)).not.toContain("recipients-archive-missing");
    expect(plan.source.text).not.toMatch(/^\*$/mu);
  });
});

describe("columns run together with single spaces (fixtures/forms/kh_cot_lien_dong.txt: copied from a Word table)", () => {
  it("reads the header and the signing block as their own fields, the date in figures with its finding, the words after `Bằng chữ:`", async () => {
    const plan = await parse(readFileSync(`${fixtures}forms/kh_cot_lien_dong.txt`));
    expect([plan.issuer?.name, plan.number?.raw, plan.place?.name]).toEqual(["ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", "45/KH-UBND", "Bình Định"]);
    expect(plan.date).toMatchObject({ day: 10, month: 2, year: 2025 });
    expect(plan.motto?.text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(plan.signature).toMatchObject({ delegation: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", signer: "Trần Văn Bình" });
    expect(plan.recipients.map((r) => r.text)).toEqual(["Bộ Khoa học và Công nghệ;", "TT Tỉnh ủy;", "Lưu: VT, KT."]);
    expect(plan.budget.total).toMatchObject({ amount: 1_200_000_000, words: "Một tỷ hai trăm triệu đồng chẵn" });
    const inFigures = plan.findings.filter((f) => f.code === "date-in-figures");
    expect(inFigures.map((f) => at(plan, f.span))).toEqual(["10/02/2025"]);
    expect(plan.findings.map((f) => f.code)).not.toContain("amount-words-mismatch");
  });
});

describe("a joint plan of two departments (fixtures/forms/khlt_lien_tich.txt)", () => {
  it("reads `KẾ HOẠCH LIÊN TỊCH` as a plan, its `KHLT` symbol as its own type code, and the two issuer lines as one name", async () => {
    const plan = await parse(readFileSync(`${fixtures}forms/khlt_lien_tich.txt`));
    expect([plan.kind, plan.docType?.text]).toEqual(["ke-hoach", "KẾ HOẠCH LIÊN TỊCH"]);
    expect(plan.number).toMatchObject({ raw: "15/KHLT-SYT-SGDĐT", sequence: 15, typeCode: "KHLT", issuerCode: "SYT-SGDĐT" });
    expect(plan.issuer).toMatchObject({ name: "SỞ Y TẾ - SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH ĐIỆN BIÊN", parent: null });
    expect(plan.title).toBe("Về việc triển khai công tác y tế trường học năm học 2024 - 2025");
    expect(plan.legalBases.map((b) => [b.docType, b.number, b.date])).toEqual([["Thông tư liên tịch", "13/2016/TTLT-BYT-BGDĐT", "2016-05-12"]]);
    expect(plan.findings.map((f) => f.code)).not.toContain("symbol-type-mismatch");
  });
});

describe("a long plan in parts (fixtures/forms/kh_phan.txt)", () => {
  it("reads `Phần I` / `PHẦN THỨ BA:` as parts above the numbered sections, a heading on the label's next line as its heading", async () => {
    const plan = await parse(readFileSync(`${fixtures}forms/kh_phan.txt`));
    expect(plan.title).toBe("Phát triển du lịch năm 2025");
    expect(plan.sections.map((s) => [s.style, s.label, s.heading])).toEqual([
      ["part", "I", "ĐÁNH GIÁ KẾT QUẢ NĂM 2024"],
      ["part", "II", "NHIỆM VỤ NĂM 2025"],
      ["part", "THỨ BA", "TỔ CHỨC THỰC HIỆN"],
    ]);
    expect(plan.sections[1]?.children.map((s) => s.label)).toEqual(["1", "2"]);
    // `Phần II của Kế hoạch năm 2024.` wrapped to a line's start goes on with its sentence.
    expect(plan.sections[0]?.children[0]?.paragraphs.map((p) => p.text).join(" ")).toContain("mục 2 Phần II của Kế hoạch năm 2024.");
    expect(plan.findings.map((f) => f.code)).not.toContain("section-duplicate");
  });
});

describe("a commune's plan with a funding table copied one cell per line (fixtures/forms/kh_xa_bang_kinh_phi.txt)", () => {
  it("keeps the table's lone figures, reads its total under the unit caption, and the recipients `tại mục IV`", async () => {
    const plan = await parse(readFileSync(`${fixtures}forms/kh_xa_bang_kinh_phi.txt`));
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    expect([plan.kind, plan.issuer?.name, plan.number?.raw, plan.place?.name]).toEqual(["ke-hoach", "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "45/KH-UBND", "Tân Lập"]);
    // Row numbers and figures alone on their lines are cells, not page numbers.
    expect(plan.source.text).toContain("\n1\nMít tinh\n30\n2\nVăn hóa, thể thao\n50\nTổng cộng\n80\n");
    expect(plan.findings.map((f) => f.code)).not.toContain("page-number-dropped");
    // `Đơn vị tính: triệu đồng` … `Tổng cộng` / `80`: 80 million đồng, its span on the figure.
    expect(plan.budget.total).toMatchObject({ amount: 80_000_000, raw: "80", words: null });
    expect(at(plan, plan.budget.total?.span)).toBe("80");
    expect(plan.signature).toMatchObject({ delegation: "TL. CHỦ TỊCH", position: "CHÁNH VĂN PHÒNG", signer: "Trần Thị Bình" });
    expect(plan.assignments.map((a) => [a.agency, a.role, a.section])).toContainEqual(["Văn phòng HĐND và UBND xã", "chủ trì", "IV.1"]);
    // `- Các cơ quan, đơn vị tại mục IV;` sends the plan to every body given a task in IV.
    expect(plan.findings.map((f) => f.code)).not.toContain("responsible-not-recipient");
  });

  it("a total row reads in the caption's unit on one line too, and only under a caption of money (near misses)", async () => {
    const plan = (body: string[]) => parseText(["KẾ HOẠCH", "Tổ chức hội nghị", "I. KINH PHÍ", ...body, "Nơi nhận:", "- Lưu: VT."].join("\n"));
    expect(plan(["ĐVT: 1.000 đồng", "Tổng cộng: 1.250"]).budget.total).toMatchObject({ amount: 1_250_000, raw: "1.250" });
    expect(plan(["(Đơn vị tính: đồng)", "TỔNG CỘNG 350.000.000"]).budget.total).toMatchObject({ amount: 350_000_000 });
    expect(plan(["Đơn vị tính: người", "Tổng cộng", "80"]).budget.amounts).toEqual([]);
    expect(plan(["Tổng cộng", "80"]).budget.amounts).toEqual([]);
    expect(plan(["Đơn vị tính: triệu đồng", "Tổng số 200 đại biểu."]).budget.amounts).toEqual([]);
    expect(plan(["Đơn vị tính: triệu đồng", "Tổng cộng", "80 người"]).budget.amounts).toEqual([]);
  });
});

describe("a plan copied out of a signed PDF, its e-signature stamp first (fixtures/forms/kh_chu_ky_so.txt)", () => {
  it("reads the stamp as a digital signature, told by its wording, and the header after it", async () => {
    const plan = await parse(readFileSync(`${fixtures}forms/kh_chu_ky_so.txt`));
    expect(plan.digitalSignatures.map((s) => [s.signer, s.timestamp, at(plan, s.span)])).toEqual([
      ["Sở Nội vụ", "2025-03-05T10:20:15+07:00", "Người ký: Sở Nội vụ\nEmail: snv@nghean.gov.vn\nCơ quan: Tỉnh Nghệ An\nThời gian ký: 05.03.2025 10:20:15 +07:00"],
    ]);
    expect([plan.kind, plan.issuer?.name, plan.number?.raw, plan.place?.name, plan.title]).toEqual(["ke-hoach", "SỞ NỘI VỤ", "05/KH-SNV", "Nghệ An", "Kiểm tra công tác văn thư năm 2025"]);
    expect(plan.signature).toMatchObject({ delegation: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", signer: "Lê Đình Lý" });
    expect(plan.findings.map((f) => f.code)).not.toContain("missing-issuer");
  });
});

describe("a plan with its title in capitals and its body in parts A., B., C. (fixtures/forms/kh_chu_in_hoa.txt)", () => {
  it("reads both capital lines as the title, and A/B/C as parts holding roman numerals that restart", async () => {
    const plan = await parse(readFileSync(`${fixtures}forms/kh_chu_in_hoa.txt`));
    expect(plan.title).toBe("TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ HUYỆN ĐIỆN BIÊN NĂM 2025");
    const outline = (sections: Plan["sections"]): string[] => sections.flatMap((s) => [`${s.style} ${s.label}`, ...outline(s.children).map((line) => `  ${line}`)]);
    expect(outline(plan.sections)).toEqual([
      "capital A",
      "  roman I",
      "  roman II",
      "    arabic 1",
      "    arabic 2",
      "capital B",
      "  roman I",
      "    arabic 1",
      "capital C",
    ]);
    // `I.` again under `B.` is no repeat of the `I.` under `A.`.
    expect(plan.findings.map((f) => f.code)).not.toContain("section-duplicate");
    expect(plan.assignments.map((a) => [a.agency, a.section])).toEqual([["Phòng Văn hóa và Thông tin huyện", "B.I.1"]]);
  });
});

describe("items marked with the bullets Word and PDF extractions carry", () => {
  it.each(["•", "●", "➢", "\uF0B7", "\uF0A7"])("`%s` items nest under their section as `-` items, as recipients are read", (bullet) => {
    const plan = parseText(
      `KẾ HOẠCH\nTổ chức Tết trồng cây năm 2025\n\nI. MỤC ĐÍCH\n${bullet} Trồng 5.000 cây xanh.\n${bullet} Bảo vệ môi trường.\nII. TỔ CHỨC THỰC HIỆN\nPhòng Kinh tế chủ trì thực hiện.\n\nNơi nhận:\n${bullet} Phòng Kinh tế;\n${bullet} Lưu: VT.\n`,
    );
    expect(plan.sections[0]?.children.map((c) => [c.label, c.style, c.heading])).toEqual([
      ["-", "dash", "Trồng 5.000 cây xanh."],
      ["-", "dash", "Bảo vệ môi trường."],
    ]);
    expect(plan.recipients.map((r) => r.text)).toEqual(["Phòng Kinh tế;", "Lưu: VT."]);
  });
});
