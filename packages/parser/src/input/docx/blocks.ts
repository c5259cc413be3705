import { chooseAlternative, type ParagraphReader, type ParagraphText } from "./paragraph.ts";
import { child, childVal, intAttr, type XmlElement } from "./xml.ts";

/**
 * The body as blocks, read in document order (so list counters and footnote numbers advance as in
 * Word); the layout step may then write a table's cells in another order without changing them.
 */
export type Block = { kind: "paragraph"; paragraph: ParagraphText } | { kind: "table"; table: Table };

export interface Table {
  rows: Cell[][];
}

export interface Cell {
  /** First grid column the cell covers (after `w:gridBefore` and earlier cells' `w:gridSpan`). */
  column: number;
  span: number;
  /** A `w:vMerge` continuation: Word shows the merged cell's text once, in the first row. */
  continuesAbove: boolean;
  blocks: Block[];
}

export function readBlocks(container: XmlElement, paragraphs: ParagraphReader): Block[] {
  const out: Block[] = [];
  collect(container, paragraphs, out);
  return out;
}

function collect(container: XmlElement, paragraphs: ParagraphReader, out: Block[]): void {
  for (const node of container.children) {
    if (typeof node === "string") continue;
    switch (node.name) {
      case "w:p":
        out.push({ kind: "paragraph", paragraph: paragraphs.read(node) });
        break;
      case "w:tbl":
        out.push({ kind: "table", table: readTable(node, paragraphs) });
        break;
      case "w:sdt":
        collect(child(node, "w:sdtContent") ?? node, paragraphs, out);
        break;
      case "w:customXml":
      case "w:ins":
      case "w:moveTo":
      case "w:smartTag":
        collect(node, paragraphs, out);
        break;
      case "mc:AlternateContent":
        collect(chooseAlternative(node), paragraphs, out);
        break;
      default:
        // w:sectPr, bookmarks, w:del, w:moveFrom, w:altChunk (an embedded foreign file): no text of ours.
        break;
    }
  }
}

function readTable(tbl: XmlElement, paragraphs: ParagraphReader): Table {
  const rows: Cell[][] = [];
  for (const tr of unwrap(tbl, "w:tr")) {
    const cells: Cell[] = [];
    let column = intAttr(childVal(child(tr, "w:trPr"), "w:gridBefore")) ?? 0;
    for (const tc of unwrap(tr, "w:tc")) {
      const tcPr = child(tc, "w:tcPr");
      const span = Math.max(1, intAttr(childVal(tcPr, "w:gridSpan")) ?? 1);
      const vMerge = child(tcPr, "w:vMerge");
      const hMerge = child(tcPr, "w:hMerge");
      const continuesAbove =
        (vMerge !== undefined && (vMerge.attrs["w:val"] ?? "continue") === "continue") ||
        (hMerge !== undefined && (hMerge.attrs["w:val"] ?? "continue") === "continue");
      // Blocks are read even in merged-away cells, so counters stay in step with Word.
      cells.push({ column, span, continuesAbove, blocks: readBlocks(tc, paragraphs) });
      column += span;
    }
    rows.push(cells);
  }
  return { rows };
}

/** Rows and cells may sit inside content controls or custom XML wrappers. */
function unwrap(parent: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (element: XmlElement): void => {
    for (const node of element.children) {
      if (typeof node === "string") continue;
      if (node.name === name) out.push(node);
      else if (node.name === "w:sdt") visit(child(node, "w:sdtContent") ?? node);
      else if (node.name === "w:customXml" || node.name === "w:ins" || node.name === "w:moveTo") visit(node);
      else if (node.name === "mc:AlternateContent") visit(chooseAlternative(node));
    }
  };
  visit(parent);
  return out;
}
