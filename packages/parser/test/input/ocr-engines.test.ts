/**
 * The two OCR engines (the machine's tesseract, tesseract.js), the pool that keeps engines between
 * documents, and correction after reading. Runs tesseract.js everywhere; the native engine and the
 * comparison of the two where `tesseract` with Vietnamese data is installed (CI installs it).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { assemble } from "../../src/input/ocr/assemble.ts";
import { correctLine, trimPunctuation } from "../../src/input/ocr/correct.ts";
import { correctPartLabels } from "../../src/input/ocr/labels.ts";
import { nameBand, signerWords, unreadSigningRegion } from "../../src/input/ocr/signing.ts";
import { looksLikePersonName, mendSurname } from "../../src/vi/names.ts";
import { encodePdfImage } from "../../src/input/ocr/image-encode.ts";
import { closeOcrEngines, ocrImage, ocrPdf } from "../../src/input/ocr/index.ts";
import { stitchFragments } from "../../src/input/ocr/layout.ts";
import { parseTsv } from "../../src/input/ocr/native.ts";
import { PdfDocument } from "../../src/input/ocr/pdf-document.ts";
import { findPageImages } from "../../src/input/ocr/pdf-images.ts";
import { idleEngineCount } from "../../src/input/ocr/pool.ts";
import { isWellFormedSyllable } from "../../src/vi/syllables.ts";
import { cerNomVn, pageCharacterErrorRate, stripCleanMarkdown } from "../helpers/cer.ts";
import { rejection } from "../helpers/rejection.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(ROOT, "fixtures", name)));
const cleanText = (seed: string): string => stripCleanMarkdown(readFileSync(path.join(ROOT, "fixtures", "samples", `${seed}.clean.md`), "utf8"));

function nativeInstalled(): boolean {
  try {
    return execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\n").some((l) => l.trim() === "vie");
  } catch {
    return false;
  }
}
const NATIVE = nativeInstalled();
const ENGINES = NATIVE ? (["tesseract.js", "native"] as const) : (["tesseract.js"] as const);

const word = (text: string, x0: number, confidence = 95, y0 = 100, y1 = 130) => ({ text, confidence, bbox: { x0, y0, x1: x0 + 20 * Array.from(text).length, y1 } });
const texts = (ws: readonly { text: string }[]) => ws.map((w) => w.text);

afterAll(async () => {
  await closeOcrEngines();
});

describe("native tesseract output (no OCR)", () => {
  it("reads TSV into lines of words with boxes and confidences, in tesseract's order", () => {
    const tsv = [
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
      "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t",
      "4\t1\t1\t1\t1\t0\t150\t100\t230\t30\t-1\t",
      "5\t1\t1\t1\t1\t1\t150\t100\t110\t30\t96.5\tUBND",
      "5\t1\t1\t1\t1\t2\t270\t100\t110\t30\t91.25\tTỈNH",
      "4\t1\t2\t1\t1\t0\t150\t200\t200\t30\t-1\t",
      "5\t1\t2\t1\t1\t1\t150\t200\t50\t30\t12\t ",
      "5\t1\t2\t1\t1\t2\t210\t200\t140\t30\t88\tSố:",
      "",
    ].join("\n");
    const page = parseTsv(tsv);
    expect(page.rotation).toBe(0);
    expect(page.lines.map((l) => texts(l.words))).toEqual([["UBND", "TỈNH"], ["Số:"]]);
    expect(page.lines[0]?.words[1]).toEqual({ text: "TỈNH", confidence: 91.25, bbox: { x0: 270, y0: 100, x1: 380, y1: 130 } });
    expect(page.lines[1]?.bbox).toEqual({ x0: 150, y0: 200, x1: 350, y1: 230 });
    expect(parseTsv("")).toEqual({ lines: [], rotation: 0 });
  });
});

describe("correction after reading (no OCR)", () => {
  it("replaces letters Vietnamese never has with the ones they stand for", () => {
    expect(texts(correctLine([word("QÐ-UBND", 0), word("kÿ", 200)]))).toEqual(["QĐ-UBND", "kỹ"]);
  });

  it("cuts a glued date formula apart and marks a day that cannot be one, keeping the digits as read", () => {
    const out = correctLine([word("ngày82tháng", 0, 20), word("4", 300), word("năm", 340), word("2026", 420)]);
    expect(texts(out)).toEqual(["ngày", "82", "tháng", "4", "năm", "2026"]);
    expect(out.filter((w) => w.uncertainNumber === true).map((w) => w.text)).toEqual(["82"]);
    expect(out[1]?.confidence).toBe(20);
    expect(out[0]?.bbox.x1).toBeLessThanOrEqual(out[1]?.bbox.x0 ?? 0);
    // Pieces remember the word they were cut from: its box is the truth, theirs a share by characters.
    expect(out.slice(0, 3).map((w) => w.cutFrom)).toEqual(Array(3).fill({ x0: 0, y0: 100, x1: 220, y1: 130 }));
    expect(out[3]?.cutFrom).toBeUndefined();
  });

  it("cuts a handwritten day read as marks out of the formula (`ngày®®tháng`, `ngày k@tháng`) and marks it", () => {
    const marks = correctLine([word("Nội,", 0), word("ngày®®tháng", 100, 30), word("4", 300)]);
    expect(texts(marks)).toEqual(["Nội,", "ngày", "®®", "tháng", "4"]);
    expect(marks.filter((w) => w.uncertainNumber === true).map((w) => w.text)).toEqual(["®®"]);
    const glued = correctLine([word("ngày", 0), word("k@tháng", 100, 34), word("4", 300)]);
    expect(texts(glued)).toEqual(["ngày", "k@", "tháng", "4"]);
    expect(glued.filter((w) => w.uncertainNumber === true).map((w) => w.text)).toEqual(["k@"]);
    // A word of the formula after a syllable is left whole (`các tháng` is no slot).
    expect(texts(correctLine([word("ngày", 0), word("mỗitháng", 100, 34)]))).toEqual(["ngày", "mỗitháng"]);
  });

  it("joins a syllable read in two pieces, and mends a lost vowel mark only where the reading was doubtful", () => {
    expect(texts(correctLine([word("hàng", 0), word("thá", 100), word("ng", 160)]))).toEqual(["hàng", "tháng"]);
    expect(texts(correctLine([word("QUYÉT", 0, 70), word("ĐỊNH", 200)]))).toEqual(["QUYẾT", "ĐỊNH"]);
    // A sure reading is kept, even if it is no syllable (a name, a foreign word).
    expect(texts(correctLine([word("QUYÉT", 0, 96)]))).toEqual(["QUYÉT"]);
    // Acronyms are not syllables and are left alone.
    expect(texts(correctLine([word("UBND", 0, 50), word("TTg", 100, 50)]))).toEqual(["UBND", "TTg"]);
  });

  it("mends a genre heading by its marks (the fast model's `KÉ HOẠCH`)", () => {
    expect(texts(correctLine([word("KÉ", 0, 80), word("HOẠCH", 80)]))).toEqual(["KẾ", "HOẠCH"]);
    expect(texts(correctLine([word("QUYÉT", 0, 60), word("ĐỊNH:", 80)]))).toEqual(["QUYẾT", "ĐỊNH:"]);
  });

  it("mends a type heading read with specks as quotes (the 21-page scan's attached `KÉ \"HOẠCH`)", () => {
    expect(texts(correctLine([word("KÉ", 0, 70), word('"HOẠCH', 80, 60)]))).toEqual(["KẾ", "HOẠCH"]);
    expect(texts(correctLine([word("KẾ", 0, 70), word("“", 60, 20), word("HOẠCH", 80, 60)]))).toEqual(["KẾ", "HOẠCH"]);
    // Only whole heading lines: quotes in a sentence stay.
    expect(texts(correctLine([word("“Kế", 0), word("hoạch", 80), word("này”", 200)]))).toEqual(["“Kế", "hoạch", "này”"]);
  });

  it("joins a symbol cut after its dash when the next word is a known code", () => {
    expect(texts(correctLine([word("Số:", 0), word("12/KH-", 80), word("UBND", 300)]))).toEqual(["Số:", "12/KH-UBND"]);
    expect(texts(correctLine([word("/QÐ-", 80), word("TTg", 300)]))).toEqual(["/QĐ-TTg"]);
    expect(texts(correctLine([word("kinh", 0), word("tế-", 100), word("xã", 200)]))).toEqual(["kinh", "tế-", "xã"]);
  });

  it("never guesses a number: doubtful digits, an unreadable number and an unreadable date part are marked", () => {
    const flagged = (ws: ReturnType<typeof word>[]) => correctLine(ws).filter((w) => w.uncertainNumber === true).map((w) => w.text);
    expect(flagged([word("Số:", 0), word("‡ox", 80, 10), word("/QĐ-TTg", 200, 91)])).toEqual(["‡ox"]);
    expect(flagged([word("Số:", 0), word("#ox/Qb-", 80, 40), word("TTg", 300, 90)])).toEqual(["#ox/Qb-TTg"]);
    expect(flagged([word("ngày", 0), word("01", 100, 95), word("tháng", 150), word("l]", 260, 46), word("năm", 300), word("2019", 380)])).toEqual(["l]"]);
    expect(flagged([word("là", 0), word("24.377.000", 60, 55), word("đồng.", 300)])).toEqual(["24.377.000"]);
    // Sure numbers, a blank draft date and words are not findings.
    expect(flagged([word("là", 0), word("24.377.000", 60, 95), word("đồng.", 300)])).toEqual([]);
    expect(flagged([word("ngày", 0), word("tháng", 150), word("3", 260), word("năm", 300), word("2023", 380)])).toEqual([]);
    expect(flagged([word("ngày", 0), word("31", 100), word("tháng", 150), word("12", 260), word("năm", 300), word("2023", 380)])).toEqual([]);
  });

  it("puts an ocr-uncertain-number note on the span of the doubtful number in the text", () => {
    const placement = { width: 1654, height: 2339, ctm: [595.44, 0, 0, 842.04, 0, 0] as const, rotation: 0 };
    const lines = [{ words: correctLine([word("Căn", 0), word("cứ", 80), word("ngày", 160), word("82", 260, 30), word("tháng", 320), word("4", 440), word("năm", 480), word("2026", 560)]) }];
    const out = assemble([{ page: 1, placement, lines }], { format: "scan", pages: 1, lowConfidence: 60, noiseConfidence: 30, notes: [] });
    const notes = out.notes.filter((n) => n.code === "ocr-uncertain-number");
    expect(notes).toHaveLength(1);
    expect(out.text.slice(notes[0]?.start, notes[0]?.end)).toBe("82");
    expect(notes[0]?.severity).toBe("warning");
  });

  it("knows the syllable inventory and its tone rule", () => {
    for (const w of ["tháng", "việc", "Quyết", "nghiêng", "khuỷu", "gì", "ĐỊNH", "hoà"]) expect(isWellFormedSyllable(w), w).toBe(true);
    for (const w of ["viềc", "thàc", "QUYÉT", "ng", "strng", "hoµ"]) expect(isWellFormedSyllable(w), w).toBe(false);
    expect(trimPunctuation("(2).")).toBe("2");
    expect(trimPunctuation("...")).toBe("");
  });
});

describe("part labels mended in sequence (no OCR)", () => {
  /** One OCR line per string, words split at spaces. */
  const lines = (...rows: string[]) => rows.map((row, i) => ({ words: row.split(" ").map((t, j) => word(t, 100 * j, 95, 100 + 50 * i, 130 + 50 * i)) }));
  const firstWords = (ls: readonly { words: readonly { text: string }[] }[]) => ls.map((l) => l.words[0]?.text ?? "");

  it("reads the sample scans' labels as I, II, III, IV (`HI.` for III, a label glued to its heading, III read as II)", () => {
    // samples/001.scan.pdf as OCR reads it: `I.MỤC`, `HI.`; 002: `II.` for `III.` between II and IV; 003: the last one repeated.
    const s001 = correctPartLabels(lines("I.MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "II. NỘI DUNG TRIỂN KHAI", "HI. KINH PHÍ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN"));
    expect(firstWords(s001)).toEqual(["I.", "1.", "II.", "III.", "IV."]);
    expect(texts(s001[0]?.words ?? [])).toEqual(["I.", "MỤC", "ĐÍCH,", "YÊU", "CẦU"]);
    expect(firstWords(correctPartLabels(lines("I. MỤC ĐÍCH", "II. NỘI DUNG, NHIỆM VỤ", "II. KINH PHÍ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN")))).toEqual(["I.", "II.", "III.", "IV."]);
    expect(firstWords(correctPartLabels(lines("I. MỤC ĐÍCH YÊU CẦU", "2. Yêu cầu", "II. ĐỐI TƯỢNG, NỘI DUNG", "II. TỔ CHỨC THỰC HIỆN")))).toEqual(["I.", "2.", "II.", "III."]);
    // The 21-page scan's attached plan: `IL` for `I.` and `II.` (the dot read as a stroke), then III read as II.
    expect(firstWords(correctPartLabels(lines("IL MỤC TIÊU", "IL NỘI DUNG KẾ HOẠCH", "II. TỔ CHỨC THỰC HIỆN KẾ HOẠCH")))).toEqual(["I.", "II.", "III."]);
    expect(firstWords(correctPartLabels(lines("1. MỤC ĐÍCH", "II. NỘI DUNG", "lll. KINH PHÍ")))).toEqual(["I.", "II.", "III."]);
    // The same plan read by tesseract.js: the dot lost, `IHL` for `II.`, III read as II.
    expect(firstWords(correctPartLabels(lines("I MỤC TIÊU", "IHL NỘI DUNG KÉ HOẠCH", "II. TỎ CHỨC THỰC HIỆN KÉ HOẠCH")))).toEqual(["I.", "II.", "III."]);
    // …and its appendix title under the seal read as `III. HÀNH ĐỘNG …`: the three before it are still mended.
    expect(firstWords(correctPartLabels(lines("I MỤC TIÊU", "IHL NỘI DUNG KÉ HOẠCH", "II. TỎ CHỨC THỰC HIỆN KÉ HOẠCH", "III. HÀNH ĐỘNG QUÓC GIA")))).toEqual(["I.", "II.", "III.", "III."]);
  });

  it("leaves alone what no neighbour pins: arabic parts, sentence-case items, a real restart, a real skip", () => {
    const keep = (...rows: string[]) => expect(firstWords(correctPartLabels(lines(...rows)))).toEqual(rows.map((r) => r.split(" ")[0]));
    keep("1. MỤC ĐÍCH", "2. NỘI DUNG", "3. KINH PHÍ");
    keep("I. MỤC ĐÍCH", "1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG");
    keep("I. MỤC ĐÍCH", "II. NỘI DUNG", "III. KINH PHÍ", "I. MỤC TIÊU", "II. NHIỆM VỤ");
    keep("I. MỤC ĐÍCH", "II. NỘI DUNG", "IV. KINH PHÍ");
    keep("HI. Các em học sinh", "II. NỘI DUNG");
    keep("I. MỤC ĐÍCH", "V ĐỐI TƯỢNG");
    keep("X QUANG", "CHI PHÍ");
  });
});

