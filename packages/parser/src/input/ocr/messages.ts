/**
 * What a clerk reads when a scan cannot be read: Vietnamese first, English after, and no stack
 * traces. Every failure of the OCR adapter leaves through `inputError` or `toInputError`.
 */
import { isKehoachInputError, KehoachInputError, type InputErrorCode } from "../../errors.ts";

export const MESSAGES = {
  notPdf: "Không đọc được tệp: tệp PDF bị hỏng hoặc không phải là PDF. / The file could not be read: the PDF is damaged or is not a PDF.",
  damagedPdf:
    "Tệp PDF bị hỏng hoặc không đầy đủ (có thể tải về chưa hết); một số trang có thể bị thiếu. / The PDF is damaged or incomplete (perhaps not fully downloaded); some pages may be missing.",
  noPages: "Không tìm thấy trang nào trong tệp PDF; tệp có thể bị hỏng. / No pages were found in the PDF; the file may be damaged.",
  encrypted:
    "Tệp PDF được mã hóa (đặt mật khẩu) nên không lấy được ảnh trang. Hãy gửi bản không mã hóa. / The PDF is encrypted, so its page images cannot be read. Please send an unencrypted copy.",
  noImages:
    "Tệp PDF không có ảnh trang nào để nhận dạng chữ (có thể đây là PDF có sẵn chữ, không phải bản quét). / The PDF has no page images to recognise (it may be a text PDF rather than a scan).",
  badImage:
    "Không đọc được ảnh: tệp bị hỏng hoặc không phải ảnh PNG, JPEG, TIFF, BMP. / The image could not be read: it is damaged or is not a PNG, JPEG, TIFF or BMP file.",
  unsupportedImage: (kind: string) =>
    `Định dạng ảnh ${kind} chưa được hỗ trợ; hãy lưu lại thành PNG, JPEG hoặc TIFF. / ${kind} images are not supported; please save the image as PNG, JPEG or TIFF.`,
  noSelectedPages: "Không có trang nào trong số trang được chọn. / None of the selected pages exists in the document.",
  tooManyPages: (pages: number, max: number) =>
    `Tài liệu có ${pages} trang cần nhận dạng, vượt quá giới hạn ${max} trang. / The document has ${pages} pages to recognise, more than the limit of ${max}.`,
  timeout: (ms: number) => {
    const vi = ms < 1000 ? `${ms} mili giây` : `${Math.round(ms / 1000)} giây`;
    const en = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
    return `Nhận dạng chữ mất quá thời gian cho phép (${vi}). / Text recognition took longer than allowed (${en}).`;
  },
  cancelled: "Việc nhận dạng chữ đã bị hủy. / Text recognition was cancelled.",
  engine: (detail: string) =>
    `Không khởi động được bộ nhận dạng chữ (OCR): ${detail}. / The OCR engine could not be started: ${detail}.`,
  allPagesFailed: "Không nhận dạng được trang nào của bản quét. / No page of the scan could be recognised.",
  imageFailed: "Không nhận dạng được chữ trong ảnh; ảnh có thể bị hỏng. / The text in the image could not be recognised; the image may be damaged.",
  empty: "Không nhận dạng được chữ nào trong bản quét (ảnh trắng hoặc quá mờ?). / No text was recognised in the scan (blank or too blurred?).",
  unexpected: "Lỗi không mong muốn khi nhận dạng chữ. / Unexpected error during text recognition.",
} as const;

export function inputError(code: InputErrorCode, message: string, cause?: unknown): KehoachInputError {
  return new KehoachInputError(code, message, cause === undefined ? undefined : { cause });
}

/** Anything thrown inside the adapter, as the one error type callers may see. */
export function toInputError(e: unknown): KehoachInputError {
  if (isKehoachInputError(e)) return e;
  return inputError("ocr-failed", MESSAGES.unexpected, e);
}
