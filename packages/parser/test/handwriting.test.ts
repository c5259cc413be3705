import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digitProbabilities, readDigit, SURE_DIGIT } from "../src/input/ocr/handwriting/classifier.ts";
import { features, GRID } from "../src/input/ocr/handwriting/features.ts";
import { digitGlyphs, inkShapes, isDigitShaped } from "../src/input/ocr/handwriting/glyphs.ts";
import { readHandwrittenNumbers } from "../src/input/ocr/handwritten-numbers.ts";
import type { PagePiece } from "../src/input/ocr/assemble.ts";
import type { ReadWord } from "../src/input/ocr/correct.ts";
import { decodePgm, encodePnm, type GrayImage } from "../src/input/ocr/pnm.ts";
import { mnistDigits } from "../../../scripts/mnist-digits.ts";

const fixtures = fileURLToPath(new URL("../../../fixtures/handwriting/", import.meta.url));
const { heldOut } = mnistDigits();

function best(p: Float32Array): number {
  return p.indexOf(Math.max(...p));
}

describe("the handwritten-digit reader", () => {
  it("reads MNIST digits it was not trained on (every tenth of each class held out)", () => {
    const right = heldOut.filter((d) => best(digitProbabilities(features(d.grid))) === d.digit).length;
    expect(right / heldOut.length).toBeGreaterThan(0.96);
  });

  it("is rarely sure and wrong: of the held-out digits it reads at ≥ SURE_DIGIT, under 1 % are wrong", () => {
    const sure = heldOut.map((d) => ({ d, p: digitProbabilities(features(d.grid)) })).filter(({ p }) => Math.max(...p) >= SURE_DIGIT);
    const wrong = sure.filter(({ d, p }) => best(p) !== d.digit).length;
    expect(sure.length / heldOut.length).toBeGreaterThan(0.85);
    expect(wrong / sure.length).toBeLessThan(0.01);
  });

  it("reads digits written apart, and is rarely sure and wrong on digits run together (MNIST pairs at 3× scale, as on a scan)", () => {
    const pairs = 200;
    const outcome = (gap: number) => {
      let right = 0;
      let sureWrong = 0;
      for (let k = 0; k < pairs; k++) {
        const a = heldOut[(k * 37) % heldOut.length];
        const b = heldOut[(k * 53 + 11) % heldOut.length];
        if (a === undefined || b === undefined) continue;
        const image = side(a.grid, b.grid, gap);
        const glyphs = digitGlyphs(inkShapes(image), 0, image.width, false);
        const read = glyphs.map(readDigit);
        const value = read.map((r) => r.digit).join("");
        if (value === `${a.digit}${b.digit}`) right++;
        const taken = read.length > 0 && glyphs.every(isDigitShaped) && read.every((r) => r.probability >= SURE_DIGIT);
        if (taken && value !== `${a.digit}${b.digit}`) sureWrong++;
      }
      return { right: right / pairs, sureWrong: sureWrong / pairs };
    };
    const apart = outcome(3);
    expect(apart.right).toBeGreaterThan(0.88);
    expect(apart.sureWrong).toBeLessThan(0.03);
    // Touching: read or not, a wrong value is rarely taken as sure.
    expect(outcome(0).sureWrong).toBeLessThan(0.03);
  });
});

const UP = 3;
/**
 * Two MNIST grids side by side on white, drawn 3× larger (bilinear) as a scan's digits are, `gap`
 * grid pixels between their inks (0: touching).
 */
