import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseText } from "@kehoach/parser";
import { decodeText, detectFormat } from "../../src/input/detect.ts";
import { goldenProjection } from "../support/projection.ts";
import { rejection } from "../helpers/rejection.ts";

const fixture = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../fixtures/${path}`, import.meta.url))));
const seed = new TextDecoder().decode(fixture("seeds/001.txt"));

/** Bytes whose values are the code points of `s` (how Latin-1 shows legacy 8-bit text). */
const latin1 = (s: string): Uint8Array => Uint8Array.from([...s].map((ch) => ch.charCodeAt(0)));

// The seed plan written in each encoding by scripts/make-encoding-fixtures.sh.
const FILES = [
  ["001.cp1258.txt", "Windows-1258"],
  ["001.tcvn3.txt", "TCVN3 (ABC)"],
  ["001.vni.txt", "VNI Windows"],
  ["001.utf16le.txt", "UTF-16 (little-endian"],
  ["001.utf16be.txt", "UTF-16 (big-endian"],
] as const;

describe.each(FILES)("%s", (file, name) => {
  const bytes = fixture(`encodings/${file}`);

  it("is detected as text and decodes to the seed's text, with a note naming the encoding", () => {
    expect(detectFormat(bytes)).toBe("text");
    const decoded = decodeText(bytes);
    expect(decoded.text.split("\n")).toEqual(seed.normalize("NFC").split("\n"));
    expect(decoded.notes).toEqual([expect.objectContaining({ code: "text-encoding-assumed", severity: "info" })]);
    expect(decoded.notes[0]?.message).toContain(name);
  });

  it("parses to the same plan as the seed", async () => {
    const plan = await parse(bytes);
    const fromSeed = parseText(seed);
    const { findings, ...fields } = goldenProjection(plan);
    const { findings: seedFindings, ...seedFields } = goldenProjection(fromSeed);
    expect(fields).toEqual(seedFields);
    expect(findings.filter((f) => !f.includes("text-encoding-assumed"))).toEqual(seedFindings);
    expect(plan.findings.find((f) => f.code === "text-encoding-assumed")?.message).toContain(name);
  });
});

describe("legacy 8-bit text, as the PDF adapter sees it in old fonts", () => {
  it("TCVN3 and VNI words decode by the shared tables", () => {
    const tcvn3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\nñy ban nh©n d©n tØnh L¹ng S¬n ban hµnh KÕ ho¹ch nµy, ®Ó thùc hiÖn c¸c nhiÖm vô";
    expect(decodeText(latin1(tcvn3)).text).toBe("Cộng hoà xã hội chủ nghĩa Việt Nam\nỦy ban nhân dân tỉnh Lạng Sơn ban hành Kế hoạch này, để thực hiện các nhiệm vụ");
    const vni = "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM\nÑoäc laäp - Töï do - Haïnh phuùc\nUûy ban nhaân daân tænh ban haønh keá hoaïch naêng löôïng";
    expect(decodeText(latin1(vni)).text).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nỦy ban nhân dân tỉnh ban hành kế hoạch năng lượng");
  });

  it("TCVN3 capitals set in the .VnTimeH font come back in capitals; acronyms beside a word do not capitalise it", () => {
    const text = decodeText(latin1("ñY BAN NH¢N D¢N TØNH LAI CH¢U\nKÕ HO¹CH\nI. MôC §ÝCH, Y£U CÇU\nSè: /KH-UBND\nLµo Cai, ngµy 05 th¸ng 3 n¨m 2024")).text;
    expect(text.split("\n")).toEqual(["ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "Số: /KH-UBND", "Lào Cai, ngày 05 tháng 3 năm 2024"]);
  });
});

describe("what stays as it was", () => {
  it("UTF-8 (with or without BOM) and UTF-16 with a BOM are read without a note", () => {
    const utf8 = new TextEncoder().encode(seed);
    expect(decodeText(utf8)).toEqual({ text: seed, notes: [] });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).text).toBe(seed);
    const utf16 = new Uint8Array([0xff, 0xfe, ...fixture("encodings/001.utf16le.txt")]);
    expect(decodeText(utf16)).toEqual({ text: seed, notes: [] });
  });

  it("binary bytes and 8-bit text that is not Vietnamese are still refused as unsupported-format", async () => {
    expect(detectFormat(new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]))).toBe("unknown-binary");
    let state = 7;
    const random = new Uint8Array(20_000).map(() => ((state = (state * 1103515245 + 12345) >>> 0), (state >>> 24) | 1));
    expect(detectFormat(random)).toBe("unknown-binary");
    expect((await rejection(parse(random))).code).toBe("unsupported-format");
    // German in Latin-1: neither UTF-8 nor any Vietnamese code page reads it as Vietnamese.
    expect(detectFormat(latin1("Größenordnung über müßige Straßenbahnhöfe für Bürger, Länder und Städte ".repeat(20)))).toBe("unknown-binary");
  });
});
