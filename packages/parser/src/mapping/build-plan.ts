import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import type { PlacedDiagnostic } from "../diagnostics.ts";
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
import { endOf, extentOf, tokensOf } from "./cst-tokens.ts";
import type { InlineElements } from "./inline.ts";
import type {
  BodyLineCstNode,
  DateCstNode,
  DocumentCstNode,
  HeaderLineCstNode,
  PlanCstNode,
  ProposalLineCstNode,
  RecipientItemCstNode,
  RecipientNameCstNode,
  RecipientWrapCstNode,
  SignatureCstNode,
  StampLineCstNode,
  TailBlockCstNode,
  TitleBlockCstNode,
} from "../grammar/cst.ts";
import { BuildContext } from "./context.ts";
import { buildDate, buildMoney, buildQuantity, buildReference, entitiesOf } from "./inline.ts";
import { buildSectionTree, MAX_SECTION_DEPTH, type BodyLine } from "./sections.ts";
import { readStamp } from "./stamps.ts";
import {
  BODY_WITHOUT_PLACE,
  CLOSING_LEAD_IN,
  FUNDED_KINDS,
  isCollectivePrefix,
  ISSUED_TYPES,
  ISSUING_VERB,
  KIND_BY_HEADING,
  namesFunding,
  prefixCode,
  PROPOSER_JOIN,
  RECIPIENT_MARK,
  REPORTING_VERB,
  startsOwnBasis,
  SUPERSEDED_TYPE,
  SUPERSEDES_LEAD,
  SUPERSEDES_REACH,
} from "../vi/layout.ts";
import { symbolParts } from "../vi/document-types.ts";

export interface BuildInput {
  ctx: BuildContext;
  cst: PlanCstNode;
  source: Source;
  footnoteRefs: IToken[];
  bodyEnd: number;
  /** Stamp blocks the adapter marked, as `[start, end)` in the normalised text; the grammar never saw them. */
  stamps: readonly { start: number; end: number }[];
  /** What the adapter and the normaliser said, placed in the normalised text: each becomes a finding. */
  diagnostics: readonly PlacedDiagnostic[];
  /** Where the grammar recovered from input it did not expect. */
  syntaxErrors: readonly IRecognitionException[];
}

