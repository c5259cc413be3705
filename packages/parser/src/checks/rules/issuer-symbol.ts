import type { Rule, Report } from "../rule.ts";
import { ALL_TYPE_CODES, symbolParts } from "../../vi/document-types.ts";
import { ISSUER_CODES, ISSUER_TITLES } from "../../vi/issuer-codes.ts";
import { compareWords } from "../../vi/abbreviations.ts";

/**
 * `Thông tư số 46/2022/TT-BTTTT … của Bộ Tài chính`: the issuer named in words is not the one whose code
 * the symbol carries (Bộ Tài chính numbers its circulars …/TT-BTC). Also the plan's own issuer against
 * its own symbol, and a symbol of its own with no issuer code at all (`Số: 12/KH`). An issuer missing from the
 * table (vi/issuer-codes.ts) is never an error.
 */
export const issuerSymbolMismatch: Rule = {
  code: "issuer-symbol-mismatch",
  severity: "error",
  run(plan) {
    const reports: Report[] = [];
    for (const citation of plan.citations) {
      if (!citation.issuer || !citation.number) continue;
      const problem = mismatch(citation.issuer, citation.number);
      if (!problem) continue;
      reports.push({
        message: `${citation.docType ?? "Văn bản"} số ${citation.number} được ghi là của ${citation.issuer}, nhưng ký hiệu mang mã ${problem.actual.join("-")} chứ không phải ${problem.expected.join(" hoặc ")}.`,
        messageEn: `${citation.number} is cited as issued by ${citation.issuer}, but its symbol carries ${problem.actual.join("-")}, not ${problem.expected.join(" or ")}.`,
        span: citation.span,
      });
    }
    // `Số: 12/KH`: the plan's own symbol names its type but not who issued it.
    if (plan.number && plan.number.typeCode !== null && plan.number.issuerCode === null) {
      const expected = plan.issuer ? issuerCodes(plan.issuer.name)?.codes : undefined;
      const example = `${plan.number.raw.trim()}-${expected?.[0] ?? "UBND"}`;
      reports.push({
        message: `Ký hiệu “${plan.number.raw}” thiếu chữ viết tắt tên cơ quan ban hành (ví dụ “${example}”).`,
        messageEn: `The symbol “${plan.number.raw}” lacks the issuer's abbreviation (e.g. “${example}”).`,
        span: plan.number.span,
        related: plan.issuer ? [plan.issuer.span] : [],
      });
    }
    if (plan.issuer && plan.number) {
      const problem = mismatch(plan.issuer.name, plan.number.raw);
      if (problem) {
        reports.push({
          message: `Ký hiệu “${plan.number.raw}” mang mã ${problem.actual.join("-")} nhưng cơ quan ban hành là ${plan.issuer.name} (mã ${problem.expected.join(" hoặc ")}).`,
          messageEn: `The symbol “${plan.number.raw}” carries ${problem.actual.join("-")} but the issuer is ${plan.issuer.name} (code ${problem.expected.join(" or ")}).`,
          span: plan.number.span,
          related: [plan.issuer.span],
        });
      }
    }
    return reports;
  },
};

interface Known {
  words: readonly string[];
  codes: readonly string[];
  numbered: boolean;
}

const KNOWN: Known[] = ISSUER_CODES.flatMap((entry) =>
  entry.names.map((name) => ({ words: compareWords(name), codes: entry.codes, numbered: entry.numbered === true })),
).sort((a, b) => b.words.length - a.words.length);
const TITLES = ISSUER_TITLES.map(({ title, codes }) => ({ words: compareWords(title), codes: codes ?? [] })).sort(
  (a, b) => b.words.length - a.words.length,
);
const TYPE_CODES = new Set([...ALL_TYPE_CODES].map((code) => fold(code)));

/** Upper-case, `Đ` as `D`: `BKHĐT` and `BKHDT` are the same code. */
function fold(code: string): string {
  return code.normalize("NFC").toUpperCase().replace(/Đ/g, "D");
}

const startsWith = (words: readonly string[], prefix: readonly string[]) => prefix.every((w, k) => words[k] === w);

/** The codes an issuer in words may carry; null when the issuer is not in the table. */
export function issuerCodes(issuer: string): { codes: string[]; numbered: Set<string> } | null {
  let words = compareWords(issuer);
  const extra: string[] = [];
  for (let guard = 0; guard < 4; guard++) {
    const known = KNOWN.find((entry) => startsWith(words, entry.words));
    if (known) {
      const codes = [...known.codes, ...extra];
      return { codes, numbered: new Set(known.numbered ? known.codes.map(fold) : []) };
    }
    const title = TITLES.find((t) => startsWith(words, t.words) && words.length > t.words.length);
    if (!title) return null;
    words = words.slice(title.words.length);
    extra.push(...title.codes);
  }
  return null;
}

function mismatch(issuer: string, number: string): { actual: string[]; expected: string[] } | null {
  const expected = issuerCodes(issuer);
  const parts = symbolParts(number);
  if (!expected || !parts) return null;
  const codes = parts.codes.filter((code) => !TYPE_CODES.has(fold(code)));
  if (codes.length === 0) return null;
  const matches = (code: string) =>
    expected.codes.some((want) => {
      const a = fold(code);
      const b = fold(want);
      return a === b || (expected.numbered.has(b) && a.startsWith(b) && /^\d+$/.test(a.slice(b.length)));
    });
  if (codes.some(matches)) return null;
  return { actual: codes, expected: expected.codes };
}
