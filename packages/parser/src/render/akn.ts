import type { DateValue, DocumentReference, Plan, Section } from "@kehoach/model";
import { labelText } from "./labels.ts";
import { sourceLines } from "./source-lines.ts";
import { escapeXml, Xml } from "./xml.ts";

/**
 * Plan → Akoma Ntoso 3.0 XML (OASIS LegalDocML): a `<doc name="ke-hoach">` (the plan's kind) with
 * FRBR Work/Expression/Manifestation URIs in `meta/identification`, the people, bodies, roles and
 * place it names in `meta/references`, the header in the preface (`docProponent`, `docNumber`,
 * `location`, `docDate`, `docType`, `longTitle`), the legal bases as `citation`s holding a `ref` to
 * each cited document, the section tree as nested `hcontainer`s with `num` and `heading`, and the
 * recipients and `signature` (`role`, `person`) in the conclusions. Deterministic: the same Plan
 * gives the same bytes. Validates against `akomantoso30.xsd`.
 */
export function renderAkn(plan: Plan): string {
  const uri = workUri(plan);
  const date = isoOf(plan.date);
  const frbrDate = date ? { date, name: "issued" } : approximateDate(plan.date);
  const author = plan.issuer ? "#issuer" : "#kehoach";
  const x = new Xml();
  x.raw('<?xml version="1.0" encoding="UTF-8"?>');
  x.open("akomaNtoso", { xmlns: "http://docs.oasis-open.org/legaldocml/ns/akn/3.0" });
  x.open("doc", { name: docName(plan) });

  x.open("meta");
  x.open("identification", { source: "#kehoach" });
  const expression = `${uri}/vie@${frbrDate.date}`;
  frbr(x, "FRBRWork", `${uri}/!main`, uri, frbrDate, author, () => {
    x.empty("FRBRcountry", { value: "vn" });
    if (plan.number?.sequence !== null && plan.number?.sequence !== undefined) x.empty("FRBRnumber", { value: String(plan.number.sequence) });
  });
  frbr(x, "FRBRExpression", `${expression}/!main`, expression, frbrDate, author, () => x.empty("FRBRlanguage", { language: "vie" }));
  frbr(x, "FRBRManifestation", `${expression}/!main.xml`, `${expression}.akn`, frbrDate, author, () => {});
  x.close("identification");
  x.open("references", { source: "#kehoach" });
  x.empty("TLCOrganization", { eId: "kehoach", href: "/akn/ontology/organizations/kehoach", showAs: "kehoach" });
  if (plan.issuer) x.empty("TLCOrganization", { eId: "issuer", href: `/akn/ontology/organizations/vn/${slug(plan.issuer.name)}`, showAs: plan.issuer.name });
  if (plan.place) x.empty("TLCLocation", { eId: "place", href: `/akn/ontology/locations/vn/${slug(plan.place.name)}`, showAs: plan.place.name });
  const signature = plan.signature;
  const roleText = signature ? [signature.delegation, signature.position].filter(Boolean).join(" ") : "";
  if (signature?.signer) x.empty("TLCPerson", { eId: "signer", href: `/akn/ontology/persons/vn/${slug(signature.signer)}`, showAs: signature.signer });
  if (roleText) x.empty("TLCRole", { eId: "signerRole", href: `/akn/ontology/roles/vn/${slug(roleText)}`, showAs: roleText });
  x.close("references");
  x.close("meta");

  x.open("preface");
  if (plan.issuer?.parent) x.leaf("p", { class: "issuerParent" }, escapeXml(plan.issuer.parent));
  if (plan.issuer) x.leaf("p", { class: "issuer" }, `<docProponent refersTo="#issuer">${escapeXml(plan.issuer.name)}</docProponent>`);
  if (plan.number) x.leaf("p", { class: "number" }, `Số: <docNumber>${escapeXml(plan.number.raw)}</docNumber>`);
  for (const line of lines(plan.motto?.text)) x.leaf("p", { class: "motto" }, escapeXml(line));
  if (plan.place || plan.date) {
    const place = plan.place ? `<location refersTo="#place">${escapeXml(plan.place.name)}</location>` : "";
    const when = plan.date ? (date ? `<docDate date="${date}">${escapeXml(plan.date.raw)}</docDate>` : escapeXml(plan.date.raw)) : "";
    x.leaf("p", { class: "placeAndDate" }, [place, when].filter(Boolean).join(", "));
  }
  if (plan.docType) x.leaf("p", { class: "type" }, `<docType>${escapeXml(plan.docType.text)}</docType>`);
  if (plan.title) x.leaf("longTitle", {}, `<p>${escapeXml(plan.title)}</p>`);
  if (!plan.issuer && !plan.number && !plan.place && !plan.date && !plan.docType && !plan.title) x.leaf("p", {}, "");
  x.close("preface");

  const source = plan.source.text;
  if (plan.legalBases.length > 0 || plan.issuance) {
    x.open("preamble");
    if (plan.legalBases.length > 0) {
      x.open("citations");
      plan.legalBases.forEach((basis, i) => {
        x.open("citation", { eId: `citation_${i + 1}` });
        x.leaf("p", {}, `Căn cứ <ref href="${escapeXml(referenceUri(basis))}">${escapeXml(basis.raw)}</ref>;`);
        x.close("citation");
      });
      x.close("citations");
    }
    if (plan.issuance) {
      x.open("formula", { name: "issuance" });
      for (const line of sourceLines(plan.issuance.text, plan.issuance.span, source)) x.leaf("p", {}, escapeXml(line));
      x.close("formula");
    }
    x.close("preamble");
  }

  x.open("mainBody");
  const bodyParagraphs = plan.paragraphs.flatMap((p) => sourceLines(p.text, p.span, source));
  if (bodyParagraphs.length > 0) {
    x.open("hcontainer", { name: "introduction", eId: "intro_1" });
    x.open("content");
    for (const line of bodyParagraphs) x.leaf("p", {}, escapeXml(line));
    x.close("content");
    x.close("hcontainer");
  }
  plan.sections.forEach((section, i) => renderSection(x, section, null, "", i, source));
  if (plan.closing) {
    x.open("hcontainer", { name: "closing", eId: "closing_1" });
    x.open("content");
    for (const line of sourceLines(plan.closing.text, plan.closing.span, source)) x.leaf("p", {}, escapeXml(line));
    x.close("content");
    x.close("hcontainer");
  }
  if (bodyParagraphs.length === 0 && plan.sections.length === 0 && !plan.closing) {
    x.open("hcontainer", { name: "body", eId: "body_1" });
    x.leaf("content", {}, "<p/>");
    x.close("hcontainer");
  }
  x.close("mainBody");

  if (plan.recipients.length > 0 || signature || plan.footnotes.length > 0 || plan.appendix.length > 0) {
    x.open("conclusions");
    if (plan.recipients.length > 0) {
      x.open("blockContainer", { class: "recipients" });
      x.leaf("p", {}, "Nơi nhận:");
      for (const r of plan.recipients) x.leaf("p", { class: "recipient" }, escapeXml(r.text));
      x.close("blockContainer");
    }
    if (signature) {
      const parts: string[] = [];
      if (signature.authority) parts.push(`<organization refersTo="#issuer">${escapeXml(signature.authority)}</organization>`);
      if (roleText) parts.push(`<role refersTo="#signerRole">${escapeXml(roleText)}</role>`);
      if (signature.signer) parts.push(`<person refersTo="#signer">${escapeXml(signature.signer)}</person>`);
      x.leaf("p", { class: "signature" }, `<signature>${parts.join(" ")}</signature>`);
    }
    for (const stamp of plan.digitalSignatures) x.leaf("p", { class: "digitalSignature" }, escapeXml(stamp.raw));
    for (const paragraph of plan.appendix) for (const line of sourceLines(paragraph.text, paragraph.span, source)) x.leaf("p", { class: "appendix" }, escapeXml(line));
    for (const footnote of plan.footnotes) {
      const marker = escapeXml(footnote.label);
      x.leaf("p", { class: "footnote" }, `<authorialNote marker="${marker}" placement="bottom" eId="fn_${slug(footnote.label)}"><p>${escapeXml(footnote.text)}</p></authorialNote>`);
    }
    x.close("conclusions");
  }

  x.close("doc");
  x.close("akomaNtoso");
  return x.toString();
}

