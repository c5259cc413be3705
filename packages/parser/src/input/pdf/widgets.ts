import type { PdfJs, PdfPage } from "./load.ts";
import type { Frame } from "./items.ts";
import { textFromOperatorList, textsByFontInOperatorList, type OpListText } from "./oplist.ts";
import type { FontDecoder } from "./recode.ts";

/**
 * Vietnamese e-signing tools stamp the document number, the day and the issuer's stamp ("TRUNG TÂM
 * CÔNG BÁO …, email, 18.11.2024 07:25:14 +07:00") as the appearance of /Sig form fields. pdf.js leaves
 * annotation appearances out of getTextContent, so the number line reads "Số: /TB-UBND". When a page
 * has signature widgets, its text (page and widgets) is read from the operator list instead; returns
 * undefined when it has none (the caller then uses getTextContent).
 */
export async function signedPageText(
  lib: PdfJs,
  page: PdfPage,
  frameOf: (items: readonly unknown[]) => Frame,
  fonts: FontDecoder,
): Promise<(OpListText & { frame: Frame }) | undefined> {
  // "print" lists printable annotations without reading link texts ("display" re-extracts the page's
  // text for every link — as slow as the page itself).
  const annotations = (await page.getAnnotations({ intent: "print" })) as Array<{ annotationType?: number; fieldType?: string }>;
  if (!annotations.some((a) => a.annotationType === lib.AnnotationType.WIDGET && a.fieldType === "Sig")) return undefined;
  return operatorListText(lib, page, frameOf, fonts, lib.AnnotationMode.ENABLE);
}

/**
 * A page's text (and its annotations' with `annotationMode` ENABLE) read from its operator list, the
 * fonts' readings learnt from it first.
 */
export async function operatorListText(
  lib: PdfJs,
  page: PdfPage,
  frameOf: (items: readonly unknown[]) => Frame,
  fonts: FontDecoder,
  annotationMode: number,
): Promise<OpListText & { frame: Frame }> {
  const list = await page.getOperatorList({ intent: "print", annotationMode });
  const objs = page.commonObjs as unknown as { has(id: string): boolean; get(id: string): unknown };
  const frame = frameOf(directions(lib.OPS, list.fnArray, list.argsArray));
  fonts.learn(textsByFontInOperatorList(lib.OPS, list.fnArray, list.argsArray));
  const fontInfo = (name: string) => {
    try {
      return objs.has(name) ? (objs.get(name) as { fontMatrix?: number[]; ascent?: number; descent?: number }) : undefined;
    } catch {
      return undefined;
    }
  };
  const text = textFromOperatorList(lib, list.fnArray, list.argsArray, frame.matrix, fontInfo, (font) => fonts.decoderFor(font));
  return { ...text, frame };
}

/**
 * Stand-ins for text items (transform and length) so the frame is chosen as for getTextContent: the
 * text matrices set on the page, weighted by the glyphs shown after each.
 */
function directions(OPS: PdfJs["OPS"], fns: ArrayLike<number>, args: ArrayLike<unknown>): Array<{ str: string; transform: number[] }> {
  const out: Array<{ str: string; transform: number[] }> = [];
  let current: { str: string; transform: number[] } | undefined;
  for (let i = 0; i < fns.length; i++) {
    const a = args[i] as unknown[] | undefined;
    if (fns[i] === OPS.setTextMatrix) {
      const m = (a?.[0] ?? a) as ArrayLike<number> | undefined;
      current = { str: "", transform: [Number(m?.[0]) || 0, Number(m?.[1]) || 0, 0, 0, 0, 0] };
      out.push(current);
    } else if (fns[i] === OPS.showText && current && Array.isArray(a?.[0])) {
      current.str += " ".repeat((a[0] as unknown[]).length);
    }
  }
  return out;
}
