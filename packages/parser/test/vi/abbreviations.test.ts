import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareWords, foldTonePlacement } from "../../src/vi/abbreviations.ts";

describe("foldTonePlacement", () => {
  it("moves the mark of a syllable-final oa, oe, uy to the first vowel, in any case", () => {
    expect(["hoá", "Hoá học", "xoá", "khoẻ", "Uỷ ban", "thuỷ lợi", "HOÀ BÌNH"].map(foldTonePlacement)).toEqual([
      "hóa", "Hóa học", "xóa", "khỏe", "Ủy ban", "thủy lợi", "HÒA BÌNH",
    ]);
  });

  // Fixed bug, kept as a regression test: `kế hoạch` was folded to `kế họach`, so `Phòng Tài chính - Kế hoạch`
  // never matched the expansion of `Phòng TC-KH` in the recipients.
  it("leaves a pair with a final consonant (hoạch, toàn, hoàng) and the u of qu (quý, quả) as they are", () => {
    expect(["kế hoạch", "toàn", "Hoàng", "quý", "Quả", "thuyết"].map(foldTonePlacement)).toEqual(["kế hoạch", "toàn", "Hoàng", "quý", "Quả", "thuyết"]);
  });

  it("is idempotent", () => {
    const syllable = fc.constantFrom("hoá", "hóa", "hoạch", "quý", "uỷ", "ủy", "toàn", "khoẻ", "Hoà", " ", "-");
    fc.assert(fc.property(fc.array(syllable, { maxLength: 12 }), (parts) => {
      const once = foldTonePlacement(parts.join(""));
      expect(foldTonePlacement(once)).toBe(once);
    }));
  });
});

describe("compareWords", () => {
  it("reads an abbreviation and the name it stands for as the same words, whatever the mark's place", () => {
    expect(compareWords("Phòng TC-KH huyện").slice(0, 5)).toEqual(compareWords("Phòng Tài chính - Kế hoạch"));
    expect(compareWords("Phòng VH&TT")).toEqual(compareWords("Phòng Văn hoá và Thông tin"));
  });
});
