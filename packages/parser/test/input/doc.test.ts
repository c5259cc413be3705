import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import CFB from "cfb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isKehoachInputError, parse } from "@kehoach/parser";
import { readDoc } from "../../src/input/doc/index.ts";
import { readDocx } from "../../src/input/docx/index.ts";
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
    expect(extracted.notes.find((n) => n.code === "doc-numbering-rebuilt")?.message).toMatch(/\d+ Word list labels/);
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
