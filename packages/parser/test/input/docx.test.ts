import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { Deflate, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isKehoachInputError, type InputErrorCode } from "../../src/errors.ts";
import { readDocx } from "../../src/input/docx/index.ts";

const fixture = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../fixtures/${path}`, import.meta.url))));
const fixtureText = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../../fixtures/${path}`, import.meta.url)), "utf8");

// ——— Comparison helpers ———

const MARKER = /\[\^[^\]\s]+\]/g;

/** The clean Markdown's paragraphs as plain lines: heading marks, `**`, backslash escapes and footnote marks removed. */
function markdownLines(md: string): string[] {
  return md
    .split("\n")
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, "")
        .replace(/^ {4}/, "")
        .replace(/\*\*/g, "")
        .replace(/\\([\\.`*_{}[\]()#+\-!>])/g, "$1")
        .replace(MARKER, "")
        .trim(),
    )
    .filter((line) => line !== "");
}

function outputLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(MARKER, "").trim())
    .filter((line) => line !== "");
}

function words(lines: string[]): string[] {
  return lines.join(" ").normalize("NFC").split(/\s+/).filter((word) => word !== "");
}

/** Myers' O((N+M)·D) edit distance (insertions + deletions) between two word sequences. */
function editDistance(a: string[], b: string[]): number {
  const max = a.length + b.length;
  const v = new Int32Array(2 * max + 2);
  const offset = max + 1;
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) x++, y++;
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) return d;
    }
  }
  return max;
}

/** Line-leading structural labels: `I.`, `1.`, `1.1.`, `5.4.1.`, `a)`, `đ)`. */
function labels(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const match = /^((?:[IVXLC]+|\d+(?:\.\d+)*)\.|[a-zđ]\))(?=\s)/u.exec(line);
    if (match?.[1] !== undefined) out.push(match[1]);
  }
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<{ code: InputErrorCode | undefined; error: unknown }> {
  try {
    await promise;
  } catch (error) {
    return { code: isKehoachInputError(error) ? error.code : undefined, error };
  }
  return { code: undefined, error: new Error("did not reject") };
}

// ——— Synthetic packages ———

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function docx(parts: { body: string; numbering?: string; styles?: string; footnotes?: string }): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${parts.body}</w:body></w:document>`),
  };
  if (parts.numbering !== undefined) files["word/numbering.xml"] = strToU8(`<w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.styles !== undefined) files["word/styles.xml"] = strToU8(`<w:styles ${W}>${parts.styles}</w:styles>`);
  if (parts.footnotes !== undefined) files["word/footnotes.xml"] = strToU8(`<w:footnotes ${W}>${parts.footnotes}</w:footnotes>`);
  return zipSync(files);
}

const p = (text: string, numPr = "", pStyle = ""): string =>
  `<w:p><w:pPr>${pStyle === "" ? "" : `<w:pStyle w:val="${pStyle}"/>`}${numPr}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const num = (numId: number, ilvl: number): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, numFmt: string, text: string, extra = ""): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${text}"/><w:suff w:val="space"/></w:lvl>`;

/** A raw-deflate stream of `megabytes` MB of zeros: one sync-flushed 1 MB segment repeated, then a final empty block. */
function zeroDeflateStream(megabytes: number): Uint8Array {
  const pieces: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => pieces.push(chunk));
  deflate.push(new Uint8Array(1 << 20));
  deflate.flush(true);
  const segment = concat(pieces);
  return concat([...Array.from({ length: megabytes }, () => segment), new Uint8Array([0x03, 0x00])]);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) out.set(chunk, at), (at += chunk.length);
  return out;
}

/** A one-entry ZIP (method 8) around precompressed data, declaring `declaredSize` as its inflated size. */
function zipWithDeflated(name: string, data: Uint8Array, declaredSize: number): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, declaredSize, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, declaredSize, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  return concat([local, data, central, end]);
}

// ——— The samples against their clean text ———

