import type { ListLabel, NumberingState } from "./numbering.ts";
import type { NoteRegistry } from "./notes.ts";
import { child, childVal, intAttr, isOn, type XmlElement } from "./xml.ts";

/** One `w:p` as text: its rebuilt list label, its text split at soft line breaks, and any text-box content. */
export interface ParagraphText {
  /** Rendered list label (Word automatic numbering), if the paragraph has one. */
  label: ListLabel | undefined;
  /** The paragraph's text split at `w:br`; the caller joins with a space or keeps the lines. */
  lines: string[];
  /** Paragraphs of simple text boxes anchored in this paragraph, read in order. */
  floating: ParagraphText[];
}

export interface ParagraphContext {
  numbering: NumberingState;
  footnotes: NoteRegistry | undefined;
  endnotes: NoteRegistry | undefined;
  /** Called when something was left out (a complex text box), for the adapter's notes. */
  skipped(what: string): void;
}

/** Reads paragraphs in document order; keeps field state, which may run across paragraphs. */
export class ParagraphReader {
  readonly #context: ParagraphContext;
  /** Open complex fields: true while in the instruction part (`begin`…`separate`), whose text is hidden. */
  #fields: boolean[] = [];
  /** How many of `#fields` are in their instruction part (a count, so checking it is O(1)). */
  #hidden = 0;
  /** The paragraph being read: lines (split at w:br), each kept as pieces so appending stays O(1). */
  #lines: string[][] = [[]];
  #floating: ParagraphText[] = [];

  constructor(context: ParagraphContext) {
    this.#context = context;
  }

  read(p: XmlElement): ParagraphText {
    const pPr = child(p, "w:pPr");
    const numPr = child(pPr, "w:numPr");
    const label = this.#context.numbering.next({
      numId: intAttr(childVal(numPr, "w:numId")),
      ilvl: intAttr(childVal(numPr, "w:ilvl")),
      styleId: childVal(pPr, "w:pStyle"),
    });

    const outerLines = this.#lines;
    const outerFloating = this.#floating;
    this.#lines = [[]];
    this.#floating = [];
    this.#inline(p);
    const result: ParagraphText = {
      label,
      lines: this.#lines.map((pieces) => pieces.join("").trim()),
      floating: this.#floating,
    };
    this.#lines = outerLines;
    this.#floating = outerFloating;
    // A field instruction does not span paragraphs; never let a broken one hide the rest of the text.
    if (this.#hidden > 0) (this.#fields = []), (this.#hidden = 0);
    return result;
  }

  #append(text: string): void {
    if (this.#hidden > 0 || text === "") return;
    this.#lines[this.#lines.length - 1]!.push(text);
  }

  #inline(container: XmlElement): void {
    for (const node of container.children) {
      if (typeof node === "string") continue;
      switch (node.name) {
        case "w:pPr":
        case "w:rPr":
        case "w:sdtPr":
        case "w:sdtEndPr":
        case "w:customXmlPr":
        case "w:del":
        case "w:moveFrom":
          break;
        case "w:r":
          this.#run(node);
          break;
        case "m:t":
          this.#append(textContent(node));
          break;
        case "mc:AlternateContent":
          this.#inline(chooseAlternative(node));
          break;
        default:
          // Hyperlinks, insertions, smart tags, content controls, simple fields, math: their runs count.
          this.#inline(node);
      }
    }
  }

  #run(r: XmlElement): void {
    // Hidden text (w:vanish) is not shown by Word, so it is not part of the text.
    if (isOn(child(child(r, "w:rPr"), "w:vanish"))) return;
    for (const node of r.children) {
      if (typeof node === "string") continue;
      switch (node.name) {
        case "w:t":
          this.#append(textContent(node).replace(/[\t\r\n\v\f\u2028\u2029]/g, " "));
          break;
        case "w:tab":
        case "w:ptab":
          this.#append(" ");
          break;
        case "w:br":
        case "w:cr": {
          const type = node.attrs["w:type"];
          if (type === "page" || type === "column") this.#append(" ");
          else if (this.#hidden === 0) this.#lines.push([]);
          break;
        }
        case "w:noBreakHyphen":
          this.#append("-");
          break;
        case "w:sym":
          this.#append(symbolText(node));
          break;
        case "w:footnoteReference":
        case "w:endnoteReference": {
          const registry = node.name === "w:footnoteReference" ? this.#context.footnotes : this.#context.endnotes;
          const id = node.attrs["w:id"];
          const label = registry === undefined || id === undefined ? undefined : registry.reference(id);
          if (label !== undefined && this.#hidden === 0) {
            // The marker sits right after the word it annotates.
            const pieces = this.#lines[this.#lines.length - 1]!;
            while (pieces.length > 0 && pieces[pieces.length - 1]!.trim() === "") pieces.pop();
            if (pieces.length > 0) pieces[pieces.length - 1] = pieces[pieces.length - 1]!.trimEnd();
            pieces.push(`[^${label}]`);
          }
          break;
        }
        case "w:fldChar": {
          const type = node.attrs["w:fldCharType"];
          const top = this.#fields.length - 1;
          if (type === "begin") this.#fields.push(true), this.#hidden++;
          else if (type === "separate" && this.#fields[top] === true) (this.#fields[top] = false), this.#hidden--;
          else if (type === "end" && top >= 0 && this.#fields.pop() === true) this.#hidden--;
          break;
        }
        case "w:drawing":
        case "w:pict":
        case "w:object":
          this.#textBoxes(node);
          break;
        case "mc:AlternateContent":
          this.#run({ name: "w:r", attrs: {}, children: chooseAlternative(node).children });
          break;
        default:
          // w:instrText, w:delText, w:footnoteRef, w:separator, w:pgNum, w:lastRenderedPageBreak…: no text.
          break;
      }
    }
  }

  /** Text boxes inside a drawing: simple ones (paragraphs only) are read; others are skipped. */
  #textBoxes(drawing: XmlElement): void {
    const boxes: XmlElement[] = [];
    findAll(drawing, "w:txbxContent", boxes);
    for (const box of boxes) {
      const paragraphs: XmlElement[] = [];
      if (!collectSimpleParagraphs(box, paragraphs)) {
        this.#context.skipped("text box with a table");
        continue;
      }
      for (const p of paragraphs) this.#floating.push(this.read(p));
    }
  }
}