/** Each label style as its Akoma Ntoso hierarchy element, and the eId prefix the naming convention gives it. */
const ELEMENT: Record<Section["style"], { name: string; id: string }> = {
  part: { name: "book", id: "book" },
  capital: { name: "title", id: "title" },
  roman: { name: "part", id: "part" },
  article: { name: "article", id: "art" },
  arabic: { name: "section", id: "sec" },
  decimal: { name: "subsection", id: "subsec" },
  letter: { name: "point", id: "point" },
  dash: { name: "indent", id: "indent" },
  plus: { name: "indent", id: "indent" },
};

function renderSection(x: Xml, section: Section, parent: Section | null, parentId: string, index: number, source: string): void {
  const element = ELEMENT[section.style];
  const eId = `${parentId ? `${parentId}__` : ""}${element.id}_${index + 1}`;
  x.open(element.name, { eId });
  x.leaf("num", {}, escapeXml(labelText(section, parent)));
  x.leaf("heading", {}, escapeXml(sourceLines(section.heading, section.headingSpan, source).join(" ")));
  const paragraphs = section.paragraphs.flatMap((p) => sourceLines(p.text, p.span, source));
  if (section.children.length > 0) {
    if (paragraphs.length > 0) {
      x.open("intro");
      for (const line of paragraphs) x.leaf("p", {}, escapeXml(line));
      x.close("intro");
    }
    section.children.forEach((child, i) => renderSection(x, child, section, eId, i, source));
  } else {
    x.open("content");
    if (paragraphs.length === 0) x.raw("<p/>");
    for (const line of paragraphs) x.leaf("p", {}, escapeXml(line));
    x.close("content");
  }
  x.close(element.name);
}

