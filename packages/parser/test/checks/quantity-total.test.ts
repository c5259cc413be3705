import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseText } from "@kehoach/parser";
import type { Plan } from "@kehoach/model";
import { quantityTotalMismatch } from "../../src/checks/rules/quantity-total.ts";
import { analyze } from "../../src/analysis/index.ts";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
const seed = (name: string) => parseText(readFileSync(`${fixtures}seeds/${name}.txt`, "utf8"), { checks: false });

function plan(body: string): Plan {
  return parseText(`KẾ HOẠCH\nThực hiện nhiệm vụ năm 2024\n${body}\nNơi nhận:\n- Lưu: VT.\n`, { checks: false });
}
const run = (p: Plan) => quantityTotalMismatch.run(p, analyze(p));
const text = (p: Plan, span: { start: { offset: number }; end: { offset: number } } | null | undefined) =>
  span ? p.source.text.slice(span.start.offset, span.end.offset) : null;

describe("quantity-total-mismatch: a rate and its yearly total", () => {
  it("reports 02 mục/03 thứ tiếng/quý with a total of 12 (4 quarters give 8, or 24)", () => {
    const p = plan("I. NỘI DUNG\n1. Tin bài\n- Số lượng: 02 mục/03 thứ tiếng/quý. Tổng cộng 12 số/sóng phát thanh và 12 số/sóng truyền hình.");
    const reports = run(p);
    expect(reports).toHaveLength(1);
    expect(text(p, reports[0]?.span)).toBe("12 số/sóng phát thanh");
    expect(reports[0]?.related?.map((s) => text(p, s))).toEqual(["02 mục/03 thứ tiếng/quý", "12 số/sóng truyền hình"]);
    expect(reports[0]?.message).toContain("8");
    expect(reports[0]?.messageEn).toContain("24");
  });

  it("near misses: rate × periods, or rate × every numeric part × periods", () => {
    expect(run(plan("I. NỘI DUNG\n1. Mục\n- Số lượng: 03 mục/03 thứ tiếng/tháng. Tổng cộng 36 số/sóng phát thanh."))).toEqual([]);
    expect(run(plan("I. NỘI DUNG\n1. Mục\n- Số lượng: 02 mục/03 thứ tiếng/quý. Tổng cộng 24 số/sóng phát thanh."))).toEqual([]);
    expect(run(plan("I. NỘI DUNG\n1. Mục\n- Số lượng: 02 bài/tuần. Tổng số: 104 bài."))).toEqual([]);
  });

  it("reports a weekly rate whose total is off", () => {
    const p = plan("I. NỘI DUNG\n1. Mục\n- Số lượng: 02 bài/tuần. Tổng số: 100 bài.");
    const reports = run(p);
    expect(reports).toHaveLength(1);
    expect(text(p, reports[0]?.span)).toBe("100 bài");
    expect(reports[0]?.related?.map((s) => text(p, s))).toEqual(["02 bài/tuần"]);
    expect(reports[0]?.message).toContain("02 bài/tuần × 52 tuần = 104 nhưng tổng cộng ghi 100 bài");
    expect(reports[0]?.messageEn).toContain("02 bài/tuần × 52 (tuần per year) = 104, but the total says 100 bài");
  });

  it("needs a total word before the figure, a period in the rate, and no per-unit without a figure", () => {
    // `tổng hợp` is not a total.
    expect(run(plan("I. NỘI DUNG\n1. Mục\n- Số lượng: 02 mục/quý, tổng hợp 12 bài trong năm."))).toEqual([]);
    // No total word at all.
    expect(run(plan("I. NỘI DUNG\n1. Mục\n- Số lượng: 02 mục/quý; phát 12 số/sóng."))).toEqual([]);
    // Not a yearly rate.
    expect(run(plan("I. NỘI DUNG\n1. Mục\n- Thời gian: 03 ngày/lớp. Tổng cộng 10 ngày."))).toEqual([]);
    // 36 tin/năm/huyện: how many districts is unknown.
    expect(run(plan("I. NỘI DUNG\n1. Mục\n- Số lượng: 36 tin/năm/huyện. Tổng cộng 100 tin."))).toEqual([]);
  });
});

describe("quantity-total-mismatch: budget items and the total", () => {
  const budget = (a: string, b: string) =>
    plan(
      [
        "II. KINH PHÍ",
        "1. Tổng kinh phí: 100.000.000 đồng, trong đó:",
        `- Nội dung A: ${a} đồng;`,
        `- Nội dung B: ${b} đồng.`,
        "2. Nguồn kinh phí: ngân sách tỉnh.",
      ].join("\n"),
    );

  it("reports items that do not add up to the total", () => {
    const p = budget("60.000.000", "30.000.000");
    const reports = run(p);
    expect(reports).toHaveLength(1);
    expect(text(p, reports[0]?.span)).toBe("100.000.000 đồng");
    expect(reports[0]?.related).toHaveLength(2);
    expect(reports[0]?.message).toContain("90.000.000");
  });

  it("near misses: items that add up; a single item; amounts in another part of the plan", () => {
    expect(run(budget("60.000.000", "40.000.000"))).toEqual([]);
    expect(run(plan("II. KINH PHÍ\n1. Tổng kinh phí: 100.000.000 đồng, trong đó:\n- Nội dung A: 60.000.000 đồng."))).toEqual([]);
    expect(
      run(
        plan(
          [
            "I. KINH PHÍ",
            "1. Tổng kinh phí: 100.000.000 đồng.",
            "2. Nguồn: ngân sách tỉnh.",
            "II. NỘI DUNG",
            "1. Mua sắm: 30.000.000 đồng.",
            "2. Tập huấn: 20.000.000 đồng.",
          ].join("\n"),
        ),
      ),
    ).toEqual([]);
  });

  it("accepts items whose top-level amounts add up when sub-items repeat them", () => {
    const p = plan(
      [
        "II. KINH PHÍ",
        "Tổng kinh phí: 100.000.000 đồng.",
        "1. Nội dung A: 60.000.000 đồng",
        "a) Tập huấn: 20.000.000 đồng",
        "b) Tài liệu: 40.000.000 đồng",
        "2. Nội dung B: 40.000.000 đồng",
      ].join("\n"),
    );
    expect(run(p)).toEqual([]);
  });
});

describe("quantity-total-mismatch on the seeds", () => {
  it("seed 000: II.2.2.2 b) 02 mục/03 thứ tiếng/quý with Tổng cộng 12 số/sóng; 5.4.1 c) (03 mục/tháng, 36) agrees", () => {
    const p = seed("000");
    const reports = run(p);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.span?.start.line).toBe(32);
    expect(text(p, reports[0]?.span)).toBe("12 số/sóng phát thanh");
  });

  it.each(["001", "002", "003", "004"])("seed %s: nothing to report", (name) => {
    expect(run(seed(name))).toEqual([]);
  });
});
