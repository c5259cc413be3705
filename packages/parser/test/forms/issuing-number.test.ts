import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "@kehoach/model";
import type { PlacedDiagnostic } from "../../src/diagnostics.ts";
import { parseExtracted } from "../../src/parse.ts";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
/** A decision with its attached plan, whose `(Ban hành kèm theo Quyết định số 412/QĐ-UBND ngày 20 tháng 3 năm 2026 …)` prints both. */
const decision = readFileSync(`${fixtures}forms/qd_pheduyet_kehoach.txt`, "utf8");

/**
 * The decision as OCR gives a scan whose number and day were handwritten (the 21-page scan's
 * `Số: ‡ox /QĐ-TTg`, `ngày 82 tháng 4`): those words marked `ocr-uncertain-number`, as assemble.ts does.
 */
function scanned(text: string, uncertain: readonly string[], checks = false): Plan {
  const notes: PlacedDiagnostic[] = uncertain.map((word) => {
    const start = text.indexOf(word);
    if (start < 0) throw new Error(`${word} not in the text`);
    return { code: "ocr-uncertain-number", severity: "warning", message: `${word} uncertain`, messageEn: `${word} uncertain`, start, end: start + word.length };
  });
  return parseExtracted({ format: "scan", text, layout: "lines", regions: [], notes }, { checks });
}
const unreadHeader = decision.replace("Số: 412/QĐ-UBND", "Số: ‡ox /QĐ-UBND").replace("Lai Châu, ngày 20 tháng 3", "Lai Châu, ngày 82 tháng 3");
const codes = (plan: Plan) => plan.findings.map((f) => f.code);

describe("an issuing decision's unreadable number and day, from its attached document's line", () => {
  it("takes them from `(Ban hành kèm theo Quyết định số … ngày …)` when that is read surely, and says so", () => {
    const plan = scanned(unreadHeader, ["‡ox", "82"]);
    expect(plan.number).toMatchObject({ raw: "412/QĐ-UBND", sequence: 412, typeCode: "QĐ", issuerCode: "UBND" });
    expect(plan.date).toMatchObject({ day: 20, month: 3, year: 2026, raw: "ngày 20 tháng 3 năm 2026" });
    // The spans point at the attached line, where the digits were read.
    const attachedLine = plan.source.text.indexOf("(Ban hành kèm theo");
    expect(plan.number?.span.start.offset).toBeGreaterThan(attachedLine);
    expect(plan.date?.span.start.offset).toBeGreaterThan(attachedLine);
    const taken = plan.findings.filter((f) => f.code === "number-from-attachment" || f.code === "date-from-attachment");
    expect(taken.map((f) => f.severity)).toEqual(["info", "info"]);
    expect(taken[0]?.message).toContain("412/QĐ-UBND");
    // The header's own readings keep their findings.
    expect(codes(plan).filter((c) => c === "ocr-uncertain-number")).toHaveLength(2);
    expect(plan.source.text.slice(plan.findings[0]?.span?.start.offset, plan.findings[0]?.span?.end.offset)).toBe("‡ox");
  });

  it("guesses nothing when the attached line's number and day are unreadable too (handwritten there as well), and says so", () => {
    const text = unreadHeader.replace("Quyết định số 412/QĐ-UBND ngày 20 tháng 3", "Quyết định số 401/QĐ-UBND ngày k@ tháng 3");
    const plan = scanned(text, ["‡ox", "82", "401/QĐ-UBND", "k@"]);
    expect(plan.number?.raw).toBe("‡ox /QĐ-UBND");
    expect(plan.number?.sequence).toBeNull();
    expect(plan.date?.day).toBeNull();
    expect(codes(plan)).toEqual(expect.arrayContaining(["number-unread", "date-unread"]));
    expect(codes(plan)).not.toContain("number-from-attachment");
    // The consistency review says the number was not read, not that the document is a draft.
    const checked = scanned(text, ["‡ox", "82", "401/QĐ-UBND", "k@"], true);
    const missing = checked.findings.filter((f) => f.code === "missing-number" || f.code === "missing-date").map((f) => f.messageEn);
    expect(missing).toEqual([expect.stringContaining("could not be read"), expect.stringContaining("could not be read")]);
  });

  it("changes nothing when the header was read or the attached line names another issuer (a misread symbol of the same issuer still agrees)", () => {
    const sure = scanned(decision, []);
    expect([sure.number?.raw, sure.date?.raw]).toEqual(["412/QĐ-UBND", "ngày 20 tháng 3 năm 2026"]);
    expect(codes(sure)).not.toEqual(expect.arrayContaining(["number-from-attachment"]));
    // tesseract.js misreads the symbol beside the handwritten number too (`#ox/Qb-TTg`): the issuer's code still agrees.
    const misreadSymbol = scanned(unreadHeader.replace("Số: ‡ox /QĐ-UBND", "Số: #ox/Qb-UBND"), ["#ox/Qb-UBND", "82"]);
    expect(misreadSymbol.number?.raw).toBe("412/QĐ-UBND");
    const other = scanned(unreadHeader.replace("Quyết định số 412/QĐ-UBND", "Quyết định số 412/QĐ-SNV"), ["‡ox", "82"]);
    expect(other.number?.raw).toBe("‡ox /QĐ-UBND");
    expect(codes(other).some((c) => c.endsWith("-from-attachment"))).toBe(false);
  });
});

