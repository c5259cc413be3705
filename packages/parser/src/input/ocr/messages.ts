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
  renderUnavailable: (detail: string) =>
    `Không vẽ được trang PDF thành ảnh để nhận dạng chữ: thiếu thư viện vẽ (@napi-rs/canvas trong Node, OffscreenCanvas trong trình duyệt) hoặc thư viện không chạy được trên máy này. / ` +
    `PDF pages could not be rendered for text recognition: the rendering library (@napi-rs/canvas in Node, OffscreenCanvas in a browser) is missing or does not run on this machine (${detail}).`,
  renderSkipped: (pages: readonly number[], detail: string) =>
    `Không vẽ được trang ${pages.join(", ")} (trang không có ảnh quét) nên các trang này bị bỏ qua. / ` +
    `Page(s) ${pages.join(", ")} (no scanned image) could not be rendered and were skipped: ${detail}`,
  rendered: (pages: readonly number[]) =>
    `Trang ${pages.join(", ")} được vẽ lại từ nội dung PDF (không phải ảnh quét) rồi nhận dạng chữ. / ` +
    `Page(s) ${pages.join(", ")} were rendered from the PDF's content (not a scanned image) and then recognised.`,
  renderScaledDown: (page: number, dpi: number) =>
    `Trang ${page} quá khổ nên được vẽ ở độ phân giải thấp hơn (${Math.round(dpi)} dpi). / Page ${page} is oversized and was rendered at a lower resolution (${Math.round(dpi)} dpi).`,
  renderTurned: (page: number) =>
    `Trang ${page} hiển thị bị xoay ngang hoặc lộn ngược; đã đọc theo chiều của chữ. / Page ${page} is displayed sideways or upside down; it was read the way its text runs.`,
  badRenderOption: (value: string) =>
    `Tùy chọn render không hợp lệ: "${value}" (dùng "auto", "always" hoặc "never"). / Invalid render option "${value}" (use "auto", "always" or "never").`,
} as const;

export function inputError(code: InputErrorCode, message: string, cause?: unknown): KehoachInputError {
  return new KehoachInputError(code, message, cause === undefined ? undefined : { cause });
}

/** Anything thrown inside the adapter, as the one error type callers may see. */
export function toInputError(e: unknown): KehoachInputError {
  if (isKehoachInputError(e)) return e;
  return inputError("ocr-failed", MESSAGES.unexpected, e);
}
