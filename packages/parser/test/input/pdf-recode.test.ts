import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPdf } from "../../src/input/pdf/index.ts";
import { FontDecoder } from "../../src/input/pdf/recode.ts";
import { characterErrorRate } from "../helpers/cer.ts";

const corpus = fileURLToPath(new URL("../../../../fixtures/corpus/", import.meta.url));

/** Learns one font from `sample`, then reads `text` set in it. */
function readAs(sample: string, text = sample): string {
  const fonts = new FontDecoder();
  fonts.learn(new Map([["f", sample]]));
  const decode = fonts.decoderFor("f");
  return decode ? decode(text) : text;
}

// The raw strings are what pdf.js returns for the Lào Cai PDFs in fixtures/corpus (Word export: CID
// fonts without ToUnicode, and symbolic TrueType fonts read through their Mac Roman table); the
// expected text is the document's, as the repository owner's extraction (the .txt beside it) has it.
describe("FontDecoder", () => {
  it("reads Times New Roman glyph indices (the 1130 layout: upright 7.0 faces and 5.x)", () => {
    const sample = "7KӵF KLӋQ 4X\\ӃW ÿӏQK Vӕ \u0014\u0013\u0018\u0013\u00124Ĉ\u00106&7 FӫD ÿӕF 6ӣ 7KѭѫQJ WӍQK";
    expect(readAs(sample)).toBe("Thực hiện Quyết định số 1050/QĐ-SCT của đốc Sở Thương tỉnh");
    expect(readAs(sample, "&Ӝ1* +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7")).toBe("CỘNG HỘI CHỦ NGHĨA VIỆT");
  });

  it("reads Times New Roman glyph indices (the 750 layout: 7.0 italics, 7.1)", () => {
    const sample = "&ăQ Fͱ /X̵W V͙ Y͉ 4X̫Q V͵ GͭQJ YǊ Y̵W OL͏X Q͝ Fͭ K͟ WUͫ\u001e";
    expect(readAs(sample)).toBe("Căn cứ Luật số về Quản sử dụng vũ vật liệu nổ cụ hỗ trợ;");
  });

  it("reads a Windows font that pdf.js took for Mac Roman", () => {
    const sample = "L‡o Cai, ng‡y th·ng 3 n m 2026 H“A X√ C‘NG Ph˙c trÍn Gi·m";
    expect(readAs(sample)).toBe("Lào Cai, ngày tháng 3 n m 2026 HÒA XÃ CÔNG Phúc trên Giám");
    // Only capitals: the symbol inside a word is what gives it away.
    expect(readAs("UBND L¿O CAI")).toBe("UBND LÀO CAI");
  });

  it("reads TCVN3 (.VnTime) text", () => {
    expect(readAs("Céng hoµ x· héi chñ nghÜa ViÖt Nam")).toBe("Cộng hoà xã hội chủ nghĩa Việt Nam");
  });

  it("leaves Unicode text alone, quotes and capitals included", () => {
    for (const text of [
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
      "“Ngày Chuyển đổi số” – ÀO ẠT, Ô TÔ, ÙN Ứ",
      "1050/QĐ-SCT",
    ]) {
      const fonts = new FontDecoder();
      fonts.learn(new Map([["f", text]]));
      expect(fonts.decoderFor("f")).toBeUndefined();
    }
  });

  it("keeps a settled font's reading on later pages, however little they show of it", () => {
    const fonts = new FontDecoder();
    fonts.learn(new Map([["f", "7KӵF KLӋQ 4X\\ӃW ÿӏQK Vӕ FӫD ÿӕF 6ӣ 7KѭѫQJ WӍQK YӅ YLӋF NLӇP tra"]]));
    fonts.learn(new Map([["f", "NAM"]]));
    expect(fonts.decoderFor("f")?.("1$0")).toBe("NAM");
    expect(fonts.recoded()).toEqual(new Map([["glyph-ids", 1]]));
    // Its glyphs 9–13 are lost by getTextContent (whitespace codes): the page needs its operator list.
    expect(fonts.dropsGlyphs("f")).toBe(true);
    fonts.learn(new Map([["g", "Căn cứ Luật Tổ chức chính quyền địa phương"]]));
    expect(fonts.dropsGlyphs("g")).toBe(false);
  });
});

describe("PDFs exported without ToUnicode maps", () => {
  it.each([
    ["kh_laocai_dkt_1105_kiemtra_vlncn_2026", 0.035],
    ["qd_laocai_sct_1050_kiemtra_vlncn_2026", 0.035],
  ])("%s reads as its owner's extraction (CER < %s)", async (name, bound) => {
    const read = await readPdf(new Uint8Array(readFileSync(`${corpus}${name}.pdf`)));
    expect(read.kind).toBe("text");
    if (read.kind !== "text") return;
    expect(read.extracted.notes.map((n) => n.code)).toContain("pdf-fonts-recoded");
    const reference = readFileSync(`${corpus}${name}.txt`, "utf8");
    expect(characterErrorRate(reference, read.extracted.text)).toBeLessThan(bound);
  });

  // Glyphs 9–13 (`& ' ( ) *`) come as the codes of whitespace, which getTextContent drops: such pages
  // are read from their operator lists, so every bracket of the owner's extraction is there.
  it.each(["kh_laocai_dkt_1105_kiemtra_vlncn_2026", "qd_laocai_sct_1050_kiemtra_vlncn_2026"])(
    "%s keeps the glyphs pdf.js takes for whitespace",
    async (name) => {
      const read = await readPdf(new Uint8Array(readFileSync(`${corpus}${name}.pdf`)));
      if (read.kind !== "text") throw new Error("no text layer");
      const reference = readFileSync(`${corpus}${name}.txt`, "utf8");
      const brackets = (text: string) => [text.split("(").length - 1, text.split(")").length - 1];
      expect(brackets(read.extracted.text)).toEqual(brackets(reference));
    },
  );
});
