import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseText } from "@kehoach/parser";
import type { Plan, Section } from "@kehoach/model";

const fixtures = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
const slow = process.env["KEHOACH_SLOW"] === "1";
/**
 * With the native tesseract (CI installs it) a sample scan takes 4–8 s on 2 cores, so all three run
 * by default; with tesseract.js alone (15–30 s a scan) one does, all three with KEHOACH_SLOW=1.
 */
const native = (() => {
  try {
    return execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\n").some((l) => l.trim() === "vie");
  } catch {
    return false;
  }
})();

/** Every section's label path in document order (`II`, `II.2`, `II.2.2.1`): the tree's numbering. */
const labelPaths = (sections: readonly Section[], parent = ""): string[] =>
  sections.flatMap((s) => [`${parent}${s.label}`, ...labelPaths(s.children, `${parent}${s.label}.`)]);

function essentials(plan: Plan) {
  const s = plan.signature;
  return {
    header: [plan.kind, plan.issuer?.name, plan.number?.raw, plan.place?.name, plan.date?.raw],
    title: plan.title,
    bases: plan.legalBases.map((b) => [b.number, b.date]),
    budget: plan.budget.total?.amount ?? null,
    signature: s === null ? null : [s.authority, s.delegation, s.position, s.signer],
    // Part labels OCR misreads (`HI.`, `II.` for `III.`, `I.MỤC`) are mended in sequence (ocr/labels.ts).
    labels: labelPaths(plan.sections),
  };
}

describe.each([
  ["001", true],
  ["002", slow || native],
  ["003", slow || native],
] as const)("scan %s", (seed, run) => {
  it.runIf(run)(
    "OCR reads the header, title, legal bases (numbers and dates), budget total, signing block and section numbering of the seed text",
    async () => {
      const scanned = await parse(readFileSync(`${fixtures}samples/${seed}.scan.pdf`), { ocrWorkers: 2 });
      const text = parseText(readFileSync(`${fixtures}seeds/${seed}.txt`, "utf8"));
      expect(scanned.source.format).toBe("scan");
      expect(essentials(scanned)).toEqual(essentials(text));
      const first = scanned.legalBases[0]?.span;
      expect(first?.page).toBe(1);
      expect(first?.confidence).toBeGreaterThan(60);
    },
    300_000,
  );
});

