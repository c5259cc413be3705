/** Plans bundled with the demo (copies of fixtures/seeds and fixtures/samples; see public/samples/README.md). */
export interface Sample {
  id: string;
  file: string;
  label: { vi: string; en: string };
}

export const SAMPLES: readonly Sample[] = [
  { id: "000", file: "000.txt", label: { vi: "000 — Lai Châu, giảm nghèo về thông tin (văn bản)", en: "000 — Lai Châu, information poverty (text)" } },
  { id: "004", file: "004.txt", label: { vi: "004 — truyền thông giảm nghèo (văn bản)", en: "004 — poverty-reduction media (text)" } },
  { id: "001-docx", file: "001.docx", label: { vi: "001 — bản Word (DOCX)", en: "001 — Word document (DOCX)" } },
  { id: "002-pdf", file: "002.pdf", label: { vi: "002 — PDF có lớp chữ", en: "002 — PDF with a text layer" } },
  { id: "003-scan", file: "003.scan.pdf", label: { vi: "003 — bản quét (OCR)", en: "003 — scan (OCR)" } },
];

export function sampleUrl(sample: Sample): string {
  return `${import.meta.env.BASE_URL}samples/${sample.file}`;
}
