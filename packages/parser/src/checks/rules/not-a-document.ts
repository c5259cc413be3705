import type { Rule } from "../rule.ts";

/**
 * A file with nothing of an administrative text in it — a README, source code, a letter — still
 * gives a Plan; this says why it is empty, and lets a folder walk skip it.
 */
export const notADocument: Rule = {
  code: "not-a-document",
  severity: "warning",
  run(plan) {
    const hallmarks = [plan.issuer, plan.motto, plan.number, plan.date, plan.docType, plan.signature, plan.legalBases[0]];
    if (hallmarks.some((part) => part !== null && part !== undefined)) return [];
    return [
      {
        message: "Không phải văn bản hành chính: không thấy cơ quan ban hành, quốc hiệu, số, ngày, tên loại, căn cứ hay chữ ký.",
        messageEn: "Not an administrative text: no issuer, motto, number, date, type heading, legal basis or signature was found.",
        span: null,
      },
    ];
  },
};
