import type { PlacedDiagnostic } from "../../diagnostics.ts";

/**
 * The OCR adapter's messages are written `Vietnamese / English` (its errors show both in one line); a
 * diagnostic keeps the two apart.
 */
function note(severity: PlacedDiagnostic["severity"], code: PlacedDiagnostic["code"], bilingual: string): PlacedDiagnostic {
  const at = bilingual.indexOf(" / ");
  return at < 0
    ? { code, severity, message: bilingual, messageEn: bilingual }
    : { code, severity, message: bilingual.slice(0, at), messageEn: bilingual.slice(at + 3) };
}

export const info = (code: PlacedDiagnostic["code"], bilingual: string) => note("info", code, bilingual);
export const warning = (code: PlacedDiagnostic["code"], bilingual: string) => note("warning", code, bilingual);
