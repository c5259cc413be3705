import type { CstNode, IToken } from "chevrotain";
import type {
  AttachedDocument,
  Citation,
  DateValue,
  DigitalSignature,
  DocNumber,
  DocumentKind,
  DocumentReference,
  Footnote,
  Issuer,
  Money,
  Paragraph,
  Place,
  Plan,
  Proposal,
  Quantity,
  Recipient,
  Section,
  Signature,
  Source,
  TextBlock,
} from "@kehoach/model";
import { child, children, endOf, extentOf, token, tokensOf } from "./cst-tokens.ts";
import { BuildContext } from "./context.ts";
import { buildDate, buildMoney, buildQuantity, buildReference, entitiesOf } from "./inline.ts";
import { buildSectionTree, MAX_SECTION_DEPTH, type BodyLine } from "./sections.ts";
import { readStamp } from "./stamps.ts";
import { takeNumberFromAttachments } from "./issuing-number.ts";
import { mendTitleFromArticle } from "./title-witness.ts";
import { extractAssignments } from "./assignments.ts";
import { KIND_BY_HEADING } from "../vi/lexicon.ts";
import { FUNDED_KINDS, isCollectivePrefix, namesFunding, prefixCode } from "../vi/layout.ts";
import { symbolParts } from "../vi/document-types.ts";
import { looksLikePersonName } from "../vi/names.ts";

export interface BuildInput {
  ctx: BuildContext;
  cst: CstNode;
  source: Source;
  footnoteRefs: IToken[];
  bodyEnd: number;
  /** Stamp blocks the adapter marked, as `[start, end)` in the normalised text; the grammar never saw them. */
  stampRanges: readonly { start: number; end: number }[];
}

/** Turns the grammar's concrete syntax tree into the Plan model. */
export function buildPlan({ ctx, cst, source, footnoteRefs, bodyEnd, stampRanges }: BuildInput): Plan {
  const main = buildDocument(ctx, source, children(cst, "headerLine"), child(cst, "titleBlock"), child(cst, "document"));
  takeNumberFromAttachments(ctx, main.document, main.attachments);
  mendTitleFromArticle(ctx, source, main.document);
  const stamps = [
    ...stampRanges.map((range) => readStamp(ctx, range.start, range.end)),
    ...children(cst, "stampLine").map((line) => readStampLine(ctx, line)),
    ...main.document.digitalSignatures,
  ].sort((a, b) => a.span.start.offset - b.span.start.offset);
  const plan: Plan = {
    source,
    ...main.document,
    digitalSignatures: stamps,
    footnotes: readFootnotes(ctx, bodyEnd, footnoteRefs),
    attachments: main.attachments,
    findings: ctx.findings,
  };
  // Reads the finished sections and citations: who is given which task.
  plan.assignments = extractAssignments(plan);
  return plan;
}

/**
 * One document: the issuing one (from the plan's header, title and `document` node) or an attached one
 * (from an `attachment` node). Attachments found in its tail come back beside it, in order.
 */
