/** OLE2 compound file signature: Word 97–2003 .doc (also .xls, .ppt, and password-protected .docx). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((byte, i) => bytes[i] === byte);
}
