import type { Citation, Money, Plan, Section, Span } from "@kehoach/model";

/** One structural change between two drafts of a plan. `before`/`after` are as the drafts print them. */
export interface Change {
  kind:
    | "section-added"
    | "section-removed"
    | "section-renumbered"
    | "section-retitled"
    | "amount-changed"
    | "amount-added"
    | "amount-removed"
    | "date-changed"
    | "number-changed"
    | "title-changed"
    | "signer-changed"
    | "citation-added"
    | "citation-removed"
    | "citation-date-changed"
    | "assignment-added"
    | "assignment-removed"
    | "assignment-moved";
  /** What the change is about: a section path, a document number, an agency. */
  subject: string;
  before: string | null;
  after: string | null;
  spanBefore: Span | null;
  spanAfter: Span | null;
}

interface FlatSection {
  path: string;
  label: string;
  heading: string;
  span: Span;
  parent: FlatSection | null;
}

/** Numbered sections only (items `-`/`+` have no number to change), with their label paths (`II.1`). */
function flatSections(sections: readonly Section[], parent: FlatSection | null = null): FlatSection[] {
  const out: FlatSection[] = [];
  for (const s of sections) {
    if (s.style === "dash" || s.style === "plus") continue;
    // The parser's path scheme (assignments[].section): a decimal label already spells its parent's.
    const own = parent && s.label.startsWith(`${parent.label}.`) ? s.label.slice(parent.label.length + 1) : s.label;
    const path = parent ? `${parent.path}.${own}` : own;
    const flat: FlatSection = { path, label: s.label, heading: s.heading, span: s.labelSpan, parent };
    out.push(flat, ...flatSections(s.children, flat));
  }
  return out;
}

const key = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();

function change(kind: Change["kind"], subject: string, before: string | null, after: string | null, spanBefore: Span | null, spanAfter: Span | null): Change {
  return { kind, subject, before, after, spanBefore, spanAfter };
}

/**
 * Sections are matched by heading, in order: the same heading under another number (or another
 * parent) is renumbered.
 * What is left is matched by number: the same number with another heading is retitled; the rest was
 * added or removed.
 */
function diffSections(a: Plan, b: Plan): { changes: Change[]; paths: Map<string, string> } {
  const before = flatSections(a.sections);
  const after = flatSections(b.sections);
  const pairs = new Map<FlatSection, FlatSection>();
  const byHeading = new Map<string, FlatSection[]>();
  for (const s of after) byHeading.set(key(s.heading), [...(byHeading.get(key(s.heading)) ?? []), s]);
  for (const s of before) {
    const queue = byHeading.get(key(s.heading));
    const match = queue?.shift();
    if (match) pairs.set(s, match);
  }
  const matched = new Set(pairs.values());
  const afterByPath = new Map(after.filter((s) => !matched.has(s)).map((s) => [s.path, s] as const));
  const changes: Change[] = [];
  for (const s of before) {
    const m = pairs.get(s);
    if (m) {
      // Under a renumbered parent, a child keeping its own number has not changed: list the parent only.
      const sameParent = (s.parent ? pairs.get(s.parent) ?? null : null) === m.parent;
      if (m.label !== s.label || !sameParent) changes.push(change("section-renumbered", m.heading, s.path, m.path, s.span, m.span));
      continue;
    }
    const same = afterByPath.get(s.path);
    if (same) {
      afterByPath.delete(s.path);
      matched.add(same);
      changes.push(change("section-retitled", s.path, s.heading, same.heading, s.span, same.span));
    } else {
      changes.push(change("section-removed", s.path, s.heading, null, s.span, null));
    }
  }
  for (const s of after) if (!matched.has(s)) changes.push(change("section-added", s.path, null, s.heading, null, s.span));
  const paths = new Map([...pairs].map(([x, y]) => [x.path, y.path] as const));
  return { changes, paths };
}

/** Amounts in document order: pairwise when both drafts name as many, otherwise by value. */
function diffAmounts(a: Plan, b: Plan): Change[] {
  const changes: Change[] = [];
  const ta = a.budget.total;
  const tb = b.budget.total;
  if (ta?.amount !== tb?.amount) changes.push(change("amount-changed", "total", ta?.raw ?? null, tb?.raw ?? null, ta?.span ?? null, tb?.span ?? null));
  const rest = (p: Plan) => p.budget.amounts.filter((m) => !p.budget.total || m.span.start.offset !== p.budget.total.span.start.offset);
  const ra = rest(a);
  const rb = rest(b);
  if (ra.length === rb.length) {
    ra.forEach((m, i) => {
      const n = rb[i]!;
      if (m.amount !== n.amount) changes.push(change("amount-changed", `#${i + 1}`, m.raw, n.raw, m.span, n.span));
    });
    return changes;
  }
  const left = [...rb];
  const removed: Money[] = [];
  for (const m of ra) {
    const i = left.findIndex((n) => n.amount === m.amount);
    if (i >= 0) left.splice(i, 1);
    else removed.push(m);
  }
  for (const m of removed) changes.push(change("amount-removed", m.raw, m.raw, null, m.span, null));
  for (const n of left) changes.push(change("amount-added", n.raw, null, n.raw, null, n.span));
  return changes;
}

