import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseText } from "@kehoach/parser";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
const doc = (heading: string, lines: string[]) => parseText([heading, "Về công tác năm 2025", "I. KẾT QUẢ", ...lines].join("\n"), { checks: false });

describe("budget.total is the document's own funding", () => {
  it("the amount a funding word leads to, in a plan", () => {
    const p = doc("KẾ HOẠCH", ["Tổng số cán bộ tham gia 12 người, tổng chi phí đi lại 20.000.000 đồng.", "Tổng kinh phí thực hiện Kế hoạch là 350.000.000 đồng từ ngân sách tỉnh."]);
    expect(p.budget.total?.amount).toBe(350_000_000);
    expect(p.budget.amounts.map((m) => m.amount)).toEqual([20_000_000, 350_000_000]);
  });
  it("never a sum after `tổng` that is not funding", () => {
    const p = doc("KẾ HOẠCH", ["Tổng thu ngân sách địa phương năm 2025 là 28.611 tỷ đồng; tổng số tiền trúng đấu giá 250 tỷ đồng."]);
    expect(p.budget.total).toBeNull();
    expect(p.budget.amounts).toHaveLength(2);
  });
  it("a report tells of sums but has no funding of its own", () => {
    const p = doc("BÁO CÁO", ["Kinh phí thực hiện cải cách hành chính năm 2025 là 5 tỷ đồng."]);
    expect(p.budget.total).toBeNull();
    expect(p.budget.amounts.map((m) => m.amount)).toEqual([5e9]);
  });
  it.each([
    ["bc_lamdong_ubnd_329_cchc_2025.pdf", 28_611e9],
    ["bc_laocai_ubnd_qlnn_khoangsan_2025.docx", 250e9],
  ])("corpus report %s: revenue and auction proceeds are amounts, not the budget", async (name, amount) => {
    const plan = await parse(readFileSync(`${fixtures}corpus/${name}`), { checks: false });
    expect(plan.budget.total).toBeNull();
    expect(plan.budget.amounts.map((m) => m.amount)).toContain(amount);
  });
});

describe("a funding section", () => {
  it("the first amount under a heading that names the funding", () => {
    const p = doc("KẾ HOẠCH", ["II. NỘI DUNG", "Hỗ trợ 12 hộ, mỗi hộ 5.000.000 đồng.", "III. KINH PHÍ THỰC HIỆN", "Tổng cộng: 350.000.000 đồng.", "IV. TỔ CHỨC THỰC HIỆN", "Các sở thực hiện./."]);
    expect(p.budget.total?.amount).toBe(350_000_000);
  });
});
