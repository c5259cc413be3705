import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "@kehoach/parser";
import { comparePlans } from "../src/logic/diff.ts";

const seed = (n: string) => readFileSync(new URL(`../../../fixtures/seeds/${n}.txt`, import.meta.url), "utf8");

describe("comparePlans", () => {
  // Edits are made on the normalised text, which the spans index.
  const text = parseText(seed("002")).source.text;
  const plan = parseText(text);

  it("finds nothing between a plan and itself", () => {
    expect(comparePlans(plan, parseText(text))).toEqual([]);
  });

  it("lists a changed amount and a renumbered section, nothing else", () => {
    const amount = plan.budget.amounts[0]!;
    const section = plan.sections[1]!;
    expect(section.style).toBe("roman");
    let edited = text.replace(amount.raw, amount.raw.replace(/^\d/, (d) => String((Number(d) % 9) + 1)));
    const line = text.slice(section.labelSpan.start.offset, section.headingSpan.end.offset);
    edited = edited.replace(line, line.replace(/^II\./, "V."));
    const changes = comparePlans(plan, parseText(edited));
    const kinds = changes.map((c) => c.kind);
    expect(kinds).toContain("amount-changed");
    expect(changes.find((c) => c.kind === "section-renumbered")).toMatchObject({ before: "II", after: "V" });
    expect(kinds.filter((k) => k !== "amount-changed" && k !== "section-renumbered")).toEqual([]);
  });

  const doc = (lines: string[]) => parseText(["KẾ HOẠCH", "Thử nghiệm", ...lines].join("\n"));

  it("sees a section retitled, one moved under another parent, and a cited document's date", () => {
    const a = doc(["Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;", "I. MỤC ĐÍCH", "1. Thẩm định kinh phí.", "II. NỘI DUNG", "III. KINH PHÍ"]);
    const b = doc(["Căn cứ Quyết định số 90/QĐ-TTg ngày 19/01/2022 của Thủ tướng Chính phủ;", "I. MỤC ĐÍCH", "II. NỘI DUNG", "1. Thẩm định kinh phí.", "III. TỔ CHỨC THỰC HIỆN"]);
    const changes = comparePlans(a, b);
    expect(changes).toContainEqual(expect.objectContaining({ kind: "citation-date-changed", subject: "90/QĐ-TTg", before: "2022-01-18", after: "2022-01-19" }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: "section-retitled", subject: "III", before: "KINH PHÍ", after: "TỔ CHỨC THỰC HIỆN" }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: "section-renumbered", before: "I.1", after: "II.1" }));
    expect(changes.length).toBe(3);
  });

  it("sees a task given in another section, a section added and one removed", () => {
    const a = doc(["I. MỤC ĐÍCH", "1. Sở Tài chính chủ trì thẩm định kinh phí.", "II. NỘI DUNG", "1. Tổ chức tập huấn.", "2. Kiểm tra."]);
    const b = doc(["I. MỤC ĐÍCH", "1. Thẩm định kinh phí.", "II. NỘI DUNG", "1. Tổ chức tập huấn, Sở Tài chính chủ trì.", "3. Báo cáo."]);
    expect(a.assignments.map((x) => [x.agency, x.section])).toEqual([["Sở Tài chính", "I.1"]]);
    const changes = comparePlans(a, b);
    expect(changes).toContainEqual(expect.objectContaining({ kind: "assignment-moved", before: "I.1", after: "II.1" }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: "section-removed", subject: "II.2" }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: "section-added", subject: "II.3" }));
  });

  it("sees a cited document added or dropped", () => {
    const base = "KẾ HOẠCH\nThử nghiệm\nCăn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;\nI. MỤC ĐÍCH\n";
    const more = base.replace("I. MỤC", "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 30/6/2022 của Bộ Thông tin và Truyền thông;\nI. MỤC");
    expect(comparePlans(parseText(base), parseText(more)).map((c) => [c.kind, c.subject])).toEqual([["citation-added", "06/2022/TT-BTTTT"]]);
    expect(comparePlans(parseText(more), parseText(base)).map((c) => [c.kind, c.subject])).toEqual([["citation-removed", "06/2022/TT-BTTTT"]]);
  });
});
