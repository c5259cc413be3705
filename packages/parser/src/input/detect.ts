import type { SourceFormat } from "@kehoach/model";
import { decodeWithSniff, encodingNote, sniffTextEncoding } from "./encodings/text.ts";
import type { PlacedDiagnostic } from "../diagnostics.ts";
import { startsWith } from "./bytes.ts";

/** The kinds of input `parse` can be given, decided from the bytes alone (never from a file name). */
export type DetectedFormat = Exclude<SourceFormat, "scan"> | "unknown-binary";


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

/** Text when its encoding can be told: UTF-8, UTF-16 (with or without BOM), or a Vietnamese 8-bit code page. */
function looksLikeText(bytes: Uint8Array): boolean {
  return sniffTextEncoding(bytes) !== undefined;
}

/**
 * Decodes text input (UTF-8, UTF-16, Windows-1258, TCVN3, VNI: see encodings/text.ts), NFC; with a
 * note when the encoding was recognised from the content rather than declared.
 */
export function decodeText(bytes: Uint8Array): { text: string; notes: PlacedDiagnostic[] } {
  const sniff = sniffTextEncoding(bytes);
  return { text: decodeWithSniff(bytes, sniff), notes: encodingNote(sniff) };
}
