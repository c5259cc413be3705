import type { Plan } from "@kehoach/model";
import type { Mark, Range } from "../logic/spans.ts";
import type { Lang } from "../logic/i18n.ts";

interface Props {
  bytes: ArrayBuffer;
  plan: Plan;
  active: Range[];
  marks: Mark[];
  lang: Lang;
}

/** Placeholder until pdf.js runs in the browser (the parser's platform seam). */
export function PdfPageView(_props: Props) {
  return null;
}
