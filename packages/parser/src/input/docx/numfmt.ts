/**
 * How Word prints one list counter in a given `w:numFmt`. Vietnamese plans use upperRoman (I., II.),
 * decimal (1., 1.1.) and lowerLetter (a), b)); Word's letter sequence is the Latin one (… c, d, e),
 * never the Vietnamese đ, so that is what we print too.
 */
export function formatCounter(value: number, numFmt: string): string {
  switch (numFmt) {
    case "none":
      return "";
    case "upperRoman":
      return value > 0 ? roman(value) : String(value);
    case "lowerRoman":
      return value > 0 ? roman(value).toLowerCase() : String(value);
    case "upperLetter":
      return value > 0 ? letters(value) : String(value);
    case "lowerLetter":
      return value > 0 ? letters(value).toLowerCase() : String(value);
    case "decimalZero":
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    default:
      // decimal, and every script-specific format we do not model (ordinal, cardinalText, ideographs…).
      return String(value);
  }
}

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

function roman(value: number): string {
  let rest = Math.min(value, 39999);
  let out = "";
  for (const [size, digits] of ROMAN) {
    while (rest >= size) {
      out += digits;
      rest -= size;
    }
  }
  return out;
}

/** Word's alphabetic counters: A…Z, then AA, BB…, ZZ, then AAA… (the letter repeats, it does not carry). */
function letters(value: number): string {
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.min(Math.floor((value - 1) / 26) + 1, 50));
}

/** The text a bullet level prints: `+` for a plus glyph, `-` for everything else (dashes, dots, boxes). */
export function bulletText(lvlText: string): string {
  // U+F02B is "+" in the Symbol/Wingdings private-use range that Word writes for symbol fonts.
  return /^[\s]*[+\uFF0B\uF02B\u2795]/u.test(lvlText) ? "+" : "-";
}
