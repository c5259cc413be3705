/** "vie+eng" → ["vie", "eng"], as tesseract spells them; null when the list is empty or malformed. */
export function languageCodes(languages: string): string[] | null {
  const codes = languages.split("+").map((l) => l.trim()).filter((l) => l.length > 0);
  return codes.length === 0 || codes.some((c) => !/^[a-z_]{3,16}$/iu.test(c)) ? null : codes;
}
