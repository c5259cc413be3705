import type { IToken } from "chevrotain";
import type {
  AttachedDocument,
  Citation,
  DigitalSignature,
  DocumentKind,
  DocumentReference,
  Money,
  Proposal,
  Section,
  TextBlock,
} from "@kehoach/model";
import type {
  AddresseesCstChildren,
  AttachmentCstChildren,
  BasisLineCstChildren,
  BodyLineCstChildren,
  ClosingLineCstChildren,
  DocumentCstChildren,
  DocumentCstNode,
  DocumentRestCstChildren,
  HeaderLineCstChildren,
  HeaderLineCstNode,
  IssuanceLineCstChildren,
  IssuerLineCstChildren,
  NumberLineCstChildren,
  PlaceDateLineCstChildren,
  PlanCstChildren,
  ProposalLineCstChildren,
  SubjectLineCstChildren,
  TitleBlockCstChildren,
  TitleBlockCstNode,
  TitleLineCstChildren,
} from "../grammar/cst.ts";
import { endOf, extentOf, extentOfChildren, tokensIn, tokensOf } from "./cst-tokens.ts";
import { foldHeader, readDocNumber, type Header, type HeaderPart } from "./header.ts";
import type { BuildContext } from "./context.ts";
import { emptyScope, type DocumentScope } from "./inline-builder.ts";
import { findIssuanceStart, readProposers } from "./preamble.ts";
import { buildSectionTree, MAX_SECTION_DEPTH, type BodyLine } from "./sections.ts";
import { emptyTail, TailBuilder } from "./tail-builder.ts";
import { CLOSING_LEAD_IN, FUNDED_KINDS, KIND_BY_HEADING, namesFunding, SUPERSEDED_TYPE, SUPERSEDES_LEAD, SUPERSEDES_REACH } from "../vi/layout.ts";

/** A document and the documents attached after its closing, in order. */
export interface BuiltDocument {
  document: AttachedDocument;
  attachments: AttachedDocument[];
}

/** The plan's own parts: its document (with its attachments) and the stamps before its header. */
export interface BuiltPlan {
  main: BuiltDocument;
  stamps: DigitalSignature[];
}

/** What `document` is handed from the header and title above it. */
interface DocumentHead {
  scope: DocumentScope;
  header: Header;
  typeHeading: IToken | undefined;
  title: TextBlock | null;
}

/** A header line's own extent (its newline left out), for the line rule under it. */
interface HeaderLineAt {
  scope: DocumentScope;
  extent: { start: number; end: number };
}

/** Where a line's text is when it has none of its own (a node that matched nothing). */
const NO_EXTENT = { start: 0, end: 0 };
const NO_DOCUMENT: DocumentCstNode = { name: "document", children: {} };

/**
 * Maps the grammar's concrete syntax tree to the Plan model: one method per rule it maps, each handed
 * the rule's children (typed by the generated `grammar/cst.ts`). It reads what the grammar decided;
 * the few choices left to it (the issuer's parent, the closing's lead-in, `supersedes`) read the
 * layout table.
 */
export class PlanBuilder extends TailBuilder {
  /** The issuing document's later chunks (`chunked.ts`), taken by the first `document` the builder reaches. */
  private bodyRest: Iterable<DocumentRestCstChildren>;

  constructor(ctx: BuildContext, bodyRest: Iterable<DocumentRestCstChildren> = []) {
    super(ctx);
    this.bodyRest = bodyRest;
  }

  plan(children: PlanCstChildren): BuiltPlan {
    const main = this.documentOf(children.headerLine ?? [], children.titleBlock?.[0], children.document?.[0]);
    const stamps: DigitalSignature[] = (children.stampLine ?? []).map((line) => this.visit(line));
    return { main, stamps };
  }

  /** A document attached after the closing: it goes into the tail, and so do those attached to it. */
  attachment(children: AttachmentCstChildren, tail: { attachments: AttachedDocument[] }): void {
    const built = this.documentOf(children.headerLine ?? [], children.titleBlock?.[0], children.document?.[0]);
    tail.attachments.push(built.document, ...built.attachments);
  }

  /** The issuing document or an attached one: its header and title, then what follows them. */
  private documentOf(headerLines: HeaderLineCstNode[], titleBlock: TitleBlockCstNode | undefined, body: DocumentCstNode | undefined): BuiltDocument {
    const scope = emptyScope();
    const header = foldHeader(this.ctx, headerLines.map((line): HeaderPart => this.visit(line, scope)));
    const title: { typeHeading: IToken | undefined; title: TextBlock | null } = titleBlock ? this.visit(titleBlock, scope) : { typeHeading: undefined, title: null };
    const head: DocumentHead = { scope, header, typeHeading: title.typeHeading, title: title.title ?? header.subject };
    return this.visit(body ?? NO_DOCUMENT, head);
  }