const SAMPLES = ["000", "000.autonum", "001", "002", "002.autonum", "003", "004"] as const;

describe("readDocx on the sample plans", () => {
  for (const name of SAMPLES) {
    it(`${name}.docx has the words and labels of ${name.replace(".autonum", "")}.clean.md`, async () => {
      const result = await readDocx(fixture(`samples/${name}.docx`));
      expect(result.format).toBe("docx");
      expect(result.layout).toBe("paragraphs");
      expect(result.regions).toEqual([]);
      expect(result.pages).toBeUndefined();
      expect(result.text).toBe(result.text.normalize("NFC"));

      const reference = markdownLines(fixtureText(`samples/${name.replace(".autonum", "")}.clean.md`));
      const ours = outputLines(result.text);
      const distance = editDistance(words(reference), words(ours));
      console.info(`${name}.docx: ${words(ours).length} words, reference ${words(reference).length}, word diff ${distance}`);
      expect(distance).toBe(0);
      expect(labels(ours)).toEqual(labels(reference));
    });
  }

  it("rebuilds Word numbering: the autonum variants read exactly like the literal ones", async () => {
    for (const base of ["000", "002"]) {
      const plain = await readDocx(fixture(`samples/${base}.docx`));
      const auto = await readDocx(fixture(`samples/${base}.autonum.docx`));
      expect(auto.text).toBe(plain.text);
    }
  });

  it("writes 002's Word footnote as [^1] after “Quốc hội” and one [^1]: line at the end", async () => {
    const { text } = await readDocx(fixture("samples/002.docx"));
    const lines = text.trimEnd().split("\n");
    expect(text.match(/\[\^1\](?!:)/g)).toHaveLength(1);
    expect(text).toContain("Quốc hội[^1]");
    const definitions = lines.filter((line) => line.startsWith("[^1]: "));
    expect(definitions).toHaveLength(1);
    expect(lines.at(-1)).toBe(definitions[0]);
    expect(definitions[0]).toContain("Phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội");
    expect(definitions[0]).toContain("Thông tư số 03/2023/TT-BTTTT");
  });

  it("keeps page headers (page numbers) out and puts the signature block one field per line", async () => {
    const { text } = await readDocx(fixture("samples/000.docx"));
    const lines = text.split("\n");
    expect(lines.some((line) => /^\d+$/.test(line))).toBe(false);
    const at = lines.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(lines.slice(at, at + 4)).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Giàng A Tính"]);
    expect(lines.indexOf("Nơi nhận:")).toBeLessThan(at);
  });
});

// ——— Real-world documents ———

describe("readDocx on real documents", () => {
  it("splits a two-column header table into issuer, number, motto, place and date (Lào Cai)", async () => {
    const lines = (await readDocx(fixture("corpus/kh_laocai_ubnd_chithi11_khoangsan_2026.docx"))).text.split("\n");
    expect(lines.slice(0, 6)).toEqual([
      "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
      "Số: /KH-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Lào Cai, ngày tháng năm 2026",
      "KẾ HOẠCH",
    ]);
  });

  it("splits issuer lines and number kept in one header cell (Lâm Đồng)", async () => {
    const lines = (await readDocx(fixture("corpus/kh_lamdong_ubnd_thidua_cchc_2026.docx"))).text.split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "TỈNH LÂM ĐỒNG",
      "Số: /KH-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Lâm Đồng, ngày tháng năm 2026",
      "KẾ HOẠCH",
    ]);
  });

  it("gives kh_lamdong_ubnd_cchc_2026.docx its section labels back from Word numbering", async () => {
    const lines = (await readDocx(fixture("corpus/kh_lamdong_ubnd_cchc_2026.docx"))).text.split("\n");
    const sections = [
      "1. Cải cách thể chế",
      "2. Cải cách thủ tục hành chính",
      "3. Cải cách tổ chức bộ máy hành chính nhà nước",
      "4. Cải cách chế độ công vụ",
      "5. Cải cách tài chính công",
      "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
      "7. Công tác chỉ đạo, điều hành",
    ];
    let previous = -1;
    for (const section of sections) {
      const at = lines.indexOf(section);
      expect(at, section).toBeGreaterThan(previous);
      previous = at;
    }
    // Lettered items under "Công tác triển khai" come from a lowerLetter list: a), b), c).
    const start = lines.indexOf("1. Công tác triển khai");
    expect(lines.slice(start + 1, start + 4).map((line) => line.slice(0, 3))).toEqual(["a) ", "b) ", "c) "]);
    // The signature table after the body, and the appendix table after it, row by row.
    const signature = lines.indexOf("KT. CHỦ TỊCH");
    expect(lines.slice(signature, signature + 3)).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"]);
    expect(lines.indexOf("STT")).toBeGreaterThan(signature);
  });

  it("shows the numbers of an auto-numbered STT column in a task table", async () => {
    const lines = (await readDocx(fixture("corpus/kh_laocai_sct_3898_huanluyen_vlncn_2026.docx"))).text.split("\n");
    const at = lines.indexOf("Ghi chú");
    expect(lines.slice(at + 1, at + 3)).toEqual(["1.", "Rà soát việc đáp ứng các điều kiện của học viên"]);
  });
});

