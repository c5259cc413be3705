import { isVietnameseSyllable } from "./garbage.ts";
import { emWidth } from "./glyphs.ts";
import { unionBox } from "./items.ts";
import type { Run } from "./types.ts";

// Repair of lines set in two fonts: a font without Vietnamese letters, and a fallback font drawing the
// letters it lacks (LibreOffice with Liberation Serif 1.x + DejaVu Serif). pdf.js returns each font's
// glyphs as separate runs, the fallback's after the rest of the line, and writes a " " inside a run
// where the other font's glyph goes. Sorting runs by x fixes the order between runs; this module fixes
// runs that overlap (one font's glyphs inside the other's gaps).

/** Runs overlapping by more than this share of the size are a glyph of one font inside another's run. */
const INTRUSION = 0.25;

/**
 * How wide each font sets text compared with the Times table, measured on the page's one-word runs
 * (median width / estimate). A fallback font such as DejaVu Serif is about a quarter wider.
 */
export function widthFactors(runs: readonly Run[]): Map<string, number> {
  const ratios = new Map<string, number[]>();
  for (const run of runs) {
    if (run.sup || run.blank || run.str.includes(" ") || run.str.length > 12) continue;
    const list = ratios.get(run.font);
    if (list && list.length >= 64) continue;
    const em = emText(run.str) * run.size;
    if (em <= 0) continue;
    const ratio = (run.x1 - run.x0) / em;
    if (list) list.push(ratio);
    else ratios.set(run.font, [ratio]);
  }
  const out = new Map<string, number>();
  for (const [font, list] of ratios) {
    list.sort((a, b) => a - b);
    const median = list[Math.floor(list.length / 2)] as number;
    out.set(font, Math.min(1.6, Math.max(0.7, median)));
  }
  return out;
}

/**
 * A fallback-font glyph narrower than 0.6 em does not make pdf.js split the run around it: it writes a
 * " " where the glyph goes ("L ng S n" + "ạ" + "ơ"), and the fallback font's own run has such spaces
 * for the primary font's letters ("ở ộ" around "r"). Runs that overlap are therefore cut into words at
 * their spaces, each word placed by estimated glyph widths between the run's known start and end,
 * all words sorted by x, and the spaces between words of different runs decided from the gaps and
 * from which segmentation gives Vietnamese syllables (see `segment`). Overlap clusters are rare and
 * small; runs that do not overlap are left alone.
 */
export function mergeOverlaps(runs: Run[], factors: () => Map<string, number>): Run[] {
  const out: Run[] = [];
  let cluster: Run[] = [];
  let reach = -Infinity;
  const flush = (next: Run | undefined) => {
    if (cluster.length > 1) out.push(mergeCluster(cluster, factors(), out[out.length - 1], next));
    else out.push(...cluster);
    cluster = [];
  };
  for (const run of runs) {
    const mergeable = !run.sup && !run.widget;
    if (cluster.length > 0 && mergeable && run.x0 < reach - INTRUSION * run.size) {
      cluster.push(run);
      reach = Math.max(reach, run.x1);
      continue;
    }
    flush(run);
    if (mergeable) {
      cluster = [run];
      reach = run.x1;
    } else {
      out.push(run);
      reach = -Infinity;
    }
  }
  flush(undefined);
  return out;
}

interface Word {
  run: number;
  index: number;
  text: string;
  em: number;
  x0: number;
  x1: number;
}

function mergeCluster(cluster: Run[], factors: Map<string, number>, before: Run | undefined, after: Run | undefined): Run {
  const words: Word[][] = cluster.map((run, r) => {
    const factor = factors.get(run.font) ?? 1;
    return run.str.split(" ").map((text, index) => ({ run: r, index, text, em: emText(text) * factor, x0: run.x0, x1: run.x1 }));
  });
  place(cluster, words);
  // Several spaces in a row hold several of the other font's glyphs: the words around them are not
  // next to each other (their indices are not consecutive), and the empty pieces go.
  const order = words.flat().filter((w) => w.text.length > 0).sort(byX);
  const first = cluster[0] as Run;
  const size = Math.min(...cluster.map((r) => r.size));
  // Words of the runs just before and after, when they touch the cluster, so edge syllables are whole.
  const prefix = before && first.x0 - before.x1 <= JOIN_GAP * size && !before.spaceAfter ? lastWord(before.str) : "";
  let x1 = first.x1, last = first;
  for (const run of cluster) if (run.x1 >= x1) [x1, last] = [run.x1, run];
  const suffix = after && after.x0 - x1 <= JOIN_GAP * size && !after.spaceBefore ? firstWord(after.str) : "";
  const text = segment(order, size, prefix, suffix);
  let box = first.box, seq = first.seq;
  for (const run of cluster) {
    box = unionBox(box, run.box);
    seq = Math.min(seq, run.seq);
  }
  return { ...first, str: text, x1, box, seq, spaceAfter: last.spaceAfter };
}

