import type { ExtractedText } from "../extracted.ts";
import { legacyDoc } from "./errors.ts";

/** OLE2 compound file signature: Word 97–2003 .doc (also .xls, .ppt, and password-protected .docx). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((byte, i) => bytes[i] === byte);
}

/**
 * Legacy Word 97–2003 .doc. No reader ships with the parser yet (see the lead's decision on adding
 * one), so this always rejects with a message telling the clerk how to convert the file.
 */
export async function readDoc(bytes: Uint8Array): Promise<ExtractedText> {
  void bytes;
  throw legacyDoc();
}
