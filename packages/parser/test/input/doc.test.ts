import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import CFB from "cfb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isKehoachInputError, parse } from "@kehoach/parser";
import { readDoc } from "../../src/input/doc/index.ts";
import { readDocx } from "../../src/input/docx/index.ts";
import { readStyles } from "../../src/input/docx/styles.ts";
import { StreamReader } from "../../src/input/doc/bytes.ts";
import { FcLcb, readFib } from "../../src/input/doc/fib.ts";
import { stylesAsXml } from "../../src/input/doc/styles.ts";
import { rejection } from "../helpers/rejection.ts";
import { goldenProjection } from "../support/projection.ts";

const fixture = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../fixtures/${path}`, import.meta.url))));

// The sample plans saved as Word 97 .doc by LibreOffice (scripts/make-doc-fixtures.sh): Word list
// numbering (000, 002: I., 1., 1.1., 1.1.1. from the list tables), header and closing tables, a footnote (002).
const PAIRS = [
  ["doc/000.autonum.doc", "samples/000.autonum.docx"],
  ["doc/001.doc", "samples/001.docx"],
  ["doc/002.autonum.doc", "samples/002.autonum.docx"],
  ["doc/styles-numbered.doc", "doc/styles-numbered.docx"],
] as const;

/** A plan's fields with the adapter-specific note codes (`docx-…`, `doc-…`) made alike. */
function projection(plan: Awaited<ReturnType<typeof parse>>) {
  const fields = goldenProjection(plan);
  return { ...fields, findings: fields.findings.map((f) => f.replace(/ docx?-/, " word-")) };
}

describe.each(PAIRS)("%s", (doc, docx) => {
  it("reads to the same text as the DOCX it was saved from", async () => {
    const fromDoc = await readDoc(fixture(doc));
    const fromDocx = await readDocx(fixture(docx));
    expect(fromDoc.format).toBe("doc");
    expect(fromDoc.text.split("\n")).toEqual(fromDocx.text.split("\n"));
  });

  it("parses to the same plan as the DOCX (header, bases, tree, budget, recipients, signature, footnotes)", async () => {
    const fromDoc = await parse(fixture(doc));
    const fromDocx = await parse(fixture(docx));
    expect(fromDoc.source.format).toBe("doc");
    expect(projection(fromDoc)).toEqual(projection(fromDocx));
    expect(fromDoc.sections.length).toBeGreaterThan(1);
    expect(fromDoc.signature?.signer).toBeTruthy();
  });
});

describe("Word list numbering rebuilt from the .doc list tables", () => {
  it("000: I., 1., 1.1. and 1.1.1. come from the list tables, not from the text", async () => {
    const extracted = await readDoc(fixture("doc/000.autonum.doc"));
    expect(extracted.notes.find((n) => n.code === "doc-numbering-rebuilt")?.messageEn).toMatch(/\d+ Word list labels/);
    const lines = extracted.text.split("\n");
    expect(lines).toContain("I. MỤC ĐÍCH, YÊU CẦU");
    expect(lines).toContain("II. NỘI DUNG THỰC HIỆN");
    expect(lines.some((line) => /^5\.4\.1\. /.test(line))).toBe(true);
  });

  it("002: the footnote's marker and its text", async () => {
    const plan = await parse(fixture("doc/002.autonum.doc"));
    expect(plan.footnotes.map((f) => f.label)).toEqual(["1"]);
    expect(plan.footnotes[0]?.text).toMatch(/^Phê duyệt Chương trình mục tiêu quốc gia/);
    expect(plan.source.text).toContain("Quốc hội[^1]");
  });
});

describe("a plan numbered through its heading styles", () => {
  it("the style sheet carries each heading style's list and level, as styles.xml would", () => {
    const container = CFB.read(fixture("doc/styles-numbered.doc"), { type: "array" });
    const stream = (name: string) => new StreamReader(Uint8Array.from(CFB.find(container, name)!.content as ArrayLike<number>));
    const fib = readFib(stream("WordDocument"));
    if ("unsupported" in fib) throw new Error(fib.unsupported);
    const styles = readStyles(stylesAsXml(stream(fib.tableStream), fib.table(FcLcb.Stshf)));
    // Heading 1–3 are styles 1–3 in a Word 97 style sheet.
    expect([1, 2, 3].map((istd) => styles.numbering(String(istd)))).toEqual([
      { numId: 1, ilvl: 0 },
      { numId: 1, ilvl: 1 },
      { numId: 1, ilvl: 2 },
    ]);
    expect(styles.defaultParagraphStyle).toBe("0");
  });

  it("reads its labels, tables, bullets, footnote and closing block", async () => {
    const lines = (await readDoc(fixture("doc/styles-numbered.doc"))).text.split("\n");
    expect(lines.slice(0, 6)).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 12/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lai Châu, ngày 05 tháng 3 năm 2024"]);
    for (const line of ["I. MỤC ĐÍCH, YÊU CẦU", "2. Yêu cầu", "- Triển khai đúng tiến độ.", "II. NỘI DUNG THỰC HIỆN", "1.2. Tài liệu", "IV. TỔ CHỨC THỰC HIỆN", "KT. CHỦ TỊCH", "[^1]: Chương trình gồm 7 dự án thành phần."]) expect(lines).toContain(line);
    // The merged cell's text comes once, in its first row.
    expect(lines.filter((line) => line === "Sở Thông tin và Truyền thông")).toHaveLength(1);
  });
});

describe("readDoc rejects what it cannot read, only with KehoachInputError", () => {
  const original = fixture("corpus/kh_lamdong_ubnd_kmt_2026.doc");

  /** The .doc with its WordDocument stream edited, written back as a compound file. */
  const withWordDocument = (edit: (word: Uint8Array) => void): Uint8Array => {
    const container = CFB.read(original, { type: "array" });
    const entry = CFB.find(container, "WordDocument")!;
    const word = Uint8Array.from(entry.content as ArrayLike<number>);
    edit(word);
    entry.content = word as never;
    return new Uint8Array(CFB.write(container, { type: "array" }) as ArrayLike<number>);
  };

  it("paragraphs numbered the Word 6/95 way (ANLD) are read, with a note that their labels were not recovered", async () => {
    const plain = await readDoc(fixture("doc/001.doc"));
    // Every sprmPJc (0x2461) in the paragraph properties becomes sprmPNLvlAnm (0x25FF), the same size.
    const bytes = (() => {
      const container = CFB.read(fixture("doc/001.doc"), { type: "array" });
      const entry = CFB.find(container, "WordDocument")!;
      const word = Uint8Array.from(entry.content as ArrayLike<number>);
      let patched = 0;
      for (let i = 0; i + 2 < word.length; i++) if (word[i] === 0x61 && word[i + 1] === 0x24 && word[i + 2] !== 0) (word[i] = 0xff), (word[i + 1] = 0x25), patched++;
      expect(patched).toBeGreaterThan(0);
      entry.content = word as never;
      return new Uint8Array(CFB.write(container, { type: "array" }) as ArrayLike<number>);
    })();
    const read = await readDoc(bytes);
    expect(read.text).toBe(plain.text);
    expect(read.notes.find((n) => n.code === "doc-numbering-not-recovered")?.messageEn).toMatch(/\d+ paragraphs use Word 6\/95 auto-numbering/);
    expect(plain.notes.map((n) => n.code)).not.toContain("doc-numbering-not-recovered");
  });

  it("a truncated .doc → legacy-doc saying the file is damaged", async () => {
    const error = await rejection(readDoc(original.subarray(0, 4096)));
    expect(error.code).toBe("legacy-doc");
    expect(error.message).toContain("damaged");
  });

  it("a password-protected .doc → legacy-doc saying so", async () => {
    const error = await rejection(readDoc(withWordDocument((word) => (word[0x0b] = word[0x0b]! | 0x01))));
    expect(error.code).toBe("legacy-doc");
    expect(error.message).toContain("password");
  });

  it("a Word 6/95 file → legacy-doc naming the format", async () => {
    const error = await rejection(readDoc(withWordDocument((word) => ((word[2] = 0x65), (word[3] = 0)))));
    expect(error.code).toBe("legacy-doc");
    expect(error.message).toContain("Word 6 or 95");
  });

  it("a compound file with no Word document in it (an .xls) → unsupported-format", async () => {
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, "Workbook", new Uint8Array(600));
    const bytes = new Uint8Array(CFB.write(container, { type: "array" }) as ArrayLike<number>);
    expect((await rejection(parse(bytes))).code).toBe("unsupported-format");
  });

  it("damaged copies of a real .doc resolve or reject with KehoachInputError, never anything else", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (edits) => {
        const bytes = original.slice();
        for (const [at, value] of edits) bytes[at] = value;
        try {
          const result = await readDoc(bytes);
          expect(typeof result.text).toBe("string");
        } catch (error) {
          expect(isKehoachInputError(error)).toBe(true);
        }
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });
});
