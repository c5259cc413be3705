import type { AttachedDocument, Plan, Section, Span } from "@kehoach/model";

/**
 * A Plan as a golden file stores it: the JSON it serialises to, nothing left out (a text parse has no
 * volatile field: no time, no version, no path), keys in the schema's order.
 */
export function goldenPlan(plan: Plan): Plan {
  return JSON.parse(JSON.stringify(plan)) as Plan;
}

export const PLAN_FIELDS = [
  "source", "kind", "motto", "issuer", "number", "place", "date", "docType", "title", "titleSpan", "legalBases",
  "proposal", "issuance", "paragraphs", "sections", "closing", "supersedes", "budget", "quantities", "citations",
  "assignments", "recipients", "signature", "digitalSignatures", "footnotes", "appendix", "attachments", "findings",
] as const satisfies readonly (keyof Plan)[];
export type PlanField = (typeof PLAN_FIELDS)[number];

/** Whitespace collapsed and footnote markers dropped, as the model's strings carry text. */
export const collapse = (text: string) => text.replace(/\[\^[^\]\s]{1,20}\]/g, "").replace(/\s+/g, " ").trim();
/** Compared without any spaces: `KT.CHỦ TỊCH` is normalised to `KT. CHỦ TỊCH`, and stamps join their lines. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

/**
 * Where a Plan's values and its spans disagree with its own `source.text`: each line names the field.
 * Spans must lie in the text with line and column matching the offset; a value must be the text its
 * span covers (collapsed), or, for a part read out of a longer span (an issuer in a citation, a signer
 * in the signing block), lie inside it. An empty list is what a right Plan gives.
 */
