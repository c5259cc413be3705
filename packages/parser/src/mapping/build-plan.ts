import type { IRecognitionException, IToken } from "chevrotain";
import type { PlacedDiagnostic } from "../diagnostics.ts";
import type { Footnote, Plan, Source } from "@kehoach/model";
import type { DocumentRestCstChildren, LineContentCstNode, PlanCstNode } from "../grammar/cst.ts";
import { footnoteDefinitions } from "../normalize/footnotes.ts";
import type { BuildContext } from "./context.ts";
import { endOf } from "./cst-tokens.ts";
import { PlanBuilder, type BuiltPlan } from "./plan-builder.ts";
import { readStamp } from "./stamps.ts";
import { takeNumberFromAttachments } from "./issuing-number.ts";
import { mendTitleFromArticle } from "./title-witness.ts";

export interface BuildInput {
  ctx: BuildContext;
  cst: PlanCstNode;
  source: Source;
  footnoteRefs: IToken[];
  /** The grammar's inline reading (`lineContent`) of each footnote's text: documents cited there are citations too. */
  footnoteLines?: readonly LineContentCstNode[];
  bodyEnd: number;
  /** Stamp blocks the adapter marked, as `[start, end)` in the normalised text; the grammar never saw them. */
  stamps: readonly { start: number; end: number }[];
  /** What the adapter and the normaliser said, placed in the normalised text: each becomes a finding. */
  diagnostics: readonly PlacedDiagnostic[];
  /** Where the grammar recovered from input it did not expect. */
  syntaxErrors: readonly IRecognitionException[];
  /** The issuing document's later chunks when its body was read a chunk at a time (`chunked.ts`). */
  bodyRest?: Iterable<DocumentRestCstChildren>;
}

/** Turns the grammar's concrete syntax tree into the Plan model. */
export function buildPlan({ ctx, cst, source, footnoteRefs, footnoteLines = [], bodyEnd, stamps: stampRanges, diagnostics, syntaxErrors, bodyRest }: BuildInput): Plan {
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
  const builder = new PlanBuilder(ctx, bodyRest);
  const { main, stamps: stampLines }: BuiltPlan = builder.visit(cst);
  // The footnotes follow the body (of the issuing document): a document cited only in a footnote
  // (`[^1]: Theo Quyết định số 91/QĐ-TTg ngày 19/01/2022.`) is one of its citations, in the footnote context.
  main.document.citations.push(...builder.footnoteCitations(footnoteLines));
  // A scanned decision whose own number or title OCR could not read: what its attachment and its Điều 1 say.
  takeNumberFromAttachments(ctx, main.document, main.attachments);
  mendTitleFromArticle(ctx, source, main.document);
  const stamps = [
    ...stampRanges.map((range) => readStamp(ctx, range.start, range.end)),
    ...stampLines,
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

function readFootnotes(ctx: BuildContext, bodyEnd: number, refs: IToken[]): Footnote[] {
  return footnoteDefinitions(ctx.text, bodyEnd).map(({ label, start, end }) => ({
    label,
    text: ctx.slice(start, end),
    span: ctx.span(start, end),
    refs: refs.filter((ref) => ref.image === `[^${label}]`).map((ref) => ctx.span(ref.startOffset, endOf(ref))),
  }));
}