/** Turns the grammar's concrete syntax tree into the Plan model. */
export function buildPlan({ ctx, cst, source, footnoteRefs, bodyEnd, stamps: stampRanges, diagnostics, syntaxErrors }: BuildInput): Plan {
  for (const { start = 0, end = start, ...diagnostic } of diagnostics) {
    ctx.report({ ...diagnostic, span: end > start ? ctx.span(start, end) : null });
  }
  for (const error of syntaxErrors) {
    const at = Number.isNaN(error.token.startOffset) ? bodyEnd : error.token.startOffset;
    ctx.report({
      code: "syntax-recovered",
      severity: "warning",
      message: `Cấu trúc văn bản không như mong đợi tại đây: ${error.message}`,
      messageEn: `Unexpected structure here: ${error.message}`,
      span: ctx.span(at, at),
    });
  }
  const main = buildDocument(ctx, source, (cst.children.headerLine ?? []), cst.children.titleBlock?.[0], cst.children.document?.[0]);
  const stamps = [
    ...stampRanges.map((range) => readStamp(ctx, range.start, range.end)),
    ...(cst.children.stampLine ?? []).map((line) => readStampLine(ctx, line)),
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
  return plan;
}

/**
 * One document: the issuing one (from the plan's header, title and `document` node) or an attached one
 * (from an `attachment` node). Attachments found in its tail come back beside it, in order.
 */
function buildDocument(
  ctx: BuildContext,
  source: Source,
  headerLines: HeaderLineCstNode[],
  titleBlock: TitleBlockCstNode | undefined,
  body: DocumentCstNode | undefined,
): { document: AttachedDocument; attachments: AttachedDocument[] } {
  const citations: Citation[] = [];
  const money: Money[] = [];
  /** Amounts a funding word leads to: the first is the document's own total. */
  const funding: Money[] = [];
  const quantities: Quantity[] = [];
  /** Collects the entities of one line; returns its references for the caller's own use. */
  const harvest = (lineContent: InlineElements | undefined, context: Citation["context"], lineEnd: number) => {
    const found = entitiesOf(lineContent);
    // Legal bases: a document cited inside the previous one's subject is a citation, not a basis; the
    // basis it belongs to reads on over it, to the next basis of its own.
    const own = found.references.map((ref, index) => {
      const previous = found.references[index - 1];
      return context !== "legal-basis" || !previous || startsOwnBasis(ctx.slice(previous.start, ref.start));
    });
    const references = found.references.map((ref, index) => {
      let next = index + 1;
      if (own[index]) while (next < own.length && !own[next]) next++;
      const following = found.references[next];
      return buildReference(ctx, ref.node, ref.start, following ? following.start : lineEnd);
    });
    for (const reference of references) citations.push({ ...reference, context });
    for (const node of found.money) {
      const built = buildMoney(ctx, node);
      money.push(built);
      if (found.funding.has(node)) funding.push(built);
    }
    for (const node of found.quantities) quantities.push(buildQuantity(ctx, node));
    return { references: references.filter((_, index) => own[index]), dates: found.dates };
  };
  const cst: DocumentCstNode = body ?? { name: "document", children: {} };

  const header = readHeader(ctx, headerLines, harvest);
  const typeHeading = titleBlock ? titleBlock.children.TypeHeading?.[0] : undefined;
  const titleLines = titleBlock ? (titleBlock.children.titleLine ?? []) : [];
  for (const line of titleLines) harvest(line.children.lineContent?.[0], "body", lineExtent(line).end);
  const title = joinLines(ctx, titleLines) ?? header.subject;

  const addresseesNode = cst.children.addressees?.[0];
  const addressees = addresseesNode ? blockExtent(addresseesNode) : null;
  const legalBases: DocumentReference[] = [];
  let issuance: TextBlock | null = null;
  for (const line of (cst.children.basisLine ?? [])) {
    const extent = lineExtent(line);
    const content = line.children.lineContent?.[0];
    const issuanceStart = content ? findIssuanceStart(content) : null;
    const { references } = harvest(content, "legal-basis", issuanceStart ?? extent.end);
    legalBases.push(...references);
    if (issuanceStart !== null) issuance = { text: ctx.slice(issuanceStart, extent.end), span: ctx.span(issuanceStart, extent.end) };
  }
  const proposal = readProposal(ctx, cst.children.proposalLine?.[0], harvest);
  const issuanceLine = cst.children.issuanceLine?.[0];
  if (issuanceLine) {
    const extent = lineExtent(issuanceLine);
    harvest(issuanceLine.children.lineContent?.[0], "body", extent.end);
    issuance = { text: ctx.slice(extent.start, extent.end), span: ctx.span(extent.start, extent.end) };
  }
  const bodyLines = (cst.children.bodyLine ?? []).map((line) => readBodyLine(ctx, line));
  (cst.children.bodyLine ?? []).forEach((line) => harvest(line.children.lineContent?.[0], "body", lineExtent(line).end));
  const closingLine = cst.children.closingLine?.[0];
  let closing: TextBlock | null = null;
  if (closingLine) {
    let start = lineExtent(closingLine).start;
    const end = lineExtent(closingLine).end;
    harvest(closingLine.children.lineContent?.[0], "body", end);
    // `Kế hoạch này thay thế …` / `Trên đây là …` just before the closing formula belong to it.
    while (bodyLines.length > 0) {
      const last = bodyLines[bodyLines.length - 1] as BodyLine;
      if (last.label || !CLOSING_LEAD_IN.test(last.text)) break;
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

  const tail = readTail(ctx, source, (cst.children.tailBlock ?? []), harvest);
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
  lineContent: InlineElements | undefined,
  context: Citation["context"],
  lineEnd: number,
) => { references: DocumentReference[]; dates: DateCstNode[] };

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

function readBodyLine(ctx: BuildContext, line: BodyLineCstNode): BodyLine {
  const labelNode = line.children.label?.[0];
  const labelToken = labelNode ? tokensOf(labelNode)[0] : undefined;
  const content = line.children.lineContent?.[0];
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
  // The last `ban hành` + type: a basis's subject may have one too (`… của Chính phủ ban hành kế hoạch …`).
  let verb = tokens.findLastIndex((t, i) => {
    if (t.image !== ISSUING_VERB[1] || tokens[i - 1]?.image !== ISSUING_VERB[0]) return false;
    const next = tokens[i + 1];
    const type = next?.tokenType.name === "DocType" ? next.image : `${next?.image ?? ""} ${tokens[i + 2]?.image ?? ""}`;
    return ISSUED_TYPES.has(type.toLowerCase());
  });
  if (verb < 0) verb = tokens.findLastIndex((t, i) => t.image === REPORTING_VERB[1] && tokens[i - 1]?.image === REPORTING_VERB[0]);
  // Without either, a sentence of its own after the bases (`… Lào Cai. Trưởng đoàn kiểm tra lập kế hoạch … như sau:`).
  const sentenceOnly = verb < 0;
  if (sentenceOnly) verb = tokens.length - 1;
  // The sentence it is in (`…không ma túy. Để tổ chức …, UBND tỉnh ban hành kế hoạch …`) when it has one
  // of its own after the bases; else the clause after the bases (`Thực hiện …, UBND tỉnh ban hành …`).
  let comma: number | null = null;
  for (let i = verb; i >= 0; i--) {
    const t = tokens[i] as IToken;
    if (t.tokenType.name === "DocType" || t.tokenType.name === "DocNumber") break;
    if (t.image === "," && comma === null) comma = tokens[i + 1]?.startOffset ?? null;
    if (t.tokenType.name === "Period" && /^\p{Lu}/u.test(tokens[i + 1]?.image ?? "")) return tokens[i + 1]?.startOffset ?? null;
  }
  return sentenceOnly ? null : comma;
}

/** `Theo đề nghị của <proposer> tại Tờ trình số …;`: the proposer runs from `của` to `tại`, a comma or the end. */
function readProposal(ctx: BuildContext, line: ProposalLineCstNode | undefined, harvest: Harvest): Proposal | null {
  if (!line) return null;
  const extent = lineExtent(line);
  harvest(line.children.lineContent?.[0], "body", extent.end);
  const proposers = readProposers(ctx, tokensOf(line));
  return { text: ctx.slice(extent.start, extent.end), by: proposers[0] ?? null, proposers, span: ctx.span(extent.start, extent.end) };
}

/** The names after `của`, each up to its document (`tại Tờ trình …`), a comma or the end (see PROPOSER_JOIN). */
function readProposers(ctx: BuildContext, tokens: readonly IToken[]): string[] {
  const of = tokens.findIndex((t) => t.tokenType.name === "Cua");
  const proposers: string[] = [];
  if (of < 0) return proposers;
  let from: IToken | undefined;
  let last: IToken | undefined;
  let naming = true; // false: past a name, in its document (or whatever else follows it)
  const close = () => {
    if (from && last) proposers.push(ctx.slice(from.startOffset, endOf(last)));
    from = last = undefined;
  };
  for (let i = of + 1; i < tokens.length; i++) {
    const t = tokens[i] as IToken;
    const name = t.tokenType.name;
    if (name === "Semicolon") {
      close();
      naming = true;
    } else if (!naming) {
      const before = tokens[i - 1]?.tokenType.name;
      if (t.image === PROPOSER_JOIN && (before === "DocNumber" || before === "SlashDate" || before === "Number")) naming = true;
    } else if (name === "Colon") {
      from = last = undefined; // `03 đơn vị gồm:` counts them; the names follow
    } else if (name === "Period") {
      break;
    } else if (name === "Comma" || name === "DocType" || PROPOSER_ENDS.has(t.image)) {
      close();
      naming = false;
    } else {
      from ??= t;
      last = t;
    }
  }
  close();
  return proposers;
}

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

function readHeader(ctx: BuildContext, lines: HeaderLineCstNode[], harvest: Harvest): Header {
  const header: Header = { subject: null, motto: null, issuer: null, number: null, place: null, date: null };
  const mottoTokens: IToken[] = [];
  const issuerLines: { text: string; start: number; end: number }[] = [];
  for (const line of lines) {
    const extent = lineExtent(line);
    const motto = line.children.Motto?.[0];
    if (motto) {
      mottoTokens.push(motto);
      continue;
    }
    const numberLine = line.children.numberLine?.[0];
    if (numberLine) {
      harvest(numberLine.children.lineContent?.[0], "body", extent.end);
      const field = numberLine.children.NumberField?.[0];
      const start = field ? endOf(field) : extent.start;
      header.number = readDocNumber(ctx, start, extent.end);
      continue;
    }
    const subject = line.children.subjectLine?.[0];
    if (subject) {
      const tokens = tokensOf(subject);
      const start = tokens[3]?.startOffset ?? extent.start;
      header.subject = { text: ctx.slice(start, extent.end), span: ctx.span(start, extent.end) };
      continue;
    }
    const placeDate = line.children.placeDateLine?.[0];
    if (placeDate) {
      const tokens = tokensOf(placeDate);
      const comma = tokens.findIndex((t) => t.image === ",");
      const firstToken = tokens[0];
      const placeEnd = tokens[comma - 1];
      if (firstToken && placeEnd) {
        header.place = { name: ctx.slice(firstToken.startOffset, endOf(placeEnd)), span: ctx.span(firstToken.startOffset, endOf(placeEnd)) };
      }
      const { dates } = harvest(placeDate.children.lineContent?.[0], "body", extent.end);
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

function readTail(ctx: BuildContext, source: Source, blocks: TailBlockCstNode[], harvest: Harvest): Tail {
  const tail: Tail = { recipients: [], signature: null, stamps: [], appendix: [], attachments: [] };
  for (const block of blocks) {
    const attachment = block.children.attachment?.[0];
    if (attachment) {
      const built = buildDocument(ctx, source, (attachment.children.headerLine ?? []), attachment.children.titleBlock?.[0], attachment.children.document?.[0]);
      tail.attachments.push(built.document, ...built.attachments);
      continue;
    }
    const lateSigner = block.children.signerLine?.[0];
    if (lateSigner && tail.signature && tail.signature.signer === null) {
      const extent = extentOf(lateSigner);
      if (extent) tail.signature = { ...tail.signature, signer: ctx.slice(extent.start, extent.end) };
      continue;
    }
    const recipients = block.children.recipients?.[0] ?? block.children.recipientsResumed?.[0];
    if (recipients) {
      // `Nơi nhận: Như Điều 3;`: the heading line itself may name recipients (a resumed list has none).
      const headingContent = recipients.name === "recipients" ? recipients.children.lineContent[0] : undefined;
      const headingText = headingContent ? extentOf(headingContent) : null;
      if (headingText) tail.recipients.push(recipientFrom(ctx, headingText.start, headingText.end));
      for (const item of (recipients.children.recipientItem ?? [])) {
        const before = tail.recipients.length;
        for (const name of namesOf(item)) {
          const extent = extentOf(name);
          if (extent) tail.recipients.push(recipientFrom(ctx, extent.start, extent.end));
        }
        // A wrapped line's first name goes on with the recipient above it; any after it are new ones.
        for (const wrap of (item.children.recipientWrap ?? [])) {
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
    const signature = block.children.signature?.[0];
    if (signature && !tail.signature) {
      tail.signature = readSignature(ctx, signature);
      continue;
    }
    const stamp = block.children.stampLine?.[0];
    if (stamp) {
      tail.stamps.push(readStampLine(ctx, stamp));
      continue;
    }
    // A line after the closing that is nothing else (an appendix), or a second signing block.
    const node = block.children.otherLine?.[0] ?? signature;
    const extent = node ? extentOf(node) : null;
    if (node && extent) {
      harvest(node.name === "otherLine" ? node : undefined, "body", extent.end);
      tail.appendix.push({ text: ctx.slice(extent.start, extent.end), span: ctx.span(extent.start, extent.end) });
    }
  }
  return tail;
}

function namesOf(line: RecipientItemCstNode | RecipientWrapCstNode): RecipientNameCstNode[] {
  const names = line.children.recipientNames?.[0];
  return names ? (names.children.recipientName ?? []) : [];
}

/** A recipient's text, its wrapped lines joined by a space. */
function recipientFrom(ctx: BuildContext, start: number, end: number): Recipient {
  start += RECIPIENT_MARK.exec(ctx.slice(start, end))?.[0].length ?? 0;
  return { text: ctx.slice(start, end).split("\n").join(" "), span: ctx.span(start, end) };
}

function readSignature(ctx: BuildContext, node: SignatureCstNode): Signature {
  const signature: Signature = { authority: null, delegation: null, position: null, signer: null, span: ctx.span(0, 0) };
  const extent = extentOf(node) ?? { start: 0, end: 0 };
  const positions: string[] = [];
  const prefixed: { code: string; text: string }[] = [];
  for (const line of (node.children.signatureLine ?? [])) {
    const prefix = line.children.SignPrefix?.[0];
    const content = line.children.lineContent?.[0];
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
  const signer = node.children.signerLine?.[0];
  const signerExtent = signer ? extentOf(signer) : null;
  if (signerExtent) signature.signer = ctx.slice(signerExtent.start, signerExtent.end);
  signature.span = ctx.span(extent.start, extent.end);
  return signature;
}

function readStampLine(ctx: BuildContext, node: StampLineCstNode): DigitalSignature {
  const stamp = node.children.Timestamp?.[0];
  const raw = stamp?.image.trim() ?? "";
  const signer = node.children.signerLine?.[0];
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
  return KIND_BY_HEADING.get(heading.trim()) ?? "unknown";
}

function isSupersedes(ctx: BuildContext, citation: Citation): boolean {
  const before = ctx.text.slice(Math.max(0, citation.span.start.offset - SUPERSEDES_REACH), citation.span.start.offset);
  return citation.docType === SUPERSEDED_TYPE && SUPERSEDES_LEAD.test(before);
}

function stripContext(citation: Citation): DocumentReference {
  const { context: _context, ...reference } = citation;
  return reference;
}
