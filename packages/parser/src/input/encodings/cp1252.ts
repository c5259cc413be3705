/** Windows-1252 0x80–0x9F; the rest of the high half is Latin-1. */
export const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
/** The byte a Windows-1252 character of 0x80–0x9F is. */
export const CP1252_BYTE = new Map<string, number>([...CP1252_80_9F].map((ch, i) => [ch, 0x80 + i]));

/** The character byte `byte` is in Windows-1252 (the five bytes it leaves undefined read as C1 controls). */
export function cp1252Char(byte: number): string {
  return byte >= 0x80 && byte < 0xa0 ? CP1252_80_9F.charAt(byte - 0x80) : String.fromCharCode(byte);
}