describe("a signing block under a seal (no OCR)", () => {
  // Page 2 of the 21-page scan as tesseract's page layout reads it (1667×2359 px): the recipients, and
  // beside them, where the seal, the signature and `KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG / Nguyễn Văn Thắng` are, nothing.
  const at = (text: string, x0: number, y0: number, confidence = 95) => ({ text, confidence, bbox: { x0, y0, x1: x0 + 18 * Array.from(text).length, y1: y0 + 30 } });
  const line = (...words: ReturnType<typeof at>[]) => ({ words, bbox: { x0: words[0]?.bbox.x0 ?? 0, y0: words[0]?.bbox.y0 ?? 0, x1: words[words.length - 1]?.bbox.x1 ?? 0, y1: (words[0]?.bbox.y0 ?? 0) + 30 } });
  const page = [
    line(at("Điều", 300, 180), at("3.", 390, 180), at("Các", 440, 180)),
    line(at("Nơi", 300, 320), at("nhận:", 370, 320)),
    line(at("-", 300, 360), at("Như", 320, 360), at("Điều", 400, 360), at("3;", 480, 360)),
    line(at("-", 300, 400), at("Văn", 320, 400), at("phòng", 390, 400), at("Quốc", 500, 400), at("hội;", 590, 400)),
    line(at("TGĐ", 310, 440), at("Cổng", 380, 440), at("TTĐT,", 470, 440), at("các", 580, 440), at("Vụ:", 650, 440), at("PL;", 720, 440)),
    line(at("-", 300, 480), at("Lưu:", 320, 480), at("VT,", 410, 480), at("KTTH", 470, 480), at("(2).", 560, 480)),
  ];

  it("finds the region right of the recipients where nothing was read, and none where the block was read", () => {
    const region = unreadSigningRegion(page, 1667, 2359);
    expect(region).not.toBeNull();
    // Right of the recipients' longest line, from the heading down past the last recipient.
    expect(region?.x0).toBeGreaterThan(0.45);
    expect((region?.y0 ?? 1) * 2359).toBeLessThan(320);
    expect((region?.y1 ?? 0) * 2359).toBeGreaterThan(510);
    const signed = [...page, line(at("KT.", 1050, 330), at("THỦ", 1110, 330), at("TƯỚNG", 1180, 330)), line(at("Nguyễn", 1000, 470), at("Văn", 1120, 470), at("Thắng", 1190, 470))];
    expect(unreadSigningRegion(signed, 1667, 2359)).toBeNull();
    // A page with no recipients list has no signing block to look for.
    expect(unreadSigningRegion(page.slice(0, 1), 1667, 2359)).toBeNull();
  });

  it("takes the lowest line of sure capitalised syllables as the name's band, and keeps only the name's words from its line", () => {
    // The region read as one block at 600 dpi: the seal's marks, then `Văn Thắng` (the surname lost in the seal's rim).
    const block = [line(at("mốt:", 0, 40, 45), at("THUỤ", 100, 40, 27), at("TƯỜNG", 200, 40, 96)), line(at("gx._", 0, 500, 16), at("k", 100, 500, 16)), line(at("Văn", 300, 700, 97), at("Thắng", 400, 700, 97))];
    const band = nameBand(block, 1000);
    expect(band?.y0).toBeLessThan(0.7);
    expect(band?.y1).toBeGreaterThan(0.73);
    // The band read as one line: the rim's marks go, a damaged family name is mended by the genre's list.
    expect(signerWords([line(at("'", 0, 10, 28), at("`", 30, 10, 15), at("Nguýễn", 60, 10, 0), at("Văn", 200, 10, 97), at("Thăng", 300, 10, 87))])?.map((w) => w.text)).toEqual(["Nguyễn", "Văn", "Thăng"]);
    expect(signerWords([line(at("_", 0, 10, 28), at("Nguyễn", 60, 10, 80), at("Văn", 200, 10, 97), at("Thắng", 300, 10, 90))])?.map((w) => w.text)).toEqual(["Nguyễn", "Văn", "Thắng"]);
    expect(signerWords([line(at("gx._", 0, 10, 16), at("k", 100, 10, 16))])).toBeNull();
    // tesseract.js's reading of the same band: the family name lost, so no signer (a note says the block was not read).
    expect(signerWords([line(at("Văn", 200, 10, 90), at("Thăng", 300, 10, 80))])).toBeNull();
    expect(mendSurname("Nguýễn")).toBe("Nguyễn");
    expect(mendSurname("Thăng")).toBe("Thăng");
    expect(looksLikePersonName("Nguyễn Văn Thắng")).toBe(true);
    expect(looksLikePersonName("Như Điều 3;")).toBe(false);
    expect(looksLikePersonName("Lưu VT KTTH")).toBe(false);
  });
});

