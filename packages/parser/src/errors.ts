/** Why an input could not be read at all. Each has a message a clerk understands. */
export type InputErrorCode =
  | "unsupported-format"
  | "corrupt-file"
  | "encrypted-pdf"
  | "legacy-doc"
  | "too-large"
  | "too-many-pages"
  | "timeout"
  | "ocr-failed"
  | "engine-unavailable"
  | "empty-document";

/**
 * The one error `parse` can reject with: the input bytes are not a readable plan document.
 * Anything else going wrong inside an adapter is wrapped into this, never thrown raw.
 */
export class KehoachInputError extends Error {
  override readonly name = "KehoachInputError";
  readonly code: InputErrorCode;

  constructor(code: InputErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isKehoachInputError(value: unknown): value is KehoachInputError {
  return value instanceof KehoachInputError;
}

/** The engines `parse` loads on demand: pdf.js for PDFs, tesseract.js for scans, a canvas for rendering pages. */
export type Engine = "pdf.js" | "tesseract.js" | "canvas";

const ENGINE_VI: Record<Engine, string> = {
  "pdf.js": "bộ đọc PDF (pdf.js)",
  "tesseract.js": "bộ nhận dạng chữ (OCR, tesseract.js)",
  canvas: "thư viện vẽ trang (canvas)",
};

/**
 * An engine could not be loaded or started: the fault is in the installation or the page's asset
 * folder, not in the document — which is why this is never reported as `corrupt-file`.
 */
export function engineUnavailable(engine: Engine, detail: string, cause?: unknown): KehoachInputError {
  return new KehoachInputError(
    "engine-unavailable",
    `Không tải được ${ENGINE_VI[engine]} nên chưa đọc được tệp; tệp không có lỗi. Hãy kiểm tra cài đặt hoặc thư mục tài nguyên (assets) của trang (${detail}). / ` +
      `The ${engine} engine could not be loaded, so the file was not read; the file itself is not at fault. Check the installation or the page's asset folder (${detail}).`,
    cause === undefined ? undefined : { cause },
  );
}
