/**
 * MNIST's handwritten digits as shipped by the `mnist` package (10,000 28×28 grids, 0–1 ink; MNIST
 * by Y. LeCun, C. Cortes, C. Burges), split the one way both the trainer and the tests use: every
 * tenth digit of each class is held out for measuring, never trained on.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface MnistDigit {
  readonly digit: number;
  readonly grid: Float32Array;
}

const SIZE = 28 * 28;
const HOLD_OUT_EVERY = 10;

export function mnistDigits(): { train: MnistDigit[]; heldOut: MnistDigit[] } {
  const root = dirname(createRequire(import.meta.url).resolve("mnist/package.json"));
  const train: MnistDigit[] = [];
  const heldOut: MnistDigit[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const data = (JSON.parse(readFileSync(join(root, "src", "digits", `${digit}.json`), "utf8")) as { data: number[] }).data;
    for (let i = 0, k = 0; i + SIZE <= data.length; i += SIZE, k++) {
      (k % HOLD_OUT_EVERY === 0 ? heldOut : train).push({ digit, grid: Float32Array.from(data.slice(i, i + SIZE)) });
    }
  }
  return { train, heldOut };
}