function buildDocument(
  ctx: BuildContext,
  source: Source,
  headerLines: CstNode[],
  titleBlock: CstNode | undefined,
  body: CstNode | undefined,
): { document: AttachedDocument; attachments: AttachedDocument[] } {
  const citations: Citation[] = [];
  const money: Money[] = [];
  /** Amounts a funding word leads to: the first is the document's own total. */
  const funding: Money[] = [];
  const quantities: Quantity[] = [];
  /** Collects the entities of one line; returns its references for the caller's own use. */
  const harvest = (lineContent: CstNode | undefined, context: Citation["context"], lineEnd: number) => {
    const found = entitiesOf(lineContent);
    const references = found.references.map((ref, index) => {
      const next = found.references[index + 1];
      return buildReference(ctx, ref.node, ref.start, next ? next.start : lineEnd);
    });
    for (const reference of references) citations.push({ ...reference, context });
    for (const node of found.money) {
      const built = buildMoney(ctx, node);
      money.push(built);
      if (found.funding.has(node)) funding.push(built);
    }
    for (const node of found.quantities) quantities.push(buildQuantity(ctx, node));
    return { references, dates: found.dates };
  };
  const cst = body ?? { name: "document", children: {} };

  const header = readHeader(ctx, headerLines, harvest);
  const typeHeading = titleBlock ? token(titleBlock, "TypeHeading") : undefined;
  const titleLines = titleBlock ? children(titleBlock, "titleLine") : [];
  for (const line of titleLines) harvest(child(line, "lineContent"), "body", lineExtent(line).end);
  const title = joinLines(ctx, titleLines) ?? header.subject;

  const addresseesNode = child(cst, "addressees");
  const addressees = addresseesNode ? blockExtent(addresseesNode) : null;
  const legalBases: DocumentReference[] = [];
  let issuance: TextBlock | null = null;
  for (const line of children(cst, "basisLine")) {
    const extent = lineExtent(line);
    const content = child(line, "lineContent");
    const issuanceStart = content ? findIssuanceStart(content) : null;
    const { references } = harvest(content, "legal-basis", issuanceStart ?? extent.end);
    legalBases.push(...references);
    if (issuanceStart !== null) issuance = { text: ctx.slice(issuanceStart, extent.end), span: ctx.span(issuanceStart, extent.end) };
  }
  const proposal = readProposal(ctx, child(cst, "proposalLine"), harvest);
  const issuanceLine = child(cst, "issuanceLine");
  if (issuanceLine) {
    const extent = lineExtent(issuanceLine);
    harvest(child(issuanceLine, "lineContent"), "body", extent.end);
    issuance = { text: ctx.slice(extent.start, extent.end), span: ctx.span(extent.start, extent.end) };
  }
  const bodyLines = children(cst, "bodyLine").map((line) => readBodyLine(ctx, line));
  children(cst, "bodyLine").forEach((line) => harvest(child(line, "lineContent"), "body", lineExtent(line).end));
  const closingLine = child(cst, "closingLine");
  let closing: TextBlock | null = null;
  if (closingLine) {
    let start = lineExtent(closingLine).start;
    const end = lineExtent(closingLine).end;
    harvest(child(closingLine, "lineContent"), "body", end);
    // `Kế hoạch này thay thế …` / `Trên đây là …` just before the closing formula belong to it.
    while (bodyLines.length > 0) {
      const last = bodyLines[bodyLines.length - 1] as BodyLine;
      if (last.label || !/^(Kế hoạch này|Trên đây)/.test(last.text)) break;
      start = last.textStart;
      bodyLines.pop();
    }
    closing = { text: ctx.slice(start, end).replace(/\n/g, " "), span: ctx.span(start, end) };
  }
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

  const tail = readTail(ctx, source, children(cst, "tailBlock"), harvest);
  const supersedes = citations.find((c) => isSupersedes(ctx, c)) ?? null;
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
    budget: { total: FUNDED_KINDS.has(kind) ? (funding[0] ?? firstInFundingSection(sections, money)) : null, amounts: money },
    quantities,
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

type Harvest = (
  lineContent: CstNode | undefined,
  context: Citation["context"],
  lineEnd: number,
) => { references: DocumentReference[]; dates: CstNode[] };

// --- lines ---------------------------------------------------------------------------------------

/** From the first to the last visible token of a block of several lines. */
function blockExtent(node: CstNode): { start: number; end: number } | null {
  const tokens = tokensOf(node).filter((t) => t.image !== "\n");
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first && last ? { start: first.startOffset, end: endOf(last) } : null;
}

function lineExtent(line: CstNode): { start: number; end: number } {
  return extentOf(line) ?? { start: 0, end: 0 };
}

function joinLines(ctx: BuildContext, lines: CstNode[]): TextBlock | null {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return null;
  const start = lineExtent(first).start;
  const end = lineExtent(last).end;
  return { text: ctx.slice(start, end).split("\n").map((line) => line.trim()).join(" "), span: ctx.span(start, end) };
}

function readBodyLine(ctx: BuildContext, line: CstNode): BodyLine {
  const labelNode = child(line, "label");
  const labelToken = labelNode ? tokensOf(labelNode)[0] : undefined;
  const content = child(line, "lineContent");
  const extent = content ? extentOf(content) : null;
  const fallback = labelToken ? endOf(labelToken) : lineExtent(line).start;
  const textStart = extent?.start ?? fallback;
  const textEnd = extent?.end ?? fallback;
  return {
    label: labelToken
      ? { image: labelToken.image, start: labelToken.startOffset, end: endOf(labelToken), tokenName: labelToken.tokenType.name }
      : null,
    text: ctx.slice(textStart, textEnd),
    textStart,
    textEnd,
  };
}

/** In `Thực hiện …, UBND tỉnh ban hành Kế hoạch … như sau:` the issuing clause starts after the last comma before `ban hành Kế hoạch`. */
function findIssuanceStart(content: CstNode): number | null {
  const tokens = tokensOf(content);
  const last = tokens[tokens.length - 1];
  if (!last || last.image !== ":") return null;
  const verb = tokens.findIndex(
    (t, i) => t.image === "hành" && tokens[i - 1]?.image === "ban" && tokens[i + 1]?.tokenType.name === "DocType",
  );
  if (verb < 0) return null;
  for (let i = verb; i >= 0; i--) {
    if (tokens[i]?.image === ",") return tokens[i + 1]?.startOffset ?? null;
  }
  return null;
}

/** `Theo đề nghị của <proposer> tại Tờ trình số …;`: the proposer runs from `của` to `tại`, a comma or the end. */
function readProposal(ctx: BuildContext, line: CstNode | undefined, harvest: Harvest): Proposal | null {
  if (!line) return null;
  const extent = lineExtent(line);
  harvest(child(line, "lineContent"), "body", extent.end);
  const tokens = tokensOf(line);
  const of = tokens.findIndex((t) => t.tokenType.name === "Cua");
  let by: string | null = null;
  if (of >= 0) {
    const from = tokens[of + 1];
    let last: IToken | undefined;
    for (let i = of + 1; i < tokens.length; i++) {
      const t = tokens[i] as IToken;
      const name = t.tokenType.name;
      if (name === "Comma" || name === "Semicolon" || name === "Period" || name === "DocType" || PROPOSER_ENDS.has(t.image)) break;
      last = t;
    }
    if (from && last) by = ctx.slice(from.startOffset, endOf(last));
  }
  return { text: ctx.slice(extent.start, extent.end), by, span: ctx.span(extent.start, extent.end) };
}
/** Words after the proposer's name: `… Sở Nội vụ tại Tờ trình số …`, `… về việc …`. */
const PROPOSER_ENDS: ReadonlySet<string> = new Set(["tại", "về", "theo"]);

// --- header --------------------------------------------------------------------------------------

interface Header {
  /** `V/v …` of an official letter, which stands where a plan has its title. */
  subject: TextBlock | null;
  motto: TextBlock | null;
  issuer: Issuer | null;
  number: DocNumber | null;
  place: Place | null;
  date: DateValue | null;
}

/** Issuing bodies printed over two lines with no place on the first: `ỦY BAN NHÂN DÂN` / `TỈNH LAI CHÂU`. */
const BODY_WITHOUT_PLACE = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)$/;

