import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseText, renderMarkdown } from "@kehoach/parser";
import type { Plan, Section } from "@kehoach/model";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
const SEEDS = ["000", "001", "002", "003", "004"];

function outline(sections: Section[]): unknown[] {
  return sections.map((s) => ({ style: s.style, label: s.label, heading: s.heading, paragraphs: s.paragraphs.map((p) => p.text), children: outline(s.children) }));
}

/** Everything renderMarkdown promises to carry, without spans (they index a different text). */
function model(plan: Plan) {
  return {
    kind: plan.kind,
    issuer: plan.issuer && { name: plan.issuer.name, parent: plan.issuer.parent },
    motto: plan.motto?.text ?? null,
    number: plan.number?.raw ?? null,
    place: plan.place?.name ?? null,
    date: plan.date && { day: plan.date.day, month: plan.date.month, year: plan.date.year },
    docType: plan.docType?.text ?? null,
    title: plan.title,
    legalBases: plan.legalBases.map((b) => [b.docType, b.number, b.date, b.issuer, b.subject]),
    issuance: plan.issuance?.text ?? null,
    paragraphs: plan.paragraphs.map((p) => p.text),
    sections: outline(plan.sections),
    closing: plan.closing?.text ?? null,
    supersedes: plan.supersedes && [plan.supersedes.number, plan.supersedes.date],
    budget: [plan.budget.total?.amount ?? null, plan.budget.total?.words ?? null, plan.budget.amounts.map((a) => a.amount)],
    quantities: plan.quantities.map((q) => q.raw),
    citations: plan.citations.map((c) => [c.number, c.date, c.context]),
    assignments: plan.assignments.map((a) => [a.agency, a.role, a.section]),
    recipients: plan.recipients.map((r) => r.text),
    signature: plan.signature && [plan.signature.authority, plan.signature.delegation, plan.signature.position, plan.signature.signer],
    digitalSignatures: plan.digitalSignatures.map((d) => d.timestamp),
    footnotes: plan.footnotes.map((f) => [f.label, f.text, f.refs.length]),
    appendix: plan.appendix.map((p) => p.text),
  };
}

describe("renderMarkdown", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: the Markdown re-parses to the same model`, async () => {
      const plan = await parse(readFileSync(`${fixtures}seeds/${seed}.txt`));
      const markdown = renderMarkdown(plan);
      const again = parseText(markdown);
      expect(again.source.format).toBe("markdown");
      expect(model(again)).toEqual(model(plan));
    });
  }

  it("writes the document's parts in the national layout's order, as Markdown", async () => {
    const plan = await parse(readFileSync(`${fixtures}corpus/kh_laocai_dkt_1105_kiemtra_vlncn_2026.txt`));
    const md = renderMarkdown(plan);
    const order = ["**SỞ CÔNG THƯƠNG**", "Số: 1105/KH-ĐKT", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "Lào Cai, ngày 10 tháng 3 năm 2026", "# KẾ HOẠCH", "**Kiểm tra việc", "Căn cứ Quyết định số 1050/QĐ-SCT", "## 1. Mục tiêu", "Nơi nhận:", "**T/M. ĐOÀN KIỂM TRA**", "**Hoàng Văn Thuân**"];
    const at = order.map((part) => md.indexOf(part));
    expect(at.every((i) => i >= 0), JSON.stringify(order.filter((_, i) => at[i]! < 0))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("keeps a footnote marker where the body has it, and the definition at the end", async () => {
    const md = renderMarkdown(await parse(readFileSync(`${fixtures}seeds/002.txt`)));
    expect(md).toMatch(/Quốc hội\[\^1\] quyết định/);
    expect(md.trimEnd().split("\n").at(-1)).toMatch(/^\[\^1\]: Phê duyệt/);
  });

  it("escapes text Markdown would read as syntax", () => {
    const plan = parseText("KẾ HOẠCH\nVề *dữ liệu* và [mẫu] <b>\nI. MỤC ĐÍCH\n1. Đối tượng\n2021. Năm & #1 _x_ `y` | z\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A");
    const again = parseText(renderMarkdown(plan));
    expect(model(again)).toEqual(model(plan));
    expect(JSON.stringify(model(plan))).toContain("2021. Năm & #1 _x_ `y` | z");
  });
});
