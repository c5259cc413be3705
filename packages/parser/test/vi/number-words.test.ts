import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capitalizeFirst, readNumberWords, writeNumberWords } from "../../src/vi/number-words.ts";

const MAX = Number.MAX_SAFE_INTEGER;

function valueOf(text: string): number | string {
  const r = readNumberWords(text);
  return r.ok ? r.value : `rejected: ${r.reason}`;
}

describe("readNumberWords: real readings", () => {
  const table: Array<[string, number]> = [
    ["Chín tỷ, bảy trăm năm mươi ba triệu đồng", 9_753_000_000],
    ["hai tỷ không trăm năm mươi ba triệu đồng", 2_053_000_000],
    ["hai tỷ, không trăm năm mươi ba triệu đồng", 2_053_000_000],
    ["một trăm linh năm", 105],
    ["một trăm lẻ năm", 105],
    ["mười lăm", 15],
    ["mười nhăm", 15],
    ["hai mươi mốt", 21],
    ["hai mươi một", 21],
    ["ba mươi tư", 34],
    ["ba mươi bốn", 34],
    ["năm mươi nhăm", 55],
    ["năm mươi lăm", 55],
    ["một nghìn tỷ", 1_000_000_000_000],
    // A count of millions, as budgets write `1.500 triệu đồng`.
    ["Một nghìn năm trăm triệu đồng", 1_500_000_000],
    ["một nghìn triệu", 1_000_000_000],
    ["hai nghìn không trăm năm mươi triệu, ba trăm nghìn đồng", 2_050_300_000],
    ["một triệu không trăm linh một nghìn", 1_001_000],
    ["BA TRĂM TRIỆU ĐỒNG", 300_000_000],
    ["Chín tỷ, bảy trăm năm mươi ba triệu đồng".normalize("NFD"), 9_753_000_000],
    ["MỘT TRĂM LINH TƯ NGHÌN ĐỒNG".normalize("NFD"), 104_000],
    ["không", 0],
    ["Không đồng", 0],
    ["một", 1],
    ["mười", 10],
    ["mười một", 11],
    ["mười tư", 14],
    ["hai mươi", 20],
    ["hai chục", 20],
    ["hai chục nghìn", 20_000],
    ["chín mươi chín", 99],
    ["một trăm", 100],
    ["một trăm mười", 110],
    ["một trăm linh tư", 104],
    ["chín trăm chín mươi chín", 999],
    ["một nghìn không trăm linh năm", 1_005],
    ["một ngàn không trăm linh năm", 1_005],
    ["một nghìn linh năm", 1_005],
    ["một nghìn không trăm mười", 1_010],
    ["hai nghìn năm trăm", 2_500],
    ["mười hai nghìn", 12_000],
    ["một trăm nghìn", 100_000],
    ["một triệu", 1_000_000],
    ["một triệu năm trăm", 1_000_500],
    ["hai mươi lăm triệu đồng chẵn", 25_000_000],
    ["Một tỷ đồng./.", 1_000_000_000],
    ["một tỉ", 1_000_000_000],
    ["bẩy trăm triệu", 700_000_000],
    ["hai mười", 20],
    ["một tỷ, không trăm linh năm", 1_000_000_005],
    ["hai tỷ năm triệu", 2_005_000_000],
    ["một nghìn hai trăm tỷ", 1_200_000_000_000],
    ["một nghìn tỷ, hai trăm tỷ", 1_200_000_000_000],
    ["một triệu tỷ", 1_000_000_000_000_000],
    ["hai nghìn tỷ năm trăm triệu", 2_000_500_000_000],
    ["Một trăm hai mươi lăm triệu, ba trăm nghìn đồng", 125_300_000],
    ["năm trăm nghìn VNĐ", 500_000],
    ["ba triệu đồng Việt Nam.", 3_000_000],
    ["Mười lăm tỷ, không trăm linh năm triệu, hai trăm nghìn đồng", 15_005_200_000],
    ["  hai trăm\u00a0nghìn\t", 200_000],
    ["bốn trăm ba mươi tư triệu,hai trăm nghìn đồng", 434_200_000],
    [
      "chín nghìn không trăm linh bảy tỷ, một trăm chín mươi chín triệu, hai trăm năm mươi tư nghìn, bảy trăm bốn mươi mốt",
      9_007_199_254_741,
    ],
    [
      "chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ, hai trăm năm mươi tư triệu, bảy trăm bốn mươi nghìn, chín trăm chín mươi mốt",
      MAX,
    ],
  ];

  it.each(table)("%j = %d", (text, value) => {
    expect(valueOf(text)).toBe(value);
  });

  it("has at least 40 readings", () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  it("reports the slice of the input that holds the number words", () => {
    const text = "Chín tỷ, bảy trăm năm mươi ba triệu đồng";
    expect(readNumberWords(text)).toEqual({
      ok: true,
      value: 9_753_000_000,
      consumed: "Chín tỷ, bảy trăm năm mươi ba triệu",
    });
    const nfd = `  ${"Ba trăm triệu đồng chẵn./.".normalize("NFD")}`;
    const r = readNumberWords(nfd);
    expect(r.ok && r.consumed).toBe("Ba trăm triệu".normalize("NFD"));
  });
});

describe("readNumberWords: rejections", () => {
  const rejected: string[] = [
    "",
    "   ",
    ",",
    "xin chào",
    "trăm",
    "mười mười",
    "đồng",
    "tỷ",
    "nghìn tỷ",
    "một tỷ hai", // shorthand for 1 200 000 000
    "một triệu hai", // shorthand for 1 200 000
    "một trăm hai", // shorthand for 120
    "hai trăm tư", // shorthand for 240
    "một trăm mốt", // shorthand for 110
    "một nghìn hai tỷ", // shorthand for 1 200 tỷ
    "hai triệu năm mươi", // 2 000 050 or 2 050 000?
    "một mươi",
    "không mươi",
    "hai mươi không",
    "không trăm năm mươi",
    "không không",
    "linh năm",
    "mốt",
    "tư",
    "lăm",
    "mười mốt",
    "linh mốt",
    "hai triệu một nghìn triệu",
    "hai tỷ, một nghìn năm trăm triệu", // what follows a tỷ is less than one
    "một nghìn năm trăm triệu tỷ",
    "một tỷ hai tỷ",
    "hai nghìn một triệu",
    "một tỷ tỷ",
    "mười triệu tỷ", // 10^16 > MAX_SAFE_INTEGER
    "hai , ba",
    "hai mươi, ba",
    "ba triệu,",
    "ba triệu, đồng",
    ", ba triệu",
    "ba triệu,, hai trăm nghìn",
    "9 tỷ",
    "ba trăm triệu đồng đồng",
    "đồng ba trăm",
    "hai trăm ba trăm",
    "năm mươi lăm lăm",
    "một trăm không trăm",
    "không trăm",
    "chục",
    "mười hai chục",
    "ba triệu không trăm nghìn",
    "ba triệu (ba trăm nghìn)",
  ];

  it.each(rejected)("rejects %j with a reason", (text) => {
    const r = readNumberWords(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
  });

  it("explains ambiguous shorthand", () => {
    const r = readNumberWords("Một tỷ hai");
    expect(r.ok === false && r.reason).toMatch(/ambiguous/);
  });

  it("rejects a non-string without throwing", () => {
    expect(readNumberWords(undefined as unknown as string).ok).toBe(false);
    expect(readNumberWords(42 as unknown as string).ok).toBe(false);
  });

  it("is linear on long inputs", () => {
    const long = "một trăm ".repeat(50_000);
    const started = performance.now();
    expect(readNumberWords(long).ok).toBe(false);
    expect(readNumberWords(`${"hai mươi ".repeat(50_000)}đồng`).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("writeNumberWords", () => {
  const table: Array<[number, string]> = [
    [0, "không"],
    [1, "một"],
    [5, "năm"],
    [10, "mười"],
    [11, "mười một"],
    [14, "mười bốn"],
    [15, "mười lăm"],
    [20, "hai mươi"],
    [21, "hai mươi mốt"],
    [24, "hai mươi bốn"],
    [25, "hai mươi lăm"],
    [100, "một trăm"],
    [101, "một trăm linh một"],
    [105, "một trăm linh năm"],
    [110, "một trăm mười"],
    [1_005, "một nghìn, không trăm linh năm"],
    [1_001_000, "một triệu, không trăm linh một nghìn"],
    [1_000_500, "một triệu, năm trăm"],
    [125_300_000, "một trăm hai mươi lăm triệu, ba trăm nghìn"],
    [9_753_000_000, "chín tỷ, bảy trăm năm mươi ba triệu"],
    [2_053_000_000, "hai tỷ, không trăm năm mươi ba triệu"],
    [1_000_000_005, "một tỷ, không trăm linh năm"],
    [1_000_000_000_000, "một nghìn tỷ"],
    [1_000_000_000_000_000, "một triệu tỷ"],
    [
      1_234_567_890_123,
      "một nghìn hai trăm ba mươi bốn tỷ, năm trăm sáu mươi bảy triệu, tám trăm chín mươi nghìn, một trăm hai mươi ba",
    ],
    [
      MAX,
      "chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ, hai trăm năm mươi bốn triệu, bảy trăm bốn mươi nghìn, chín trăm chín mươi mốt",
    ],
  ];

  it.each(table)("%d → %j", (n, words) => {
    expect(writeNumberWords(n)).toBe(words);
    expect(writeNumberWords(n, { style: "standard" })).toBe(words);
    expect(valueOf(words)).toBe(n);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1])("throws a RangeError for %d", (n) => {
    expect(() => writeNumberWords(n)).toThrow(RangeError);
  });

  it("capitalizeFirst makes a sentence", () => {
    expect(`${capitalizeFirst(writeNumberWords(9_753_000_000))} đồng`).toBe(
      "Chín tỷ, bảy trăm năm mươi ba triệu đồng",
    );
    expect(capitalizeFirst("")).toBe("");
    expect(capitalizeFirst("đồng")).toBe("Đồng");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const RUNS = { numRuns: 2_000 };
const E15 = 1_000_000_000_000_000;

/** Numbers in 0 … 10^15 biased towards the hard cases: small, round, zeros inside groups. */
const amount: fc.Arbitrary<number> = fc.oneof(
  fc.bigInt(0n, BigInt(E15)).map(Number),
  fc.integer({ min: 0, max: 2_000 }),
  // Digit strings where zeros are frequent, so groups like 0x0, 00x, 000 appear inside the number.
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 9 }) }), {
      minLength: 1,
      maxLength: 15,
    })
    .map((digits) => Number(digits.join(""))),
  fc
    .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom(1, 1e3, 1e6, 1e9, 1e12))
    .map(([group, scale]) => group * scale),
  fc.constantFrom(0, 1, 10, 15, 21, 105, 1_005, 1_000_000_005, E15, MAX),
);

const VOCAB = [
  "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "bẩy", "tám", "chín", "mốt", "tư", "lăm", "nhăm",
  "mười", "mươi", "chục", "trăm", "linh", "lẻ", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "đồng", "chẵn", "VNĐ",
  ",", "./.", "Việt", "Nam", "xin", "9",
];
const wordSoup: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...VOCAB), { maxLength: 14 })
  .map((words) => words.join(" "));

function mixCase(text: string, flips: readonly boolean[]): string {
  return Array.from(text, (ch, i) => (flips[i % Math.max(flips.length, 1)] ? ch.toUpperCase() : ch)).join("");
}

describe("properties", () => {
  it("read(write(n)) = n, with or without commas, capitalised, with a currency suffix", () => {
    fc.assert(
      fc.property(amount, (n) => {
        const words = writeNumberWords(n);
        expect(valueOf(words)).toBe(n);
        expect(valueOf(words.replaceAll(",", ""))).toBe(n);
        expect(valueOf(`${capitalizeFirst(words)} đồng./.`)).toBe(n);
        expect(valueOf(`${words.normalize("NFD")} đồng chẵn`)).toBe(n);
      }),
      RUNS,
    );
  });

  it("write is deterministic, single-spaced and uses only the standard vocabulary", () => {
    const standard = new Set([
      "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mốt", "lăm",
      "mười", "mươi", "trăm", "linh", "nghìn", "triệu", "tỷ",
    ]);
    fc.assert(
      fc.property(amount, (n) => {
        const words = writeNumberWords(n);
        expect(writeNumberWords(n)).toBe(words);
        expect(writeNumberWords(n, { style: "standard" })).toBe(words);
        expect(words).toBe(words.normalize("NFC"));
        expect(words).toMatch(/^\S+(?:,? \S+)*$/u);
        for (const word of words.replaceAll(",", "").split(" ")) expect(standard.has(word)).toBe(true);
      }),
      RUNS,
    );
  });

  it("distinct numbers get distinct readings", () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        fc.pre(a !== b);
        expect(writeNumberWords(a)).not.toBe(writeNumberWords(b));
      }),
      RUNS,
    );
  });

  it("read is case-insensitive", () => {
    fc.assert(
      fc.property(amount, fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (n, flips) => {
        const words = writeNumberWords(n);
        expect(valueOf(words.toUpperCase())).toBe(n);
        expect(valueOf(mixCase(words, flips))).toBe(n);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(wordSoup, (text) => {
        const lower = readNumberWords(text);
        const upper = readNumberWords(text.toUpperCase());
        const nfd = readNumberWords(text.toUpperCase().normalize("NFD"));
        expect(upper.ok).toBe(lower.ok);
        expect(nfd.ok).toBe(lower.ok);
        if (lower.ok && upper.ok && nfd.ok) {
          expect(upper.value).toBe(lower.value);
          expect(nfd.value).toBe(lower.value);
        }
      }),
      RUNS,
    );
  });

  it("never throws, and every accepted reading is a safe integer read from a slice of the input", () => {
    const check = (text: string): void => {
      const r = readNumberWords(text);
      if (r.ok) {
        expect(Number.isSafeInteger(r.value) && r.value >= 0).toBe(true);
        expect(text.includes(r.consumed)).toBe(true);
        // An accepted reading is the standard reading of its value, up to the lenient variants.
        expect(valueOf(writeNumberWords(r.value))).toBe(r.value);
      } else {
        expect(typeof r.reason).toBe("string");
      }
    };
    const lone16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
    for (const arbitrary of [
      fc.string(),
      fc.string({ unit: "binary" }), // full Unicode, the fast-check 4 form of fullUnicodeString
      fc.string({ unit: "grapheme" }),
      lone16,
      wordSoup,
    ]) {
      fc.assert(fc.property(arbitrary, check), RUNS);
    }
  });
});
