import type { AttachedDocument, DigitalSignature, Paragraph, Recipient, Signature } from "@kehoach/model";
import type {
  OtherLineCstChildren,
  RecipientItemCstChildren,
  RecipientNameCstNode,
  RecipientsCstChildren,
  RecipientsResumedCstChildren,
  RecipientWrapCstNode,
  SignatureCstChildren,
  SignatureLineCstChildren,
  SignerLineCstChildren,
  StampLineCstChildren,
  TailBlockCstChildren,
} from "../grammar/cst.ts";
import { extentOf, extentOfChildren } from "./cst-tokens.ts";
import { InlineBuilder, type DocumentScope } from "./inline-builder.ts";
import { isCollectivePrefix, prefixCode, RECIPIENT_MARK } from "../vi/layout.ts";
import { looksLikePersonName } from "../vi/names.ts";

/** What comes after a document's closing, filled block by block as its `tailBlock`s are visited. */
export interface Tail {
  /** The document's scope: an appendix line's citations and amounts are its own. */
  scope: DocumentScope;
  recipients: Recipient[];
  signature: Signature | null;
  stamps: DigitalSignature[];
  appendix: Paragraph[];
  attachments: AttachedDocument[];
}

export function emptyTail(scope: DocumentScope): Tail {
  return { scope, recipients: [], signature: null, stamps: [], appendix: [], attachments: [] };
}

/** The tail's rules: recipients, the signing block, e-signature stamps, appendix lines (attachments: PlanBuilder). */
export class TailBuilder extends InlineBuilder {
  /** One block after the closing: the one rule it matched places itself in the tail. */
  tailBlock(children: TailBlockCstChildren, tail: Tail): void {
    // Stamps and signer lines stand elsewhere too (before the header, under a signature): placed here.
    const stamp = children.stampLine?.[0];
    if (stamp) {
      tail.stamps.push(this.visit(stamp));
      return;
    }
    const lateSigner = children.signerLine?.[0];
    if (lateSigner) {
      // The signer's name read after the recipients: it completes a signature that had none.
      const signer: string | null = tail.signature && tail.signature.signer === null ? this.visit(lateSigner) : null;
      if (tail.signature && signer !== null) tail.signature = { ...tail.signature, signer };
      return;
    }
    const block = children.attachment?.[0] ?? children.recipients?.[0] ?? children.recipientsResumed?.[0] ?? children.signature?.[0] ?? children.otherLine?.[0];
    if (block) this.visit(block, tail);
  }

  /** `Nơi nhận: Như Điều 3;`: the heading line itself may name recipients. */
  recipients(children: RecipientsCstChildren, tail: Tail): void {
    const headingContent = children.lineContent[0];
    const headingText = headingContent ? extentOf(headingContent) : null;
    if (headingText) tail.recipients.push(this.recipientFrom(headingText.start, headingText.end));
    for (const item of children.recipientItem ?? []) this.visit(item, tail);
  }

  /** Recipients that go on after the signing block (a resumed list has no heading). */
  recipientsResumed(children: RecipientsResumedCstChildren, tail: Tail): void {
    for (const item of children.recipientItem) this.visit(item, tail);
  }

  recipientItem(children: RecipientItemCstChildren, tail: Tail): void {
    const before = tail.recipients.length;
    for (const name of namesOf(children)) {
      const extent = extentOf(name);
      if (extent) tail.recipients.push(this.recipientFrom(extent.start, extent.end));
    }
    // A wrapped line's first name goes on with the recipient above it; any after it are new ones.
    for (const wrap of children.recipientWrap ?? []) {
      namesOf(wrap.children).forEach((name, index) => {
        const extent = extentOf(name);
        if (!extent) return;
        const last = tail.recipients[tail.recipients.length - 1];
        if (index === 0 && last && tail.recipients.length > before) {
          tail.recipients[tail.recipients.length - 1] = this.recipientFrom(last.span.start.offset, extent.end);
        } else tail.recipients.push(this.recipientFrom(extent.start, extent.end));
      });
    }
  }

