import { Int32Column } from "./int32-column.ts";

/**
 * Where each character of a text came from in the normaliser's input, as runs: run r gives the characters
 * from `outStarts[r]` the input offsets `inStarts[r]`, `inStarts[r] + 1`, …, or -1 for each when
 * `inStarts[r]` is -1 (characters the normaliser inserted: a line break between paragraphs, a footnote's
 * `[^N]: `). Cleaning and re-flowing rarely move a character (a CRLF, a dropped invisible one, an NFD
 * cluster, a joined line), so a 10 MB text has a few runs a line where an offset a character took 4 bytes
 * each (30 MB, alive from the normaliser to the end of the parse).
 */
export class OriginRuns {
  private readonly outStarts = new Int32Column();
  private readonly inStarts = new Int32Column();
  /** Characters covered so far. */
  length = 0;

  /** Appends `count` characters from input offsets `from`, `from + 1`, …; or `count` inserted ones for `from` -1. */
  append(from: number, count: number): void {
    if (count <= 0) return;
    const last = this.outStarts.length - 1;
    const lastFrom = last < 0 ? NaN : this.inStarts.at(last);
    // A run goes on while the input offsets do, or while characters are inserted.
    const goesOn = from < 0 ? lastFrom === -1 : lastFrom >= 0 && lastFrom + (this.length - this.outStarts.at(last)) === from;
    if (!goesOn) {
      this.outStarts.push(this.length);
      this.inStarts.push(from < 0 ? -1 : from);
    }
    this.length += count;
  }

  /** Appends `count` characters that all came from input offset `from` (-1: inserted). */
  appendSame(from: number, count: number): void {
    if (from < 0) return this.append(-1, count);
    for (let k = 0; k < count; k++) this.append(from, 1);
  }

  /** Appends the origins of characters `[from, to)` of `source`. */
  appendFrom(source: Int32Array | OriginRuns, from: number, to: number): void {
    if (source instanceof OriginRuns) {
      source.forEachRun(from, to, (_, inStart, count) => this.append(inStart, count));
      return;
    }
    for (let k = from; k < to; k++) this.append(source[k] as number, 1);
  }

  /** The input offset of character `k`. */
  at(k: number): number {
    if (k < 0 || k >= this.length) return -1;
    const r = this.runOf(k);
    const inStart = this.inStarts.at(r);
    return inStart < 0 ? -1 : inStart + (k - this.outStarts.at(r));
  }

  /** Writes the origins of characters `[from, to)` into `out` from `at`. */
  copy(from: number, to: number, out: Int32Array, at: number): void {
    this.forEachRun(from, to, (outStart, inStart, count) => {
      for (let k = 0; k < count; k++) out[at + outStart - from + k] = inStart < 0 ? -1 : inStart + k;
    });
  }

  /**
   * Calls `visit` for each stretch of `[from, to)` within one run, in order: where it starts, the input offset of
   * its first character (-1: inserted, as are all the rest), and how many characters it has.
   */
  forEachRun(from: number, to: number, visit: (outStart: number, inStart: number, count: number) => void): void {
    const end = Math.min(to, this.length);
    if (from >= end) return;
    for (let r = this.runOf(Math.max(0, from)); r < this.outStarts.length; r++) {
      const runStart = this.outStarts.at(r);
      if (runStart >= end) break;
      const runEnd = r + 1 < this.outStarts.length ? this.outStarts.at(r + 1) : this.length;
      const start = Math.max(runStart, from);
      const stop = Math.min(runEnd, end);
      if (stop <= start) continue;
      const inStart = this.inStarts.at(r);
      visit(start, inStart < 0 ? -1 : inStart + (start - runStart), stop - start);
    }
  }

  /** The run holding character `k`: the last starting at or before it (binary search). */
  private runOf(k: number): number {
    let low = 0;
    let high = this.outStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.outStarts.at(mid) <= k) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
