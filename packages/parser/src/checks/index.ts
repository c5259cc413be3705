import type { AttachedDocument, Finding, FindingCode, Plan } from "@kehoach/model";
import { analyze, type Analysis } from "../analysis/index.ts";
import { namingPlaces, toFinding, type PlaceWords, type Rule } from "./rule.ts";
import { amountWordsMismatch } from "./rules/amount-words.ts";
import { citationDateConflict, citationMalformed, citationTypeMismatch } from "./rules/citations.ts";
import { basisAfterIssue } from "./rules/basis-after-issue.ts";
import { sectionDuplicate, sectionGap, sectionOrder } from "./rules/section-numbering.ts";
import { missingDate, missingIssuer, missingNumber, missingRecipients, missingSignature } from "./rules/missing-parts.ts";
import {
  basisFormat,
  datePadding,
  dateInFigures,
  dateInvalid,
  numberPadding,
  recipientsArchiveMissing,
  signatureAuthority,
  symbolTypeMismatch,
} from "./rules/layout.ts";
import { encodingRepaired } from "./rules/encoding-repaired.ts";
import { issuerSymbolMismatch } from "./rules/issuer-symbol.ts";
import { responsibleNotRecipient } from "./rules/responsible.ts";
import { quantityTotalMismatch } from "./rules/quantity-total.ts";
import { notADocument } from "./rules/not-a-document.ts";

/** Every rule, in the order of the README's rules table. */
export const RULES: readonly Rule[] = [
  amountWordsMismatch,
  citationDateConflict,
  citationTypeMismatch,
  citationMalformed,
  issuerSymbolMismatch,
  basisAfterIssue,
  sectionDuplicate,
  sectionGap,
  sectionOrder,
  missingNumber,
  missingDate,
  missingIssuer,
  missingSignature,
  missingRecipients,
  numberPadding,
  datePadding,
  dateInFigures,
  dateInvalid,
  symbolTypeMismatch,
  signatureAuthority,
  recipientsArchiveMissing,
  basisFormat,
  responsibleNotRecipient,
  quantityTotalMismatch,
  encodingRepaired,
  notADocument,
];

export interface CheckOptions {
  /** Language of `message` (default Vietnamese); `messageEn` is always filled. */
  language?: "vi" | "en";
  /** Run only these rule codes. */
  only?: readonly string[];
  /** How messages name another place (`… ở dòng 7`); `parse` passes the input file's own lines. Default: lines of `source.text`. */
  place?: PlaceWords;
  /** What the analysis stage found in this Plan (`parse` passes its own); computed here when absent. */
  analysis?: Analysis;
}

/**
 * Consistency review of a Plan: what a careful reviewer would flag. A rule that fails on an odd Plan
 * reports `check-failed` instead of throwing.
 */
export function check(plan: Plan, options: CheckOptions = {}): Finding[] {
  return namingPlaces(options.place ?? null, () => runRules(plan, options));
}

/**
 * Rules about the document as it is sent (its number, date, issuer, signature, recipients): an attached
 * plan (`Ban hành kèm theo Quyết định số …`) has them in the decision that issues it, so they do not
 * run on attachments.
 */
const ISSUING_DOCUMENT_ONLY: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "missing-number", "missing-date", "missing-issuer", "missing-signature", "missing-recipients",
  "recipients-archive-missing", "encoding-repaired", "not-a-document",
]);

function runRules(plan: Plan, options: CheckOptions): Finding[] {
  const analysis = options.analysis ?? analyze(plan);
  const findings = runOn(plan, RULES, options, analysis);
  // Each attached document is read by the same rules; its spans index the same source text.
  const attachedRules = RULES.filter((rule) => !ISSUING_DOCUMENT_ONLY.has(rule.code));
  plan.attachments.forEach((attached, index) => {
    const own = analysis.attachments[index] ?? { sections: [], assignments: [] };
    findings.push(...runOn(attachmentAsPlan(plan, attached), attachedRules, options, { ...own, attachments: [] }));
  });
  return findings;
}

/** An attached document seen as a Plan: sent with the issuing one, to its recipients when it lists none. */
function attachmentAsPlan(plan: Plan, attached: AttachedDocument): Plan {
  return {
    ...attached,
    source: plan.source,
    recipients: attached.recipients.length > 0 ? attached.recipients : plan.recipients,
    attachments: [],
    findings: [],
  };
}

function runOn(plan: Plan, rules: readonly Rule[], options: CheckOptions, analysis: Analysis): Finding[] {
  const language = options.language ?? "vi";
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (options.only && !options.only.includes(rule.code)) continue;
    try {
      for (const report of rule.run(plan, analysis)) findings.push(toFinding(rule, report, language));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      findings.push({
        code: "check-failed",
        severity: "warning",
        message: `Không chạy được quy tắc ${rule.code}: ${detail}`,
        messageEn: `Rule ${rule.code} could not run: ${detail}`,
        span: null,
        source: "check",
      });
    }
  }
  return findings;
}

export type { Rule, Report } from "./rule.ts";
