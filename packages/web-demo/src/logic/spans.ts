import type { Finding, Span } from "@kehoach/model";
import { flattenTree, type NodeKind, type TreeNode } from "./tree.ts";

/** A highlighted range of `source.text` and the tree node (field) that produced it. */
export interface Mark {
  start: number;
  end: number;
  nodeId: string;
  kind: NodeKind;
}

/** A run of the text with the same marks over it; `marks` are indices into the mark list, innermost last. */
export interface Segment {
  start: number;
  end: number;
  marks: number[];
  /** Index of the first pointed-at range covering it (0: the open finding's own span; 1…: its related spans), or -1. */
  active: number;
}

export interface Range {
  start: number;
  end: number;
}

export function spanRange(span: Span): Range {
  return { start: span.start.offset, end: span.end.offset };
}

/** One mark per tree node that has a non-empty span (groups have none). */
export function marksOf(tree: readonly TreeNode[]): Mark[] {
  const marks: Mark[] = [];
  for (const n of flattenTree(tree)) {
    if (!n.span || n.span.end.offset <= n.span.start.offset) continue;
    marks.push({ start: n.span.start.offset, end: n.span.end.offset, nodeId: n.id, kind: n.kind });
  }
  return marks;
}

/** The spans a finding points at: its own span, then its related spans (the other side of a conflict). */
export function findingSpans(finding: Finding): Span[] {
  return [finding.span, ...(finding.related ?? [])].filter((s): s is Span => s !== null);
}

export function findingRanges(finding: Finding): Range[] {
  return findingSpans(finding).map(spanRange);
}

/**
 * Cuts `[0, length)` at every mark and active-range boundary. Each segment lists the marks covering it,
 * the shortest (innermost) last, so the view colours it by the most specific field.
 */
export function segment(length: number, marks: readonly Mark[], active: readonly Range[] = []): Segment[] {
  const cuts = new Set<number>([0, length]);
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  for (const m of marks) {
    cuts.add(clamp(m.start));
    cuts.add(clamp(m.end));
  }
  for (const r of active) {
    cuts.add(clamp(r.start));
    cuts.add(clamp(r.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = marks.map((m, i) => i).sort((a, b) => marks[a]!.start - marks[b]!.start);
  const open = new Set<number>();
  const segments: Segment[] = [];
  let next = 0;
  for (let p = 0; p + 1 < points.length; p++) {
    const start = points[p]!;
    const end = points[p + 1]!;
    while (next < byStart.length && marks[byStart[next]!]!.start <= start) open.add(byStart[next++]!);
    for (const i of open) if (marks[i]!.end <= start) open.delete(i);
    const covering = [...open].sort((a, b) => marks[b]!.end - marks[b]!.start - (marks[a]!.end - marks[a]!.start));
    segments.push({ start, end, marks: covering, active: active.findIndex((r) => r.start < end && r.end > start) });
  }
  return segments;
}

/** The innermost mark over a text offset, or null: which field a hovered character belongs to. */
export function markAt(marks: readonly Mark[], offset: number): Mark | null {
  let best: Mark | null = null;
  for (const m of marks) {
    if (m.start <= offset && offset < m.end && (!best || m.end - m.start < best.end - best.start)) best = m;
  }
  return best;
}

/** Findings whose span or related spans overlap a node's span: the badge a tree node carries. */
export function findingsOnNode(findings: readonly Finding[], node: TreeNode): number[] {
  if (!node.span) return [];
  const r = spanRange(node.span);
  const out: number[] = [];
  findings.forEach((f, i) => {
    if (findingRanges(f).some((x) => x.start < r.end && x.end > r.start)) out.push(i);
  });
  return out;
}
