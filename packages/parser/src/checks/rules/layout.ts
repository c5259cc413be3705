import type { Rule } from "../rule.ts";
import { TYPE_CODE_BY_KIND, TYPE_CODES_OF_KIND, symbolParts } from "../../vi/document-types.ts";
import { NAME_ONLY_TYPES, NAMED_TYPES } from "../../vi/layout.ts";
import { isDateInFigures, isValidDate, writtenDate } from "../../vi/dates.ts";
import { isActingPrefix, isDeputyPosition, isPartyMotto, prefixCode } from "../../vi/layout.ts";

/** `Số: 5/KH-UBND` → `Số: 05/KH-UBND`: numbers below 10 take a leading zero. */
export const numberPadding: Rule = {
  code: "number-padding",
  severity: "warning",
  run(plan) {
    const number = plan.number;
    if (!number || number.sequence === null || number.sequence >= 10) return [];
    if (/^0\d/.test(number.raw.replace(/\s+/g, ""))) return [];
    return [
      {
        message: `Số văn bản nhỏ hơn 10 phải thêm số 0 phía trước: “${number.raw}” → “0${number.raw.trim()}”.`,
        messageEn: `A number below 10 takes a leading zero: “${number.raw}” → “0${number.raw.trim()}”.`,
        span: number.span,
      },
    ];
  },
};

/** Days below 10 and months 1–2 take a leading zero; months 3–12 do not (`ngày 05 tháng 3`). */
export const datePadding: Rule = {
  code: "date-padding",
  severity: "warning",
  run(plan) {
    const date = plan.date;
    const written = date ? writtenDate(date.raw) : null;
    // A date in figures is told how to write it out, padding included (date-in-figures).
    if (!date || !written || isDateInFigures(date.raw)) return [];
    const problems: { vi: string; en: string }[] = [];
    if (written.day && Number(written.day) < 10 && written.day.length === 1) {
      problems.push({ vi: `ngày ${written.day} phải viết 0${written.day}`, en: `day ${written.day} should be 0${written.day}` });
    }
    if (written.month) {
      const month = Number(written.month);
      if (month <= 2 && written.month.length === 1) problems.push({ vi: `tháng ${month} phải viết 0${month}`, en: `month ${month} should be 0${month}` });
      if (month >= 3 && written.month.startsWith("0")) problems.push({ vi: `tháng ${written.month} phải viết ${month}`, en: `month ${written.month} should be ${month}` });
    }
    if (problems.length === 0) return [];
    return [
      {
        message: `Ngày tháng chưa đúng thể thức: ${problems.map((p) => p.vi).join("; ")}.`,
        messageEn: `Date not in the standard form: ${problems.map((p) => p.en).join("; ")}.`,
        span: date.span,
      },
    ];
  },
};

/** The date of issue is one the calendar has: `ngày 31 tháng 02 năm 2025` is a typing slip, whatever its form. */
export const dateInvalid: Rule = {
  code: "date-invalid",
  severity: "error",
  run(plan) {
    const date = plan.date;
    if (!date || date.day === null || date.month === null || date.year === null) return [];
    if (isValidDate(date.day, date.month, date.year)) return [];
    return [
      {
        message: `Ngày ban hành không có thật: ngày ${date.day} tháng ${date.month} năm ${date.year}.`,
        messageEn: `The date of issue does not exist: day ${date.day} of month ${date.month} of ${date.year}.`,
        span: date.span,
      },
    ];
  },
};

/** The date of issue is written out (`ngày 10 tháng 02 năm 2025`), not in figures (`10/02/2025`). */
export const dateInFigures: Rule = {
  code: "date-in-figures",
  severity: "warning",
  run(plan) {
    const date = plan.date;
    if (!date || !isDateInFigures(date.raw) || date.day === null || date.month === null || date.year === null) return [];
    const pad = (n: number, upTo: number) => (n <= upTo && n < 10 ? `0${n}` : String(n));
    const written = `ngày ${pad(date.day, 31)} tháng ${pad(date.month, 2)} năm ${date.year}`;
    return [
      {
        message: `Ngày ban hành viết bằng số (“${date.raw.trim()}”); thể thức là “${written}”.`,
        messageEn: `The date of issue is in figures (“${date.raw.trim()}”); the standard form is “${written}”.`,
        span: date.span,
      },
    ];
  },
};

/** The plan's own symbol must carry the type code of its type heading: KẾ HOẠCH → …/KH-…. */
export const symbolTypeMismatch: Rule = {
  code: "symbol-type-mismatch",
  severity: "error",
  run(plan) {
    const expected = TYPE_CODE_BY_KIND.get(plan.kind);
    // Without a type code (`12/UBND-VX`, a letter's symbol), the first code stands where it should be.
    const actual = plan.number ? (plan.number.typeCode ?? symbolParts(plan.number.raw)?.codes[0] ?? null) : null;
    if (!expected || !actual || !plan.number || actual === expected || TYPE_CODES_OF_KIND.get(plan.kind)?.has(actual) === true) return [];
    return [
      {
        message: `Ký hiệu “${plan.number.raw}” mang mã ${actual} nhưng văn bản là ${plan.docType?.text ?? plan.kind} (mã ${expected}).`,
        messageEn: `The symbol “${plan.number.raw}” carries ${actual} but the document is a ${plan.docType?.text ?? plan.kind} (code ${expected}).`,
        span: plan.number.span,
        related: plan.docType ? [plan.docType.span] : [],
      },
    ];
  },
};

