/**
 * A signing block under a seal. On a 1-bit scan the red seal is black like the text, and tesseract's
 * page layout takes the seal, the signature and the lines over them for a picture: nothing beside
 * `Nơi nhận:` is read. The genre puts the signing block there (NĐ 30/2020 Phụ lục I: recipients
 * left, authority, position and the signer's name right, the name at the foot), so that region is
 * read again, larger and as one block; the lowest line read there as words is the signer's name,
 * which is read once more as a single line (the seal's rim cuts into it). Only words that are
 * Vietnamese syllables are kept; what is still unreadable is said in a note, never guessed.
 */
import { isWellFormedSyllable } from "../../vi/syllables.ts";
import { RECIPIENTS_HEADING } from "../../vi/layout.ts";
import { looksLikePersonName, mendSurname } from "../../vi/names.ts";
import { trimPunctuation } from "./correct.ts";
import type { OcrLine, OcrWord } from "./engine.ts";
import type { PixelBox } from "./geometry.ts";

/** A part of the page as shares of its width and height (y down). */
export interface Region {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Recipients lines start within this many word heights of the heading's left edge, and follow within this gap. */
const SAME_COLUMN_HEIGHTS = 3;
const LINE_GAP_HEIGHTS = 2.5;
/** The signing block starts at least this far right (share of the page width). */
const RIGHT_HALF = 0.45;
/** A line read beside the recipients with this many sure words means the block was read. */
const SURE = 60;

/** The region right of a recipients list where nothing was read, or null (no list, or its signing block was read). */
export function unreadSigningRegion(lines: readonly OcrLine[], width: number, height: number): Region | null {
  const h = medianHeight(lines);
  const sorted = [...lines].sort((a, b) => a.bbox.y0 - b.bbox.y0);
  const heading = sorted.find((l) => RECIPIENTS_HEADING.exec(l.words.slice(0, 2).map((w) => w.text).join(" "))?.index === 0);
  if (heading === undefined) return null;
  let bottom = heading.bbox.y1;
  let right = heading.bbox.x1;
  for (const l of sorted) {
    if (l.bbox.y0 <= heading.bbox.y0 || l.bbox.x0 > heading.bbox.x0 + SAME_COLUMN_HEIGHTS * h) continue;
    if (l.bbox.y0 - bottom > LINE_GAP_HEIGHTS * h) break;
    bottom = Math.max(bottom, l.bbox.y1);
    right = Math.max(right, ...l.words.filter((w) => w.bbox.x0 < width / 2).map((w) => w.bbox.x1));
  }
  const box: PixelBox = {
    x0: Math.max(right + h, RIGHT_HALF * width),
    y0: Math.max(0, heading.bbox.y0 - 2 * h),
    x1: Math.min(width, width - 0.03 * width),
    y1: Math.min(height, bottom + 3 * h),
  };
  if (box.x1 - box.x0 < 5 * h) return null;
  const inside = (w: OcrWord) => (w.bbox.x0 + w.bbox.x1) / 2 > box.x0 && (w.bbox.y0 + w.bbox.y1) / 2 > box.y0 && (w.bbox.y0 + w.bbox.y1) / 2 < box.y1;
  const read = lines.some((l) => l.words.filter((w) => inside(w) && w.confidence >= SURE && isWellFormedSyllable(trimPunctuation(w.text))).length >= 2);
  return read ? null : { x0: box.x0 / width, y0: box.y0 / height, x1: box.x1 / width, y1: box.y1 / height };
}

/** The lowest line of the region's reading with two sure syllables (the name under the signature), as a band of the region. */
export function nameBand(lines: readonly OcrLine[], height: number): { y0: number; y1: number } | null {
  const named = lines.filter((l) => l.words.filter((w) => w.confidence >= SURE && isWellFormedSyllable(trimPunctuation(w.text)) && /^\p{Lu}/u.test(w.text)).length >= 2);
  const last = named.sort((a, b) => b.bbox.y1 - a.bbox.y1)[0];
  if (last === undefined) return null;
  const pad = 0.6 * (last.bbox.y1 - last.bbox.y0);
  return { y0: Math.max(0, last.bbox.y0 - pad) / height, y1: Math.min(height, last.bbox.y1 + pad) / height };
}

/** The name's words from its line read alone: capitalised syllables, the seal's marks left out; null when they are no whole name. */
export function signerWords(lines: readonly OcrLine[]): OcrWord[] | null {
  const words = lines
    .flatMap((l) => l.words)
    .map((w) => {
      const text = mendSurname(trimPunctuation(w.text).replace(/^[^\p{L}]+/u, ""));
      return { ...w, text };
    })
    .filter((w) => w.text !== "" && /^\p{Lu}/u.test(w.text) && isWellFormedSyllable(w.text));
  // A name as the genre prints it (a family name first), or nothing: `Văn Thăng` without its family name is no signer.
  return looksLikePersonName(words.map((w) => w.text).join(" ")) ? words : null;
}

function medianHeight(lines: readonly OcrLine[]): number {
  const hs = lines.flatMap((l) => l.words.map((w) => w.bbox.y1 - w.bbox.y0)).sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)] ?? 30;
}
