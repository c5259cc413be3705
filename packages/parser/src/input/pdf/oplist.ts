import type { PdfJs } from "./load.ts";
import { multiply, type Matrix } from "./items.ts";
import type { Run } from "./types.ts";

/**
 * Text runs read from a page's operator list instead of getTextContent: the page's own text, and
 * the text of each annotation appearance (signature widgets) separately. Used for the first page when
 * it has signature widgets, so that page is parsed once (an operator list costs no more than a text
 * extraction) and the widget text — the document number, the day, the issuing stamp — comes with it.
 *
 * A run is what one text-showing operator draws, split where it skips more than 0.6 em (as pdf.js
 * splits its text items), so columns drawn by one operator still separate.
 */
export interface OpListText {
  runs: Run[];
  /** Text set along another direction (as toRuns' `odd`). */
  odd: Run[];
  widgets: Run[][];
}

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

interface FontInfo {
  fontMatrix?: number[];
  ascent?: number;
  descent?: number;
}

interface TextState {
  ctm: Matrix;
  tm: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  size: number;
  font: string;
  fontX: number;
  ascent: number;
  descent: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  /** How the current font's text is read (see recode.ts); undefined: as pdf.js gives it. */
  decode: ((s: string) => string) | undefined;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** A skip wider than this share of the font size ends a run (pdf.js's own threshold). */
const SPLIT = 0.6;

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function asMatrix(v: unknown): Matrix | undefined {
  if (!v || typeof v !== "object" || !("length" in v) || (v as ArrayLike<number>).length < 6) return undefined;
  const a = v as ArrayLike<number>;
  const m: Matrix = [Number(a[0]), Number(a[1]), Number(a[2]), Number(a[3]), Number(a[4]), Number(a[5])];
  return m.every(Number.isFinite) ? m : undefined;
}

function fresh(ctm: Matrix): TextState {
  return {
    ctm, tm: IDENTITY, x: 0, y: 0, lineX: 0, lineY: 0, size: 0, font: "", fontX: 0.001,
    ascent: 0.9, descent: -0.22, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0,
    decode: undefined,
  };
}

export function textFromOperatorList(
  lib: Pick<PdfJs, "OPS" | "normalizeUnicode">,
  fns: ArrayLike<number>,
  args: ArrayLike<unknown>,
  frame: Matrix,
  font: (name: string) => FontInfo | undefined,
  decoderFor: (font: string) => ((s: string) => string) | undefined = () => undefined,
): OpListText {
  const OPS = lib.OPS;
  const runs: Run[] = [];
  const odd: Run[] = [];
  const widgets: Run[][] = [];
  let widget: Run[] | undefined;
  let st = fresh(IDENTITY);
  let page = st; // the page's state, back after an annotation
  const stack: TextState[] = [];
  let pageStack: TextState[] = [];
  let seq = 0;
  const emit = (run: Run, upright: boolean) => {
    if (widget) run.widget = true;
    if (!upright) odd.push(run);
    else if (widget) widget.push(run);
    else runs.push(run);
  };
  for (let i = 0; i < fns.length; i++) {
    const fn = fns[i];
    const a = (args[i] ?? []) as unknown[];
    switch (fn) {
      case OPS.beginAnnotation: {
        // Appearance streams are drawn in the annotation's box: transform (bbox → rect) ∘ matrix.
        page = st;
        pageStack = stack.splice(0);
        st = fresh(multiply(asMatrix(a[2]) ?? IDENTITY, asMatrix(a[3]) ?? IDENTITY));
        widget = [];
        break;
      }
      case OPS.endAnnotation:
        if (widget && widget.length > 0) widgets.push(widget);
        widget = undefined;
        st = page;
        stack.splice(0, stack.length, ...pageStack);
        break;
      case OPS.save:
        stack.push({ ...st });
        break;
      case OPS.restore:
        st = stack.pop() ?? st;
        break;
      case OPS.transform: {
        const m = asMatrix(a);
        if (m) st.ctm = multiply(st.ctm, m);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...st });
        const m = asMatrix(a[0]);
        if (m) st.ctm = multiply(st.ctm, m);
        break;
      }
      case OPS.paintFormXObjectEnd:
        st = stack.pop() ?? st;
        break;
      case OPS.beginText:
        st.tm = IDENTITY;
        st.x = st.y = st.lineX = st.lineY = 0;
        break;
      case OPS.setTextMatrix: {
        const m = asMatrix(a[0]) ?? asMatrix(a);
        if (m) st.tm = m;
        st.x = st.y = st.lineX = st.lineY = 0;
        break;
      }
      case OPS.moveText:
        st.x = st.lineX += Number(a[0]) || 0;
        st.y = st.lineY += Number(a[1]) || 0;
        break;
      case OPS.setLeadingMoveText:
        st.leading = Number(a[1]) || 0;
        st.x = st.lineX += Number(a[0]) || 0;
        st.y = st.lineY += Number(a[1]) || 0;
        break;
      case OPS.setLeading:
        st.leading = -(Number(a[0]) || 0);
        break;
      case OPS.nextLine:
        st.x = st.lineX;
        st.y = st.lineY += st.leading;
        break;
      case OPS.setFont: {
        st.font = String(a[0]);
        st.size = Math.abs(Number(a[1]) || 0);
        st.decode = decoderFor(st.font);
        const info = font(st.font);
        const fx = info?.fontMatrix?.[0];
        st.fontX = typeof fx === "number" && fx !== 0 ? fx : 0.001;
        st.ascent = info?.ascent && info.ascent > 0.5 && info.ascent < 1.3 ? info.ascent : 0.9;
        st.descent = info?.descent && info.descent < 0 && info.descent > -0.5 ? info.descent : -0.22;
        break;
      }
      case OPS.setCharSpacing:
        st.charSpacing = Number(a[0]) || 0;
        break;
      case OPS.setWordSpacing:
        st.wordSpacing = Number(a[0]) || 0;
        break;
      case OPS.setHScale:
        st.hScale = (Number(a[0]) || 100) / 100;
        break;
      case OPS.setTextRise:
        st.rise = Number(a[0]) || 0;
        break;
      case OPS.showText:
        showText(lib, st, a[0], frame, () => seq++, emit);
        break;
      default:
        break;
    }
  }
  return { runs, odd, widgets };
}