  /** A recipient's text, its wrapped lines joined by a space. */
  private recipientFrom(start: number, end: number): Recipient {
    start += RECIPIENT_MARK.exec(this.ctx.slice(start, end))?.[0].length ?? 0;
    return { text: this.ctx.slice(start, end).split("\n").join(" "), span: this.ctx.span(start, end) };
  }

  /** The document's signing block; a second one is only a line of its appendix. */
  signature(children: SignatureCstChildren, tail: Tail): void {
    const extent = extentOfChildren(children);
    if (!tail.signature) tail.signature = this.readSignature(children, extent ?? { start: 0, end: 0 });
    else if (extent) tail.appendix.push({ text: this.ctx.slice(extent.start, extent.end), span: this.ctx.span(extent.start, extent.end) });
  }

  private readSignature(children: SignatureCstChildren, extent: { start: number; end: number }): Signature {
    const signature: Signature = { authority: null, delegation: null, position: null, signer: null, span: this.ctx.span(0, 0) };
    const positions: string[] = [];
    const prefixed: { code: string; text: string }[] = [];
    for (const line of children.signatureLine ?? []) {
      const { prefix, rest }: SigningLine = this.visit(line);
      if (prefix) prefixed.push({ code: prefixCode(prefix), text: `${prefix} ${rest}`.trim() });
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
    const signer = children.signerLine?.[0];
    const name: string | null = signer ? this.visit(signer) : null;
    if (name !== null) signature.signer = name;
    signature.span = this.ctx.span(extent.start, extent.end);
    return signature;
  }

  /** `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`: a signing prefix, if any, and the rest of the line. */
  signatureLine(children: SignatureLineCstChildren): SigningLine {
    const content = children.lineContent[0];
    const contentExtent = content ? extentOf(content) : null;
    return { prefix: children.SignPrefix?.[0]?.image ?? null, rest: contentExtent ? this.ctx.slice(contentExtent.start, contentExtent.end) : "" };
  }

  /** The signer's name, or null for a line that matched nothing. */
  signerLine(children: SignerLineCstChildren): string | null {
    const extent = extentOfChildren(children);
    return extent ? this.ctx.slice(extent.start, extent.end) : null;
  }

  stampLine(children: StampLineCstChildren): DigitalSignature {
    const raw = children.Timestamp?.[0]?.image.trim() ?? "";
    const signer = children.signerLine?.[0];
    const extent = extentOfChildren(children) ?? { start: 0, end: 0 };
    // The extent stops at the timestamp's line end; the name printed under it is part of the stamp too.
    const end = Math.max(extent.end, (signer ? extentOfChildren(signer.children)?.end : undefined) ?? 0);
    return {
      timestamp: raw.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"),
      signer: signer ? this.visit(signer) : null,
      raw,
      span: this.ctx.span(extent.start, end),
    };
  }

  /** A line after the closing that is nothing else: a line of the appendix. */
  otherLine(children: OtherLineCstChildren, tail: Tail): void {
    const extent = extentOfChildren(children);
    if (!extent) return;
    // A name alone after the recipients is the signer whose authority and position were not read (under a seal).
    const text = this.ctx.slice(extent.start, extent.end);
    if (!tail.signature && tail.recipients.length > 0 && tail.appendix.length === 0 && looksLikePersonName(text)) {
      tail.signature = { authority: null, delegation: null, position: null, signer: text, span: this.ctx.span(extent.start, extent.end) };
      return;
    }
    this.harvest(tail.scope, { children }, "body", extent.end);
    tail.appendix.push({ text: this.ctx.slice(extent.start, extent.end), span: this.ctx.span(extent.start, extent.end) });
  }
}

interface SigningLine {
  prefix: string | null;
  rest: string;
}

function namesOf(line: RecipientItemCstChildren | RecipientWrapCstNode["children"]): RecipientNameCstNode[] {
  const names = line.recipientNames?.[0];
  return names ? (names.children.recipientName ?? []) : [];
}