// ——— Numbering, tables and notes on small synthetic packages ———

describe("readDocx on synthetic packages", () => {
  it("renders lowerLetter a, b, c, d, e (no đ), upperRoman, restarts and bullets", async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "upperRoman", "%1.")}${lvl(1, "decimal", "%2.")}${lvl(2, "decimal", "%2.%3.")}${lvl(3, "lowerLetter", "%4)")}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, "bullet", "–")}${lvl(1, "bullet", "+")}${lvl(2, "bullet", "\uF0B7")}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
    const body =
      p("MỤC ĐÍCH", num(1, 0)) +
      p("Mục đích", num(1, 1)) +
      p("Chi tiết", num(1, 2)) +
      ["một", "hai", "ba", "bốn", "năm"].map((t) => p(t, num(1, 3))).join("") +
      p("Yêu cầu", num(1, 1)) +
      p("Chi tiết", num(1, 2)) +
      p("NỘI DUNG", num(1, 0)) +
      p("Nội dung", num(1, 1)) +
      p("gạch", num(2, 0)) +
      p("cộng", num(2, 1)) +
      p("chấm", num(2, 2));
    const { text } = await readDocx(docx({ body, numbering }));
    expect(text.split("\n")).toEqual([
      "I. MỤC ĐÍCH",
      "1. Mục đích",
      "1.1. Chi tiết",
      "a) một",
      "b) hai",
      "c) ba",
      "d) bốn",
      "e) năm",
      "2. Yêu cầu",
      "2.1. Chi tiết",
      "II. NỘI DUNG",
      "1. Nội dung",
      "- gạch",
      "+ cộng",
      "- chấm",
      "",
    ]);
  });

  it("takes numbering from the paragraph style (basedOn chain) and honours numId 0 and startOverride", async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="3">${lvl(0, "decimal", "Điều %1.")}</w:abstractNum>` +
      `<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>` +
      `<w:num w:numId="6"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>`;
    const styles =
      `<w:style w:type="paragraph" w:styleId="Dieu"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="DieuDam"><w:basedOn w:val="Dieu"/></w:style>`;
    const body =
      p("Phạm vi", "", "Dieu") +
      p("Đối tượng", "", "DieuDam") +
      p("Không đánh số", '<w:numPr><w:numId w:val="0"/></w:numPr>', "Dieu") +
      p("Giải thích", "", "Dieu") +
      p("Riêng", num(6, 0)) +
      p("Tiếp", "", "Dieu");
    const { text } = await readDocx(docx({ body, numbering, styles }));
    expect(text.split("\n").slice(0, -1)).toEqual([
      "Điều 1. Phạm vi",
      "Điều 2. Đối tượng",
      "Không đánh số",
      "Điều 3. Giải thích",
      "Điều 7. Riêng",
      "Điều 4. Tiếp",
    ]);
  });

  it("reads header tables column by column with w:br lines, grid tables row by row without merged duplicates", async () => {
    const cell = (content: string, tcPr = ""): string => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${content}</w:tc>`;
    const br = (...parts: string[]): string =>
      `<w:p><w:r>${parts.map((part, i) => `${i > 0 ? "<w:br/>" : ""}<w:t>${part}</w:t>`).join("")}</w:r></w:p>`;
    const header =
      `<w:tbl><w:tr>${cell(br("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG"))}${cell(br("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"))}</w:tr>` +
      `<w:tr>${cell(p("Số: 12/KH-SCT"))}${cell(p("Lào Cai, ngày 5 tháng 3 năm 2026"))}</w:tr></w:tbl>`;
    const grid =
      `<w:tbl><w:tr>${cell(p("TT"))}${cell(p("Nhiệm vụ"))}${cell(p("Chủ trì"))}</w:tr>` +
      `<w:tr>${cell(p("1"))}${cell(br("Rà soát", "văn bản"))}${cell(p("Sở Tư pháp"), '<w:vMerge w:val="restart"/>')}</w:tr>` +
      `<w:tr>${cell(p("2"))}${cell(p("Kiểm tra"))}${cell(p("Sở Tư pháp"), "<w:vMerge/>")}</w:tr>` +
      `<w:tr>${cell(p("Ghi chú chung"), '<w:gridSpan w:val="3"/>')}</w:tr>` +
      `<w:tr>${cell(p("3"))}${cell(p("Báo cáo"))}${cell(p("Sở Nội vụ"))}</w:tr>` +
      `<w:tr>${cell(p("4"))}${cell(p("Tổng hợp"))}${cell(p("Văn phòng"))}</w:tr>` +
      `<w:tr>${cell(p("5"))}${cell(p("Đánh giá"))}${cell(p("Văn phòng"))}</w:tr></w:tbl>`;
    const closing =
      `<w:tbl><w:tr>${cell(p("Nơi nhận:") + p("- Như trên;") + p("- Lưu: VT."))}${cell(br("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") + p("Hoàng Văn A"))}</w:tr></w:tbl>`;
    const { text } = await readDocx(docx({ body: header + p("KẾ HOẠCH") + grid + closing }));
    expect(text.split("\n").slice(0, -1)).toEqual([
      "UBND TỈNH LÀO CAI",
      "SỞ CÔNG THƯƠNG",
      "Số: 12/KH-SCT",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Lào Cai, ngày 5 tháng 3 năm 2026",
      "KẾ HOẠCH",
      "TT", "Nhiệm vụ", "Chủ trì",
      "1", "Rà soát văn bản", "Sở Tư pháp",
      "2", "Kiểm tra",
      "Ghi chú chung",
      "3", "Báo cáo", "Sở Nội vụ",
      "4", "Tổng hợp", "Văn phòng",
      "5", "Đánh giá", "Văn phòng",
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT.",
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
      "Hoàng Văn A",
    ]);
  });

  it("numbers footnotes by first reference, skips separators, hides field codes and deleted text", async () => {
    const footnotes =
      `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
      `<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Ghi chú bảy.</w:t></w:r></w:p></w:footnote>` +
      `<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Ghi chú ba,</w:t></w:r></w:p><w:p><w:r><w:t>đoạn hai.</w:t></w:r></w:p></w:footnote>`;
    const body =
      `<w:p><w:r><w:t xml:space="preserve">Theo Luật </w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r><w:r><w:t xml:space="preserve"> và Nghị định</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r></w:p>` +
      `<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:del w:id="1"><w:r><w:delText>cũ</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t xml:space="preserve"> mới</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>Tabs\tand</w:t><w:tab/><w:t>breaks</w:t><w:br/><w:t>join.</w:t></w:r></w:p>` +
      `<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>`;
    const { text } = await readDocx(docx({ body, footnotes }));
    expect(text).toBe("Theo Luật[^1] và Nghị định[^2]\nTrang 5 mới\nTabs and breaks join.\n[^1]: Ghi chú bảy.\n[^2]: Ghi chú ba, đoạn hai.\n");
  });

  it("normalises to NFC", async () => {
    const decomposed = "Kế hoạch".normalize("NFD");
    const { text } = await readDocx(docx({ body: p(decomposed) }));
    expect(text).toBe("Kế hoạch\n".normalize("NFC"));
  });
});

// ——— Hostile and broken input ———

describe("readDocx rejects what it cannot read, quickly and only with KehoachInputError", () => {
  const quick = async (bytes: Uint8Array, code: InputErrorCode, options?: Parameters<typeof readDocx>[1]): Promise<void> => {
    const started = performance.now();
    const { code: actual, error } = await rejection(readDocx(bytes, options));
    expect(actual, String(error)).toBe(code);
    expect(performance.now() - started).toBeLessThan(20_000);
  };

  it("truncated bytes → corrupt-file", async () => {
    const bytes = fixture("samples/000.docx");
    await quick(bytes.subarray(0, Math.floor(bytes.length / 2)), "corrupt-file");
    await quick(bytes.subarray(0, 10), "corrupt-file");
    await quick(new Uint8Array(0), "corrupt-file");
  });

  it("random bytes → corrupt-file", async () => {
    let seed = 12345;
    const random = new Uint8Array(64 * 1024).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0), seed >>> 24));
    await quick(random, "corrupt-file");
  });

  it("a zip without word/document.xml → corrupt-file", async () => {
    await quick(zipSync({ "hello.txt": strToU8("xin chào") }), "corrupt-file");
  });

  it("malformed XML in document.xml → corrupt-file", async () => {
    await quick(zipSync({ "word/document.xml": strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>dở dang`) }), "corrupt-file");
    await quick(zipSync({ "word/document.xml": strToU8(`<w:document ${W}><w:body></w:p></w:body></w:document>`) }), "corrupt-file");
  });

  it("a 300 MB zip bomb → too-large, whether it declares its size or lies about it", async () => {
    const stream = zeroDeflateStream(300);
    expect(stream.length).toBeLessThan(1_000_000);
    await quick(zipWithDeflated("word/document.xml", stream, 300 * (1 << 20)), "too-large");
    await quick(zipWithDeflated("word/document.xml", stream, 1000), "too-large");
    await quick(zipWithDeflated("word/document.xml", stream, 1000), "too-large", { maxInflatedBytes: 5_000_000 });
  });

  it("more entries than maxEntries → too-large", async () => {
    const files: Record<string, Uint8Array> = { "word/document.xml": strToU8(`<w:document ${W}><w:body/></w:document>`) };
    for (let i = 0; i < 20; i++) files[`word/media/image${i}.png`] = new Uint8Array(1);
    await quick(zipSync(files), "too-large", { maxEntries: 10 });
    expect((await readDocx(zipSync(files))).text).toBe("");
  });

  it("a legacy Word 97 .doc given to readDocx → legacy-doc with conversion advice (parse sends it to readDoc)", async () => {
    const bytes = fixture("corpus/kh_lamdong_ubnd_kmt_2026.doc");
    const fromDocx = await rejection(readDocx(bytes));
    expect(fromDocx.code).toBe("legacy-doc");
    expect(String(fromDocx.error)).toContain("libreoffice --headless --convert-to docx");
    await quick(bytes, "legacy-doc");
  });

  it("damaged copies of a real .docx resolve or reject with KehoachInputError, never anything else", async () => {
    const original = fixture("samples/002.docx");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (edits) => {
        const bytes = original.slice();
        for (const [at, value] of edits) bytes[at] = value;
        try {
          const result = await readDocx(bytes);
          expect(typeof result.text).toBe("string");
        } catch (error) {
          expect(isKehoachInputError(error)).toBe(true);
        }
      }),
      { numRuns: 40, seed: 20260101 },
    );
  });
});