  // --- header ------------------------------------------------------------------------------------

  headerLine(children: HeaderLineCstChildren, scope: DocumentScope): HeaderPart {
    const motto = children.Motto?.[0];
    if (motto) return { kind: "motto", token: motto };
    if (children.strayHeaderLine) return { kind: "stray" };
    const at: HeaderLineAt = { scope, extent: extentOfChildren(children) ?? NO_EXTENT };
    const line = children.numberLine?.[0] ?? children.subjectLine?.[0] ?? children.placeDateLine?.[0] ?? children.issuerLine?.[0];
    // A header line that matched none of them (recovery) reads as a line of the issuer's name.
    return line ? this.visit(line, at) : this.issuerLine({ lineContent: [] }, at);
  }

  numberLine(children: NumberLineCstChildren, { scope, extent }: HeaderLineAt): HeaderPart {
    this.harvest(scope, children.lineContent?.[0], "body", extent.end);
    const field = children.NumberField?.[0];
    const start = field ? endOf(field) : extent.start;
    return { kind: "number", number: readDocNumber(this.ctx, start, extent.end) };
  }

  /** `V/v …`: the text after `V/v` (its first three tokens). */
  subjectLine(children: SubjectLineCstChildren, { extent }: HeaderLineAt): HeaderPart {
    // After the `V/v` mark.
    const start = tokensIn(children)[1]?.startOffset ?? extent.end;
    return { kind: "subject", subject: { text: this.ctx.slice(start, extent.end), span: this.ctx.span(start, extent.end) } };
  }

  /** `Lào Cai, ngày 12 tháng 3 năm 2026`: the place up to the comma, and the first date. */
  placeDateLine(children: PlaceDateLineCstChildren, { scope, extent }: HeaderLineAt): HeaderPart {
    const tokens = tokensIn(children);
    const comma = tokens.findIndex((t) => t.image === ",");
    const firstToken = tokens[0];
    const placeEnd = tokens[comma - 1];
    const place = firstToken && placeEnd ? { name: this.ctx.slice(firstToken.startOffset, endOf(placeEnd)), span: this.ctx.span(firstToken.startOffset, endOf(placeEnd)) } : null;
    const { dates } = this.harvest(scope, children.lineContent?.[0], "body", extent.end);
    const dateNode = dates[0];
    return { kind: "placeDate", place, date: dateNode ? this.visit(dateNode) : null };
  }

  issuerLine(_children: IssuerLineCstChildren, { extent }: HeaderLineAt): HeaderPart {
    return { kind: "issuer", text: this.ctx.slice(extent.start, extent.end), start: extent.start, end: extent.end };
  }

  // --- title -------------------------------------------------------------------------------------

  /** `KẾ HOẠCH` and the title lines under it, joined by a space. */
  titleBlock(children: TitleBlockCstChildren, scope: DocumentScope): { typeHeading: IToken | undefined; title: TextBlock | null } {
    const lines: { start: number; end: number }[] = (children.titleLine ?? []).map((line) => this.visit(line, scope));
    const first = lines[0];
    const last = lines[lines.length - 1];
    const title = first && last ? { text: this.ctx.slice(first.start, last.end).split("\n").map((line) => line.trim()).join(" "), span: this.ctx.span(first.start, last.end) } : null;
    return { typeHeading: children.TypeHeading?.[0], title };
  }

  titleLine(children: TitleLineCstChildren, scope: DocumentScope): { start: number; end: number } {
    const extent = extentOfChildren(children) ?? NO_EXTENT;
    this.harvest(scope, children.lineContent?.[0], "body", extent.end);
    return extent;
  }

  // --- document ----------------------------------------------------------------------------------