function byNumber(citations: readonly Citation[]): Map<string, Citation> {
  const map = new Map<string, Citation>();
  for (const c of citations) if (c.number && !map.has(key(c.number))) map.set(key(c.number), c);
  return map;
}

function diffCitations(a: Plan, b: Plan): Change[] {
  const ca = byNumber(a.citations);
  const cb = byNumber(b.citations);
  const changes: Change[] = [];
  for (const [k, c] of ca) {
    const d = cb.get(k);
    if (!d) changes.push(change("citation-removed", c.number!, c.raw, null, c.span, null));
    else if (c.date !== d.date) changes.push(change("citation-date-changed", c.number!, c.date, d.date, c.dateSpan ?? c.span, d.dateSpan ?? d.span));
  }
  for (const [k, d] of cb) if (!ca.has(k)) changes.push(change("citation-added", d.number!, null, d.raw, null, d.span));
  return changes;
}

/**
 * Assignments by agency and role: the sections each is given in; a different set of sections is a move.
 * Paths of the first draft are read through the section matching, so renumbering alone moves nothing.
 */
function diffAssignments(a: Plan, b: Plan, paths: Map<string, string>): Change[] {
  const group = (p: Plan, rename: (path: string) => string) => {
    const map = new Map<string, { label: string; sections: Set<string>; span: Span }>();
    for (const x of p.assignments) {
      const k = `${key(x.agency)}|${x.role}`;
      const entry = map.get(k) ?? { label: `${x.agency} (${x.role})`, sections: new Set<string>(), span: x.span };
      entry.sections.add(x.section === null ? "—" : rename(x.section));
      map.set(k, entry);
    }
    return map;
  };
  const ga = group(a, (path) => paths.get(path) ?? path);
  const gb = group(b, (path) => path);
  const list = (s: Set<string>) => [...s].sort().join(", ");
  const changes: Change[] = [];
  for (const [k, x] of ga) {
    const y = gb.get(k);
    if (!y) changes.push(change("assignment-removed", x.label, list(x.sections), null, x.span, null));
    else if (list(x.sections) !== list(y.sections)) changes.push(change("assignment-moved", x.label, list(x.sections), list(y.sections), x.span, y.span));
  }
  for (const [k, y] of gb) if (!ga.has(k)) changes.push(change("assignment-added", y.label, null, list(y.sections), null, y.span));
  return changes;
}

function diffHeader(a: Plan, b: Plan): Change[] {
  const changes: Change[] = [];
  if ((a.number?.raw ?? null) !== (b.number?.raw ?? null))
    changes.push(change("number-changed", "number", a.number?.raw ?? null, b.number?.raw ?? null, a.number?.span ?? null, b.number?.span ?? null));
  if ((a.date?.raw ?? null) !== (b.date?.raw ?? null))
    changes.push(change("date-changed", "date", a.date?.raw ?? null, b.date?.raw ?? null, a.date?.span ?? null, b.date?.span ?? null));
  if ((a.title ?? null) !== (b.title ?? null)) changes.push(change("title-changed", "title", a.title, b.title, a.titleSpan, b.titleSpan));
  const sa = a.signature?.signer ?? null;
  const sb = b.signature?.signer ?? null;
  if (sa !== sb) changes.push(change("signer-changed", "signer", sa, sb, a.signature?.span ?? null, b.signature?.span ?? null));
  return changes;
}

/**
 * What changed in the structure from draft `a` to draft `b`: header, sections (added, removed,
 * renumbered, retitled), amounts, cited documents and their dates, assignments. Not a text diff:
 * reflowed or reworded paragraphs inside an unchanged structure are not listed.
 */
export function comparePlans(a: Plan, b: Plan): Change[] {
  const sections = diffSections(a, b);
  return [...diffHeader(a, b), ...sections.changes, ...diffAmounts(a, b), ...diffCitations(a, b), ...diffAssignments(a, b, sections.paths)];
}
