import type { FindingCode, Plan, Span } from "@kehoach/model";
import type { Report, Rule } from "../rule.ts";

/** Components the layout standard (Nghị định 30/2020/NĐ-CP, Phụ lục I) requires of every plan. */
function missing(code: FindingCode, check: (plan: Plan) => Report[]): Rule {
  return { code, severity: "warning", run: check };
}

/** OCR marked a number over this span as unreadable (handwritten, stamped): not read, rather than left blank. */
function unreadOnScan(plan: Plan, span: Span): boolean {
  return plan.findings.some((f) => f.code === "ocr-uncertain-number" && f.span !== null && f.span.start.offset < span.end.offset && f.span.end.offset > span.start.offset);
}

export const missingNumber = missing("missing-number", (plan) => {
  if (!plan.number) {
    return [{ message: "Không có số, ký hiệu văn bản (Số: …).", messageEn: "The plan has no number and symbol (Số: …).", span: null }];
  }
  if (plan.number.sequence === null && unreadOnScan(plan, plan.number.span)) {
    return [
      {
        severity: "info",
        message: `Số văn bản trên bản quét không đọc được (viết tay hoặc đóng dấu): ${plan.number.raw}.`,
        messageEn: `The number on the scan could not be read (handwritten or stamped): ${plan.number.raw}.`,
        span: plan.number.span,
      },
    ];
  }
  if (plan.number.sequence === null) {
    return [
      {
        severity: "info",
        message: `Văn bản là dự thảo: số văn bản để trống (${plan.number.raw}).`,
        messageEn: `The plan is a draft: its number is left blank (${plan.number.raw}).`,
        span: plan.number.span,
      },
    ];
  }
  if (plan.number.typeCode === null && plan.number.issuerCode === null) {
    return [
      {
        message: `Số văn bản không có ký hiệu (${plan.number.raw}): thiếu mã loại văn bản và mã cơ quan ban hành.`,
        messageEn: `The plan's number has no symbol (${plan.number.raw}): no type code and no issuer code.`,
        span: plan.number.span,
      },
    ];
  }
  return [];
});

export const missingDate = missing("missing-date", (plan) => {
  if (!plan.date) {
    return [{ message: "Không có địa danh, ngày tháng năm ban hành.", messageEn: "The plan has no place and date of issue.", span: null }];
  }
  if ((plan.date.day === null || plan.date.month === null) && unreadOnScan(plan, plan.date.span)) {
    return [
      {
        severity: "info",
        message: `Ngày ban hành trên bản quét không đọc được (viết tay hoặc đóng dấu): ${plan.date.raw}.`,
        messageEn: `The date on the scan could not be read (handwritten or stamped): ${plan.date.raw}.`,
        span: plan.date.span,
      },
    ];
  }
  if (plan.date.day === null || plan.date.month === null) {
    return [
      {
        severity: "info",
        message: `Văn bản là dự thảo: ngày ban hành để trống (${plan.date.raw}).`,
        messageEn: `The plan is a draft: its date is left blank (${plan.date.raw}).`,
        span: plan.date.span,
      },
    ];
  }
  return [];
});

export const missingIssuer = missing("missing-issuer", (plan) =>
  plan.issuer ? [] : [{ message: "Không có tên cơ quan ban hành ở đầu văn bản.", messageEn: "The header names no issuing body.", span: null }],
);

export const missingSignature = missing("missing-signature", (plan) => {
  if (!plan.signature) return [{ message: "Không có phần chữ ký (thẩm quyền, chức vụ, người ký).", messageEn: "The plan has no signature block.", span: null }];
  if (plan.signature.signer === null) {
    return [{ message: "Phần chữ ký không có họ tên người ký.", messageEn: "The signature block names no signer.", span: plan.signature.span }];
  }
  return [];
});

export const missingRecipients = missing("missing-recipients", (plan) =>
  plan.recipients.length > 0 ? [] : [{ message: "Không có phần nơi nhận.", messageEn: "The plan has no recipients list (Nơi nhận).", span: null }],
);
