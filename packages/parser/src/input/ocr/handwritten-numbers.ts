/**
 * Numbers the clerk writes by hand when the document is issued: the sequence of `Số: ___/QĐ-TTg`
 * and the day (sometimes the month) of `ngày ___ tháng … năm …`, in the header and in an attached
 * document's `(Kèm theo Quyết định số ___/QĐ-TTg ngày ___ tháng …)` line. Tesseract reads them as
 * noise (`‡ox`, `82`, `k@`), which correct.ts marks as uncertain numbers. Each such slot is rendered
 * again and its digits read by the handwritten-digit reader (handwriting/). A reading replaces the
 * noise only when every digit is sure and the value fits the slot (a day 1–31, a month 1–12); it is
 * then marked `handwritten` for a warning that asks for a check. Anything else stays as read and
 * uncertain: a number is never guessed.
 */
import { readDigit, SURE_DIGIT } from "./handwriting/classifier.ts";
import { digitGlyphs, inkShapes, isDigitShaped } from "./handwriting/glyphs.ts";
import type { PagePiece } from "./assemble.ts";
import { trimPunctuation, type ReadLine, type ReadWord } from "./correct.ts";
import { decodePgm } from "./pnm.ts";
import type { LoadedImage } from "./scheduler.ts";
import type { Region } from "./signing.ts";
import { ATTACHED_MARK, NUMBER_FIELD } from "../../vi/layout.ts";

/** Renders a region of the page (shares of the upright page) as a grayscale PGM. */
export type RenderRegion = (region: Region) => Promise<LoadedImage>;

/** Margin around the slot rendered, in line heights: room for strokes beyond the word's box. */
const MARGIN_LINES = 0.35;

type SlotKind = "number" | "day" | "month";

const ATTACHED = ATTACHED_MARK.join(" ");
const MAX_DIGITS: Record<SlotKind, number> = { number: 6, day: 2, month: 2 };

/** The page's handwritten slots read where they can be; words and their order otherwise unchanged. */
export async function readHandwrittenNumbers(piece: PagePiece, image: { readonly width: number; readonly height: number }, render: RenderRegion): Promise<PagePiece> {
  const lines: ReadLine[] = [];
  let before = "";
  for (const line of piece.lines) {
    const words = [...line.words];
    // Where a clerk writes: the header's `Số:` and `<place>, ngày`, and an attached document's `(Kèm theo … số … ngày …)` (over two lines).
    const attached = `${before} ${words.map((w) => w.text).join(" ")}`.toLowerCase().includes(ATTACHED);
    before = words.map((w) => w.text).join(" ");
    for (const [i, w] of words.entries()) {
      if (w.uncertainNumber !== true) continue;
      const kind = slotKind(words, i, attached);
      if (kind === null) continue;
      const read = await readSlot(words, i, kind, image, render).catch(() => null);
      if (read !== null) words[i] = read;
    }
    lines.push({ words });
  }
  return { ...piece, lines };
}

function slotKind(words: readonly ReadWord[], i: number, attached: boolean): SlotKind | null {
  const prev = words[i - 1]?.text ?? "";
  const word = trimPunctuation(prev).toLowerCase();
  // The header's `Số:` (a Party committee's `Số` has no colon), or `số` in an attached document's line.
  if ((NUMBER_FIELD.test(prev) && prev.startsWith("S")) || prev === "Số" || (attached && word === "số")) return "number";
  const placeDate = word === "ngày" ? (words[i - 2]?.text.endsWith(",") ?? false) : word === "tháng" && (words[i - 4]?.text.endsWith(",") ?? false);
  if (!placeDate && !attached) return null;
  if (word === "ngày") return "day";
  if (word === "tháng") return "month";
  return null;
}