function readHeader(ctx: BuildContext, lines: CstNode[], harvest: Harvest): Header {
  const header: Header = { subject: null, motto: null, issuer: null, number: null, place: null, date: null };
  const mottoTokens: IToken[] = [];
  const issuerLines: { text: string; start: number; end: number }[] = [];
  for (const line of lines) {
    const extent = lineExtent(line);
    const motto = token(line, "Motto");
    if (motto) {
      mottoTokens.push(motto);
      continue;
    }
    const numberLine = child(line, "numberLine");
    if (numberLine) {
      harvest(child(numberLine, "lineContent"), "body", extent.end);
      const field = token(numberLine, "NumberField");
      const start = field ? endOf(field) : extent.start;
      header.number = readDocNumber(ctx, start, extent.end);
      continue;
    }
    const subject = child(line, "subjectLine");
    if (subject) {
      const tokens = tokensOf(subject);
      const start = tokens[3]?.startOffset ?? extent.start;
      header.subject = { text: ctx.slice(start, extent.end), span: ctx.span(start, extent.end) };
      continue;
    }
    const placeDate = child(line, "placeDateLine");
    if (placeDate) {
      const tokens = tokensOf(placeDate);
      const comma = tokens.findIndex((t) => t.image === ",");
      const firstToken = tokens[0];
      const placeEnd = tokens[comma - 1];
      if (firstToken && placeEnd) {
        header.place = { name: ctx.slice(firstToken.startOffset, endOf(placeEnd)), span: ctx.span(firstToken.startOffset, endOf(placeEnd)) };
      }
      const { dates } = harvest(child(placeDate, "lineContent"), "body", extent.end);
      const dateNode = dates[0];
      if (dateNode) header.date = buildDate(ctx, dateNode);
      continue;
    }
    issuerLines.push({ text: ctx.slice(extent.start, extent.end), start: extent.start, end: extent.end });
  }
  const firstMotto = mottoTokens[0];
  const lastMotto = mottoTokens[mottoTokens.length - 1];
  if (firstMotto && lastMotto) {
    header.motto = {
      text: mottoTokens.map((t) => t.image.trim()).join("\n"),
      span: ctx.span(firstMotto.startOffset, endOf(lastMotto)),
    };
  }
  const first = issuerLines[0];
  const last = issuerLines[issuerLines.length - 1];
  if (first && last) {
    const joinFirst = issuerLines.length === 1 || BODY_WITHOUT_PLACE.test(first.text);
    const parent = joinFirst ? null : first.text;
    const nameLines = joinFirst ? issuerLines : issuerLines.slice(1);
    header.issuer = {
      name: nameLines.map((l) => l.text).join(" "),
      parent,
      span: ctx.span(first.start, last.end),
    };
  }
  return header;
}

