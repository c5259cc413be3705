import type { AttachedDocument, Plan, Span } from "@kehoach/model";
import { SpanFactory } from "../mapping/span-factory.ts";
import { OriginRuns } from "../normalize/origins.ts";
import { readAssignments, withoutVia, type AssignmentDetail } from "./assignments.ts";
import { visitSections, type SectionVisit } from "./sections.ts";
import { wordsOfText, type WordReader } from "./words.ts";

/**
 * The analysis stage, between building the Plan and checking it: what several consumers need from the
 * finished tree — the section walk with label paths, and who is given which task — computed once, from
 * the tokens the lexer already made. The rules read it; none of them parses again.
 */
export interface DocumentAnalysis {
  sections: SectionVisit[];
  assignments: AssignmentDetail[];
}

export interface Analysis extends DocumentAnalysis {
  /** One per `plan.attachments`, in order. */
  attachments: DocumentAnalysis[];
}

export interface AnalysisInput {
  /** Words of the normalised text from the lexer's tokens; without it the text is lexed once here. */
  words?: WordReader;
  /** The span factory of the build (page and box on every span); without it, spans carry line and column only. */
  span?: (start: number, end: number) => Span;
}

export function analyze(plan: Plan, input: AnalysisInput = {}): Analysis {
  const text = plan.source.text;
  const words = input.words ?? wordsOfText(text);
  const span = input.span ?? plainSpans(text);
  const one = (document: Plan | AttachedDocument): DocumentAnalysis => {
    const sections = visitSections(document);
    return { sections, assignments: readAssignments(document, sections, text, words, span) };
  };
  return { ...one(plan), attachments: plan.attachments.map(one) };
}

/** Writes what the analysis found into the Plan's own fields (`assignments`, the attachments' too). */
export function applyAnalysis(plan: Plan, analysis: Analysis): void {
  plan.assignments = analysis.assignments.map(withoutVia);
  plan.attachments.forEach((attachment, index) => {
    attachment.assignments = (analysis.attachments[index]?.assignments ?? []).map(withoutVia);
  });
}

function plainSpans(text: string): (start: number, end: number) => Span {
  const factory = new SpanFactory(text, new OriginRuns(), []);
  return (start, end) => factory.span(start, end);
}

export { visitSections, type SectionVisit } from "./sections.ts";
export { citablePath, type AssignmentDetail } from "./assignments.ts";
export type { WordReader } from "./words.ts";
export { wordsFromTokens, WordIndex } from "./words.ts";
