import type { Plan, Section } from "@kehoach/model";

/** A short human-readable account of a Plan, for the terminal. */
export function summarize(plan: Plan): string {
  const lines: string[] = [];
  const dateText = plan.date ? [plan.date.day ?? "__", plan.date.month ?? "__", plan.date.year ?? "____"].join("/") : "—";
  lines.push(`${plan.docType?.text ?? "(không rõ loại văn bản)"}: ${plan.title ?? "—"}`);
  lines.push(`Cơ quan ban hành: ${plan.issuer?.name ?? "—"}   Số: ${plan.number?.raw ?? "—"}   ${plan.place?.name ?? ""} ${dateText}`);
  lines.push(`Căn cứ: ${plan.legalBases.length}   Mục: ${countSections(plan.sections)}   Nơi nhận: ${plan.recipients.length}`);
  if (plan.budget.total) lines.push(`Tổng kinh phí: ${plan.budget.total.raw}`);
  if (plan.signature) {
    const s = plan.signature;
    lines.push(`Ký: ${[s.authority, s.delegation, s.position, s.signer].filter(Boolean).join(" / ")}`);
  }
  for (const finding of plan.findings) lines.push(`[${finding.severity}] ${finding.code}: ${finding.message}`);
  return `${lines.join("\n")}\n`;
}

function countSections(sections: Section[]): number {
  return sections.reduce((sum, section) => sum + 1 + countSections(section.children), 0);
}