  document(children: DocumentCstChildren, { scope, header, typeHeading, title }: DocumentHead): BuiltDocument {
    const ctx = this.ctx;
    const addresseesNode = children.addressees?.[0];
    const addressees: { start: number; end: number } | null = addresseesNode ? this.visit(addresseesNode) : null;
    const legalBases: DocumentReference[] = [];
    let issuance: TextBlock | null = null;
    for (const line of children.basisLine ?? []) {
      const basis: { references: DocumentReference[]; issuance: TextBlock | null } = this.visit(line, scope);
      legalBases.push(...basis.references);
      if (basis.issuance) issuance = basis.issuance;
    }
    const proposalLine = children.proposalLine?.[0];
    const proposal: Proposal | null = proposalLine ? this.visit(proposalLine, scope) : null;
    const issuanceLine = children.issuanceLine?.[0];
    if (issuanceLine) issuance = this.visit(issuanceLine, scope);
    const bodyLines: BodyLine[] = (children.bodyLine ?? []).map((line) => this.visit(line, scope));
    // A long body's later chunks, each mapped (and its tree dropped) before the next is read; the last
    // one holds the closing and the tail.
    let end: DocumentRestCstChildren = children;
    const rest = this.bodyRest;
    this.bodyRest = [];
    for (const chunk of rest) {
      for (const line of chunk.bodyLine ?? []) bodyLines.push(this.visit(line, scope));
      end = chunk;
    }
    const closingLine = end.closingLine?.[0];
    const closing = closingLine ? this.closingOf(this.visit(closingLine, scope), bodyLines) : null;
    const { sections, loose, flattened } = buildSectionTree(bodyLines, (s, e) => ctx.span(s, e));
    const firstFlattened = flattened[0];
    if (firstFlattened) {
      ctx.report({
        code: "section-too-deep",
        severity: "warning",
        message: `Đánh số lồng nhau quá ${MAX_SECTION_DEPTH} cấp; ${flattened.length} mục sâu hơn được xếp ngang hàng với mục cấp ${MAX_SECTION_DEPTH}.`,
        messageEn: `Numbering nests deeper than ${MAX_SECTION_DEPTH} levels; ${flattened.length} deeper section(s) were placed beside the level-${MAX_SECTION_DEPTH} one.`,
        span: firstFlattened.labelSpan,
      });
    }

    const tail = emptyTail(scope);
    for (const block of end.tailBlock ?? []) this.visit(block, tail);
    const citations = scope.citations;
    const supersedes = citations.find((c) => this.isSupersedes(c)) ?? null;
    if (supersedes) supersedes.context = "supersedes";

    // No type heading: a letter (công văn) shows itself by its `V/v …` summary, its `Kính gửi:`, or a symbol
    // without a type code (`5973/UBND-KT`).
    const letter = header.subject !== null || addressees !== null || (header.number !== null && header.number.typeCode === null && header.number.issuerCode !== null);
    const kind: DocumentKind = typeHeading ? kindOf(typeHeading.image) : letter ? "cong-van" : "unknown";
    const document: AttachedDocument = {
      kind,
      motto: header.motto,
      issuer: header.issuer,
      number: header.number,
      place: header.place,
      date: header.date,
      docType: typeHeading ? { text: typeHeading.image, span: ctx.span(typeHeading.startOffset, endOf(typeHeading)) } : null,
      title: title?.text ?? null,
      titleSpan: title?.span ?? null,
      legalBases,
      proposal,
      issuance,
      // `Kính gửi: …` and its addressees stand before the body: the first unlabelled paragraph, not sections.
      paragraphs: addressees ? [{ text: ctx.slice(addressees.start, addressees.end).split("\n").join(" "), span: ctx.span(addressees.start, addressees.end) }, ...loose] : loose,
      sections,
      closing,
      supersedes: supersedes ? stripContext(supersedes) : null,
      budget: { total: FUNDED_KINDS.has(kind) ? (scope.funding[0] ?? firstInFundingSection(sections, scope.money)) : null, amounts: scope.money },
      quantities: scope.quantities,
      citations,
      assignments: [],
      recipients: tail.recipients,
      signature: tail.signature,
      digitalSignatures: tail.stamps,
      footnotes: [],
      appendix: tail.appendix,
    };
    return { document, attachments: tail.attachments };
  }

  /** A later chunk of a long body: `document` reads its children as they come. */
  documentRest(children: DocumentRestCstChildren): DocumentRestCstChildren {
    return children;
  }

  /** `Kính gửi:` and the addressees under it: from the first to the last visible token. */
  addressees(children: AddresseesCstChildren): { start: number; end: number } | null {
    const tokens = tokensIn(children).filter((t) => t.image !== "\n");
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    return first && last ? { start: first.startOffset, end: endOf(last) } : null;
  }