/** `12/KH-UBND`, `06/2022/TT-BTTTT`, `/KH-UBND` (draft), `173 /KH-UBND`, `11-CT/TU`: read by symbolParts. */
function readDocNumber(ctx: BuildContext, start: number, end: number): DocNumber | null {
  const raw = ctx.slice(start, end);
  if (raw.length === 0) return null;
  const parts = symbolParts(raw);
  const at = ctx.text.indexOf(raw[0] as string, start);
  const spanStart = at >= start && at < end ? at : start;
  return {
    raw,
    sequence: parts?.sequence ?? null,
    year: parts?.year ?? null,
    typeCode: parts?.typeCode ?? null,
    issuerCode: parts?.issuerCode ?? null,
    span: ctx.span(spanStart, end),
  };
}

// --- tail ----------------------------------------------------------------------------------------

interface Tail {
  recipients: Recipient[];
  signature: Signature | null;
  stamps: DigitalSignature[];
  appendix: Paragraph[];
  attachments: AttachedDocument[];
}

function readTail(ctx: BuildContext, source: Source, blocks: CstNode[], harvest: Harvest): Tail {
  const tail: Tail = { recipients: [], signature: null, stamps: [], appendix: [], attachments: [] };
  for (const block of blocks) {
    const attachment = child(block, "attachment");
    if (attachment) {
      const built = buildDocument(ctx, source, children(attachment, "headerLine"), child(attachment, "titleBlock"), child(attachment, "document"));
      built.document.assignments = extractAssignments({ source, ...built.document, attachments: [], findings: [] });
      tail.attachments.push(built.document, ...built.attachments);
      continue;
    }
    const lateSigner = child(block, "signerLine");
    if (lateSigner && tail.signature && tail.signature.signer === null) {
      const extent = extentOf(lateSigner);
      if (extent) tail.signature = { ...tail.signature, signer: ctx.slice(extent.start, extent.end) };
      continue;
    }
    const recipients = child(block, "recipients") ?? child(block, "recipientsResumed");
    if (recipients) {
      const headingContent = child(recipients, "lineContent");
      const headingText = headingContent ? extentOf(headingContent) : null;
      if (headingText) tail.recipients.push(recipientFrom(ctx, headingText.start, headingText.end));
      for (const item of children(recipients, "recipientItem")) {
        const before = tail.recipients.length;
        for (const name of namesOf(item)) {
          const extent = extentOf(name);
          if (extent) tail.recipients.push(recipientFrom(ctx, extent.start, extent.end));
        }
        // A wrapped line's first name goes on with the recipient above it; any after it are new ones.
        for (const wrap of children(item, "recipientWrap")) {
          namesOf(wrap).forEach((name, index) => {
            const extent = extentOf(name);
            if (!extent) return;
            const last = tail.recipients[tail.recipients.length - 1];
            if (index === 0 && last && tail.recipients.length > before) {
              tail.recipients[tail.recipients.length - 1] = recipientFrom(ctx, last.span.start.offset, extent.end);
            } else tail.recipients.push(recipientFrom(ctx, extent.start, extent.end));
          });
        }
      }
      continue;
    }
    const signature = child(block, "signature");
    if (signature && !tail.signature) {
      tail.signature = readSignature(ctx, signature);
      continue;
    }
    const stamp = child(block, "stampLine");
    if (stamp) {
      tail.stamps.push(readStampLine(ctx, stamp));
      continue;
    }
    const node = child(block, "otherLine") ?? signature;
    const extent = node ? extentOf(node) : null;
    // A name alone after the recipients is the signer whose authority and position were not read (under a seal).
    if (node && extent && !tail.signature && tail.recipients.length > 0 && tail.appendix.length === 0 && looksLikePersonName(ctx.slice(extent.start, extent.end))) {
      tail.signature = { authority: null, delegation: null, position: null, signer: ctx.slice(extent.start, extent.end), span: ctx.span(extent.start, extent.end) };
      continue;
    }
    if (node && extent) {
      harvest(child(node, "lineContent") ?? node, "body", extent.end);
      tail.appendix.push({ text: ctx.slice(extent.start, extent.end), span: ctx.span(extent.start, extent.end) });
    }
  }
  return tail;
}

