import type { SourceFormat } from "@kehoach/model";

/** The kinds of input `parse` can be given, decided from the bytes alone (never from a file name). */
export type DetectedFormat = Exclude<SourceFormat, "scan"> | "unknown-binary";

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  // `%PDF-` may follow a little junk (some producers prepend bytes); the spec allows it within 1 KB.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "docx";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "doc";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return "image";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "image";
  return looksLikeText(bytes) ? "text" : "unknown-binary";
}

/** Text if it has no NUL bytes in its first 64 KB and decodes as UTF-8 (or has a UTF-16 BOM). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 65536);
  if (sample.includes(0)) return false;
  const decoded = new TextDecoder("utf-8").decode(sample);
  const replacements = decoded.split("\ufffd").length - 1;
  return replacements <= Math.max(2, decoded.length / 1000);
}

/** Decodes text input: UTF-8 (BOM or not) or UTF-16 with a BOM. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}