describe("layout: pieces of one printed line (no OCR)", () => {
  it("joins the pieces a skewed scan is read in, back in reading order, and a word cut in two", () => {
    const piece = (y: number, ...ws: ReturnType<typeof word>[]) => ({ words: ws.map((w) => ({ ...w, bbox: { ...w.bbox, y0: y, y1: y + 30 } })), bbox: { x0: ws[0]?.bbox.x0 ?? 0, y0: y, x1: ws[ws.length - 1]?.bbox.x1 ?? 0, y1: y + 30 } });
    // "CCCD số: 12, cấp ngà" | "Số điện thoại" (next line) | "y 28/08/2022" (the rest of the first, 6 px lower).
    const lines = [piece(100, word("cấp", 0), word("ngà", 80)), piece(150, word("Số", 0), word("điện", 60)), piece(106, { ...word("y", 141), bbox: { x0: 141, y0: 106, x1: 160, y1: 136 } }, word("28/08/2022", 180))];
    expect(stitchFragments(lines, 30).map((l) => texts(l.words))).toEqual([["cấp", "ngày", "28/08/2022"], ["Số", "điện"]]);
  });
});

describe("engine pool (tesseract.js)", () => {
  it("keeps an engine between documents and reuses it, and starts one per core for a document's pages", async () => {
    await closeOcrEngines();
    const doc = PdfDocument.open(fixture("samples/003.scan.pdf"));
    const last = doc?.pages().at(-1);
    const placed = doc === null || last === undefined ? undefined : findPageImages(doc, last).images[0];
    if (doc === null || placed === undefined) throw new Error("no image");
    const jpeg = (await encodePdfImage(doc, placed.stream, 200)).bytes;
    await ocrImage(jpeg, { engine: "tesseract.js", workers: 1 });
    expect(idleEngineCount()).toBe(1);
    // A second document: the idle engine is taken, not a new one started (that would leave two idle).
    const again = await ocrImage(jpeg, { engine: "tesseract.js", workers: 1 });
    expect(again.text).toContain("Nơi nhận");
    expect(idleEngineCount()).toBe(1);
    await closeOcrEngines();
    expect(idleEngineCount()).toBe(0);
    // Two pages on two engines: both started, both kept.
    await ocrPdf(fixture("samples/002.scan.pdf"), { pages: [1, 2], engine: "tesseract.js", workers: 2 });
    expect(idleEngineCount()).toBe(2);
    await closeOcrEngines();
  }, 120_000);

  it("rejects an engine that is not installed as engine-unavailable, and an unknown engine option as ocr-failed", async () => {
    const jpeg = fixture("samples/001.scan.pdf");
    expect((await rejection(ocrPdf(jpeg, { pages: [1], engine: "native", languages: "zzz" }))).code).toBe("engine-unavailable");
    expect((await rejection(ocrPdf(jpeg, { pages: [1], engine: "tesseract" as never }))).code).toBe("ocr-failed");
  });
});

