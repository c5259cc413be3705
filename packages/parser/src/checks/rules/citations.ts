import type { Citation, Plan } from "@kehoach/model";
import type { Report, Rule } from "../rule.ts";
import { at } from "../rule.ts";
import { ALL_TYPE_CODES, TYPE_CODES, symbolParts } from "../../vi/document-types.ts";
import { isValidDate, writtenDate } from "../../vi/dates.ts";

const key = (number: string) => number.replace(/\s+/g, "").toUpperCase();

/** The same document number cited with two different dates. */
export const citationDateConflict: Rule = {
  code: "citation-date-conflict",
  severity: "error",
  run(plan) {
    const first = new Map<string, Citation>();
    const reports: Report[] = [];
    for (const citation of plan.citations) {
      if (citation.number === null || citation.date === null) continue;
      const earlier = first.get(key(citation.number));
      if (!earlier) {
        first.set(key(citation.number), citation);
        continue;
      }
      if (earlier.date === citation.date) continue;
      const where = at(earlier.dateSpan ?? earlier.span);
      reports.push({
        message: `${citation.docType ?? "Văn bản"} số ${citation.number} được ghi ngày ${citation.date} ở đây nhưng ngày ${earlier.date} ở ${where.vi}.`,
        messageEn: `${citation.number} is dated ${citation.date} here but ${earlier.date} at ${where.en}.`,
        span: citation.dateSpan ?? citation.span,
        related: [earlier.dateSpan ?? earlier.span],
      });
    }
    return reports;
  },
};

/** `Quyết định số 41/KH-UBND`: the type word says one thing, the symbol another. */
export const citationTypeMismatch: Rule = {
  code: "citation-type-mismatch",
  severity: "error",
  run(plan) {
    return plan.citations.flatMap((citation) => {
      if (citation.docType === null || citation.number === null) return [];
      const expected = TYPE_CODES.get(citation.docType);
      const parts = symbolParts(citation.number);
      const typeCode = parts?.codes.find((code) => ALL_TYPE_CODES.has(code));
      if (!expected || !typeCode || expected.includes(typeCode)) return [];
      return [
        {
          message: `${citation.docType} số ${citation.number}: ký hiệu “${typeCode}” không phải của ${citation.docType.toLowerCase()} (phải là ${expected.join(" hoặc ")}).`,
          messageEn: `${citation.docType} ${citation.number}: type code “${typeCode}” is not that of a ${citation.docType} (expected ${expected.join(" or ")}).`,
          span: citation.span,
        },
      ];
    });
  },
};

/** A date that cannot exist, or a number whose year is not the year of its date. */
export const citationMalformed: Rule = {
  code: "citation-malformed",
  severity: "error",
  run(plan) {
    const reports: Report[] = [];
    for (const citation of plan.citations) {
      const written = citation.dateSpan ? writtenDate(dateText(plan, citation)) : null;
      if (written?.day && written.month && written.year) {
        const [day, month, year] = [Number(written.day), Number(written.month), Number(written.year)];
        if (!isValidDate(day, month, year)) {
          reports.push({
            message: `Ngày ${written.day}/${written.month}/${written.year} của ${citation.number ?? "văn bản được dẫn"} không có thật.`,
            messageEn: `The date ${written.day}/${written.month}/${written.year} of ${citation.number ?? "the cited document"} does not exist.`,
            span: citation.dateSpan,
          });
          continue;
        }
      }
      const parts = citation.number ? symbolParts(citation.number) : null;
      const dateYear = citation.date ? Number(citation.date.slice(0, 4)) : null;
      if (parts?.year && dateYear && parts.year !== dateYear) {
        reports.push({
          message: `Số ${citation.number} mang năm ${parts.year} nhưng được ban hành ngày ${citation.date}.`,
          messageEn: `${citation.number} carries the year ${parts.year} but is dated ${citation.date}.`,
          span: citation.span,
        });
      }
    }
    return reports;
  },
};

function dateText(plan: Plan, citation: Citation): string {
  const span = citation.dateSpan;
  return span ? plan.source.text.slice(span.start.offset, span.end.offset) : "";
}
