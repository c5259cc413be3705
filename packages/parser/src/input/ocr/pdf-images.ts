/**
 * Which images a page paints, and where: follows the page's content stream (q/Q/cm/Do, into form
 * XObjects) to get each image's transformation, so OCR boxes can be put back in user space.
 * A scan page is usually one full-page image; small logos and stamps are left out, and of two
 * images covering the same area (a mixed-raster scan: low-resolution background plus a sharp
 * text layer) only the sharper one is read. The same walk counts the glyphs the page shows in
 * visible text (not the invisible text layer of a searchable scan), so the caller can tell a page
 * drawn with fonts from a scan.
 */
import { IDENTITY, multiply, unitSquareBox, type Matrix } from "./geometry.ts";
import type { PdfDocument, PdfPage } from "./pdf-document.ts";
import { isDict, isKeyword, isName, isPdfString, isStream, PdfLexer, type PdfDict, type PdfStream, type PdfValue } from "./pdf-lexer.ts";

export interface PlacedImage {
  readonly stream: PdfStream;
  /** Maps the image's unit square to user space. */
  readonly ctm: Matrix;
  readonly width: number;
  readonly height: number;
}

export interface PageImages {
  readonly page: PdfPage;
  /** The images worth reading, top to bottom. */
  readonly images: PlacedImage[];
  /** Images drawn on the page but left out (too small, or covered by a sharper one). */
  readonly skipped: number;
  /** Inline images (BI…EI) are not read; counted so the caller can say so. */
  readonly inlineImages: number;
  /** True when the content stream could not be followed and the images were assumed to fill the page. */
  readonly placementGuessed: boolean;
  /**
   * Glyphs shown in visible text (render modes other than 3 "invisible" and 7 "clip only"),
   * counted from the string operands of Tj, TJ, ' and ". Only counted when the page has image
   * XObjects (a page without any is not walked): 0 then.
   */
  readonly visibleGlyphs: number;
}

/** An image smaller than this share of the page (or of the largest image on it) is not text worth reading. */
const MIN_AREA_SHARE = 0.15;
/** Two images overlapping by more than this share of the smaller one show the same content. */
const SAME_AREA_OVERLAP = 0.8;
const MAX_FORM_DEPTH = 8;

export function findPageImages(doc: PdfDocument, page: PdfPage): PageImages {
  const found: PlacedImage[] = [];
  const state: WalkState = { inline: 0, visibleGlyphs: 0 };
  // A page without XObjects paints no image XObject (text pages: skip their long content streams);
  // inline images are then the only possible kind, and scanners do not use them for whole pages.
  if (isDict(doc.get(page.resources, "XObject"))) {
    walkContent(doc, doc.contents(page.dict.map.get("Contents")), page.resources, { ctm: IDENTITY, ...TEXT_START }, 0, found, state, new Set());
  }
  let placementGuessed = false;
  if (found.length === 0) {
    // No Do reached (content unreadable?): assume each image XObject of the page fills the page.
    const xobjects = doc.get(page.resources, "XObject");
    if (isDict(xobjects)) {
      const [x0, y0, x1, y1] = page.pageBox;
      for (const v of xobjects.map.values()) {
        const s = doc.resolve(v);
        if (isImage(doc, s)) {
          found.push(place(doc, s, [x1 - x0, 0, 0, y1 - y0, x0, y0]));
          placementGuessed = true;
        }
      }
    }
  }
  const chosen = choose(found, page);
  return { page, images: chosen, skipped: found.length - chosen.length, inlineImages: state.inline, placementGuessed, visibleGlyphs: state.visibleGlyphs };
}

function isImage(doc: PdfDocument, v: PdfValue | undefined): v is PdfStream {
  return isStream(v) && isName(doc.get(v.dict, "Subtype"), "Image");
}

function place(doc: PdfDocument, stream: PdfStream, ctm: Matrix): PlacedImage {
  const w = doc.get(stream.dict, "Width") ?? doc.get(stream.dict, "W");
  const h = doc.get(stream.dict, "Height") ?? doc.get(stream.dict, "H");
  return { stream, ctm, width: typeof w === "number" ? w : 0, height: typeof h === "number" ? h : 0 };
}

function area(b: { x0: number; y0: number; x1: number; y1: number }): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
}

function choose(images: PlacedImage[], page: PdfPage): PlacedImage[] {
  const [px0, py0, px1, py1] = page.pageBox;
  const pageArea = (px1 - px0) * (py1 - py0);
  const boxes = images.map((im) => unitSquareBox(im.ctm));
  const largest = Math.max(0, ...boxes.map(area));
  let keep = images
    .map((im, i) => ({ im, box: boxes[i] ?? { x0: 0, y0: 0, x1: 0, y1: 0 }, order: i }))
    .filter(({ im, box }) => im.width >= 16 && im.height >= 16 && area(box) >= MIN_AREA_SHARE * Math.min(pageArea, largest));
  // Of images showing the same area keep the sharpest (most pixels per point); on a tie the one drawn last (on top).
  keep = keep.filter((a) =>
    keep.every((b) => {
      if (a === b) return true;
      const ix = Math.max(0, Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0));
      const iy = Math.max(0, Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0));
      if (ix * iy <= SAME_AREA_OVERLAP * Math.min(area(a.box), area(b.box))) return true;
      const da = (a.im.width * a.im.height) / Math.max(1e-9, area(a.box));
      const db = (b.im.width * b.im.height) / Math.max(1e-9, area(b.box));
      return da > db || (da === db && a.order > b.order);
    }),
  );
  keep.sort((a, b) => b.box.y1 - a.box.y1 || a.box.x0 - b.box.x0);
  return keep.map((k) => k.im);
}

