import type { Plan, Section } from "@kehoach/model";

/**
 * The fields a golden file pins, in a form a person can check against the document: no spans, the
 * section tree as indented labels with the first words of each heading.
 */
export function goldenProjection(plan: Plan) {
  return {
    kind: plan.kind,
    issuer: plan.issuer ? { name: plan.issuer.name, parent: plan.issuer.parent } : null,
    number: plan.number
      ? { raw: plan.number.raw, sequence: plan.number.sequence, year: plan.number.year, typeCode: plan.number.typeCode, issuerCode: plan.number.issuerCode }
      : null,
    place: plan.place?.name ?? null,
    date: plan.date ? { day: plan.date.day, month: plan.date.month, year: plan.date.year } : null,
    title: plan.title,
    legalBases: plan.legalBases.map((b) => ({ docType: b.docType, number: b.number, date: b.date, issuer: b.issuer })),
    issuance: plan.issuance?.text ?? null,
    outline: outline(plan.sections, ""),
    budgetTotal: plan.budget.total ? { amount: plan.budget.total.amount, words: plan.budget.total.words } : null,
    recipients: plan.recipients.map((r) => r.text),
    signature: plan.signature
      ? { authority: plan.signature.authority, delegation: plan.signature.delegation, position: plan.signature.position, signer: plan.signature.signer }
      : null,
    digitalSignatures: plan.digitalSignatures.map((d) => ({ timestamp: d.timestamp, signer: d.signer })),
    footnotes: plan.footnotes.map((f) => ({ label: f.label, refs: f.refs.length, start: f.text.slice(0, 40) })),
    supersedes: plan.supersedes ? { number: plan.supersedes.number, date: plan.supersedes.date } : null,
    closingStart: plan.closing?.text.slice(0, 40) ?? null,
    /** What a reviewer is told: each finding's code, severity and line (repairs left out: they are many and checked elsewhere). */
    findings: plan.findings
      .filter((f) => f.code !== "encoding-repaired")
      .map((f) => `${f.severity} ${f.code}${f.span ? ` @${f.span.start.line}` : ""}`),
  };
}

function outline(sections: Section[], indent: string): string[] {
  return sections.flatMap((s) => [`${indent}${s.label} ${s.heading.split(" ").slice(0, 6).join(" ")}`, ...outline(s.children, `${indent}  `)]);
}