function frbr(x: Xml, level: string, self: string, uri: string, date: { date: string; name: string }, author: string, extra: () => void): void {
  x.open(level);
  x.empty("FRBRthis", { value: self });
  x.empty("FRBRuri", { value: uri });
  x.empty("FRBRdate", { date: date.date, name: date.name });
  x.empty("FRBRauthor", { href: author });
  extra();
  x.close(level);
}

function docName(plan: Plan): string {
  return plan.kind === "unknown" ? "van-ban" : plan.kind;
}

/** `/akn/vn/doc/ke-hoach/2024-03-15/12-kh-ubnd`: country, document type, date, number and symbol. */
function workUri(plan: Plan): string {
  const date = isoOf(plan.date) ?? (plan.date?.year ? String(plan.date.year) : "khong-ngay");
  const number = plan.number ? slug(plan.number.raw) || "khong-so" : "khong-so";
  return `/akn/vn/doc/${docName(plan)}/${date}/${number}`;
}

/** A cited document's work URI, from what the citation gives: `/akn/vn/doc/quyet-dinh/2022-01-18/90-qd-ttg`. */
function referenceUri(basis: DocumentReference): string {
  const type = basis.docType ? slug(basis.docType) : "van-ban";
  return `/akn/vn/doc/${type}/${basis.date ?? "khong-ngay"}/${basis.number ? slug(basis.number) || "khong-so" : "khong-so"}`;
}

function isoOf(date: DateValue | null): string | null {
  if (!date || date.day === null || date.month === null || date.year === null) return null;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** A draft's date has blanks: FRBRdate needs a whole date, so the first day of what is known, named approximate. */
function approximateDate(date: DateValue | null): { date: string; name: string } {
  if (date?.year) return { date: `${date.year}-${pad(date.month ?? 1)}-01`, name: "approximate" };
  return { date: "1970-01-01", name: "unknown" };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `12/KH-UBND` → `12-kh-ubnd`, `Sở Công Thương` → `so-cong-thuong`: ASCII for URIs and ids. */
export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function lines(text: string | null | undefined): string[] {
  return (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}
