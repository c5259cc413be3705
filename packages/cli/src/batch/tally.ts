import type { InputFailure } from "./errors.ts";

/** What a batch did, for the closing summary line and the exit code. */
export class Tally {
  read = 0;
  withFindings = 0;
  upToDate = 0;
  readonly failed = new Map<string, number>();
  readonly skipped = new Map<string, number>();

  fail(failure: Pick<InputFailure, "code">): void {
    this.failed.set(failure.code, (this.failed.get(failure.code) ?? 0) + 1);
  }

  skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  get failures(): number {
    return [...this.failed.values()].reduce((a, b) => a + b, 0);
  }

  /** `12 đã đọc / read (3 có phát hiện / with findings), 1 lỗi / failed (corrupt-file 1), 1 bỏ qua / skipped (not-a-document 1)` */
  summary(): string {
    const parts = [`${this.read} đã đọc / read (${this.withFindings} có phát hiện / with findings)`];
    parts.push(`${this.failures} lỗi / failed${reasons(this.failed)}`);
    if (this.upToDate > 0) parts.push(`${this.upToDate} đã có sẵn / up to date`);
    const skipped = [...this.skipped.values()].reduce((a, b) => a + b, 0);
    if (skipped > 0) parts.push(`${skipped} bỏ qua / skipped${reasons(this.skipped)}`);
    return parts.join(", ");
  }
}

function reasons(counts: Map<string, number>): string {
  return counts.size === 0 ? "" : ` (${[...counts].map(([code, n]) => `${code} ${n}`).join(", ")})`;
}
