import type { Finding, Plan } from "@kehoach/model";
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

function runRules(plan: Plan, options: CheckOptions): Finding[] {
  const language = options.language ?? "vi";
  const findings: Finding[] = [];
  const analysis = options.analysis ?? analyze(plan);
  for (const rule of RULES) {
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
