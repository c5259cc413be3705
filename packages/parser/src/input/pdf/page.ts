import { orderColumns } from "./columns.ts";
import { chooseFrame, isTextItem, textsByFont, toRuns, type Frame, type PdfTextStyle } from "./items.ts";
import { buildLines, lineFromRuns } from "./lines.ts";
import type { Deadline, PdfJs, PdfPage } from "./load.ts";
import type { FontDecoder } from "./recode.ts";
import { isStampText } from "./stamps.ts";
import type { Line, PageText, Run } from "./types.ts";
import { operatorListText, signedPageText } from "./widgets.ts";

export interface ReadPage {
  text: PageText;
  /** Lines made only of one signature widget's text, one list per widget. */
  widgets: Line[][];
}

/**
 * One page → lines in reading order. The first page may carry signature widgets (number, day,
 * issuing stamp): it is then read from its operator list, which has both the page's text and theirs
 * (when `widgets` is on); every other page from getTextContent.
 */
export async function readPage(
  lib: PdfJs,
  page: PdfPage,
  n: number,
  deadline: Deadline,
  nextBlockId: () => number,
  widgets: boolean,
  fonts: FontDecoder,
): Promise<ReadPage> {
  const viewport = page.getViewport({ scale: 1 });
  const view = page.view as [number, number, number, number];
  const frameOf = (items: readonly unknown[]): Frame => chooseFrame(items, view, viewport.transform, viewport);
  const signed = n === 1 && widgets ? await deadline.race(signedPageText(lib, page, frameOf, fonts)) : undefined;
  let runs: Run[];
  let odd: Run[] = [];
  let extra: Run[][] = [];
  let frame: Frame;
  if (signed) {
    ({ runs, odd, frame } = signed);
    extra = signed.widgets;
  } else {
    const content = await deadline.race(page.getTextContent());
    frame = frameOf(content.items);
    fonts.learn(textsByFont(content.items, (font) => fonts.wants(font)));
    if (content.items.some((item) => isTextItem(item) && fonts.dropsGlyphs(item.fontName))) {
      // getTextContent left some of the page's glyphs out as blanks (recode.ts): its operator list has them.
      ({ runs, odd, frame } = await deadline.race(operatorListText(lib, page, frameOf, fonts, lib.AnnotationMode.DISABLE)));
    } else {
      const styles = content.styles as Record<string, PdfTextStyle>;
      ({ runs, odd } = toRuns(content.items, styles, frame.matrix, (font) => fonts.decoderFor(font)));
    }
  }
  const lines = orderColumns(buildLines(extra.length > 0 ? runs.concat(...extra) : runs, n), nextBlockId);
  const widgetLines: Line[][] = [];
  for (const group of extra) {
    const own = new Set(group);
    widgetLines.push(lines.filter((l) => l.runs.every((r) => own.has(r))));
  }
  // Text set along another direction: kept, after the page's lines, never joined to them.
  for (const run of odd) lines.push({ ...lineFromRuns([run], n), cell: true, aside: true });
  // What counts for "has a text layer": the page's own text, stamps and widgets aside.
  let chars = 0;
  for (const line of lines) if (!line.runs.every((r) => r.widget) && !isStampText(line.text)) chars += line.text.length;
  return { text: { page: n, width: frame.width, height: frame.height, view, lines, chars }, widgets: widgetLines };
}