describe.each(ENGINES)("engine %s on real pages", (engine) => {
  it("reads page 1 of 001.scan.pdf within 1 % CER of its clean text, the number line on its own", async () => {
    const r = await ocrPdf(fixture("samples/001.scan.pdf"), { pages: [1], engine });
    const { cer } = pageCharacterErrorRate(cleanText("001"), r.text, { fromStart: true });
    expect(cer).toBeLessThan(0.01);
    expect(r.text.split("\n")).toContain("Số: /KH-UBND");
  }, 60_000);

  it("reads the handwritten number and day of the real decision (a warning on each), and its header under the stamp", async () => {
    const r = await ocrPdf(fixture("corpus/qd_ttg_707_kehoach_ptrt_2026_scan.pdf"), { pages: [1], engine });
    const lines = r.text.split("\n");
    expect(lines.slice(0, 4)).toEqual(expect.arrayContaining(["THỦ TƯỚNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]));
    // The symbol after it as each engine reads it (tesseract.js: `/Qb-TTg`).
    expect(lines.find((l) => l.startsWith("Số:"))).toMatch(/^Số: 707 ?\/Q/u);
    expect(lines).toContain("Hà Nội, ngày 22 tháng 4 năm 2026");
    const handwritten = r.notes.filter((n) => n.code === "ocr-handwritten-number");
    expect(handwritten.map((n) => r.text.slice(n.start, n.end))).toEqual(["707", "22"]);
    // The page's true text (fixtures/ocr-dev/truth.json), as nom-vn measures it.
    const truth = (JSON.parse(readFileSync(path.join(ROOT, "fixtures/ocr-dev/truth.json"), "utf8")) as Record<string, string>)["qd_ttg_707_p1"] ?? "";
    expect(cerNomVn(truth, r.text)).toBeLessThan(0.08);
  }, 60_000);
});

describe.runIf(NATIVE)("native and tesseract.js agree", () => {
  it("on a synthetic dev page: the same error rate within two points", async () => {
    const truth = (JSON.parse(readFileSync(path.join(ROOT, "fixtures/ocr-dev/truth.json"), "utf8")) as Record<string, string>)["synth_contract_00_00"] ?? "";
    const pdf = fixture("ocr-dev/synth_contract_00_00.pdf");
    const [js, native] = await Promise.all([ocrPdf(pdf, { engine: "tesseract.js" }), ocrPdf(pdf, { engine: "native" })]);
    const a = cerNomVn(truth, js.text);
    const b = cerNomVn(truth, native.text);
    expect(a).toBeLessThan(0.06);
    expect(b).toBeLessThan(0.06);
    expect(Math.abs(a - b)).toBeLessThan(0.02);
  }, 90_000);
});