/** TM./KT./Q./TL./TUQ. and the lines that must go with them. */
export const signatureAuthority: Rule = {
  code: "signature-authority",
  severity: "warning",
  run(plan) {
    const s = plan.signature;
    if (!s) return [];
    const problems: { vi: string; en: string }[] = [];
    const delegation = s.delegation?.split(" ")[0] ?? null;
    // `Q. CHỦ TỊCH` is the acting head's own title: the name comes right under it.
    if (delegation && s.position === null && !isActingPrefix(prefixCode(delegation))) {
      problems.push({ vi: `có “${s.delegation}” nhưng thiếu chức vụ người ký bên dưới`, en: `“${s.delegation}” has no signer's position under it` });
    }
    if (delegation === "KT." && s.position !== null && !isDeputyPosition(s.position)) {
      problems.push({ vi: `ký thay (KT.) nhưng chức vụ “${s.position}” không phải cấp phó`, en: `signed for (KT.) but “${s.position}” is not a deputy` });
    }
    if (s.authority && !s.delegation && s.position === null) {
      problems.push({ vi: `có “${s.authority}” nhưng thiếu chức vụ người ký`, en: `“${s.authority}” has no signer's position` });
    }
    if (problems.length === 0) return [];
    return [
      {
        message: `Thẩm quyền ký chưa đúng: ${problems.map((p) => p.vi).join("; ")}.`,
        messageEn: `Signing authority not right: ${problems.map((p) => p.en).join("; ")}.`,
        span: s.span,
      },
    ];
  },
};

/** The recipients list closes with `Lưu: VT, …` (a Party committee's with `Lưu Văn phòng …`). */
export const recipientsArchiveMissing: Rule = {
  code: "recipients-archive-missing",
  severity: "warning",
  run(plan) {
    const last = plan.recipients[plan.recipients.length - 1];
    if (!last || /^Lưu\s*(?::\s*)?VT(?![A-Za-zÀ-ỹ])/i.test(last.text)) return [];
    if (plan.motto !== null && isPartyMotto(plan.motto.text) && /^Lưu\b/u.test(last.text)) return [];
    return [
      {
        message: `Nơi nhận phải kết thúc bằng dòng lưu văn bản “Lưu: VT, …”; dòng cuối là “${last.text}”.`,
        messageEn: `The recipients list should end with the archive line “Lưu: VT, …”; it ends with “${last.text}”.`,
        span: last.span,
      },
    ];
  },
};

/** Each legal basis on its own line, with type, number, date and issuer, ending in `;`. */
export const basisFormat: Rule = {
  code: "basis-format",
  severity: "info",
  run(plan) {
    const text = plan.source.text;
    return plan.legalBases.flatMap((basis, index) => {
      const problems: { vi: string; en: string }[] = [];
      // A law, code or ordinance is cited by its name and date (NĐ 30/2020 Phụ lục I): no number is
      // needed when the name is there, and its issuer (the National Assembly) is never written.
      const named = basis.docType !== null && NAMED_TYPES.has(basis.docType);
      if (!basis.docType) problems.push({ vi: "thiếu tên loại", en: "no document type" });
      if (!basis.number && !(named && basis.subject)) problems.push({ vi: "thiếu số, ký hiệu", en: "no number" });
      // The Constitution is named by its year alone (`Hiến pháp năm 2013`).
      const nameOnly = basis.docType !== null && NAME_ONLY_TYPES.has(basis.docType);
      if (!basis.date && !nameOnly) problems.push({ vi: "thiếu ngày ban hành", en: "no date" });
      if (!basis.issuer && !named) problems.push({ vi: "thiếu cơ quan ban hành", en: "no issuing body" });
      const previous = plan.legalBases[index - 1];
      if (previous && previous.span.start.line === basis.span.start.line) {
        problems.push({ vi: "viết chung dòng với căn cứ trước", en: "shares a line with the previous basis" });
      }
      const lineEnd = text.indexOf("\n", basis.span.end.offset);
      const tail = text.slice(basis.span.end.offset, lineEnd === -1 ? text.length : lineEnd).trim();
      const next = plan.legalBases[index + 1];
      const lastOnLine = !next || next.span.start.line !== basis.span.start.line;
      // `Thực hiện Kế hoạch số …,` / `Sở Nội vụ ban hành Kế hoạch …:`: the last basis runs on into the issuing sentence.
      const intoIssuance = !next && plan.issuance !== null && plan.issuance.span.start.offset >= basis.span.end.offset && /^,?$/.test(tail);
      if (lastOnLine && !intoIssuance && !/^[;.]/.test(tail) && tail.length <= 1) {
        problems.push({ vi: "không kết thúc bằng dấu “;”", en: "does not end with “;”" });
      }
      if (problems.length === 0) return [];
      const name = basis.number ?? shortened(basis.raw, 40);
      return [
        {
          message: `Căn cứ ${name} chưa đúng thể thức: ${problems.map((p) => p.vi).join("; ")}.`,
          messageEn: `Legal basis ${name} is not in the standard form: ${problems.map((p) => p.en).join("; ")}.`,
          span: basis.span,
        },
      ];
    });
  },
};

/** At most `limit` characters of `text`, cut between words (with `…` when cut), never inside a word. */
function shortened(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= limit) return flat;
  const cut = flat.lastIndexOf(" ", limit);
  let end = cut > 0 ? cut : limit;
  // Separators before the cut go too (a loop: an unanchored `[…]+$` is quadratic on a run of them).
  while (end > 0 && " ,;:".includes(flat[end - 1] as string)) end--;
  return `${flat.slice(0, end)}…`;
}
