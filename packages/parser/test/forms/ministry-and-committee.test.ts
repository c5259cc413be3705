import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "@kehoach/parser";
import { PlanSchema, type Plan } from "@kehoach/model";

/**
 * A ministry's plan and a provincial steering committee's, each read against its text: the fields below
 * were checked by reading the fixture; those marked "was" were wrong before the fix named beside them.
 */
const fixtures = fileURLToPath(new URL("../../../../fixtures/forms/", import.meta.url));
const read = async (name: string): Promise<Plan> => {
  const plan = await parse(readFileSync(`${fixtures}${name}`));
  expect(PlanSchema.safeParse(plan).success).toBe(true);
  return plan;
};

describe("a ministry's plan (kh_bo_chuyen_doi_so.txt)", () => {
  it("reads its header, bases, budget and counts", async () => {
    const plan = await read("kh_bo_chuyen_doi_so.txt");
    expect([plan.issuer?.name, plan.issuer?.parent, plan.number?.raw, plan.place?.name, plan.date?.raw]).toEqual([
      "BỘ THÔNG TIN VÀ TRUYỀN THÔNG", null, "1520/KH-BTTTT", "Hà Nội", "ngày 08 tháng 4 năm 2024",
    ]);
    expect(plan.legalBases.map((b) => b.number)).toEqual(["48/2022/NĐ-CP", "942/QĐ-TTg", "1234/VPCP-KSTT"]);
    expect(plan.issuance?.text).toBe("Bộ Thông tin và Truyền thông ban hành Kế hoạch triển khai nền tảng số dùng chung năm 2024 như sau:");
    expect(plan.budget.total).toMatchObject({ amount: 2_500_000_000, words: "Hai tỷ năm trăm triệu đồng" });
    expect(plan.quantities.map((q) => q.raw)).toEqual(["25 đơn vị", "300 công chức"]);
  });

  it("gives the ministry's department its task, and takes a deputy minister for a deputy", async () => {
    const plan = await read("kh_bo_chuyen_doi_so.txt");
    // Was missing: `Vụ` was no agency head.
    expect(plan.assignments.map((a) => [a.agency, a.role, a.section])).toEqual([
      ["Cục Chuyển đổi số quốc gia", "chủ trì", "IV.1"],
      ["Cục An toàn thông tin", "phối hợp", "IV.1"],
      ["Vụ Kế hoạch - Tài chính", "thực hiện", "IV.2"],
    ]);
    expect(plan.signature).toMatchObject({ delegation: "KT. BỘ TRƯỞNG", position: "THỨ TRƯỞNG", signer: "Nguyễn Văn Hùng" });
    // Was `signature-authority`: only `PHÓ …` was taken for a deputy, and `THỨ TRƯỞNG` is the minister's.
    expect(plan.findings.map((f) => f.code)).toEqual([]);
  });
});

describe("a steering committee's plan (kh_bcd_phong_chong_thien_tai.txt)", () => {
  it("reads its issuer under the province, the basis and issuing clause of one sentence, and its signature", async () => {
    const plan = await read("kh_bcd_phong_chong_thien_tai.txt");
    expect([plan.issuer?.name, plan.issuer?.parent, plan.number?.raw, plan.date?.raw]).toEqual([
      "BAN CHỈ HUY PHÒNG CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN", "UBND TỈNH QUẢNG TRỊ", "37/KH-BCH", "ngày 12 tháng 5 năm 2025",
    ]);
    expect(plan.legalBases.map((b) => b.number)).toEqual(["05/CT-UBND"]);
    expect(plan.issuance?.text).toBe("Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh xây dựng Kế hoạch như sau:");
    expect(plan.quantities.map((q) => q.raw)).toEqual(["03 huyện", "450 người"]);
    expect(plan.signature).toMatchObject({ delegation: "KT. TRƯỞNG BAN", position: "PHÓ TRƯỞNG BAN THƯỜNG TRỰC PHÓ CHỦ TỊCH UBND TỈNH", signer: "Hoàng Nam" });
    expect(plan.findings.map((f) => f.code)).toEqual([]);
  });

  it("takes `Vụ Hè Thu` for a crop season, not an agency", async () => {
    const plan = await read("kh_bcd_phong_chong_thien_tai.txt");
    expect(plan.assignments.map((a) => [a.agency, a.role, a.section])).toEqual([
      ["Sở Nông nghiệp và Môi trường", "theo dõi", "III.1"],
      ["Bộ Chỉ huy Quân sự tỉnh", "chủ trì", "III.2"],
      ["Công an tỉnh", "phối hợp", "III.2"],
      ["Sở Tài chính", "thực hiện", "III.3"],
      ["UBND các huyện, thị xã, thành phố", "thực hiện", "III.4"],
    ]);
  });
});