async function readSlot(words: readonly ReadWord[], i: number, kind: SlotKind, image: { width: number; height: number }, render: RenderRegion): Promise<ReadWord | null> {
  const w = words[i];
  if (w === undefined) return null;
  // `707/QĐ-TTg` read as one word: the slot is the part before the slash (a Party symbol's hyphen:
  // `125-KH/TU`), by its share of characters.
  const slash = kind === "number" ? symbolStart(w.text) : -1;
  const slotChars = slash > 0 ? slash : w.text.length;
  const width = w.bbox.x1 - w.bbox.x0;
  let from = w.bbox.x0;
  let to = slash > 0 ? w.bbox.x0 + (width * slotChars) / Math.max(1, w.text.length) : w.bbox.x1;
  // A slot tesseract read as its own word reaches to the printed words around it.
  const prev = words[i - 1];
  const next = words[i + 1];
  if (w.cutFrom === undefined && prev !== undefined && prev.cutFrom === undefined && prev.bbox.x1 < from) from = prev.bbox.x1 + 1;
  if (w.cutFrom === undefined && slash <= 0 && next !== undefined && next.cutFrom === undefined && next.bbox.x0 > to) to = next.bbox.x0 - 1;
  // The line's band from a printed word beside the slot: the noise's own box may reach into a stamp below.
  const printed = [prev, next].find((n) => n !== undefined && n.cutFrom === undefined && n.uncertainNumber !== true && !n.text.includes("/")) ?? w;
  const band = { y0: printed.bbox.y0, y1: printed.bbox.y1 };
  const margin = MARGIN_LINES * (band.y1 - band.y0);
  const box = { x0: Math.max(0, from - margin), x1: Math.min(image.width, to + margin), y0: Math.max(0, band.y0 - margin), y1: Math.min(image.height, band.y1 + margin) };
  if (box.x1 <= box.x0 || box.y1 <= box.y0) return null;
  const rendered = await render({ x0: box.x0 / image.width, x1: box.x1 / image.width, y0: box.y0 / image.height, y1: box.y1 / image.height });
  const pgm = decodePgm(rendered.bytes);
  if (pgm === null) return null;
  const scale = pgm.width / (box.x1 - box.x0);
  // A shape running off the top or bottom of the region is part of something else (a stamp's frame, a rule).
  const shapes = inkShapes(pgm).filter((g) => g.y0 > 0 && g.y1 < pgm.height - 1);
  const left = (from - box.x0) * scale;
  let right = (to - box.x0) * scale;
  // A right boundary shared out by characters (`707/QĐ-TTg`, `ngày82tháng`) falls short: handwritten digits
  // are wider than print. A shape it cuts through is taken in when it reads as a sure digit (a printed
  // letter seldom does; the slash is told apart by its shape).
  if (slash > 0 || w.cutFrom !== undefined) right = Math.max(right, ...shapes.filter((g) => g.x0 < right && g.x1 > right && readDigit(g).probability >= SURE_DIGIT && isDigitShaped(g)).map((g) => g.x1));
  const glyphs = digitGlyphs(shapes, left, right, (slash > 0 && w.text[slash] === "/") || (next?.text.startsWith("/") ?? false));
  if (glyphs.length === 0 || glyphs.length > MAX_DIGITS[kind] || !glyphs.every(isDigitShaped)) return null;
  const digits = glyphs.map(readDigit);
  const sureness = Math.min(...digits.map((d) => d.probability));
  if (sureness < SURE_DIGIT) return null;
  const value = digits.map((d) => d.digit).join("");
  if (!fits(kind, value)) return null;
  const tail = slash > 0 ? w.text.slice(slash) : "";
  const { uncertainNumber: _dropped, ...rest } = w;
  return { ...rest, text: value + tail, confidence: Math.round(sureness * 100), handwritten: sureness };
}

/** Where the printed symbol starts after the number: its `/`, or a Party symbol's `-` before the `/`. */
function symbolStart(text: string): number {
  const slash = text.indexOf("/");
  const hyphen = text.indexOf("-");
  return hyphen > 0 && (slash < 0 || hyphen < slash) ? hyphen : slash;
}

/** A day 1–31, a month 1–12, a number's sequence not starting with 0. */
function fits(kind: SlotKind, value: string): boolean {
  const n = Number(value);
  if (kind === "day") return n >= 1 && n <= 31;
  if (kind === "month") return n >= 1 && n <= 12;
  return !value.startsWith("0");
}