describe("a scanned decision's summary, mended from its Điều 1 (which restates it)", () => {
  const title = "Về việc ban hành Kế hoạch hành động quốc gia về phòng, chống rửa tiền, tài trợ khủng bố giai đoạn 2026 - 2030";
  const misread = "Về việt ban hành Kế hoạch hành động quốc gia về phòng, chống rửa tiền, tài trợ: 'khúng bố và, giai đoạn 2026 - 2030,.";
  const text = (summary: string) =>
    ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 707/QĐ-TTg", "Hà Nội, ngày 22 tháng 4 năm 2026", "QUYẾT ĐỊNH", summary, "THỦ TƯỚNG CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", "QUYẾT ĐỊNH:",
      `Điều 1. Ban hành kèm theo Quyết định này ${title.slice("Về việc ban hành ".length)}.`, "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.", ""].join("\n");
  /** OCR lines with their confidences: the summary under the received-stamp read less sure than the article. */
  function read(summary: string, format: "scan" | "text", summaryConfidence = 70): Plan {
    const t = text(summary);
    let at = 0;
    const regions = t.split("\n").slice(0, -1).map((line) => {
      const start = at;
      at += line.length + 1;
      return { start, end: start + line.length, page: 1, bbox: { x0: 0, y0: 0, x1: 10, y1: 10 }, confidence: line === summary ? summaryConfidence : 95 };
    });
    return parseExtracted({ format, text: t, layout: "lines", regions: format === "scan" ? regions : [], notes: [] }, { checks: false });
  }

  it("takes the article's words when the two are one text up to OCR noise and the article was read surer, and says so", () => {
    const plan = read(misread, "scan");
    expect(plan.title).toBe(title);
    const finding = plan.findings.find((f) => f.code === "title-from-article");
    expect(finding?.severity).toBe("info");
    expect(plan.source.text.slice(plan.titleSpan?.start.offset, plan.titleSpan?.end.offset)).toBe(misread);
    expect(finding?.related?.[0]?.start.offset).toBe(plan.sections[0]?.span.start.offset);
  });

  it("keeps the summary as read: a text document, a summary read surer, or one that says something else", () => {
    expect(read(misread, "text").title).toBe(misread);
    expect(read(misread, "scan", 99).title).toBe(misread);
    const other = "Về việc phê duyệt Đề án chuyển đổi số quốc gia đến năm 2030";
    expect(read(other, "scan").title).toBe(other);
  });
});
