import fc from "fast-check";
import { capitalizeFirst, writeNumberWords } from "../../src/vi/number-words.ts";

/**
 * Random but well-formed plans — consistent in every way the checks look at — and their rendering as
 * plan text in the national layout. Used by the round-trip property and by the checks' properties.
 */
const syllable = fc.constantFrom("thông", "tin", "truyền", "giảm", "nghèo", "bền", "vững", "phát", "triển", "cơ", "sở", "dữ", "liệu", "tuyên", "hỗ", "trợ");
const Place = fc.constantFrom("Lai Châu", "Lạng Sơn", "Tân Yên", "Điện Biên", "Hà Giang", "Cao Bằng");
const words = (min: number, max: number) => fc.array(syllable, { minLength: min, maxLength: max }).map((w) => w.join(" "));
const Day = fc.integer({ min: 1, max: 28 });
const Month = fc.integer({ min: 1, max: 12 });

/** Document types, symbols and issuers that agree with each other. */
const SOURCES = [
  { docType: "Quyết định", code: "QĐ-TTg", issuer: "Thủ tướng Chính phủ", yearInNumber: false },
  { docType: "Thông tư", code: "TT-BTTTT", issuer: "Bộ Thông tin và Truyền thông", yearInNumber: true },
  { docType: "Thông tư", code: "TT-BTC", issuer: "Bộ Tài chính", yearInNumber: true },
  { docType: "Công văn", code: "BTTTT-KHTC", issuer: "Bộ Thông tin và Truyền thông", yearInNumber: false },
  { docType: "Nghị quyết", code: "NQ-HĐND", issuer: "Hội đồng nhân dân tỉnh", yearInNumber: true },
  { docType: "Kế hoạch", code: "KH-UBND", issuer: "UBND tỉnh Lai Châu", yearInNumber: false },
] as const;

const Basis = fc.record({
  source: fc.constantFrom(...SOURCES),
  sequence: fc.integer({ min: 1, max: 999 }),
  day: Day,
  month: Month,
  year: fc.integer({ min: 2000, max: 2024 }),
  slash: fc.boolean(),
  subject: words(2, 8),
});
export interface Node {
  heading: string;
  children: Node[];
}
const leaf = words(2, 8).map((heading): Node => ({ heading, children: [] }));
const level2 = fc.record({ heading: words(2, 6), children: fc.array(leaf, { maxLength: 3 }) });
const level1 = fc.record({ heading: words(2, 6), children: fc.array(level2, { maxLength: 3 }) });

export const PlanArb = fc.record({
  issuer: fc.constantFrom("UBND TỈNH LAI CHÂU", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "UBND HUYỆN TÂN YÊN"),
  sequence: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
  place: Place,
  day: fc.option(Day, { nil: null }),
  month: Month,
  year: fc.integer({ min: 2025, max: 2030 }),
  title: words(3, 12),
  bases: fc.array(Basis, { maxLength: 12 }),
  sections: fc.array(level1, { minLength: 1, maxLength: 4 }),
  budget: fc.option(fc.integer({ min: 1, max: 999_999 }).map((n) => n * 1000), { nil: null }),
  count: fc.integer({ min: 2, max: 500 }),
  recipients: fc.array(words(2, 5), { minLength: 1, maxLength: 6 }),
  signer: fc.constantFrom("Giàng A Tính", "Dương Xuân Huyền", "Ngô Quốc Hưng"),
});
export type Generated = typeof PlanArb extends fc.Arbitrary<infer T> ? T : never;
export type GeneratedBasis = Generated["bases"][number];

export const ROMAN = ["I", "II", "III", "IV", "V", "VI"];
export const LETTERS = ["a", "b", "c", "d", "đ", "e"];
export const pad = (n: number) => String(n).padStart(2, "0");
/** The standard form of a month: 01 and 02 padded, 3–12 not. */
const month = (n: number) => (n <= 2 ? pad(n) : String(n));
const dotted = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Each basis gets its own sequence number so that no two are the same document. */
export function basisNumber(b: GeneratedBasis, index: number): string {
  const sequence = b.sequence * 100 + index;
  return b.source.yearInNumber ? `${sequence}/${b.year}/${b.source.code}` : `${sequence}/${b.source.code}`;
}

export function basisLine(b: GeneratedBasis, index: number): string {
  const date = b.slash ? `${pad(b.day)}/${pad(b.month)}/${b.year}` : `${pad(b.day)} tháng ${month(b.month)} năm ${b.year}`;
  return `Căn cứ ${b.source.docType} số ${basisNumber(b, index)} ngày ${date} của ${b.source.issuer} về ${b.subject};`;
}

export function sectionLines(p: Generated): string[] {
  const lines: string[] = [];
  p.sections.forEach((s1, i) => {
    lines.push(`${ROMAN[i]}. ${s1.heading.toUpperCase()}`);
    s1.children.forEach((s2, j) => {
      lines.push(`${j + 1}. ${capital(s2.heading)}`);
      s2.children.forEach((s3, k) => lines.push(`${LETTERS[k]}) ${capital(s3.heading)} cho ${p.count} cán bộ.`));
    });
  });
  return lines;
}

export function budgetLine(amount: number): string {
  return `Tổng kinh phí thực hiện: ${dotted(amount)} đồng (${capitalizeFirst(writeNumberWords(amount))} đồng).`;
}

export function render(p: Generated): string {
  const number = p.sequence === null ? "" : p.sequence < 10 ? pad(p.sequence) : String(p.sequence);
  const day = p.day === null ? "" : pad(p.day);
  // A department numbers its plans with its own code, a People's Committee with UBND.
  const lines = [p.issuer, `Số: ${number}/KH-${p.issuer.startsWith("SỞ") ? "STTTT" : "UBND"}`, `${p.place}, ngày ${day} tháng ${month(p.month)} năm ${p.year}`, "KẾ HOẠCH", capital(p.title)];
  p.bases.forEach((b, i) => lines.push(basisLine(b, i)));
  lines.push("UBND tỉnh ban hành Kế hoạch với các nội dung sau:", ...sectionLines(p));
  if (p.budget !== null) lines.push(budgetLine(p.budget));
  lines.push("Các cơ quan tổ chức thực hiện./.", "Nơi nhận:");
  for (const r of p.recipients) lines.push(`- ${capital(r)};`);
  lines.push("- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", p.signer);
  return lines.join("\n");
}

export function expectedOutline(p: Generated): string[] {
  return p.sections.flatMap((s1, i) => [
    `${ROMAN[i]}:${s1.heading.toUpperCase()}`,
    ...s1.children.flatMap((s2, j) => [
      `  ${j + 1}:${capital(s2.heading)}`,
      ...s2.children.map((s3, k) => `    ${LETTERS[k]}:${capital(s3.heading)} cho ${p.count} cán bộ.`),
    ]),
  ]);
}