function textContent(element: XmlElement): string {
  let out = "";
  for (const node of element.children) if (typeof node === "string") out += node;
  return out;
}

/** Of `mc:Choice` / `mc:Fallback`, the first choice: we understand every namespace Word requires there. */
export function chooseAlternative(alternate: XmlElement): XmlElement {
  return child(alternate, "mc:Choice") ?? child(alternate, "mc:Fallback") ?? { name: "", attrs: {}, children: [] };
}

/** `w:sym` in a symbol font: only the ASCII-range glyphs (Symbol's `-` or `+`) read as text. */
function symbolText(sym: XmlElement): string {
  return symbolChar(Number.parseInt(sym.attrs["w:char"] ?? "", 16));
}

/** A symbol-font character code (`w:sym`, or sprmCSymbol in a .doc) as text: its ASCII-range glyphs only. */
export function symbolChar(code: number): string {
  if (!Number.isFinite(code)) return "";
  const plain = code >= 0xf000 ? code - 0xf000 : code;
  return plain >= 0x20 && plain < 0x7f ? String.fromCharCode(plain) : "";
}

function findAll(element: XmlElement, name: string, out: XmlElement[]): void {
  for (const node of element.children) {
    if (typeof node === "string") continue;
    if (node.name === name) out.push(node);
    else if (node.name === "mc:AlternateContent") findAll(chooseAlternative(node), name, out);
    else findAll(node, name, out);
  }
}

function collectSimpleParagraphs(container: XmlElement, out: XmlElement[]): boolean {
  for (const node of container.children) {
    if (typeof node === "string") continue;
    if (node.name === "w:p") out.push(node);
    else if (node.name === "w:tbl") return false;
    else if (node.name === "w:sdt") {
      if (!collectSimpleParagraphs(child(node, "w:sdtContent") ?? node, out)) return false;
    }
  }
  return true;
}
