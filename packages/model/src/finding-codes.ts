import { z } from "zod";

/**
 * Every code a finding can carry: the stage that reports it (`parse`: while reading the document; `check`: a
 * consistency rule) and one line saying what it means. The JSON Schema lists the codes, and the README's
 * table of codes is generated from this record (`pnpm rules-table`); a new code is added here first.
 */
export const FINDING_CODES = {
  "amount-words-mismatch": { source: "check", summary: "An amount in digits and its reading in words disagree." },
  "citation-date-conflict": { source: "check", summary: "The same document number is cited with different dates in one plan." },
  "citation-type-mismatch": { source: "check", summary: "A cited document's type word disagrees with the type code in its symbol (Quyết định … /KH-…)." },
  "citation-malformed": { source: "check", summary: "A cited number or date cannot be what it says (31/02/2023; year in the number ≠ year of the date)." },
  "issuer-symbol-mismatch": { source: "check", summary: "The issuer named in words (của Bộ Tài chính) disagrees with the issuer code of the symbol (…/TT-BTTTT)." },
  "basis-after-issue": { source: "check", summary: "A legal basis is dated after the plan (compared to the day, month or year the plan gives)." },
  "section-duplicate": { source: "check", summary: "A section number is used twice among siblings (II. … II.)." },
  "section-gap": { source: "check", summary: "A section number is skipped (5.4 then 5.6; d) then e) without đ))." },
  "section-order": { source: "check", summary: "Section numbers go backwards, or a decimal label does not belong to its parent (2.1 under 3.)." },
  "missing-number": { source: "check", summary: "No number and symbol (Số: …), or a draft's blank number." },
  "missing-date": { source: "check", summary: "No place and date, or a draft's blank day or month." },
  "missing-issuer": { source: "check", summary: "No issuing body in the header." },
  "missing-signature": { source: "check", summary: "No signature block (authority, position, signer)." },
  "missing-recipients": { source: "check", summary: "No recipients list (Nơi nhận:)." },
  "number-padding": { source: "check", summary: "The plan's own number below 10 is written without a leading zero (Số: 5/… instead of 05/…)." },
  "date-padding": { source: "check", summary: "The plan's date pads wrongly: days below 10 and months 1–2 need a leading zero, months 3–12 must not have one." },
  "symbol-type-mismatch": { source: "check", summary: "The plan's own symbol does not carry its type's code (a KẾ HOẠCH numbered …/QĐ-…)." },
  "signature-authority": { source: "check", summary: "A signing prefix combination that cannot be right (KT. with no deputy's position under it, TM. with no position)." },
  "recipients-archive-missing": { source: "check", summary: "The recipients list does not close with the archive line (Lưu: VT, …)." },
  "basis-format": { source: "check", summary: "A legal basis lacks its type, number, date or issuer, shares a line with another, or does not end in ;." },
  "responsible-not-recipient": { source: "check", summary: "An agency given a task in the plan is not among its recipients (Nơi nhận)." },
  "quantity-total-mismatch": { source: "check", summary: "A rate times the periods of a year differs from the total stated with it, or budget items do not sum to the total." },
  "encoding-repaired": { source: "check", summary: "A character of broken font encoding was repaired by the normaliser (cāa → của); reported while parsing." },
  "not-a-document": { source: "check", summary: "Nothing of an administrative text was found (no issuer, motto, number, date, type heading, legal basis or signature)." },
  "text-encoding-assumed": { source: "parse", summary: "A text file in a legacy encoding (Windows-1258, TCVN3, VNI, UTF-16 without BOM) was decoded as that encoding." },
  "page-number-dropped": { source: "parse", summary: "Page-number lines of extracted text were left out." },
  "syntax-recovered": { source: "parse", summary: "The grammar met a structure it did not expect and recovered; the part around it may be read wrong." },
  "section-too-deep": { source: "parse", summary: "Numbering nests past 64 levels; the deeper sections were placed beside the deepest kept level." },
  "internal-error": { source: "parse", summary: "Something failed inside the parser; the Plan may be incomplete (please report it)." },
  "check-failed": { source: "parse", summary: "A consistency rule could not run on this Plan." },
  "pdf-text-layer-unreadable": { source: "parse", summary: "The PDF's text layer is in a legacy font encoding that cannot be decoded; its pages were read by OCR." },
  "pdf-page-without-text": { source: "parse", summary: "Some pages of a PDF with a text layer have no text (scanned pages inside a born-digital file); they were not read." },
  "pdf-fonts-recoded": { source: "parse", summary: "Fonts without a Unicode map were decoded from their own codes (Times New Roman glyph order, Mac Roman, TCVN3)." },
  "fallback-font-reordered": { source: "parse", summary: "Characters drawn in a fallback font were put back in place by their position on the line." },
  "ocr-uncertain-number": { source: "parse", summary: "A digit of a number, date or amount was read by OCR with low confidence: check it against the paper." },
  "ocr-low-confidence": { source: "parse", summary: "An OCR line was read with low confidence: check it against the paper." },
  "ocr-noise-dropped": { source: "parse", summary: "An OCR line of very low confidence (a seal, a signature, handwriting) was left out." },
  "ocr-page-without-image": { source: "parse", summary: "A page of a scanned PDF has no image to recognise and was skipped." },
  "ocr-images-skipped": { source: "parse", summary: "Small or duplicate images on a scanned page were not read." },
  "ocr-placement-guessed": { source: "parse", summary: "The position of a page image is unknown; it was taken to fill the page." },
  "ocr-rotated-page": { source: "parse", summary: "A scanned page is turned sideways or upside down; its text may be misread." },
  "ocr-page-turned": { source: "parse", summary: "A page displayed sideways or upside down was read the way its text runs." },
  "ocr-render-failed": { source: "parse", summary: "Pages without a scanned image could not be rendered for OCR and were skipped." },
  "ocr-render-resolution-lowered": { source: "parse", summary: "An oversized page was rendered at a lower resolution for OCR." },
  "ocr-pages-rendered": { source: "parse", summary: "Pages were rendered from the PDF's content (not a scanned image) and then read by OCR." },
  "ocr-damaged-pdf": { source: "parse", summary: "The scanned PDF is damaged or incomplete; some pages may be missing." },
  "ocr-assumed-resolution": { source: "parse", summary: "An image states no resolution; an A4 page was assumed." },
  "ocr-page-failed": { source: "parse", summary: "A page could not be recognised by OCR." },
  "docx-numbering-rebuilt": { source: "parse", summary: "Word's automatic list numbering was rebuilt into the labels it shows (DOCX)." },
  "doc-numbering-rebuilt": { source: "parse", summary: "Word's automatic list numbering was rebuilt into the labels it shows (.doc)." },
  "docx-empty": { source: "parse", summary: "The Word document has no text." },
  "doc-empty": { source: "parse", summary: "The .doc file has no text." },
  "docx-skipped-content": { source: "parse", summary: "Content of a DOCX that is not read (text boxes holding tables, embedded objects) was skipped." },
  "doc-skipped-content": { source: "parse", summary: "Text in text boxes of a .doc was skipped." },
  "doc-numbering-not-recovered": { source: "parse", summary: "Word 6/95 auto-numbering of a .doc could not be rebuilt; those paragraphs have no labels." },
  "doc-damaged-tables": { source: "parse", summary: "Part of a .doc is damaged; what was lost is named." },
} as const satisfies Record<string, { source: "parse" | "check"; summary: string }>;

export type FindingCode = keyof typeof FINDING_CODES;

export const FindingCodeSchema = z.enum(Object.keys(FINDING_CODES) as [FindingCode, ...FindingCode[]]);
