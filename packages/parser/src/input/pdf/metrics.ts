import type { Line, PageText } from "./types.ts";

/** Where a page's body text sits: its size, margins, first-line indent and line pitch. */
export interface Metrics {
  bodySize: number;
  left: number;
  right: number;
  /** First-line indent (from `left`), when paragraphs use one. */
  indent: number | undefined;
  /** Baseline-to-baseline distance of body lines. */
  pitch: number;
}

/** Most common value after binning; ties go to the smaller bin. */
function mode(values: readonly number[], bin: number, weights?: readonly number[]): { value: number; count: number } | undefined {
  const counts = new Map<number, number>();
  const sums = new Map<number, number>();
  const n = new Map<number, number>();
  values.forEach((v, i) => {
    const k = Math.round(v / bin);
    const w = weights?.[i] ?? 1;
    counts.set(k, (counts.get(k) ?? 0) + w);
    sums.set(k, (sums.get(k) ?? 0) + v);
    n.set(k, (n.get(k) ?? 0) + 1);
  });
  let best: number | undefined;
  for (const [k, c] of counts) {
    if (best === undefined || c > (counts.get(best) ?? 0) || (c === counts.get(best) && k < best)) best = k;
  }
  if (best === undefined) return undefined;
  return { value: (sums.get(best) ?? 0) / (n.get(best) ?? 1), count: n.get(best) ?? 0 };
}

/** The body font size of the document: the size most characters are set in. */
export function bodySizeOf(pages: readonly PageText[]): number {
  const sizes: number[] = [];
  const weights: number[] = [];
  for (const page of pages) {
    for (const line of page.lines) {
      if (line.role !== "body") continue;
      sizes.push(line.size);
      weights.push(line.text.length);
    }
  }
  return mode(sizes, 0.5, weights)?.value ?? 12;
}

function isBodyLine(line: Line, bodySize: number): boolean {
  return line.role === "body" && !line.block && !line.cell && Math.abs(line.size - bodySize) < 0.12 * bodySize;
}

/**
 * The left margin: the leftmost x where a fair share of body lines start. Not simply the most common
 * start — on a page of one-line items that would be the first-line indent.
 */
function leftMargin(body: readonly Line[]): number {
  const bins = new Map<number, { n: number; sum: number }>();
  for (const line of body) {
    const k = Math.round(line.x0 / 2);
    const bin = bins.get(k);
    if (bin) {
      bin.n++;
      bin.sum += line.x0;
    } else bins.set(k, { n: 1, sum: line.x0 });
  }
  const need = Math.max(2, 0.15 * body.length);
  let best: number | undefined;
  for (const [k, bin] of bins) if (bin.n >= need && (best === undefined || k < best)) best = k;
  if (best === undefined) return mode(body.map((l) => l.x0), 2)?.value ?? 0;
  const bin = bins.get(best) as { n: number; sum: number };
  return bin.sum / bin.n;
}

function measure(lines: readonly Line[], bodySize: number, width: number): Metrics | undefined {
  const body = lines.filter((l) => isBodyLine(l, bodySize));
  if (body.length < 6) return undefined;
  const left = leftMargin(body);
  const rights = body.filter((l) => l.x1 > width / 2).map((l) => l.x1);
  const rightMode = mode(rights, 2);
  const sortedRights = rights.slice().sort((a, b) => a - b);
  const right =
    rightMode && rightMode.count >= Math.max(3, rights.length * 0.2)
      ? rightMode.value
      : (sortedRights[Math.floor(sortedRights.length * 0.9)] ?? width - left);
  const offsets = body.map((l) => l.x0 - left).filter((d) => d >= 0.5 * bodySize && d <= 6 * bodySize);
  const indentMode = mode(offsets, 2);
  const indent = indentMode && indentMode.count >= 2 ? indentMode.value : undefined;
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const p = lines[i - 1] as Line, n = lines[i] as Line;
    if (p.page !== n.page || !isBodyLine(p, bodySize) || !isBodyLine(n, bodySize)) continue;
    const d = p.y - n.y;
    if (d > 0.9 * bodySize && d < 2.2 * bodySize) steps.push(d);
  }
  const pitch = mode(steps, 0.5)?.value ?? 1.25 * bodySize;
  return { bodySize, left, right: Math.max(right, left + 10 * bodySize), indent, pitch };
}

/**
 * Metrics per page: measured on the page itself when it has enough body lines, else taken from all
 * pages of the same width (a last page with the signature, a landscape appendix page).
 */
export function pageMetrics(pages: readonly PageText[], bodySize: number): Map<number, Metrics> {
  const byWidth = new Map<number, Line[]>();
  for (const page of pages) {
    const key = Math.round(page.width);
    const list = byWidth.get(key);
    if (list) list.push(...page.lines);
    else byWidth.set(key, page.lines.slice());
  }
  const shared = new Map<number, Metrics | undefined>();
  for (const [key, lines] of byWidth) shared.set(key, measure(lines, bodySize, key));
  const out = new Map<number, Metrics>();
  for (const page of pages) {
    const own = measure(page.lines, bodySize, page.width);
    const fallback: Metrics = {
      bodySize,
      left: page.width * 0.14,
      right: page.width * 0.9,
      indent: undefined,
      pitch: 1.25 * bodySize,
    };
    const common = shared.get(Math.round(page.width));
    // Keep the page's own margins but the document's indent and pitch when the page has few lines.
    out.set(page.page, own ? { ...own, indent: own.indent ?? common?.indent } : (common ?? fallback));
  }
  return out;
}