/** Gap (in font sizes) below which two pieces more likely touch than stand a space apart. */
const JOIN_GAP = 0.12;
/** Cost of a word that cannot be a Vietnamese syllable, against the geometry's cost per 0.1 em. */
const BAD_SYLLABLE = 4;
/** Most pieces one word is made of. */
const MAX_PIECES = 8;

function lastWord(text: string): string {
  return text.slice(text.lastIndexOf(" ") + 1);
}

function firstWord(text: string): string {
  const i = text.indexOf(" ");
  return i < 0 ? text : text.slice(0, i);
}

/**
 * Decides the spaces between the sorted pieces of a cluster. Two pieces of one run that follow each
 * other had a real space between them. Elsewhere each gap is weighed (estimated positions are a few
 * tenths of an em off) together with whether the resulting words are Vietnamese syllables: the cheapest
 * segmentation wins (a small DP over the pieces, O(n) with words of at most MAX_PIECES pieces).
 */
function segment(pieces: readonly Word[], size: number, prefix: string, suffix: string): string {
  const n = pieces.length;
  const forced: boolean[] = [];
  const lean: number[] = []; // > 0: the gap says space; < 0: it says join
  for (let k = 0; k + 1 < n; k++) {
    const a = pieces[k] as Word, b = pieces[k + 1] as Word;
    forced.push(a.run === b.run && b.index === a.index + 1);
    lean.push(Math.max(-3, Math.min(3, (b.x0 - a.x1 - JOIN_GAP * size) / (0.1 * size))));
  }
  const best = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    let joinCost = 0;
    let token = "";
    // A word spans at most a few pieces (letters of two fonts alternating): that bounds the work.
    for (let i = j - 1; i >= 0 && i >= j - MAX_PIECES; i--) {
      // token = pieces[i..j-1]; the boundary after piece i-1 (index i-1) is a space.
      token = (pieces[i] as Word).text + token;
      if (i < j - 1) {
        if (forced[i] as boolean) break;
        joinCost += Math.max(0, lean[i] as number);
      }
      const spaceCost = i > 0 ? Math.max(0, -(lean[i - 1] as number)) : 0;
      const whole = (i === 0 ? prefix : "") + token + (j === n ? suffix : "");
      const cost = (best[i] as number) + spaceCost + joinCost + syllablePenalty(whole);
      if (cost < (best[j] as number)) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }
  const tokens: string[] = [];
  for (let j = n; j > 0; j = from[j] as number) {
    tokens.push(pieces.slice(from[j] as number, j).map((w) => w.text).join(""));
  }
  return tokens.reverse().join(" ");
}

function syllablePenalty(token: string): number {
  let penalty = 0;
  for (const part of token.match(/[\p{L}\p{M}]+/gu) ?? []) if (!isVietnameseSyllable(part)) penalty += BAD_SYLLABLE;
  return penalty;
}

function emText(text: string): number {
  let em = 0;
  for (const ch of text) em += emWidth(ch);
  return em;
}

function byX(a: Word, b: Word): number {
  return a.x0 - b.x0 || a.run - b.run || a.index - b.index;
}

/** Places a run's words between its known start and end; the spaces share what the words leave over. */
function place(cluster: readonly Run[], words: Word[][]): void {
  cluster.forEach((run, r) => {
    const list = words[r] as Word[];
    const size = run.size;
    const width = run.x1 - run.x0;
    const spaces = list.length - 1;
    const own = list.reduce((sum, w) => sum + w.em, 0) * size;
    let spaceW = spaces > 0 ? (width - own) / spaces : 0;
    spaceW = Math.min(1.2 * size, Math.max(0.12 * size, spaceW));
    const scale = own > 0 ? Math.min(1.5, Math.max(0.6, (width - spaces * spaceW) / own)) : 1;
    let x = run.x0;
    for (const word of list) {
      word.x0 = x;
      word.x1 = x + word.em * size * scale;
      x = word.x1 + spaceW;
    }
  });
}