function namesOf(line: CstNode): CstNode[] {
  const names = child(line, "recipientNames");
  return names ? children(names, "recipientName") : [];
}

/** A recipient's text, its wrapped lines joined by a space. */
function recipientFrom(ctx: BuildContext, start: number, end: number): Recipient {
  return { text: ctx.slice(start, end).split("\n").join(" "), span: ctx.span(start, end) };
}

function readSignature(ctx: BuildContext, node: CstNode): Signature {
  const signature: Signature = { authority: null, delegation: null, position: null, signer: null, span: ctx.span(0, 0) };
  const extent = extentOf(node) ?? { start: 0, end: 0 };
  const positions: string[] = [];
  const prefixed: { code: string; text: string }[] = [];
  for (const line of children(node, "signatureLine")) {
    const prefix = token(line, "SignPrefix");
    const content = child(line, "lineContent");
    const contentExtent = content ? extentOf(content) : null;
    const rest = contentExtent ? ctx.slice(contentExtent.start, contentExtent.end) : "";
    if (prefix) prefixed.push({ code: prefixCode(prefix.image), text: `${prefix.image} ${rest}`.trim() });
    else if (rest) positions.push(rest);
  }
  // Two prefix lines (`TM. …` / `KT. …`, `TL. CHỦ TỊCH` / `KT. CHÁNH VĂN PHÒNG`): the first is whose
  // authority, the second who signs for it. One alone: `TM.` is the authority, any other the delegation.
  const [first, second] = prefixed;
  if (first && second) {
    signature.authority = first.text;
    signature.delegation = second.text;
  } else if (first) {
    if (isCollectivePrefix(first.code)) signature.authority = first.text;
    else signature.delegation = first.text;
  }
  signature.position = positions.length > 0 ? positions.join(" ") : null;
  const signer = child(node, "signerLine");
  const signerExtent = signer ? extentOf(signer) : null;
  if (signerExtent) signature.signer = ctx.slice(signerExtent.start, signerExtent.end);
  signature.span = ctx.span(extent.start, extent.end);
  return signature;
}

function readStampLine(ctx: BuildContext, node: CstNode): DigitalSignature {
  const stamp = token(node, "Timestamp");
  const raw = stamp?.image.trim() ?? "";
  const signer = child(node, "signerLine");
  const signerExtent = signer ? extentOf(signer) : null;
  const extent = extentOf(node) ?? { start: 0, end: 0 };
  return {
    timestamp: raw.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"),
    signer: signerExtent ? ctx.slice(signerExtent.start, signerExtent.end) : null,
    raw,
    span: ctx.span(extent.start, extent.end),
  };
}

function readFootnotes(ctx: BuildContext, bodyEnd: number, refs: IToken[]): Footnote[] {
  const footnotes: Footnote[] = [];
  const definition = /^\[\^([^\]\s]{1,20})\]: ?/;
  let offset = bodyEnd;
  for (const line of ctx.text.slice(bodyEnd).split("\n")) {
    const match = definition.exec(line);
    if (match) {
      const label = match[1] as string;
      const start = offset + match[0].length;
      const end = offset + line.length;
      footnotes.push({
        label,
        text: ctx.slice(start, end),
        span: ctx.span(start, end),
        refs: refs.filter((ref) => ref.image === `[^${label}]`).map((ref) => ctx.span(ref.startOffset, endOf(ref))),
      });
    }
    offset += line.length + 1;
  }
  return footnotes;
}

// --- whole-plan decisions ------------------------------------------------------------------------

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
  return (KIND_BY_HEADING.get(heading.trim()) as DocumentKind | undefined) ?? "unknown";
}

function isSupersedes(ctx: BuildContext, citation: Citation): boolean {
  const before = ctx.text.slice(Math.max(0, citation.span.start.offset - 40), citation.span.start.offset);
  return citation.docType === "Kế hoạch" && /thay thế\s*$/.test(before);
}

function stripContext(citation: Citation): DocumentReference {
  const { context: _context, ...reference } = citation;
  return reference;
}
