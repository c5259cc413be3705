import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "@kehoach/model";
import type { AdapterNote } from "../../src/input/extracted.ts";
import { parseExtracted } from "../../src/parse.ts";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
/** A decision with its attached plan, whose `(Ban hành kèm theo Quyết định số 412/QĐ-UBND ngày 20 tháng 3 năm 2026 …)` prints both. */
const decision = readFileSync(`${fixtures}forms/qd_pheduyet_kehoach.txt`, "utf8");

/**
 * The decision as OCR gives a scan whose number and day were handwritten (the 21-page scan's
 * `Số: ‡ox /QĐ-TTg`, `ngày 82 tháng 4`): those words marked `ocr-uncertain-number`, as assemble.ts does.
 */
function scanned(text: string, uncertain: readonly string[], checks = false): Plan {
  const notes: AdapterNote[] = uncertain.map((word) => {
    const start = text.indexOf(word);
    if (start < 0) throw new Error(`${word} not in the text`);
    return { code: "ocr-uncertain-number", severity: "warning", message: `${word} uncertain`, start, end: start + word.length };
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

  it("changes nothing when the header was read, or when the attached line cites another type or symbol", () => {
    const sure = scanned(decision, []);
    expect([sure.number?.raw, sure.date?.raw]).toEqual(["412/QĐ-UBND", "ngày 20 tháng 3 năm 2026"]);
    expect(codes(sure)).not.toEqual(expect.arrayContaining(["number-from-attachment"]));
    const other = scanned(unreadHeader.replace("Quyết định số 412/QĐ-UBND", "Quyết định số 412/QĐ-SNV"), ["‡ox", "82"]);
    expect(other.number?.raw).toBe("‡ox /QĐ-UBND");
    expect(codes(other).some((c) => c.endsWith("-from-attachment"))).toBe(false);
  });
});
