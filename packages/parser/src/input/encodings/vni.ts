import { cp1252Char } from "./cp1252.ts";

/**
 * VNI Windows (the VNI-Times fonts): a Vietnamese letter is its Latin base letter followed by one
 * byte that adds the marks ("Coäng hoøa" = "Cộng hòa": `oä` is ộ, `oø` is ò), except ơ ư đ and the
 * toned i / y, which are single bytes. Bytes are Windows-1252 characters; upper-case marks go with
 * upper-case letters.
 */
const SINGLE = new Map<string, string>(
  ("ôơ ÔƠ öư ÖƯ ñđ ÑĐ íí ÍÍ ìì ÌÌ æỉ ÆỈ óĩ ÓĨ òị ÒỊ îỵ ÎỴ").split(" ").map((pair) => [pair[0]!, pair[1]!]),
);

const ACUTE = "\u0301", GRAVE = "\u0300", HOOK = "\u0309", TILDE = "\u0303", DOT = "\u0323";
const CIRCUMFLEX = "\u0302", BREVE = "\u0306";

/** The mark byte (as its cp1252 character, lower and upper case) → the combining marks it adds. */
const MARKS = new Map<string, string>();
for (const [chars, marks] of [
  ["ùÙ", ACUTE], ["øØ", GRAVE], ["ûÛ", HOOK], ["õÕ", TILDE], ["ïÏ", DOT],
  ["âÂ", CIRCUMFLEX], ["êÊ", BREVE],
  ["áÁ", CIRCUMFLEX + ACUTE], ["àÀ", CIRCUMFLEX + GRAVE], ["åÅ", CIRCUMFLEX + HOOK], ["ãÃ", CIRCUMFLEX + TILDE], ["äÄ", CIRCUMFLEX + DOT],
  ["éÉ", BREVE + ACUTE], ["èÈ", BREVE + GRAVE], ["úÚ", BREVE + HOOK], ["üÜ", BREVE + TILDE], ["ëË", BREVE + DOT],
] as const) {
  for (const ch of chars) MARKS.set(ch, marks);
}

/** Letters a mark byte can follow (ơ ư as decoded from their own bytes). */
const BASES = new Set("aeiouyAEIOUYơưƠƯ");

/** VNI bytes → Unicode text (NFC). A mark byte after anything but a bare vowel is kept as the character it is. */
export function decodeVni(bytes: Uint8Array): string {
  const out: string[] = [];
  let afterVowel = false;
  for (const byte of bytes) {
    const ch = cp1252Char(byte);
    const marks = MARKS.get(ch);
    if (marks !== undefined && afterVowel) {
      out.push(marks);
      afterVowel = false;
      continue;
    }
    const letter = SINGLE.get(ch) ?? ch;
    out.push(letter);
    afterVowel = BASES.has(letter);
  }
  return out.join("").normalize("NFC");
}