describe("a real 21-page scan (fixtures/corpus/qd_ttg_707…; the whole scan with KEHOACH_SLOW=1)", () => {
  it.runIf(slow)(
    "reads the decision's header, legal bases, articles and recipients past its received-stamp",
    async () => {
      const plan = await parse(readFileSync(`${fixtures}corpus/qd_ttg_707_kehoach_ptrt_2026_scan.pdf`), { ocrWorkers: 2, checks: false });
      expect([plan.kind, plan.issuer?.name, plan.place?.name]).toEqual(["quyet-dinh", "THỦ TƯỚNG CHÍNH PHỦ", "Hà Nội"]);
      // The number (707) and the day (22) are handwritten: read by the handwritten-digit reader, every
      // digit sure, each with a warning on its span that asks for a check. The stamp's scribble lines are left out.
      expect(plan.date).toMatchObject({ day: 22, month: 4, year: 2026 });
      expect(plan.number).toMatchObject({ sequence: 707, typeCode: "QĐ", issuerCode: "TTg" });
      const handwritten = plan.findings.filter((f) => f.code === "ocr-handwritten-number");
      expect(handwritten.map((f) => f.span?.page)).toEqual([1, 1]);
      const numberSpan = plan.number?.span;
      expect(handwritten.some((f) => f.span !== null && numberSpan !== undefined && f.span.start.offset >= numberSpan.start.offset && f.span.end.offset <= numberSpan.end.offset)).toBe(true);
      // The title is the summary alone: the authority's line after it (`THỦ TƯỚNG CHÍNH PHỦ`) is not part of it.
      // Read under the received-stamp with errors (`Về việt`, `khúng bố và,`), mended from Điều 1 which restates it (as printed, truth.json).
      expect(plan.title).toBe(
        "Về việc ban hành Kế hoạch hành động quốc gia về phòng, chống rửa tiền, tài trợ khủng bố và tài trợ phổ biến vũ khí hủy diệt hàng loạt giai đoạn 2026 - 2030, chuẩn bị cho đánh giá đa phương lần 3 của Nhóm Châu Á - Thái Bình Dương về chống rửa tiền (APG) đối với Việt Nam",
      );
      expect(plan.findings.map((f) => f.code)).toContain("title-from-article");
      expect(plan.findings.filter((f) => f.code === "ocr-noise-dropped").length).toBeGreaterThanOrEqual(3);
      expect(plan.legalBases.map((b) => b.docType)).toEqual(["Luật", "Luật", "Luật", "Luật", "Nghị định"]);
      expect(plan.legalBases[4]?.number).toBe("81/2019/NĐ-CP");
      expect(plan.sections.map((s) => `${s.style} ${s.label}`)).toEqual(["article 1", "article 2", "article 3"]);
      expect(plan.recipients.length).toBeGreaterThanOrEqual(10);
      // The signer's name under the seal, read again (the authority and position lines are not read).
      expect(plan.signature).toMatchObject({ signer: "Nguyễn Văn Thắng", authority: null, position: null });
      expect(plan.signature?.span.page).toBe(2);
      // The attached plan: its type heading, hence its kind, and its parts I–III.
      const attached = plan.attachments[0];
      expect([attached?.kind, attached?.sections.map((s) => s.label)]).toEqual(["ke-hoach", ["I", "II", "III"]]);
      // 707 and 22 are handwritten in the attached plan's `(Kèm theo Quyết định số …)` line too, smaller: not
      // sure there (a hooked 7, the 22 run into `tháng`), so left as read and marked, never replaced by a guess.
      expect(plan.findings.filter((f) => f.code === "ocr-uncertain-number" && f.span?.page === 3).map((f) => plan.source.text.slice(f.span?.start.offset, f.span?.end.offset))).toEqual(expect.arrayContaining(["401/QĐ-TTg", "k@"]));
    },
    600_000,
  );

  it.runIf(slow || native)(
    "reads the handwritten number and day of page 1 (`Số: 707/QĐ-TTg`, `ngày 22 tháng 4`), each with a warning to check it (fast: page 1 alone)",
    async () => {
      const { ocrPdf, closeOcrEngines } = await import("../src/input/ocr/index.ts");
      const read = await ocrPdf(new Uint8Array(readFileSync(`${fixtures}corpus/qd_ttg_707_kehoach_ptrt_2026_scan.pdf`)), { pages: [1], workers: 1 });
      await closeOcrEngines();
      expect(read.text).toMatch(/^Số: 707 \/QĐ-TTg$/mu);
      expect(read.text).toMatch(/^Hà Nội, ngày 22 tháng 4 năm 2026$/mu);
      const notes = read.notes.filter((n) => n.code === "ocr-handwritten-number");
      expect(notes.map((n) => read.text.slice(n.start, n.end))).toEqual(["707", "22"]);
    },
    120_000,
  );

  it.runIf(slow || native)(
    "reads the signer's name under the seal on page 2, by reading the signing region again (fast: page 2 alone)",
    async () => {
      const { ocrPdf, closeOcrEngines } = await import("../src/input/ocr/index.ts");
      const read = await ocrPdf(new Uint8Array(readFileSync(`${fixtures}corpus/qd_ttg_707_kehoach_ptrt_2026_scan.pdf`)), { pages: [2], workers: 1 });
      await closeOcrEngines();
      // After the recipients, as a text layer has it; the seal's marks and the unreadable position lines left out.
      expect(read.text).toMatch(/- Lưu: VT, KTTH \(2\)\.\nNguyễn Văn Thắng\n$/u);
      expect(read.notes.filter((n) => n.code === "ocr-signing-block-reread").map((n) => n.message)).toEqual([expect.stringContaining("“Nguyễn Văn Thắng”")]);
    },
    120_000,
  );
});
