/**
 * `pnpm digit-model`: trains the handwritten-digit reader (src/input/ocr/handwriting/) and writes
 * its weights to digit-model.ts. Deterministic (seeded), about 20 s on one core.
 *
 * Data: MNIST's digits (scripts/mnist-digits.ts), each 7 also with a bar across its stem: the seven
 * Vietnamese schools teach and clerks write in numbers and days (`Số: 707/QĐ-TTg`), rare in MNIST.
 * Network: features.ts → 64 ReLU units → softmax over 10 digits, plain SGD on cross-entropy.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FEATURES, GRID, features } from "../packages/parser/src/input/ocr/handwriting/features.ts";
import { mnistDigits, type MnistDigit } from "./mnist-digits.ts";

const HIDDEN = 64;
const CLASSES = 10;
const EPOCHS = 24;
const OUT = fileURLToPath(new URL("../packages/parser/src/input/ocr/handwriting/digit-model.ts", import.meta.url));

let seed = 20261207;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

/**
 * A 7 with a bar across its stem, as clerks draw it: a little below the middle, 2–3 rows thick,
 * 7–15 px long, often rising to the right and ending on the left in a short stroke down.
 */
export function crossSeven(grid: Float32Array, r: () => number): Float32Array {
  const out = Float32Array.from(grid);
  const rows: { y: number; xs: number[] }[] = [];
  for (let y = 0; y < GRID; y++) {
    const xs: number[] = [];
    for (let x = 0; x < GRID; x++) if ((grid[y * GRID + x] ?? 0) > 0.5) xs.push(x);
    if (xs.length > 0) rows.push({ y, xs });
  }
  const top = rows[0]?.y ?? 0;
  const bottom = rows[rows.length - 1]?.y ?? 0;
  const y = Math.round(top + (bottom - top) * (0.4 + r() * 0.2));
  const row = rows.find((w) => w.y === y);
  if (row === undefined || bottom - top < 8) return out;
  const cx = Math.round(row.xs.reduce((s, x) => s + x, 0) / row.xs.length);
  const half = 3 + Math.floor(r() * 5);
  const rise = Math.floor(r() * 4);
  const thick = 2 + Math.floor(r() * 2);
  const tail = r() < 0.5 ? 0 : 1 + Math.floor(r() * 4);
  const ink = (x: number, yy: number): void => {
    if (x >= 0 && x < GRID && yy >= 0 && yy < GRID) out[yy * GRID + x] = 1;
  };
  for (let x = cx - half; x <= cx + half; x++) {
    const yy = y - Math.round((rise * (x - (cx - half))) / (2 * half));
    for (let t = 0; t < thick; t++) ink(x, yy - t + 1);
  }
  for (let k = 1; k <= tail; k++) for (let t = 0; t < thick; t++) ink(cx - half - Math.floor(k / 2) + t - 1, y + k);
  return out;
}