function side(a: Float32Array, b: Float32Array, gap: number): GrayImage {
  const size = GRID * UP;
  const width = 2 * size + (gap + 8) * UP;
  const height = size + 8 * UP;
  const gray = new Uint8Array(width * height).fill(255);
  const sample = (g: Float32Array, x: number, y: number): number => {
    const fx = x / UP - 0.5;
    const fy = y / UP - 0.5;
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const tx = fx - x0;
    const ty = fy - y0;
    const v = (X: number, Y: number): number => (X < 0 || Y < 0 || X >= GRID || Y >= GRID ? 0 : (g[Y * GRID + X] ?? 0));
    return v(x0, y0) * (1 - tx) * (1 - ty) + v(x0 + 1, y0) * tx * (1 - ty) + v(x0, y0 + 1) * (1 - tx) * ty + v(x0 + 1, y0 + 1) * tx * ty;
  };
  const draw = (g: Float32Array, dx: number): void => {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size && x + dx < width; x++) {
        const at = (y + 4 * UP) * width + x + dx;
        gray[at] = Math.min(gray[at] ?? 255, Math.round(255 * (1 - sample(g, x, y))));
      }
    }
  };
  const inkColumns = (g: Float32Array): [number, number] => {
    let x0 = GRID;
    let x1 = 0;
    for (let i = 0; i < g.length; i++) if ((g[i] ?? 0) > 0.3) [x0, x1] = [Math.min(x0, i % GRID), Math.max(x1, i % GRID)];
    return [x0, x1];
  };
  const [, aRight] = inkColumns(a);
  const [bLeft] = inkColumns(b);
  draw(a, 4 * UP);
  draw(b, (4 + aRight - bLeft + 1 + gap) * UP);
  return { width, height, gray };
}

