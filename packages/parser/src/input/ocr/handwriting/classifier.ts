/**
 * Which digit a glyph is: a small neural network (features.ts → one hidden layer → 10 classes)
 * trained on MNIST's handwritten digits plus their crossed-7 variants, the seven Vietnamese clerks
 * write (scripts/digit-model.ts makes digit-model.ts; `pnpm digit-model` makes it again). Weights
 * are stored as signed bytes with one scale per layer: 21 KB, so the browser carries it too.
 */
import { DIGIT_MODEL } from "./digit-model.ts";
import { FEATURES, features, glyphToGrid, type Glyph } from "./features.ts";

export interface DigitReading {
  readonly digit: number;
  /** The network's probability for that digit, 0–1. */
  readonly probability: number;
}

interface Network {
  readonly hidden: number;
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  readonly w2: Float32Array;
  readonly b2: Float32Array;
}

const CLASSES = 10;
/**
 * A digit read less sure than this is not taken. On MNIST digits it was not trained on, drawn
 * through the same glyph path as a scan, 0.9 takes 85 % of them and 0.8 % of those are wrong
 * (0.95: 84 % and 0.8 %, 0.98: 83 % and 0.75 %): the few wrong ones are sure whatever the bar.
 */
export const SURE_DIGIT = 0.9;
let network: Network | null = null;

/** The stored weights, decoded on first use. */
function loadNetwork(): Network {
  if (network !== null) return network;
  const m = DIGIT_MODEL;
  if (m.inputs !== FEATURES) throw new Error(`digit model made for ${m.inputs} features, features.ts gives ${FEATURES}: run pnpm digit-model`);
  const bytes = Uint8Array.from(atob(m.weights), (c) => c.charCodeAt(0));
  const signed = new Int8Array(bytes.buffer);
  let at = 0;
  const take = (n: number, scale: number): Float32Array => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = (signed[at + i] ?? 0) * scale;
    at += n;
    return out;
  };
  network = {
    hidden: m.hidden,
    w1: take(m.inputs * m.hidden, m.scales[0]),
    b1: take(m.hidden, m.scales[1]),
    w2: take(m.hidden * CLASSES, m.scales[2]),
    b2: take(CLASSES, m.scales[3]),
  };
  return network;
}

/** Class probabilities for a feature vector (features.ts). */
export function digitProbabilities(input: Float32Array): Float32Array {
  const n = loadNetwork();
  const hidden = new Float32Array(n.hidden);
  for (let j = 0; j < n.hidden; j++) hidden[j] = n.b1[j] ?? 0;
  for (let i = 0; i < FEATURES; i++) {
    const x = input[i] ?? 0;
    if (x === 0) continue;
    const row = i * n.hidden;
    for (let j = 0; j < n.hidden; j++) hidden[j] = (hidden[j] ?? 0) + x * (n.w1[row + j] ?? 0);
  }
  const out = new Float32Array(CLASSES);
  let max = -Infinity;
  for (let k = 0; k < CLASSES; k++) {
    let s = n.b2[k] ?? 0;
    for (let j = 0; j < n.hidden; j++) s += Math.max(0, hidden[j] ?? 0) * (n.w2[j * CLASSES + k] ?? 0);
    out[k] = s;
    max = Math.max(max, s);
  }
  let sum = 0;
  for (let k = 0; k < CLASSES; k++) {
    out[k] = Math.exp((out[k] ?? 0) - max);
    sum += out[k] ?? 0;
  }
  for (let k = 0; k < CLASSES; k++) out[k] = (out[k] ?? 0) / sum;
  return out;
}

export function readDigit(glyph: Glyph): DigitReading {
  const p = digitProbabilities(features(glyphToGrid(glyph)));
  let digit = 0;
  for (let k = 1; k < CLASSES; k++) if ((p[k] ?? 0) > (p[digit] ?? 0)) digit = k;
  return { digit, probability: p[digit] ?? 0 };
}