  /** A legal basis; the last one may run on into the issuing sentence (`…, UBND tỉnh ban hành Kế hoạch … như sau:`). */
  basisLine(children: BasisLineCstChildren, scope: DocumentScope): { references: DocumentReference[]; issuance: TextBlock | null } {
    const extent = extentOfChildren(children) ?? NO_EXTENT;
    const content = children.lineContent?.[0];
    const issuanceStart = content ? findIssuanceStart(tokensOf(content)) : null;
    const { references } = this.harvest(scope, content, "legal-basis", issuanceStart ?? extent.end);
    const issuance = issuanceStart !== null ? { text: this.ctx.slice(issuanceStart, extent.end), span: this.ctx.span(issuanceStart, extent.end) } : null;
    return { references, issuance };
  }

  /** `Theo đề nghị của <proposer> tại Tờ trình số …;`: the proposer runs from `của` to `tại`, a comma or the end. */
  proposalLine(children: ProposalLineCstChildren, scope: DocumentScope): Proposal {
    const extent = extentOfChildren(children) ?? NO_EXTENT;
    this.harvest(scope, children.lineContent?.[0], "body", extent.end);
    const proposers = readProposers(this.ctx, tokensIn(children));
    return { text: this.ctx.slice(extent.start, extent.end), by: proposers[0] ?? null, proposers, span: this.ctx.span(extent.start, extent.end) };
  }

  issuanceLine(children: IssuanceLineCstChildren, scope: DocumentScope): TextBlock {
    const extent = extentOfChildren(children) ?? NO_EXTENT;
    this.harvest(scope, children.lineContent?.[0], "body", extent.end);
    return { text: this.ctx.slice(extent.start, extent.end), span: this.ctx.span(extent.start, extent.end) };
  }

  /** A line of the body: its label, if any, and its text; `buildSectionTree` nests them. */
  bodyLine(children: BodyLineCstChildren, scope: DocumentScope): BodyLine {
    const lineExtent = extentOfChildren(children) ?? NO_EXTENT;
    const labelNode = children.label?.[0];
    const labelToken = labelNode ? tokensOf(labelNode)[0] : undefined;
    const content = children.lineContent?.[0];
    const extent = content ? extentOf(content) : null;
    const fallback = labelToken ? endOf(labelToken) : lineExtent.start;
    const textStart = extent?.start ?? fallback;
    const textEnd = extent?.end ?? fallback;
    this.harvest(scope, content, "body", lineExtent.end);
    return {
      label: labelToken ? { image: labelToken.image, start: labelToken.startOffset, end: endOf(labelToken), tokenName: labelToken.tokenType.name } : null,
      text: this.ctx.slice(textStart, textEnd),
      textStart,
      textEnd,
    };
  }

  closingLine(children: ClosingLineCstChildren, scope: DocumentScope): { start: number; end: number } {
    const extent = extentOfChildren(children) ?? NO_EXTENT;
    this.harvest(scope, children.lineContent?.[0], "body", extent.end);
    return extent;
  }

  /** The closing formula, with its lead-in (CLOSING_LEAD_IN) taken off the end of the body. */
  private closingOf({ start, end }: { start: number; end: number }, bodyLines: BodyLine[]): TextBlock {
    while (bodyLines.length > 0) {
      const last = bodyLines[bodyLines.length - 1] as BodyLine;
      if (last.label || !CLOSING_LEAD_IN.test(last.text)) break;
      start = last.textStart;
      bodyLines.pop();
    }
    return { text: this.ctx.slice(start, end).replace(/\n/g, " "), span: this.ctx.span(start, end) };
  }

  /** A cited plan with SUPERSEDES_LEAD just before it is the one this document replaces. */
  private isSupersedes(citation: Citation): boolean {
    const to = citation.span.start.offset;
    const before = this.ctx.text.slice(Math.max(0, to - SUPERSEDES_REACH), to);
    return citation.docType === SUPERSEDED_TYPE && SUPERSEDES_LEAD.test(before);
  }
}

/** `III. KINH PHÍ THỰC HIỆN` / `Tổng cộng: 350.000.000 đồng`: the first amount under a funding heading. */
function firstInFundingSection(sections: readonly Section[], amounts: readonly Money[]): Money | null {
  for (const section of sections) {
    if (namesFunding(section.heading)) {
      const from = section.span.start.offset;
      const to = section.span.end.offset;
      const inside = amounts.find((m) => m.span.start.offset >= from && m.span.end.offset <= to);
      if (inside) return inside;
    }
    const deeper = firstInFundingSection(section.children, amounts);
    if (deeper) return deeper;
  }
  return null;
}

function kindOf(heading: string): DocumentKind {
  return KIND_BY_HEADING.get(heading.trim()) ?? "unknown";
}

function stripContext(citation: Citation): DocumentReference {
  const { context: _context, ...reference } = citation;
  return reference;
}
