import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "@kehoach/parser";
import { PlanSchema, type Plan } from "@kehoach/model";

/**
 * Plans of a district office, a commune and a provincial department, each read against its text: the
 * fields below were checked by reading the fixture, and each was wrong before the fix named beside it.
 */
const fixtures = fileURLToPath(new URL("../../../../fixtures/forms/", import.meta.url));
const read = async (name: string): Promise<Plan> => {
  const plan = await parse(readFileSync(`${fixtures}${name}`));
  expect(PlanSchema.safeParse(plan).success).toBe(true);
  return plan;
};
const codes = (plan: Plan) => plan.findings.map((f) => f.code);

describe("a district office's plan (kh_phong_gd_hoi_thi.txt)", () => {
  it("reads its header, budget, counts, signature, and finds its recipients complete", async () => {
    const plan = await read("kh_phong_gd_hoi_thi.txt");
    expect([plan.issuer?.name, plan.issuer?.parent, plan.number?.raw, plan.date?.raw]).toEqual([
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "UBND HUYỆN TÂN YÊN", "25/KH-PGDĐT", "ngày 15 tháng 02 năm 2025",
    ]);
    expect(plan.title).toBe("Tổ chức Hội thi giáo viên dạy giỏi cấp huyện năm học 2024-2025");
    expect(plan.issuance?.text).toBe("Phòng Giáo dục và Đào tạo xây dựng Kế hoạch tổ chức Hội thi như sau:");
    expect(plan.budget.total).toMatchObject({ amount: 120_000_000, words: "Một trăm hai mươi triệu đồng chẵn" });
    // Was none: `giáo viên` was no unit.
    expect(plan.quantities.map((q) => q.raw)).toEqual(["120 giáo viên"]);
    expect(plan.signature).toMatchObject({ delegation: "KT. TRƯỞNG PHÒNG", position: "PHÓ TRƯỞNG PHÒNG", signer: "Trần Thị Bình" });
    expect(plan.assignments.map((a) => [a.agency, a.role, a.section])).toEqual([
      ["Phòng Giáo dục và Đào tạo", "thực hiện", "IV.1"],
      ["Phòng Giáo dục và Đào tạo", "chủ trì", "IV.1"],
      ["Phòng Tài chính - Kế hoạch", "phối hợp", "IV.1"],
    ]);
    // Was a warning: `Kế hoạch` folded to `Kế họach` never matched `Phòng TC-KH huyện`.
    expect(codes(plan)).toEqual([]);
  });
});

describe("a commune's plan (kh_xa_thu_y.txt)", () => {
  it("reads its two-line issuer, decimal sections, amount in đ, and a civil servant's tasks", async () => {
    const plan = await read("kh_xa_thu_y.txt");
    expect([plan.issuer?.name, plan.number?.raw, plan.place?.name, plan.date?.raw]).toEqual(["ỦY BAN NHÂN DÂN XÃ PHÚ NINH", "45 /KH-UBND", "Phú Ninh", "ngày 05 tháng 3 năm 2025"]);
    expect(plan.legalBases.map((b) => b.docType)).toEqual(["Luật", "Nghị quyết", "Kế hoạch"]);
    expect(plan.sections.map((s) => s.label)).toEqual(["1", "2", "3", "4"]);
    expect(plan.sections[1]?.children.map((s) => s.label)).toEqual(["2.1", "2.2"]);
    expect(plan.budget.total).toMatchObject({ amount: 35_500_000, raw: "35.500.000đ" });
    expect(plan.quantities.map((q) => q.raw)).toEqual(["80%", "2 đợt", "12 thôn"]);
    // Was none: `Công chức` was no agency head.
    expect(plan.assignments.map((a) => [a.agency, a.role, a.section])).toContainEqual(["Công chức Địa chính - Nông nghiệp xã", "thực hiện", "4.1"]);
    expect(plan.signature).toMatchObject({ authority: "TM. ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", signer: "Lê Văn Cường" });
    expect(codes(plan)).toEqual([]);
  });
});

describe("a department's draft (kh_so_tc_kiem_tra.txt)", () => {
  it("reads the issuing clause after a semicolon, the signer under [Chữ ký số], and the appendix", async () => {
    const plan = await read("kh_so_tc_kiem_tra.txt");
    expect([plan.issuer?.name, plan.number?.raw, plan.title]).toEqual(["SỞ TÀI CHÍNH", "/KH-STC", "KIỂM TRA CÔNG TÁC QUẢN LÝ, SỬ DỤNG TÀI SẢN CÔNG NĂM 2025"]);
    // Was none: the clause after `;` was left in the basis.
    expect(plan.issuance?.text).toBe("Sở Tài chính ban hành Kế hoạch kiểm tra như sau:");
    expect(plan.legalBases.map((b) => b.number)).toEqual(["2345/QĐ-UBND"]);
    // Was signer null, the note and the name in the appendix.
    expect(plan.signature).toMatchObject({ delegation: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", signer: "Nguyễn Văn Dũng" });
    expect(plan.appendix[0]?.text).toBe("PHỤ LỤC\nDANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA");
    expect(codes(plan)).toEqual(expect.arrayContaining(["missing-number", "missing-date"]));
    expect(codes(plan)).not.toContain("missing-signature");
  });
});

describe("a Youth Union committee's plan (kh_tinh_doan.txt)", () => {
  it("reads the Union's name as its motto, its own committee as the issuer, and holds it to the Party's layout", async () => {
    const plan = await read("kh_tinh_doan.txt");
    // Was issuer `ĐOÀN TNCS HỒ CHÍ MINH` under the parent `TỈNH ĐOÀN LÀO CAI`, and no motto.
    expect([plan.motto?.text, plan.issuer?.name, plan.issuer?.parent, plan.number?.raw]).toEqual(["ĐOÀN TNCS HỒ CHÍ MINH", "TỈNH ĐOÀN LÀO CAI", null, "123-KH/TĐTN-PT"]);
    expect(plan.signature).toMatchObject({ authority: "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", position: "PHÓ BÍ THƯ", signer: "Nguyễn Thị Hoa" });
    expect(plan.citations.map((c) => [c.number, c.issuer])).toEqual([["45-KH/TWĐTN-PT", "Ban Bí thư Trung ương Đoàn"]]);
    // Were: issuer-symbol-mismatch (read as the Party's Ban Bí thư, TW), recipients-archive-missing (`Lưu VP`),
    // and responsible-not-recipient for the committee's own Ban Phong trào.
    expect(codes(plan)).toEqual([]);
  });
});
