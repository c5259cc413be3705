import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseText } from "@kehoach/parser";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));

describe("quantities in reports", () => {
  it("dotted thousands, abbreviated units, feedback and procedures are counts", () => {
    const plan = parseText(
      [
        "BÁO CÁO",
        "Kết quả cải cách hành chính năm 2025",
        "I. KẾT QUẢ",
        "Tiếp nhận 125.712 hồ sơ, công bố 598 TTHC, xử lý 306 phản ánh và rà soát 109 thủ tục; năm 2025 UBND tỉnh giao 12 HTX.",
        "Liên hệ số điện thoại 091.279.9026.",
      ].join("\n"),
      { checks: false },
    );
    expect(plan.quantities.map((q) => [q.value, q.unit])).toEqual([
      [125712, "hồ sơ"],
      [598, "TTHC"],
      [306, "phản ánh"],
      [109, "thủ tục"],
      [12, "HTX"],
    ]);
  });
});

describe("a letter (công văn) has no type heading", () => {
  const letter = (lines: string[]) =>
    parseText(["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 5973/UBND-KT", ...lines, "Lào Cai, ngày 11 tháng 6 năm 2026", "Kính gửi:", "- Công an tỉnh;", "- Thuế tỉnh Lào Cai.", "Thực hiện Văn bản số 4250/BNNMT-ĐCKS ngày 29/4/2026 của Bộ Nông nghiệp và Môi trường;", "1. Công an tỉnh tăng cường kiểm tra.", "2. Thuế tỉnh rà soát./."].join("\n"), {
      checks: false,
    });
  it.each([
    ["with its V/v summary", ["V/v tăng cường quản lý khoáng sản"]],
    ["without one (only Kính gửi and the symbol say so)", []],
  ])("%s", (_, subject) => {
    const plan = letter(subject);
    expect(plan.kind).toBe("cong-van");
    expect(plan.number).toMatchObject({ sequence: 5973, typeCode: null, issuerCode: "UBND-KT" });
    // The addressees are not sections of the body.
    expect(plan.sections.map((s) => s.label)).toEqual(["1", "2"]);
    expect(plan.paragraphs[0]?.text).toBe("Kính gửi: - Công an tỉnh; - Thuế tỉnh Lào Cai.");
    expect(plan.legalBases.map((b) => b.number)).toEqual(["4250/BNNMT-ĐCKS"]);
  });
  it("the corpus letter: addressees apart, the documents it implements as bases", async () => {
    const plan = await parse(readFileSync(`${fixtures}corpus/cv_laocai_ubnd_5973_khoangsan_2026.txt`), { checks: false });
    expect(plan.kind).toBe("cong-van");
    expect(plan.legalBases.map((b) => b.number)).toEqual(["4250/BNNMT-ĐCKS", "4643/VPCP-CN"]);
    expect(plan.sections.map((s) => s.label)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  });
});
