import { KehoachInputError } from "./errors.ts";

/**
 * How much text `parse` takes by default. Memory grows with the text: measured peak RSS of a process
 * running one `parse` (Node 24, `pnpm bench`'s scaling rows) is about 270 MB for 1 MB of text and 400 MB
 * for 10 MB; real plans hold 20–300 kB. 5 MB (a few thousand pages) keeps one document well under 1 GB.
 */
export const DEFAULT_MAX_SIZE = 5_000_000;

/** Refuses text longer than `max` (bytes of a text file, characters of extracted text). */
export function refuseTooLarge(size: number, max: number = DEFAULT_MAX_SIZE): void {
  if (size <= max) return;
  const mb = (n: number) => `${Number((n / 1e6).toPrecision(2))} MB`;
  throw new KehoachInputError(
    "too-large",
    `Văn bản quá lớn (${mb(size)}, giới hạn ${mb(max)}). / The document is too large (${mb(size)}; the limit is ${mb(max)}).`,
  );
}

/** Refuses a document with no text at all (0 bytes, only spaces and line breaks). */
export function refuseEmpty(text: string): void {
  if (/\S/.test(text)) return;
  throw new KehoachInputError("empty-document", "Văn bản không có nội dung. / The document is empty.");
}
