/**
 * Vietnamese personal names as signing blocks print them: a family name, then one to three given
 * names, each a capitalised syllable (`Nguyễn Văn Thắng`, `Tống Thanh Hải`). The family names
 * below cover most people; a name under a seal is read with its marks damaged (`Nguýễn`).
 */
import { isWellFormedSyllable } from "./syllables.ts";

export const SURNAMES: readonly string[] = [
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
  "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Đinh", "Lâm", "Phùng", "Mai", "Tô", "Hà", "Tạ", "Lưu", "Lương", "Cao", "Tống",
  "Quách", "Thái", "Châu", "Chu", "Hứa", "Kiều", "La", "Lại", "Lò", "Mạc", "Nông", "Quan", "Triệu", "Vi", "Giang",
];

/**
 * What may stand before a signer's name (NĐ 30/2020 Phụ lục I: rank, academic title or degree for the armed
 * forces and public service units): `Đại tá Nguyễn Văn An`, `TS. Lê Văn Bình`, `PGS.TS. Trần Thị Cúc`. As the
 * lexer's tokens: words, and `.` after an abbreviation.
 */
export const NAME_HONORIFICS: readonly (readonly string[])[] = [
  ...["Đại", "Thượng", "Trung", "Thiếu"].flatMap((grade) => [[grade, "tá"], [grade, "úy"], [grade, "uý"], [grade, "tướng"]]),
  ["Đại", "tướng"],
  ...["GS.TS.", "PGS.TS.", "GS.", "PGS.", "TS.", "ThS.", "BS.", "BSCKI.", "BSCKII.", "DS.", "KS.", "LS.", "NGƯT.", "NGND."].map((title) =>
    title.split(/(?<=\.)/u).flatMap((part) => [part.slice(0, -1), "."]),
  ),
].sort((a, b) => b.length - a.length);

/** Letters only, marks gone, đ as d, lower case. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/gu, "d").toLowerCase();
}
const BY_FOLD = new Map<string, string>();
for (const s of SURNAMES) if (!BY_FOLD.has(fold(s))) BY_FOLD.set(fold(s), s);

/** A capitalised word that is no syllable but a family name up to its marks (`Nguýễn` → `Nguyễn`); anything else as it is. */
export function mendSurname(word: string): string {
  if (word === "" || isWellFormedSyllable(word) || !/^\p{Lu}/u.test(word)) return word;
  return BY_FOLD.get(fold(word)) ?? word;
}

/** `Nguyễn Văn Thắng`: two to five capitalised syllables, the first a family name. */
export function looksLikePersonName(line: string): boolean {
  const words = line.trim().split(/\s+/u);
  if (words.length < 2 || words.length > 5) return false;
  if (!SURNAMES.includes(words[0] ?? "")) return false;
  return words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w) && isWellFormedSyllable(w));
}
