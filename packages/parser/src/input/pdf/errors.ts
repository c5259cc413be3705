import { KehoachInputError } from "../../errors.ts";

// Clerk-facing messages: Vietnamese first (the users), English after (the logs and the developers).

export function corruptPdf(detail: string, cause?: unknown): KehoachInputError {
  return new KehoachInputError(
    "corrupt-file",
    `Tệp PDF bị hỏng, bị cắt cụt hoặc không phải tệp PDF (${detail}). Hãy tải lại tệp gốc hoặc in lại ra PDF. / ` +
      `The PDF file is damaged, truncated or not a PDF (${detail}); download the original again or print it to PDF again.`,
    cause === undefined ? undefined : { cause },
  );
}

export function encryptedPdf(cause?: unknown): KehoachInputError {
  return new KehoachInputError(
    "encrypted-pdf",
    "Tệp PDF có mật khẩu nên không đọc được. Hãy mở tệp bằng mật khẩu rồi in lại ra PDF không đặt mật khẩu " +
      "(hoặc xin bản không mật khẩu từ nơi gửi). / " +
      "The PDF is password-protected and cannot be read; open it with its password and print it to a new PDF without one.",
    cause === undefined ? undefined : { cause },
  );
}

export function tooManyPages(pages: number, max: number): KehoachInputError {
  return new KehoachInputError(
    "too-many-pages",
    `Tệp PDF có ${pages} trang, vượt giới hạn ${max} trang. Hãy tách riêng phần kế hoạch ra một tệp. / ` +
      `The PDF has ${pages} pages, more than the limit of ${max}; split the plan out into its own file.`,
  );
}

export function timedOut(ms: number): KehoachInputError {
  return new KehoachInputError(
    "timeout",
    `Đọc tệp PDF quá lâu (quá ${Math.round(ms / 1000)} giây) nên đã dừng. Tệp có thể quá lớn hoặc bị lỗi. / ` +
      `Reading the PDF took longer than ${ms} ms and was stopped; the file may be too large or malformed.`,
  );
}