export function spanDisagreements(plan: Plan): string[] {
  const text = plan.source.text;
  const problems: string[] = [];
  const at = (span: Span) => text.slice(span.start.offset, span.end.offset);
  const same = (path: string, value: string | null | undefined, span: Span | null | undefined) => {
    if (value == null || !span) return;
    if (collapse(at(span)) !== collapse(value)) problems.push(`${path}: value ${JSON.stringify(value)} but its span covers ${JSON.stringify(at(span))}`);
  };
  const inside = (path: string, value: string | null | undefined, span: Span | null | undefined) => {
    if (value == null || !span) return;
    if (!squeeze(collapse(at(span))).includes(squeeze(collapse(value)))) problems.push(`${path}: ${JSON.stringify(value)} is not inside its span ${JSON.stringify(at(span))}`);
  };
  const within = (path: string, inner: Span, outer: Span) => {
    if (inner.start.offset < outer.start.offset || inner.end.offset > outer.end.offset) problems.push(`${path}: span ${offsets(inner)} is outside its parent's ${offsets(outer)}`);
  };

  for (const [path, span] of spansOf(plan, "")) {
    const { start, end } = span;
    if (start.offset > end.offset || end.offset > text.length) {
      problems.push(`${path}: span ${offsets(span)} does not lie in the text (length ${text.length})`);
      continue;
    }
    for (const [name, point] of [["start", start], ["end", end]] as const) {
      const expected = pointAt(text, point.offset);
      if (expected.line !== point.line || expected.column !== point.column) {
        problems.push(`${path}.${name}: offset ${point.offset} is line ${expected.line} column ${expected.column}, not ${point.line}:${point.column}`);
      }
    }
  }

  const document = (doc: Plan | AttachedDocument, p: string) => {
    same(`${p}motto`, doc.motto?.text, doc.motto?.span);
    inside(`${p}issuer.name`, doc.issuer?.name, doc.issuer?.span);
    inside(`${p}issuer.parent`, doc.issuer?.parent, doc.issuer?.span);
    same(`${p}number.raw`, doc.number?.raw, doc.number?.span);
    same(`${p}place.name`, doc.place?.name, doc.place?.span);
    same(`${p}date.raw`, doc.date?.raw, doc.date?.span);
    same(`${p}docType`, doc.docType?.text, doc.docType?.span);
    same(`${p}title`, doc.title, doc.titleSpan);
    same(`${p}proposal`, doc.proposal?.text, doc.proposal?.span);
    for (const proposer of doc.proposal?.proposers ?? []) inside(`${p}proposal.proposers`, proposer, doc.proposal?.span);
    same(`${p}issuance`, doc.issuance?.text, doc.issuance?.span);
    same(`${p}closing`, doc.closing?.text, doc.closing?.span);
    doc.paragraphs.forEach((x, i) => same(`${p}paragraphs[${i}]`, x.text, x.span));
    doc.appendix.forEach((x, i) => same(`${p}appendix[${i}]`, x.text, x.span));
    sections(doc.sections, `${p}sections`);
    const references = [
      ...doc.legalBases.map((r, i) => [`${p}legalBases[${i}]`, r] as const),
      ...doc.citations.map((r, i) => [`${p}citations[${i}]`, r] as const),
      ...(doc.supersedes ? [[`${p}supersedes`, doc.supersedes] as const] : []),
    ];
    for (const [q, r] of references) {
      same(`${q}.raw`, r.raw, r.span);
      // A type word in capitals is title-cased (`QUYẾT ĐỊNH` → `Quyết định`).
      if (r.docType && !r.raw.toLowerCase().startsWith(r.docType.toLowerCase())) problems.push(`${q}.docType: ${JSON.stringify(r.docType)} does not open the citation`);
      for (const key of ["number", "issuer", "subject"] as const) inside(`${q}.${key}`, r[key], r.span);
      if (r.dateSpan) within(`${q}.dateSpan`, r.dateSpan, r.span);
    }
    doc.budget.amounts.forEach((m, i) => {
      same(`${p}budget.amounts[${i}].raw`, m.raw, m.span);
      same(`${p}budget.amounts[${i}].words`, m.words, m.wordsSpan);
    });
    if (doc.budget.total && !doc.budget.amounts.some((m) => JSON.stringify(m) === JSON.stringify(doc.budget.total))) {
      problems.push(`${p}budget.total: not one of budget.amounts`);
    }
    doc.quantities.forEach((x, i) => same(`${p}quantities[${i}]`, x.raw, x.span));
    doc.assignments.forEach((x, i) => same(`${p}assignments[${i}].agency`, x.agency, x.span));
    doc.recipients.forEach((x, i) => same(`${p}recipients[${i}]`, x.text, x.span));
    for (const key of ["authority", "delegation", "position", "signer"] as const) inside(`${p}signature.${key}`, doc.signature?.[key], doc.signature?.span);
    doc.digitalSignatures.forEach((d, i) => {
      inside(`${p}digitalSignatures[${i}].raw`, d.raw, d.span);
      inside(`${p}digitalSignatures[${i}].signer`, d.signer, d.span);
    });
    doc.footnotes.forEach((f, i) => {
      inside(`${p}footnotes[${i}]`, f.text, f.span);
      f.refs.forEach((r, j) => same(`${p}footnotes[${i}].refs[${j}]`, `[^${f.label}]`, r));
    });
  };
  const sections = (list: Section[], p: string) =>
    list.forEach((s, i) => {
      const q = `${p}[${i}] ${s.label}`;
      const label = at(s.labelSpan).replace(/[.)]$/, "");
      if (label !== s.label) problems.push(`${q}.label: ${JSON.stringify(s.label)} but its span covers ${JSON.stringify(at(s.labelSpan))}`);
      same(`${q}.heading`, s.heading, s.headingSpan);
      if (s.span.start.offset !== s.labelSpan.start.offset) problems.push(`${q}.span: does not start at the label`);
      within(`${q}.headingSpan`, s.headingSpan, s.span);
      s.paragraphs.forEach((x, j) => {
        same(`${q}.paragraphs[${j}]`, x.text, x.span);
        within(`${q}.paragraphs[${j}]`, x.span, s.span);
      });
      s.children.forEach((c, j) => within(`${q}.children[${j}]`, c.span, s.span));
      sections(s.children, `${q}.children`);
    });

  document(plan, "");
  plan.attachments.forEach((a, i) => document(a, `attachments[${i}].`));
  return problems;
}

/** Every span in a value, with its path. */
function spansOf(value: unknown, path: string): [string, Span][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => spansOf(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  if ("start" in value && "end" in value && typeof (value as Span).start === "object") return [[path, value as Span]];
  return Object.entries(value).flatMap(([k, v]) => spansOf(v, path ? `${path}.${k}` : k));
}

function pointAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

const offsets = (span: Span) => `[${span.start.offset}, ${span.end.offset})`;

/**
 * JSON for a golden file, two-space indented, with each span (and each short list of plain values) on
 * one line: a reviewer reads the values, and a diff shows which field moved.
 */
export function formatGolden(value: unknown, indent = ""): string {
  if (isSpanLike(value) || (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object"))) return JSON.stringify(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${inner}${formatGolden(v, inner)}`).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatGolden(v, inner)}`).join(",\n")}\n${indent}}`;
}

function isSpanLike(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && "start" in value && "end" in value;
}
