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