describe("handwritten numbers on a real scan (fixtures/handwriting: slots of qd_ttg_707's pages 1 and 3)", () => {
  /** A fixture crop as the page, its words' boxes as the OCR laid them out (shifted into the crop). */
  function page(name: string): { image: GrayImage; render: (r: { x0: number; y0: number; x1: number; y1: number }) => Promise<{ bytes: Uint8Array; width: number; height: number }> } {
    const pgm = name === "blank" ? { width: 250, height: 60, gray: new Uint8Array(250 * 60).fill(255) } : decodePgm(new Uint8Array(readFileSync(`${fixtures}${name}.pgm`)));
    if (pgm === null) throw new Error(`${name}: not a PGM`);
    const image = pgm;
    const render = async (r: { x0: number; y0: number; x1: number; y1: number }) => {
      const x0 = Math.round(r.x0 * image.width);
      const y0 = Math.round(r.y0 * image.height);
      const w = Math.max(1, Math.round(r.x1 * image.width) - x0);
      const h = Math.max(1, Math.round(r.y1 * image.height) - y0);
      const out = new Uint8Array(w * h);
      for (let y = 0; y < h; y++) out.set(image.gray.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + w), y * w);
      return { bytes: encodePnm("gray", w, h, out), width: w, height: h };
    };
    return { image, render };
  }
  const word = (text: string, [x0, y0, x1, y1]: readonly number[], extra: Partial<ReadWord> = {}): ReadWord => ({ text, confidence: 40, bbox: { x0: x0 ?? 0, y0: y0 ?? 0, x1: x1 ?? 0, y1: y1 ?? 0 }, ...extra });
  const piece = (words: ReadWord[]): PagePiece => ({ page: 1, lines: [{ words }], placement: { width: 1, height: 1, ctm: [1, 0, 0, 1, 0, 0], rotation: 0 } });
  const read = async (name: string, words: ReadWord[]): Promise<readonly ReadWord[]> => {
    const { image, render } = page(name);
    const out = await readHandwrittenNumbers(piece(words), image, render);
    return out.lines[0]?.words ?? [];
  };
  /** Pieces of one word tesseract read (`ngày82tháng`, `k@tháng`): the box they were cut from. */
  const cutFrom = (x0: number, y0: number, x1: number, y1: number) => ({ cutFrom: { x0, y0, x1, y1 } });

  it("reads the header's `Số: 707/QĐ-TTg` (tesseract: `‡ox`) as 707, marked handwritten", async () => {
    const words = await read("p1-number-707", [word("Số:", [0, -4, 15, 43]), word("‡ox", [27, 10, 93, 44], { uncertainNumber: true }), word("/QĐ-TTg", [109, 4, 246, 68])]);
    expect(words.map((w) => w.text)).toEqual(["Số:", "707", "/QĐ-TTg"]);
    expect(words[1]?.uncertainNumber).toBeUndefined();
    expect(words[1]?.handwritten).toBeGreaterThanOrEqual(SURE_DIGIT);
  });

  it("reads a Party committee's `Số ___-KH/TU` (no colon; the slot ends at the symbol's hyphen)", async () => {
    // The hyphen's share by characters falls inside the last 7 (handwriting is wider than print): a shape cut there is taken in when it reads as a sure digit.
    const words = await read("p1-number-707", [word("Số", [0, -4, 15, 43]), word("‡ox-KH/TU", [27, 10, 190, 44], { uncertainNumber: true })]);
    expect(words.map((w) => w.text)).toEqual(["Số", "707-KH/TU"]);
    expect(words[1]?.handwritten).toBeGreaterThanOrEqual(SURE_DIGIT);
  });

  it("reads the day of `Hà Nội, ngày 22 tháng 4` (tesseract: `ngày82tháng`, cut by characters) as 22", async () => {
    const words = await read("p1-day-22", [
      word("Nội,", [-76, 11, -13, 44]),
      word("ngày", [2, 11, 81, 50], cutFrom(2, 11, 219, 50)),
      word("82", [81, 11, 120, 50], { ...cutFrom(2, 11, 219, 50), uncertainNumber: true }),
      word("tháng", [120, 11, 219, 50], cutFrom(2, 11, 219, 50)),
    ]);
    expect(words.map((w) => w.text)).toEqual(["Nội,", "ngày", "22", "tháng"]);
    expect(words[2]?.handwritten).toBeGreaterThanOrEqual(SURE_DIGIT);
  });

  it("never puts a wrong number in place: the attachment's line (smaller, a hooked 7) is read as 707 or left as read, uncertain", async () => {
    const words = await read("p3-number-707", [word("số", [8, 2, 45, 38]), word("401/QĐ-TTg", [55, 10, 259, 48], { uncertainNumber: true })]);
    const slot = words[1];
    if (slot?.handwritten !== undefined) expect(slot.text).toBe("707/QĐ-TTg");
    else expect(slot).toMatchObject({ text: "401/QĐ-TTg", uncertainNumber: true });
    const day = await read("p3-day-22", [word("(Kèm", [-400, -40, -300, 0]), word("ngày", [4, 8, 81, 43]), word("k@", [92, 8, 129, 45], { ...cutFrom(92, 8, 221, 45), uncertainNumber: true }), word("tháng", [129, 8, 221, 45], cutFrom(92, 8, 221, 45))]);
    if (day[2]?.handwritten !== undefined) expect(day[2].text).toBe("22");
    else expect(day[2]).toMatchObject({ text: "k@", uncertainNumber: true });
  });

  it("leaves a blank slot (a draft's `Số:    /KH-UBND`) and slots outside the header and attached lines as they were", async () => {
    const blank = await read("blank", [word("Số:", [0, 0, 15, 43]), word("‡", [20, 30, 30, 38], { uncertainNumber: true }), word("/KH-UBND", [109, 4, 246, 58])]);
    expect(blank[1]).toMatchObject({ text: "‡", uncertainNumber: true });
    // `ngày 82 tháng` in a body sentence (no `<place>,` before it, no `kèm theo`): not a clerk's slot.
    const body = await read("p1-day-22", [word("trước", [-76, 11, -13, 44]), word("ngày", [2, 11, 81, 50], cutFrom(2, 11, 219, 50)), word("82", [81, 11, 120, 50], { ...cutFrom(2, 11, 219, 50), uncertainNumber: true }), word("tháng", [120, 11, 219, 50], cutFrom(2, 11, 219, 50))]);
    expect(body[2]).toMatchObject({ text: "82", uncertainNumber: true });
  });
});

describe("PGM", () => {
  it("decodes what encodePnm writes (any size, any bytes)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer(), (w, h, seed) => {
        const pixels = Uint8Array.from({ length: w * h }, (_, i) => (seed * 31 + i * 17) & 255);
        const back = decodePgm(encodePnm("gray", w, h, pixels));
        expect(back?.width).toBe(w);
        expect(back?.height).toBe(h);
        expect([...(back?.gray ?? [])]).toEqual([...pixels]);
      }),
    );
  });

  it("returns null for what is not an 8-bit binary PGM", () => {
    expect(decodePgm(new TextEncoder().encode("P6\n1 1\n255\nabc"))).toBeNull();
    expect(decodePgm(new TextEncoder().encode("P5\n2 2\n255\nab"))).toBeNull();
    expect(decodePgm(new Uint8Array())).toBeNull();
  });
});
