import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText, parseText } from "@kehoach/parser";
import type { Plan, Section, Span } from "@kehoach/model";

const RUNS = 200;
const fixtures = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
const seeds = ["000", "001", "002", "003", "004"].map((s) => readFileSync(`${fixtures}seeds/${s}.txt`, "utf8"));

// --- a generator of well-formed plans, and their rendering as plan text ---------------------------

const syllable = fc.constantFrom("thông", "tin", "truyền", "giảm", "nghèo", "bền", "vững", "phát", "triển", "cơ", "sở", "dữ", "liệu", "tuyên", "hỗ", "trợ");
const Place = fc.constantFrom("Lai Châu", "Lạng Sơn", "Tân Yên", "Điện Biên", "Hà Giang", "Cao Bằng");
const words = (min: number, max: number) => fc.array(syllable, { minLength: min, maxLength: max }).map((w) => w.join(" "));
const Day = fc.integer({ min: 1, max: 28 });
const Month = fc.integer({ min: 1, max: 12 });
const Year = fc.integer({ min: 2000, max: 2030 });
const Basis = fc.record({
  docType: fc.constantFrom("Quyết định", "Thông tư", "Công văn", "Nghị quyết", "Kế hoạch"),
  sequence: fc.integer({ min: 1, max: 9999 }),
  code: fc.constantFrom("QĐ-TTg", "TT-BTTTT", "BTTTT-KHTC", "NQ-HĐND", "KH-UBND"),
  day: Day,
  month: Month,
  year: Year,
  slash: fc.boolean(),
  issuer: fc.constantFrom("Thủ tướng Chính phủ", "Bộ Tài chính", "UBND tỉnh Lai Châu", "Bộ Thông tin và Truyền thông"),
  subject: words(2, 8),
});
interface Node {
  heading: string;
  children: Node[];
}
const leaf = words(2, 8).map((heading): Node => ({ heading, children: [] }));
const level2 = fc.record({ heading: words(2, 6), children: fc.array(leaf, { maxLength: 3 }) });
const level1 = fc.record({ heading: words(2, 6), children: fc.array(level2, { maxLength: 3 }) });
const PlanArb = fc.record({
  issuer: fc.constantFrom("UBND TỈNH LAI CHÂU", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "UBND HUYỆN TÂN YÊN"),
  sequence: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
  place: Place,
  day: fc.option(Day, { nil: null }),
  month: Month,
  year: Year,
  title: words(3, 12),
  bases: fc.array(Basis, { maxLength: 12 }),
  sections: fc.array(level1, { minLength: 1, maxLength: 4 }),
  budget: fc.option(fc.integer({ min: 1, max: 999_999 }).map((n) => n * 1000), { nil: null }),
  count: fc.integer({ min: 2, max: 500 }),
  recipients: fc.array(words(2, 5), { minLength: 1, maxLength: 6 }),
  signer: fc.constantFrom("Giàng A Tính", "Dương Xuân Huyền", "Ngô Quốc Hưng"),
});
type Generated = typeof PlanArb extends fc.Arbitrary<infer T> ? T : never;

const ROMAN = ["I", "II", "III", "IV", "V", "VI"];
const LETTERS = ["a", "b", "c", "d", "đ", "e"];
const pad = (n: number) => String(n).padStart(2, "0");
const dotted = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");

