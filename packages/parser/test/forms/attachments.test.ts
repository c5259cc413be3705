import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "@kehoach/parser";
import { PlanSchema } from "@kehoach/model";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));

describe("a decision with its attached plan (fixtures/forms/qd_pheduyet_kehoach.txt)", () => {
  it("keeps the decision's articles and gives the plan as an attachment with its own header", async () => {
    const plan = await parse(readFileSync(`${fixtures}forms/qd_pheduyet_kehoach.txt`));
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    expect([plan.kind, plan.number?.raw, plan.title]).toEqual(["quyet-dinh", "412/QĐ-UBND", "Phê duyệt Kế hoạch chuyển đổi số tỉnh Lai Châu năm 2026"]);
    expect(plan.sections.map((s) => `${s.style} ${s.label}`)).toEqual(["article 1", "article 2", "article 3"]);
    expect(plan.issuance?.text).toBe("QUYẾT ĐỊNH:");
    expect(plan.proposal?.by).toBe("Giám đốc Sở Khoa học và Công nghệ");
    expect(plan.signature).toMatchObject({ delegation: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", signer: "Tống Thanh Hải" });
    expect(plan.recipients.map((r) => r.text)).toEqual(["Như Điều 3;", "Bộ Khoa học và Công nghệ (b/c);", "TT. Tỉnh ủy;", "TT. HĐND tỉnh;", "Lưu: VT, KGVX."]);
    expect(plan.appendix).toEqual([]);
    // The decision approves the plan; the funding is the plan's.
    expect(plan.budget.total).toBeNull();

    expect(plan.attachments).toHaveLength(1);
    const attached = plan.attachments?.[0];
    expect(attached?.kind).toBe("ke-hoach");
    expect(attached?.issuer?.name).toBe("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU");
    expect(attached?.title).toBe("Chuyển đổi số tỉnh Lai Châu năm 2026");
    expect(attached?.sections.map((s) => s.label)).toEqual(["I", "II", "III", "IV"]);
    expect(attached?.budget.total?.amount).toBe(2_500_000_000);
    expect(attached?.citations.map((c) => c.number)).toContain("412/QĐ-UBND");
    expect(attached?.signature).toBeNull();
    // Spans index the enclosing plan's text.
    const heading = attached?.docType;
    expect(heading && plan.source.text.slice(heading.span.start.offset, heading.span.end.offset)).toBe("KẾ HOẠCH");
  });
  it("a form inside an appendix (PHỤ LỤC II / (Kèm theo …) / BÁO CÁO) stays in the appendix", async () => {
    const plan = await parse(readFileSync(`${fixtures}corpus/kh_laocai_dkt_1105_kiemtra_vlncn_2026.pdf`), { checks: false });
    expect(plan.attachments).toEqual([]);
    expect(plan.appendix.some((p) => p.text === "BÁO CÁO")).toBe(true);
  });
});

describe("checks read attached documents too (fixtures/forms/qd_kehoach_attachment_faults.txt)", () => {
  it("reports the attached plan's faults at its own spans, and not what only the decision must have", async () => {
    const plan = await parse(readFileSync(`${fixtures}forms/qd_kehoach_attachment_faults.txt`));
    const attached = plan.attachments[0];
    if (!attached?.docType) throw new Error("no attached plan");
    const from = attached.docType.span.start.offset;
    const inAttachment = plan.findings.filter((f) => f.source === "check" && f.span && f.span.start.offset >= from);
    const text = (f: (typeof inAttachment)[number]) => plan.source.text.slice(f.span?.start.offset, f.span?.end.offset);
    const codes = inAttachment.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["citation-malformed", "section-gap", "amount-words-mismatch", "responsible-not-recipient"]));
    expect(text(inAttachment.find((f) => f.code === "citation-malformed")!)).toContain("31/02/2026");
    // Sent with the decision, to its recipients: `Như Điều 3` stands for the agencies its Điều 3 names.
    expect(inAttachment.filter((f) => f.code === "responsible-not-recipient").map(text)).toEqual([expect.stringContaining("Bưu điện tỉnh")]);
    // Number, date, signature and recipients are the decision's: not missing from the attachment.
    expect(codes.filter((c) => c.startsWith("missing-") || c === "recipients-archive-missing")).toEqual([]);
  });
});
