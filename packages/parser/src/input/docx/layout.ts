import type { Block, Cell } from "./blocks.ts";
import type { ParagraphText } from "./paragraph.ts";
import { cellsInReadingOrder, classifyTable } from "./tables.ts";

/**
 * Blocks to output lines: one paragraph per line, empty paragraphs dropped. In the header and closing
 * tables a soft line break (`w:br`) separates fields (`UBND TỈNH X` / `SỞ Y`, `KT. CHỦ TỊCH` /
 * `PHÓ CHỦ TỊCH`), so there each break starts a line; elsewhere it is only a visual wrap.
 */
export function layoutBlocks(blocks: Block[], keepBreaks = false): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      out.push(...paragraphLines(block.paragraph, keepBreaks));
      continue;
    }
    const formLines = (cell: Cell): string[] => layoutBlocks(cell.blocks, true);
    const kind = classifyTable(block.table, formLines);
    for (const cell of cellsInReadingOrder(block.table, kind)) {
      out.push(...(kind === "grid" ? layoutBlocks(cell.blocks, keepBreaks) : formLines(cell)));
    }
  }
  return out;
}

export function paragraphLines(paragraph: ParagraphText, keepBreaks: boolean): string[] {
  const out: string[] = [];
  const parts = (keepBreaks ? paragraph.lines.filter((line) => line !== "") : [joinLines(paragraph.lines)]).map(collapseSpaces);
  const first = parts[0];
  const label = paragraph.label;
  if (first !== undefined && first !== "") {
    out.push((label?.text ?? "") + first);
    out.push(...parts.slice(1));
  } else if (label !== undefined && !label.bullet) {
    // An empty numbered paragraph still shows its number (the STT column of task tables).
    out.push(label.text.trim());
  }
  for (const floating of paragraph.floating) out.push(...paragraphLines(floating, keepBreaks));
  return out;
}

/**
 * Runs of spaces become one: spacing typed to align things on paper (`Số:   /KH-UBND`, `2.  Các…`)
 * carries no meaning, and a label Word generates is followed by exactly one.
 */
function collapseSpaces(line: string): string {
  return line.replace(/ {2,}/g, " ");
}

function joinLines(lines: string[]): string {
  return lines.filter((line) => line !== "").join(" ");
}