/** The text each font shows in an operator list (annotations included): what FontDecoder learns from. */
export function textsByFontInOperatorList(OPS: PdfJs["OPS"], fns: ArrayLike<number>, args: ArrayLike<unknown>): Map<string, string> {
  const texts = new Map<string, string>();
  let font = "";
  for (let i = 0; i < fns.length; i++) {
    const a = (args[i] ?? []) as unknown[];
    if (fns[i] === OPS.setFont) font = String(a[0]);
    else if (fns[i] === OPS.showText && Array.isArray(a[0])) {
      let text = "";
      for (const g of a[0] as Array<Glyph | number | null>) if (g && typeof g === "object") text += g.unicode ?? "";
      texts.set(font, (texts.get(font) ?? "") + text + " ");
    }
  }
  return texts;
}

function showText(
  lib: Pick<PdfJs, "normalizeUnicode">,
  st: TextState,
  glyphs: unknown,
  frame: Matrix,
  nextSeq: () => number,
  emit: (run: Run, upright: boolean) => void,
): void {
  if (!Array.isArray(glyphs) || st.size === 0) return;
  let text = "";
  let inkStart = -1; // advance where the current run's ink starts
  let inkEnd = 0;
  let advance = 0;
  let blank = 0; // advance skipped since the last ink (spaces, kerning)
  // Whether a space glyph directly follows the ink (before any positioning): only then is there a
  // space at the run's end — a gap made by positioning is where another font's glyph goes.
  let spaceGlyph: boolean | undefined;
  const flush = () => {
    if (inkStart >= 0) {
      const made = makeRun(lib, st, text.trimEnd(), st.x + inkStart, st.x + inkEnd, frame, nextSeq());
      // A gap made by positioning alone (another font's glyph goes there) is not a space.
      if (made) {
        made.run.spaceAfter = spaceGlyph === true;
        emit(made.run, made.upright);
      }
    }
    text = "";
    inkStart = -1;
  };
  for (const g of glyphs as Array<Glyph | number | null>) {
    let dx: number;
    let ch = "";
    if (typeof g === "number") {
      dx = ((-g * st.size) / 1000) * st.hScale;
      if (Math.abs(dx) > 0.02 * st.size) spaceGlyph ??= false;
    } else if (g) {
      // isSpace means "char code 32" (word spacing applies), not a blank glyph: subset fonts put
      // other letters at code 32, so the text comes from unicode alone.
      dx = ((g.width ?? 0) * st.size * st.fontX + st.charSpacing + (g.isSpace ? st.wordSpacing : 0)) * st.hScale;
      ch = g.unicode ?? "";
      if (st.decode) ch = st.decode(ch);
    } else continue;
    const ink = ch.trim().length > 0;
    if (!ink) {
      blank += dx;
      advance += dx;
      if (ch.length > 0) spaceGlyph ??= true;
      if (ch.length > 0 || dx > 0.15 * st.size) text += " ";
      continue;
    }
    if (inkStart >= 0 && blank > SPLIT * st.size) flush();
    if (inkStart < 0) {
      inkStart = advance;
      text = "";
    }
    text += ch;
    blank = 0;
    spaceGlyph = undefined;
    advance += dx;
    inkEnd = advance;
  }
  flush();
  st.x += advance;
}

function makeRun(
  lib: Pick<PdfJs, "normalizeUnicode">,
  st: TextState,
  raw: string,
  from: number,
  to: number,
  frame: Matrix,
  seq: number,
): { run: Run; upright: boolean } | undefined {
  const str = lib.normalizeUnicode(raw).normalize("NFC").replace(/\s+/g, " ").trim();
  if (str.length === 0) return undefined;
  const m = multiply(st.ctm, st.tm);
  const [ux, uy] = apply(m, from, st.y + st.rise);
  const [ex, ey] = apply(m, to, st.y + st.rise);
  const vx = m[2] * st.size, vy = m[3] * st.size;
  const size = Math.hypot(vx, vy);
  if (!(size > 0.5)) return undefined;
  // Reading frame: text written left to right and upright takes part in lines (as in items.ts).
  const [lx0, ly] = apply(frame, ux, uy);
  const [lx1, ly1] = apply(frame, ex, ey);
  const upright = lx1 >= lx0 - 0.01 && Math.abs(ly1 - ly) <= 0.05 * Math.max(1, lx1 - lx0);
  const ax = (vx / size) * st.ascent * size, ay = (vy / size) * st.ascent * size;
  const dx = (vx / size) * st.descent * size, dy = (vy / size) * st.descent * size;
  const xs = [ux + dx, ux + ax, ex + dx, ex + ax];
  const ys = [uy + dy, uy + ay, ey + dy, ey + ay];
  const run: Run = {
    str,
    x0: Math.min(lx0, lx1),
    x1: Math.max(lx0, lx1),
    y: ly,
    size,
    font: st.font,
    seq,
    box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
    spaceBefore: false,
    spaceAfter: false,
  };
  return { run, upright };
}
