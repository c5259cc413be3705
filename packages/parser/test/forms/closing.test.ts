import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseText } from "@kehoach/parser";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));

/** A plan's closing: `Nơi nhận:` with its items, then the signing block as given. */
function closing(recipients: string[], signing: string[]) {
  const text = ["KẾ HOẠCH", "Tuyên truyền năm 2026", "I. MỤC ĐÍCH", "Nâng cao nhận thức./.", "Nơi nhận:", ...recipients, ...signing].join("\n");
  return parseText(text, { checks: false });
}

describe("signing prefixes (NĐ 30, Điều 13)", () => {
  const cases: [string, string[], (string | null)[]][] = [
    ["TM. alone", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Giàng A Tính"], ["TM. ỦY BAN NHÂN DÂN", null, "CHỦ TỊCH"]],
    ["TM. with KT.", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Giàng A Tính"], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]],
    ["KT. alone", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Giàng A Tính"], [null, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]],
    ["TL. alone", ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Giàng A Tính"], [null, "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]],
    ["TL. with KT. under it", ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Giàng A Tính"], ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]],
    ["TUQ.", ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ", "Giàng A Tính"], [null, "TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"]],
    ["Q.", ["Q. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Giàng A Tính"], [null, "Q. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]],
    ["TM. with Q.", ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Giàng A Tính"], ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]],
    ["no space after the dot", ["TL.CHỦ TỊCH", "KT.CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Giàng A Tính"], ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]],
  ];
  it.each(cases)("%s", (_, signing, [authority, delegation, position]) => {
    const plan = closing(["- Lưu: VT."], signing);
    expect(plan.signature).toMatchObject({ authority, delegation, position, signer: "Giàng A Tính" });
  });
});

describe("recipients", () => {
  it("one `-` line naming two recipients separated by `;` is two recipients", () => {
    const plan = closing(["- Báo Lai Châu; Đài PTTH tỉnh;", "- Lưu: VT."], ["CHỦ TỊCH", "Giàng A Tính"]);
    expect(plan.recipients.map((r) => r.text)).toEqual(["Báo Lai Châu;", "Đài PTTH tỉnh;", "Lưu: VT."]);
  });
  it("an item wrapped onto lines of its own stays one recipient", () => {
    const plan = closing(
      ["- Cổng thông tin điện tử tỉnh", "(để đưa tin);", "- Lãnh đạo Văn phòng, các", "phòng: KGVX, TH, KTN;", "- Lưu: VT."],
      ["CHỦ TỊCH", "Giàng A Tính"],
    );
    expect(plan.recipients.map((r) => r.text)).toEqual([
      "Cổng thông tin điện tử tỉnh (để đưa tin);",
      "Lãnh đạo Văn phòng, các phòng: KGVX, TH, KTN;",
      "Lưu: VT.",
    ]);
    expect(plan.signature?.signer).toBe("Giàng A Tính");
  });
});

describe("the closing block of a Word-exported PDF (fixtures/closing/*)", () => {
  // Recipients (11 pt) left, signing block (14 pt, a little lower) right: no baseline is shared, the
  // signer's name is nine blank lines below the position while the recipients go on.
  const recipients = [
    "Bộ Nội vụ (báo cáo);",
    "TT. Tỉnh ủy, TT. HĐND tỉnh;",
    "Chủ tịch, các PCT UBND tỉnh;",
    "Các sở, ban, ngành tỉnh;",
    "Báo Lai Châu;",
    "Đài PTTH tỉnh;",
    "Cổng thông tin điện tử tỉnh (để đưa tin);",
    "UBND các huyện, thành phố;",
    "Lãnh đạo Văn phòng, các phòng: KGVX, TH, KTN, HCTC;",
    "Lưu: VT, NC.",
  ];
  // closing_page_break: the same table split by a page break — Nơi nhận, three items and the prefixes at
  // the foot of page 2; the other items and the signer's name at the top of page 3.
  it.each(["closing_tl_kt.pdf", "closing_tl_kt.docx", "closing_page_break.pdf", "closing_page_break.docx"])("%s: position, signer and recipients", async (name) => {
    const plan = await parse(readFileSync(`${fixtures}closing/${name}`), { checks: false });
    expect(plan.signature).toMatchObject({
      authority: "TL. CHỦ TỊCH",
      delegation: "KT. CHÁNH VĂN PHÒNG",
      position: "PHÓ CHÁNH VĂN PHÒNG",
      signer: "Trần Văn Minh",
    });
    expect(plan.recipients.map((r) => r.text)).toEqual(recipients);
    expect(plan.issuer?.name).toBe("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU");
  });
});

describe("a signer's name alone after the recipients (its authority and position under a seal, not read)", () => {
  it("is the signer, with authority and position unknown; a line that is no name stays in the appendix", () => {
    const named = closing(["- Như Điều 3;", "- Lưu: VT, KTTH (2)."], ["Nguyễn Văn Thắng"]);
    expect(named.signature).toMatchObject({ authority: null, delegation: null, position: null, signer: "Nguyễn Văn Thắng" });
    expect(named.appendix).toEqual([]);
    const other = closing(["- Như Điều 3;", "- Lưu: VT, KTTH (2)."], ["Ghi chú: bản sao"]);
    expect(other.signature).toBeNull();
    expect(other.appendix.map((p) => p.text)).toEqual(["Ghi chú: bản sao"]);
  });
});
