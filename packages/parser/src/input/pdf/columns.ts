import { RECIPIENTS_HEADING } from "../../vi/layout.ts";
import { lineFromRuns } from "./lines.ts";
import type { Line, Run } from "./types.ts";

/** A gap at least this many font sizes wide may separate two columns. */
const GUTTER_MIN = 1.5;
/** One line alone makes a column block only if its gap is this wide (a header row like "Số: … | Hà Nội, ngày …"). */
const LONE_GUTTER = 4;
/** Outside a column block, a row with a gap this wide is table-like: its pieces become cells. */
const CELL_GAP = 3;
/** A block goes on while the next line is at most this many sizes below the previous one. */
const BLOCK_LEADING = 3.5;
/** In the closing block the signer's name sits below the signature image: this many sizes below at most. */
const SIGNATURE_LEADING = 14;

interface Gap {
  x0: number;
  x1: number;
}

interface Row {
  line: Line;
  gaps: Gap[];
}

/** Candidate gutters of a line: gaps between consecutive runs (x order) of at least GUTTER_MIN sizes. */
function gapsOf(line: Line): Gap[] {
  const gaps: Gap[] = [];
  let reach = -Infinity;
  for (const run of line.runs) {
    if (reach > -Infinity && run.x0 - reach >= GUTTER_MIN * line.size) gaps.push({ x0: reach, x1: run.x0 });
    reach = Math.max(reach, run.x1);
  }
  return gaps;
}

/**
 * Puts the lines of a page (top to bottom) in reading order for two-column blocks — issuer | motto,
 * number | place and date, "Nơi nhận:" | signature — which share baselines but are separate texts.
 * A block is a run of lines that all keep clear of one vertical gutter, at least two of them having
 * text on both sides (or one with a very wide gap); its left sides are read first, then its right
 * sides. Rows with wide gaps outside blocks are split into cells. Work is linear in lines per block
 * attempt, never per item pair.
 */
export function orderColumns(lines: Line[], nextBlockId: () => number): Line[] {
  const rows: Row[] = lines.map((line) => ({ line, gaps: gapsOf(line) }));
  const out: Line[] = [];
  let from = 0;
  for (let i = 0; i < rows.length; i++) {
    if (!startsRecipients((rows[i] as Row).line)) continue;
    const zone = closingZone(rows, i);
    if (!zone) continue;
    orderRows(rows.slice(from, zone.start), nextBlockId, out);
    emitBlock(rows.slice(zone.start, zone.end + 1), zone.gutter, nextBlockId(), out);
    from = zone.end + 1;
    i = zone.end;
  }
  orderRows(rows.slice(from), nextBlockId, out);
  return out;
}

function orderRows(rows: Row[], nextBlockId: () => number, out: Line[]): void {
  let i = 0;
  while (i < rows.length) {
    const row = rows[i] as Row;
    if (row.gaps.length > 0) {
      const block = growBlock(rows, i);
      if (block) {
        const blockRows = rows.slice(i, block.end + 1);
        if (isTable(blockRows, block.support)) for (const r of blockRows) emitCells(r, GUTTER_MIN, out);
        else emitBlock(blockRows, block.gutter, nextBlockId(), out);
        i = block.end + 1;
        continue;
      }
    }
    emitRow(row, out);
    i++;
  }
}

function startsRecipients(line: Line): boolean {
  const first = line.runs[0];
  return first !== undefined && RECIPIENTS_HEADING.exec(first.str)?.index === 0;
}

/**
 * The closing block of a Word document: `Nơi nhận:` and its items on the left, the signing block on the
 * right, two cells of one table. Their lines rarely share baselines (11–12 pt items against 13–14 pt
 * positions), the signer's name sits far below after the signature image, and recipients go on beside
 * the blank — so rows are not told apart by shared gaps but by one vertical gutter that the runs of all
 * the rows, from `Nơi nhận:` down, keep clear of. A right-hand line just above `Nơi nhận:` (`TM. …` set
 * a little higher) belongs to the block. The zone ends where a row would close the gutter, after a
 * vertical gap longer than the signature's, or at the end of the page.
 */
function closingZone(rows: Row[], heading: number): { start: number; end: number; gutter: Gap } | undefined {
  const head = (rows[heading] as Row).line;
  let start = heading;
  for (let k = heading - 1; k >= 0; k--) {
    const line = (rows[k] as Row).line;
    if (line.y - head.y > 2 * Math.max(line.size, head.size) || line.x0 < head.x1 + GUTTER_MIN * head.size) break;
    start = k;
  }
  const covered = new Coverage();
  for (let k = start; k <= heading; k++) for (const run of (rows[k] as Row).line.runs) covered.add(run.x0, run.x1);
  let end = heading;
  for (let j = heading + 1; j < rows.length; j++) {
    const line = (rows[j] as Row).line;
    const prev = (rows[j - 1] as Row).line;
    if (prev.y - line.y > SIGNATURE_LEADING * Math.max(line.size, prev.size)) break;
    const trial = covered.copy();
    for (const run of line.runs) trial.add(run.x0, run.x1);
    if (!trial.gutter(head.x0, GUTTER_MIN * head.size)) break;
    covered.take(trial);
    end = j;
  }
  const gutter = covered.gutter(head.x0, GUTTER_MIN * head.size);
  if (!gutter || end === heading) return undefined;
  const mid = (gutter.x0 + gutter.x1) / 2;
  let left = false, right = false;
  for (let k = start; k <= end; k++) {
    for (const run of (rows[k] as Row).line.runs) {
      if ((run.x0 + run.x1) / 2 < mid) left = true;
      else right = true;
    }
  }
  return left && right ? { start, end, gutter } : undefined;
}

