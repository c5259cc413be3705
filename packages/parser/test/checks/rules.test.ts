import { describe, expect, it } from "vitest";
import { check, parseText } from "@kehoach/parser";

/** A small well-formed plan; each case swaps in the part it is about. */
function plan(parts: { header?: string; bases?: string; body?: string; closing?: string } = {}): string {
  return [
    parts.header ?? "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2024",
    parts.bases ?? "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình;",
    "UBND tỉnh ban hành Kế hoạch với các nội dung sau:",
    parts.body ?? "I. MỤC ĐÍCH\n1. Mục đích\n2. Yêu cầu\nII. KINH PHÍ\nTổng kinh phí: 9.753.000.000 đồng (Chín tỷ, bảy trăm năm mươi ba triệu đồng).",
    "Các cơ quan tổ chức thực hiện./.",
    parts.closing ?? "Nơi nhận:\n- Sở Tài chính;\n- Lưu: VT, KT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nGiàng A Tính",
  ].join("\n");
}

function findings(text: string, code: string) {
  return check(parseText(text, { checks: false }), { only: [code] });
}

interface Case {
  code: string;
  trigger: string;
  nearMiss: string;
  /** Text the finding's span must cover in the trigger. */
  at?: string;
}

const cases: Case[] = [
  {
    code: "amount-words-mismatch",
    trigger: plan({ body: "I. KINH PHÍ\nTổng kinh phí: 9.753.000.000 đồng (Chín tỷ, bảy trăm năm mươi hai triệu đồng)." }),
    nearMiss: plan(),
    at: "9.753.000.000 đồng",
  },
  {
    code: "citation-date-conflict",
    trigger: plan({ body: "I. KINH PHÍ\n1. Giao tại Quyết định số 90/QĐ-TTg ngày 18/01/2023." }),
    nearMiss: plan({ body: "I. KINH PHÍ\n1. Giao tại Quyết định số 90/QĐ-TTg ngày 18/01/2022." }),
    at: "18/01/2023",
  },
  {
    code: "citation-type-mismatch",
    trigger: plan({ bases: "Căn cứ Quyết định số 41/KH-UBND ngày 22/02/2024 của UBND huyện;" }),
    nearMiss: plan({ bases: "Căn cứ Kế hoạch số 41/KH-UBND ngày 22/02/2024 của UBND huyện;" }),
    at: "Quyết định số 41/KH-UBND",
  },
  {
    code: "citation-malformed",
    trigger: plan({ bases: "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 31/02/2022 của Bộ Thông tin và Truyền thông;" }),
    nearMiss: plan({ bases: "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 28/02/2022 của Bộ Thông tin và Truyền thông;" }),
    at: "31/02/2022",
  },
  {
    code: "citation-malformed",
    trigger: plan({ bases: "Căn cứ Thông tư số 06/2021/TT-BTTTT ngày 30/6/2022 của Bộ Thông tin và Truyền thông;" }),
    nearMiss: plan({ bases: "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 30/6/2022 của Bộ Thông tin và Truyền thông;" }),
  },
  {
    code: "basis-after-issue",
    trigger: plan({ bases: "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/3/2024 của Thủ tướng Chính phủ;" }),
    nearMiss: plan({ bases: "Căn cứ Quyết định số 90/QĐ-TTg ngày 04/3/2024 của Thủ tướng Chính phủ;" }),
    at: "18/3/2024",
  },
  {
    code: "basis-after-issue",
    trigger: plan({
      header: "UBND TỈNH LAI CHÂU\nSố: /KH-UBND\nLai Châu, ngày tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ",
      bases: "Căn cứ Quyết định số 90/QĐ-TTg ngày 02/4/2024 của Thủ tướng Chính phủ;",
    }),
    nearMiss: plan({
      header: "UBND TỈNH LAI CHÂU\nSố: /KH-UBND\nLai Châu, ngày tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ",
      bases: "Căn cứ Quyết định số 90/QĐ-TTg ngày 20/3/2024 của Thủ tướng Chính phủ;",
    }),
  },
  {
    code: "section-duplicate",
    trigger: plan({ body: "I. MỤC ĐÍCH\n1. Mục đích\nII. NỘI DUNG\nII. KINH PHÍ" }),
    nearMiss: plan({ body: "I. MỤC ĐÍCH\n1. Mục đích\nII. NỘI DUNG\nIII. KINH PHÍ" }),
  },
  {
    code: "section-gap",
    trigger: plan({ body: "I. NỘI DUNG\n1. Nhiệm vụ\n1.1. Một\n1.2. Hai\n1.4. Bốn" }),
    nearMiss: plan({ body: "I. NỘI DUNG\n1. Nhiệm vụ\n1.1. Một\n1.2. Hai\n1.3. Ba" }),
    at: "1.4.",
  },
  {
    code: "section-gap",
    trigger: plan({ body: "I. NỘI DUNG\n1. Nhiệm vụ\na) Một\nb) Hai\nc) Ba\nd) Bốn\ne) Năm" }),
    nearMiss: plan({ body: "I. NỘI DUNG\n1. Nhiệm vụ\na) Một\nb) Hai\nc) Ba\nd) Bốn\nđ) Năm\ne) Sáu" }),
    at: "e)",
  },
  {
    code: "section-order",
    trigger: plan({ body: "I. NỘI DUNG\n1. Một\n3. Ba\n2. Hai" }),
    nearMiss: plan({ body: "I. NỘI DUNG\n1. Một\n2. Hai\n3. Ba" }),
  },
  {
    code: "section-order",
    trigger: plan({ body: "I. NỘI DUNG\n1. Một\n2. Hai\n1.1. Lạc chỗ" }),
    nearMiss: plan({ body: "I. NỘI DUNG\n1. Một\n2. Hai\n2.1. Đúng chỗ" }),
  },
  {
    code: "missing-number",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan(),
  },
  {
    code: "missing-date",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan(),
  },
  {
    code: "missing-issuer",
    trigger: plan({ header: "Số: 12/KH-UBND\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan(),
  },
  {
    code: "missing-signature",
    trigger: plan({ closing: "Nơi nhận:\n- Sở Tài chính;\n- Lưu: VT." }),
    nearMiss: plan(),
  },
  {
    code: "missing-recipients",
    trigger: plan({ closing: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nGiàng A Tính" }),
    nearMiss: plan(),
  },
  {
    code: "number-padding",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 5/KH-UBND\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 05/KH-UBND\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
  },
  {
    code: "date-padding",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 5 tháng 03 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 05 tháng 02 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
  },
  {
    code: "symbol-type-mismatch",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/QĐ-UBND\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan(),
  },
  {
    code: "signature-authority",
    trigger: plan({ closing: "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nGiàng A Tính" }),
    nearMiss: plan(),
  },
  {
    code: "recipients-archive-missing",
    trigger: plan({ closing: "Nơi nhận:\n- Sở Tài chính;\n- UBND các huyện;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nGiàng A Tính" }),
    nearMiss: plan(),
  },
  {
    code: "basis-format",
    trigger: plan({ bases: "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 30/6/2022 hướng dẫn thực hiện Dự án;" }),
    nearMiss: plan({ bases: "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 30/6/2022 của Bộ Thông tin và Truyền thông hướng dẫn;" }),
  },
];

describe.each(cases.map((c, i) => [`${c.code} #${i}`, c] as const))("%s", (_name, c) => {
  it("is reported where the fault is", () => {
    const reported = findings(c.trigger, c.code);
    expect(reported.length, JSON.stringify(reported)).toBeGreaterThan(0);
    if (c.at) {
      const parsed = parseText(c.trigger, { checks: false });
      const span = reported[0]?.span;
      expect(span && parsed.source.text.slice(span.start.offset, span.end.offset)).toContain(c.at);
    }
    for (const finding of reported) expect(finding.messageEn?.length).toBeGreaterThan(0);
  });
  it("stays quiet on the near miss", () => {
    expect(findings(c.nearMiss, c.code)).toEqual([]);
  });
});

describe("check options", () => {
  it("gives English messages on request", () => {
    const [finding] = check(parseText(cases[0]!.trigger, { checks: false }), { only: ["amount-words-mismatch"], language: "en" });
    expect(finding?.message).toMatch(/does not match/);
  });
  it("a draft's blank number is info, not a warning", () => {
    const text = plan({ header: "UBND TỈNH LAI CHÂU\nSố: /KH-UBND\nLai Châu, ngày tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" });
    expect(findings(text, "missing-number").map((f) => f.severity)).toEqual(["info"]);
  });
});