function render(p: Generated): string {
  const lines = [p.issuer, `Số: ${p.sequence ?? ""}/KH-UBND`, `${p.place}, ngày ${p.day ?? ""} tháng ${p.month} năm ${p.year}`, "KẾ HOẠCH", capital(p.title)];
  for (const b of p.bases) {
    const date = b.slash ? `${pad(b.day)}/${pad(b.month)}/${b.year}` : `${pad(b.day)} tháng ${pad(b.month)} năm ${b.year}`;
    lines.push(`Căn cứ ${b.docType} số ${b.sequence}/${b.code} ngày ${date} của ${b.issuer} về ${b.subject};`);
  }
  lines.push("UBND tỉnh ban hành Kế hoạch với các nội dung sau:");
  p.sections.forEach((s1, i) => {
    lines.push(`${ROMAN[i]}. ${s1.heading.toUpperCase()}`);
    s1.children.forEach((s2, j) => {
      lines.push(`${j + 1}. ${capital(s2.heading)}`);
      s2.children.forEach((s3, k) => lines.push(`${LETTERS[k]}) ${capital(s3.heading)} cho ${p.count} cán bộ.`));
    });
  });
  if (p.budget !== null) lines.push(`Tổng kinh phí thực hiện: ${dotted(p.budget)} đồng.`);
  lines.push("Các cơ quan tổ chức thực hiện./.", "Nơi nhận:");
  for (const r of p.recipients) lines.push(`- ${capital(r)};`);
  lines.push("- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", p.signer);
  return lines.join("\n");
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function outline(sections: Section[]): string[] {
  return sections.flatMap((s) => [`${s.label}:${s.heading}`, ...outline(s.children).map((l) => `  ${l}`)]);
}

function expectedOutline(p: Generated): string[] {
  return p.sections.flatMap((s1, i) => [
    `${ROMAN[i]}:${s1.heading.toUpperCase()}`,
    ...s1.children.flatMap((s2, j) => [
      `  ${j + 1}:${capital(s2.heading)}`,
      ...s2.children.map((s3, k) => `    ${LETTERS[k]}:${capital(s3.heading)} cho ${p.count} cán bộ.`),
    ]),
  ]);
}

describe("round trip: generated plan → text → parse → same model", () => {
  it(`holds for ${RUNS} random plans`, () => {
    fc.assert(
      fc.property(PlanArb, (p) => {
        const plan = parseText(render(p));
        expect(plan.issuer?.name).toBe(p.issuer);
        expect(plan.number).toMatchObject({ sequence: p.sequence, typeCode: "KH", issuerCode: "UBND" });
        expect(plan.place?.name).toBe(p.place);
        expect(plan.date).toMatchObject({ day: p.day, month: p.month, year: p.year });
        expect(plan.title).toBe(capital(p.title));
        expect(plan.legalBases.map((b) => [b.docType, b.number, b.date, b.issuer, b.subject])).toEqual(
          p.bases.map((b) => [b.docType, `${b.sequence}/${b.code}`, `${b.year}-${pad(b.month)}-${pad(b.day)}`, b.issuer, `về ${b.subject}`]),
        );
        expect(outline(plan.sections)).toEqual(expectedOutline(p));
        expect(plan.budget.total?.amount ?? null).toBe(p.budget);
        const counted = p.sections.flatMap((s) => s.children.flatMap((c) => c.children)).length;
        expect(plan.quantities.filter((q) => q.unit === "cán bộ" && q.value === p.count)).toHaveLength(counted);
        expect(plan.recipients.map((r) => r.text)).toEqual([...p.recipients.map((r) => `${capital(r)};`), "Lưu: VT."]);
        expect(plan.signature).toMatchObject({ authority: "TM. ỦY BAN NHÂN DÂN", delegation: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", signer: p.signer });
      }),
      { numRuns: RUNS },
    );
  });
});

// --- totality -------------------------------------------------------------------------------------

function spansOf(value: unknown, into: Span[] = []): Span[] {
  if (Array.isArray(value)) for (const item of value) spansOf(item, into);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const start = record["start"] as { offset?: unknown } | undefined;
    if (start && typeof start.offset === "number" && record["end"]) into.push(record as unknown as Span);
    for (const [key, item] of Object.entries(record)) if (key !== "source") spansOf(item, into);
  }
  return into;
}

function expectWellFormed(plan: Plan): void {
  const length = plan.source.text.length;
  for (const span of spansOf(plan)) {
    expect(span.start.offset).toBeGreaterThanOrEqual(0);
    expect(span.end.offset).toBeGreaterThanOrEqual(span.start.offset);
    expect(span.end.offset).toBeLessThanOrEqual(length);
  }
  expect(plan.findings.filter((f) => f.code === "internal-error")).toEqual([]);
}

const mutation = fc.record({
  seed: fc.integer({ min: 0, max: seeds.length - 1 }),
  at: fc.nat(),
  cut: fc.nat({ max: 400 }),
  insert: fc.string({ maxLength: 40 }),
});

describe("totality: no input throws, every span lies inside source.text", () => {
  it("arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => expectWellFormed(parseText(text))), { numRuns: RUNS });
  });
  it("arbitrary unicode", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => expectWellFormed(parseText(text))), { numRuns: RUNS });
  });
  it("mutated seeds", () => {
    fc.assert(
      fc.property(mutation, ({ seed, at, cut, insert }) => {
        const text = seeds[seed] as string;
        const where = at % (text.length + 1);
        expectWellFormed(parseText(text.slice(0, where) + insert + text.slice(where + cut)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("normalisation is idempotent", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const once = normalizeText(text).text;
        expect(normalizeText(once).text).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });
  it("on mutated seeds", () => {
    fc.assert(
      fc.property(mutation, ({ seed, at, cut, insert }) => {
        const text = seeds[seed] as string;
        const where = at % (text.length + 1);
        const once = normalizeText(text.slice(0, where) + insert + text.slice(where + cut)).text;
        expect(normalizeText(once).text).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });
});
