import { Int32Column } from "./int32-column.ts";

/**
 * Where each character of the cleaned text came from, as runs: run r gives the characters from
 * `outStarts[r]` the input offsets `inStarts[r]`, `inStarts[r] + 1`, …. Cleaning rarely moves a character
 * (a CRLF, a dropped invisible one, an NFD cluster), so a 10 MB text has few runs where an offset a
 * character took 4 bytes each (30 MB, kept until the next full collection, long after the normaliser).
 */
export class OriginRuns {
  private readonly outStarts = new Int32Column();
  private readonly inStarts = new Int32Column();
  /** Characters covered so far. */
  length = 0;

  /** Appends `count` characters from input offsets `from`, `from + 1`, …. */
  append(from: number, count: number): void {
    if (count <= 0) return;
    const last = this.outStarts.length - 1;
    // A run goes on while the input offsets do.
    if (last < 0 || this.inStarts.at(last) + (this.length - this.outStarts.at(last)) !== from) {
      this.outStarts.push(this.length);
      this.inStarts.push(from);
    }
    this.length += count;
  }

  /** The input offset of character `k`. */
  at(k: number): number {
    if (k < 0 || k >= this.length) return -1;
    const r = this.runOf(k);
    return this.inStarts.at(r) + (k - this.outStarts.at(r));
  }

  /** Writes the origins of characters `[from, to)` into `out` from `at`. */
  copy(from: number, to: number, out: Int32Array, at: number): void {
    let r = this.runOf(from);
    for (let k = from; k < to; k++) {
      while (r + 1 < this.outStarts.length && this.outStarts.at(r + 1) <= k) r++;
      out[at + k - from] = this.inStarts.at(r) + (k - this.outStarts.at(r));
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