function main(): void {
  const { train, heldOut } = mnistDigits();
  const sevens = train.filter((d) => d.digit === 7).map((d): MnistDigit => ({ digit: 7, grid: crossSeven(d.grid, random) }));
  const samples = [...train, ...sevens].map((d) => ({ digit: d.digit, x: features(d.grid) }));
  const test = heldOut.map((d) => ({ digit: d.digit, x: features(d.grid) }));

  const w1 = new Float32Array(FEATURES * HIDDEN).map(() => (random() - 0.5) * 2 * Math.sqrt(6 / (FEATURES + HIDDEN)));
  const b1 = new Float32Array(HIDDEN);
  const w2 = new Float32Array(HIDDEN * CLASSES).map(() => (random() - 0.5) * 2 * Math.sqrt(6 / (HIDDEN + CLASSES)));
  const b2 = new Float32Array(CLASSES);
  const forward = (x: Float32Array, w1q = w1, b1q = b1, w2q = w2, b2q = b2): { h: Float32Array; p: Float32Array } => {
    const h = Float32Array.from(b1q);
    for (let i = 0; i < FEATURES; i++) {
      const xi = x[i] ?? 0;
      if (xi !== 0) for (let j = 0; j < HIDDEN; j++) h[j] = (h[j] ?? 0) + xi * (w1q[i * HIDDEN + j] ?? 0);
    }
    for (let j = 0; j < HIDDEN; j++) h[j] = Math.max(0, h[j] ?? 0);
    const p = Float32Array.from(b2q);
    for (let k = 0; k < CLASSES; k++) for (let j = 0; j < HIDDEN; j++) p[k] = (p[k] ?? 0) + (h[j] ?? 0) * (w2q[j * CLASSES + k] ?? 0);
    const max = Math.max(...p);
    let sum = 0;
    for (let k = 0; k < CLASSES; k++) sum += p[k] = Math.exp((p[k] ?? 0) - max);
    for (let k = 0; k < CLASSES; k++) p[k] = (p[k] ?? 0) / sum;
    return { h, p };
  };
  const order = samples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const rate = 0.05 * (1 - epoch / EPOCHS) + 0.003;
    for (const n of order) {
      const s = samples[n];
      if (s === undefined) continue;
      const { h, p } = forward(s.x);
      p[s.digit] = (p[s.digit] ?? 0) - 1;
      const gh = new Float32Array(HIDDEN);
      for (let j = 0; j < HIDDEN; j++) {
        if ((h[j] ?? 0) <= 0) continue;
        let g = 0;
        for (let k = 0; k < CLASSES; k++) g += (p[k] ?? 0) * (w2[j * CLASSES + k] ?? 0);
        gh[j] = g;
      }
      for (let j = 0; j < HIDDEN; j++) for (let k = 0; k < CLASSES; k++) w2[j * CLASSES + k] = (w2[j * CLASSES + k] ?? 0) - rate * (p[k] ?? 0) * (h[j] ?? 0);
      for (let k = 0; k < CLASSES; k++) b2[k] = (b2[k] ?? 0) - rate * (p[k] ?? 0);
      for (let i = 0; i < FEATURES; i++) {
        const xi = s.x[i] ?? 0;
        if (xi !== 0) for (let j = 0; j < HIDDEN; j++) w1[i * HIDDEN + j] = (w1[i * HIDDEN + j] ?? 0) - rate * (gh[j] ?? 0) * xi;
      }
      for (let j = 0; j < HIDDEN; j++) b1[j] = (b1[j] ?? 0) - rate * (gh[j] ?? 0);
    }
  }
  // Signed bytes, one scale per layer.
  const layers = [w1, b1, w2, b2];
  const scales = layers.map((l) => Math.max(...l.map(Math.abs)) / 127);
  const quantised = layers.map((l, i) => Int8Array.from(l, (v) => Math.round(v / (scales[i] ?? 1))));
  const bytes = new Uint8Array(quantised.reduce((s, q) => s + q.length, 0));
  let at = 0;
  for (const q of quantised) {
    bytes.set(new Uint8Array(q.buffer), at);
    at += q.length;
  }
  const [qw1, qb1, qw2, qb2] = quantised.map((q, i) => Float32Array.from(q, (v) => v * (scales[i] ?? 1)));
  const right = test.filter((s) => {
    const { p } = forward(s.x, qw1, qb1, qw2, qb2);
    return p.indexOf(Math.max(...p)) === s.digit;
  }).length;
  const accuracy = right / test.length;
  const base64 = Buffer.from(bytes).toString("base64");
  writeFileSync(
    OUT,
    `// Made by scripts/digit-model.ts (\`pnpm digit-model\`); do not edit. Held-out MNIST accuracy ${(accuracy * 100).toFixed(1)} % (${test.length} digits).\n` +
      `export const DIGIT_MODEL = {\n  inputs: ${FEATURES},\n  hidden: ${HIDDEN},\n  scales: [${scales.map((s) => s.toPrecision(9)).join(", ")}] as const,\n  weights:\n    "${base64}",\n} as const;\n`,
  );
  console.log(`digit model: ${bytes.length} bytes, held-out accuracy ${(accuracy * 100).toFixed(2)} % on ${test.length} digits → ${OUT}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