/** The x ranges that runs cover, merged: a short sorted list (a closing block has two or three). */
class Coverage {
  private spans: Gap[] = [];

  add(x0: number, x1: number): void {
    const next: Gap[] = [];
    let merged: Gap = { x0, x1 };
    for (const span of this.spans) {
      if (span.x1 < merged.x0 || span.x0 > merged.x1) next.push(span);
      else merged = { x0: Math.min(span.x0, merged.x0), x1: Math.max(span.x1, merged.x1) };
    }
    next.push(merged);
    this.spans = next.sort((a, b) => a.x0 - b.x0);
  }

  copy(): Coverage {
    const c = new Coverage();
    c.spans = this.spans.slice();
    return c;
  }

  take(other: Coverage): void {
    this.spans = other.spans;
  }

  /** The widest uncovered gap of at least `min` right of `from` (the left column's start). */
  gutter(from: number, min: number): Gap | undefined {
    let best: Gap | undefined;
    for (let k = 1; k < this.spans.length; k++) {
      const gap = { x0: (this.spans[k - 1] as Gap).x1, x1: (this.spans[k] as Gap).x0 };
      if (gap.x0 <= from || gap.x1 - gap.x0 < min) continue;
      if (!best || gap.x1 - gap.x0 > best.x1 - best.x0) best = gap;
    }
    return best;
  }
}

/**
 * A block whose rows mostly have text on both sides, many of them, or with three or more columns in
 * several rows, is a table: read row by row (one cell per line), not column by column. Header and
 * signature blocks have two or three two-sided rows.
 */
function isTable(rows: readonly Row[], support: number): boolean {
  const multi = rows.filter((r) => r.gaps.length >= 2).length;
  return (support >= 5 && support >= 0.5 * rows.length) || multi >= 3;
}

function growBlock(rows: Row[], start: number): { end: number; gutter: Gap; support: number } | undefined {
  const first = rows[start] as Row;
  let best: { end: number; gutter: Gap; support: number; widest: number } | undefined;
  for (const gap of first.gaps) {
    let g: Gap = { ...gap };
    let support = 1;
    let widest = gap.x1 - gap.x0;
    let end = start;
    for (let j = start + 1; j < rows.length; j++) {
      const row = rows[j] as Row;
      const prev = (rows[j - 1] as Row).line;
      const size = Math.max(row.line.size, prev.size);
      if (prev.y - row.line.y > BLOCK_LEADING * size) break;
      const min = GUTTER_MIN * row.line.size;
      let joined = false;
      for (const h of row.gaps) {
        const x0 = Math.max(g.x0, h.x0), x1 = Math.min(g.x1, h.x1);
        if (x1 - x0 >= min) {
          g = { x0, x1 };
          support++;
          widest = Math.max(widest, h.x1 - h.x0);
          joined = true;
          break;
        }
      }
      if (!joined) {
        const { x0, x1 } = row.line;
        if (x1 <= g.x0 + 0.25 * row.line.size || x0 >= g.x1 - 0.25 * row.line.size) {
          // wholly on one side
        } else if (x1 < g.x1 && x1 > g.x0 && x0 < g.x0 && g.x1 - x1 >= min) {
          g = { x0: x1, x1: g.x1 }; // left text reaching into the gutter: narrow it
        } else if (x0 > g.x0 && x1 > g.x1 && x0 - g.x0 >= min) {
          g = { x0: g.x0, x1: x0 };
        } else {
          break;
        }
      }
      end = j;
    }
    const size = first.line.size;
    const valid = support >= 2 || widest >= LONE_GUTTER * size;
    if (!valid) continue;
    if (!best || support > best.support || (support === best.support && end > best.end)) {
      best = { end, gutter: g, support, widest };
    }
  }
  return best ? { end: best.end, gutter: best.gutter, support: best.support } : undefined;
}

function emitBlock(rows: Row[], gutter: Gap, id: number, out: Line[]): void {
  const mid = (gutter.x0 + gutter.x1) / 2;
  const left: Line[] = [];
  const right: Line[] = [];
  for (const { line } of rows) {
    const l: Run[] = [];
    const r: Run[] = [];
    for (const run of line.runs) ((run.x0 + run.x1) / 2 < mid ? l : r).push(run);
    if (l.length > 0) left.push(part(line, l, { id, side: 0 }));
    if (r.length > 0) right.push(part(line, r, { id, side: 1 }));
  }
  out.push(...left, ...right);
}

function part(line: Line, runs: Run[], block: { id: number; side: 0 | 1 }): Line {
  const piece = runs.length === line.runs.length ? { ...line } : lineFromRuns(runs, line.page, line.reordered);
  piece.block = block;
  return piece;
}

function emitRow(row: Row, out: Line[]): void {
  emitCells(row, CELL_GAP, out);
}

/** A row cut into cells at gaps of at least `minGap` sizes, each cell its own line (never joined). */
function emitCells(row: Row, minGap: number, out: Line[]): void {
  const { line } = row;
  const wide = row.gaps.filter((g) => g.x1 - g.x0 >= minGap * line.size);
  if (wide.length === 0) {
    out.push(line);
    return;
  }
  let cell: Run[] = [];
  let k = 0;
  for (const run of line.runs) {
    const gap = wide[k];
    if (gap && run.x0 >= gap.x1 - 1e-6) {
      if (cell.length > 0) out.push({ ...lineFromRuns(cell, line.page, line.reordered), cell: true });
      cell = [];
      k++;
    }
    cell.push(run);
  }
  if (cell.length > 0) out.push({ ...lineFromRuns(cell, line.page, line.reordered), cell: true });
}
