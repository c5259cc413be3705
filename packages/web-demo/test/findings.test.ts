import { describe, expect, it } from "vitest";
import type { Finding } from "@kehoach/model";
import { parseText } from "@kehoach/parser";
import { findingPlace, navigationOrder, stepFinding } from "../src/logic/findings.ts";

const finding = (at?: Finding["at"]): Finding =>
  ({ code: "section-gap", severity: "warning", message: "m", messageEn: "m", span: null, related: [], ...(at ? { at } : {}) }) as unknown as Finding;

describe("findingPlace", () => {
  it("names the place as the messages do: file line, Word paragraph, PDF page and line", () => {
    expect(findingPlace(finding({ line: 47, column: 1 }), "text", "vi")).toBe("dòng 47");
    expect(findingPlace(finding({ line: 12, column: 3 }), "docx", "en")).toBe("paragraph 12");
    expect(findingPlace(finding({ line: 5, column: 1, page: 3 }), "pdf", "vi")).toBe("trang 3, dòng 5");
    expect(findingPlace(finding(), "pdf", "vi")).toBeNull();
  });

  it("agrees with the line a message names in a parsed plan", () => {
    // Two "II." at file lines 3 and 5, with a blank line between that the normaliser drops.
    const plan = parseText("KẾ HOẠCH\nI. Mục đích\nII. Nội dung\n\nII. Kinh phí\n");
    const duplicate = plan.findings.find((f) => f.code === "section-duplicate");
    expect(duplicate && findingPlace(duplicate, plan.source.format, "vi")).toBe("dòng 5");
    expect(duplicate?.message).toContain("dòng 3");
  });
});

describe("keyboard order", () => {
  it("steps through findings errors first and wraps", () => {
    const list = [
      { ...finding(), severity: "info" },
      { ...finding(), severity: "error" },
    ] as Finding[];
    const order = navigationOrder(list);
    expect(order).toEqual([1, 0]);
    expect(stepFinding(order, null, 1)).toBe(1);
    expect(stepFinding(order, 0, 1)).toBe(1);
    expect(stepFinding(order, 1, -1)).toBe(0);
  });
});
