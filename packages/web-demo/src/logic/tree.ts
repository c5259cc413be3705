import type { Plan, Section, Span } from "@kehoach/model";

/** What a tree node stands for; the UI translates it. */
export type NodeKind =
  | "group"
  | "issuer"
  | "number"
  | "place"
  | "date"
  | "title"
  | "legal-basis"
  | "issuance"
  | "section"
  | "item"
  | "budget-total"
  | "amount"
  | "amount-words"
  | "quantity"
  | "assignment"
  | "recipient"
  | "signature"
  | "signer"
  | "footnote";

/** One node of the structure pane. `id` is stable for a Plan (a path), so URLs and tests can name it. */
export interface TreeNode {
  id: string;
  kind: NodeKind;
  /** Group key (`header`, `legal-bases`, …) for groups; the field's text otherwise. */
  text: string;
  /** A short detail shown after the text (a date, a role, words of an amount). */
  detail?: string;
  span: Span | null;
  children: TreeNode[];
}

function node(id: string, kind: NodeKind, text: string, span: Span | null, children: TreeNode[] = [], detail?: string): TreeNode {
  return detail === undefined ? { id, kind, text, span, children } : { id, kind, text, span, children, detail };
}

/** From the label to the end of the heading: what a section's own line says, not everything under it. */
export function sectionLineSpan(section: Section): Span {
  return { ...section.labelSpan, end: section.headingSpan.end };
}

function sectionNodes(sections: readonly Section[], prefix: string): TreeNode[] {
  return sections.map((section, i) => {
    const id = `${prefix}.${i}`;
    const item = section.style === "dash" || section.style === "plus";
    const label = item ? section.label : `${section.label}.`;
    return node(id, item ? "item" : "section", `${label} ${section.heading}`.trim(), sectionLineSpan(section), sectionNodes(section.children, id));
  });
}

function money(id: string, kind: NodeKind, m: Plan["budget"]["amounts"][number]): TreeNode {
  const words = m.words !== null && m.wordsSpan ? [node(`${id}.words`, "amount-words", m.words, m.wordsSpan)] : [];
  return node(id, kind, m.raw, m.span, words);
}

function isoDate(d: NonNullable<Plan["date"]>): string {
  return d.raw;
}

/**
 * The Plan as the structure pane shows it: header, legal bases, sections, budget, quantities,
 * assignments, recipients, signature, footnotes. Empty groups are left out.
 */
export function planTree(plan: Plan): TreeNode[] {
  const header: TreeNode[] = [];
  if (plan.issuer) header.push(node("issuer", "issuer", plan.issuer.parent ? `${plan.issuer.parent} / ${plan.issuer.name}` : plan.issuer.name, plan.issuer.span));
  if (plan.number) header.push(node("number", "number", plan.number.raw, plan.number.span));
  if (plan.place) header.push(node("place", "place", plan.place.name, plan.place.span));
  if (plan.date) header.push(node("date", "date", isoDate(plan.date), plan.date.span));
  if (plan.title !== null) header.push(node("title", "title", plan.title, plan.titleSpan));

  const bases = plan.legalBases.map((b, i) =>
    node(`basis.${i}`, "legal-basis", [b.docType, b.number].filter(Boolean).join(" ") || b.raw, b.span, [], [b.date, b.issuer, b.subject].filter(Boolean).join(" · ")),
  );
  if (plan.issuance) bases.push(node("issuance", "issuance", plan.issuance.text, plan.issuance.span));

  const budget: TreeNode[] = [];
  if (plan.budget.total) budget.push(money("budget.total", "budget-total", plan.budget.total));
  plan.budget.amounts.forEach((m, i) => {
    if (m !== plan.budget.total && !(plan.budget.total && m.span.start.offset === plan.budget.total.span.start.offset)) budget.push(money(`amount.${i}`, "amount", m));
  });

  const quantities = plan.quantities.map((q, i) => node(`quantity.${i}`, "quantity", q.raw, q.span));
  const assignments = plan.assignments.map((a, i) => node(`assignment.${i}`, "assignment", a.agency, a.span, [], [a.role, a.section].filter(Boolean).join(" · ")));
  const recipients = plan.recipients.map((r, i) => node(`recipient.${i}`, "recipient", r.text, r.span));
  const signature: TreeNode[] = [];
  if (plan.signature) {
    const s = plan.signature;
    const lines = [s.authority, s.delegation, s.position].filter((x): x is string => x !== null);
    signature.push(node("signature", "signature", lines.join(" / ") || "—", s.span, s.signer ? [node("signer", "signer", s.signer, s.span)] : []));
  }
  const footnotes = plan.footnotes.map((f, i) => node(`footnote.${i}`, "footnote", `[${f.label}] ${f.text}`, f.span));

  const groups: Array<[string, TreeNode[]]> = [
    ["header", header],
    ["legal-bases", bases],
    ["sections", sectionNodes(plan.sections, "section")],
    ["budget", budget],
    ["quantities", quantities],
    ["assignments", assignments],
    ["recipients", recipients],
    ["signature", signature],
    ["footnotes", footnotes],
  ];
  return groups.filter(([, children]) => children.length > 0).map(([key, children]) => node(`group.${key}`, "group", key, null, children));
}

/** Every node, depth first. */
export function flattenTree(nodes: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (list: readonly TreeNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** Ids of a node's ancestors, outermost first (to open the tree down to it). */
export function ancestorIds(nodes: readonly TreeNode[], id: string): string[] {
  const path: string[] = [];
  const walk = (list: readonly TreeNode[]): boolean => {
    for (const n of list) {
      if (n.id === id) return true;
      path.push(n.id);
      if (walk(n.children)) return true;
      path.pop();
    }
    return false;
  };
  return walk(nodes) ? path : [];
}