interface WalkState {
  inline: number;
  visibleGlyphs: number;
}

/** The part of the graphics state followed: the CTM, the text render mode, the bytes per glyph of the font. */
interface GraphicsState {
  readonly ctm: Matrix;
  readonly renderMode: number;
  readonly glyphBytes: number;
}
const TEXT_START = { renderMode: 0, glyphBytes: 1 } as const;

function walkContent(
  doc: PdfDocument,
  content: Uint8Array,
  resources: PdfDict | null,
  start: GraphicsState,
  depth: number,
  out: PlacedImage[],
  state: WalkState,
  activeForms: Set<PdfStream>,
): void {
  const lexer = new PdfLexer(content);
  const operands: PdfValue[] = [];
  const saved: GraphicsState[] = [];
  let gs = start;
  let errors = 0;
  const shown = (v: PdfValue | undefined): void => {
    if (gs.renderMode === 3 || gs.renderMode === 7) return;
    if (isPdfString(v)) state.visibleGlyphs += Math.floor(v.bytes.length / gs.glyphBytes);
    else if (Array.isArray(v)) for (const part of v) if (isPdfString(part)) state.visibleGlyphs += Math.floor(part.bytes.length / gs.glyphBytes);
  };
  for (;;) {
    let tok: ReturnType<PdfLexer["next"]>;
    try {
      tok = lexer.next();
    } catch {
      if (++errors > 100) return;
      lexer.pos++;
      continue;
    }
    if (tok === undefined) return;
    if (!isKeyword(tok)) {
      operands.push(tok);
      if (operands.length > 32) operands.shift();
      continue;
    }
    switch (tok.word) {
      case "q":
        saved.push(gs);
        break;
      case "Q":
        gs = saved.pop() ?? gs;
        break;
      case "cm": {
        const m = operands.slice(-6);
        if (m.length === 6 && m.every((x) => typeof x === "number")) gs = { ...gs, ctm: multiply(m as unknown as Matrix, gs.ctm) };
        break;
      }
      case "Tr": {
        const mode = operands.at(-1);
        if (typeof mode === "number") gs = { ...gs, renderMode: mode };
        break;
      }
      case "Tf": {
        const name = operands.at(-2);
        if (isName(name)) {
          // Composite (Type0) fonts show text in two-byte codes (Identity-H, the usual case).
          const font = doc.get(doc.get(resources, "Font"), name.name);
          gs = { ...gs, glyphBytes: isName(doc.get(font, "Subtype"), "Type0") ? 2 : 1 };
        }
        break;
      }
      case "Tj":
      case "TJ":
      case "'":
      case '"':
        shown(operands.at(-1));
        break;
      case "Do": {
        const name = operands.at(-1);
        if (!isName(name)) break;
        const xobject = doc.get(doc.get(resources, "XObject"), name.name);
        if (isImage(doc, xobject)) out.push(place(doc, xobject, gs.ctm));
        else if (isStream(xobject) && isName(doc.get(xobject.dict, "Subtype"), "Form") && depth < MAX_FORM_DEPTH && !activeForms.has(xobject)) {
          const fm = doc.get(xobject.dict, "Matrix");
          const formMatrix = Array.isArray(fm) && fm.length === 6 && fm.every((x) => typeof x === "number") ? (fm as unknown as Matrix) : IDENTITY;
          const formResources = doc.get(xobject.dict, "Resources");
          activeForms.add(xobject);
          walkContent(doc, doc.contents(xobject), isDict(formResources) ? formResources : resources, { ...gs, ctm: multiply(formMatrix, gs.ctm) }, depth + 1, out, state, activeForms);
          activeForms.delete(xobject);
        }
        break;
      }
      case "BI":
        state.inline++;
        skipInlineImage(lexer);
        break;
      default:
        break;
    }
    operands.length = 0;
  }
}

/** Moves past `… ID <binary> EI`; the binary part must not be tokenised. */
function skipInlineImage(lexer: PdfLexer): void {
  for (let i = 0; i < 200; i++) {
    const t = lexer.next();
    if (t === undefined) return;
    if (isKeyword(t) && t.word === "ID") break;
  }
  const b = lexer.bytes;
  for (let p = lexer.pos + 1; p + 1 < b.length; p++) {
    const white = (c: number | undefined): boolean => c === undefined || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
    if (b[p] === 0x45 && b[p + 1] === 0x49 && white(b[p - 1]) && white(b[p + 2])) {
      lexer.pos = p + 2;
      return;
    }
  }
  lexer.pos = b.length;
}
