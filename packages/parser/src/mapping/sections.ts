import type { LabelStyle, Paragraph, Section, Span } from "@kehoach/model";

/** A body line as the grammar saw it: an optional label and the text after it. */
export interface BodyLine {
  label: { image: string; start: number; end: number; tokenName: string } | null;
  text: string;
  textStart: number;
  textEnd: number;
}

interface Draft {
  section: Section;
  rank: number;
  end: number;
}

/**
 * Deepest nesting kept. Real plans use six levels at most; a deeper tree is numbering gone wrong (or an
 * attack), and every consumer — schema validation, JSON, the checks — walks the tree recursively.
 */
export const MAX_SECTION_DEPTH = 64;

/**
 * Nests labelled lines by their numbering: `I.` holds `1.`, which holds `1.1.`, which holds `a)`,
 * which holds `-` items, which hold `+` items. Markdown heading levels and indentation play no part.
 * A label pops every open section of the same or a lower rank, then opens under what is left. Past
 * MAX_SECTION_DEPTH a section opens beside the deepest one instead (`flattened` lists those).
 */
export function buildSectionTree(
  lines: readonly BodyLine[],
  span: (start: number, end: number) => Span,
): { sections: Section[]; loose: Paragraph[]; flattened: Section[] } {
  const roots: Section[] = [];
  const flattened: Section[] = [];
  const loose: Paragraph[] = [];
  const stack: Draft[] = [];
  const close = (draft: Draft) => {
    draft.section.span = span(draft.section.labelSpan.start.offset, draft.end);
  };
  for (const line of lines) {
    if (!line.label) {
      const top = stack[stack.length - 1];
      const paragraph = { text: line.text, span: span(line.textStart, line.textEnd) };
      if (top) {
        top.section.paragraphs.push(paragraph);
        for (const draft of stack) draft.end = line.textEnd;
      } else loose.push(paragraph);
      continue;
    }
    const { style, label } = describeLabel(line.label.image, line.label.tokenName);
    const rank = rankOf(style, label, line.label.image);
    while (stack.length > 0 && (stack[stack.length - 1] as Draft).rank >= rank) close(stack.pop() as Draft);
    const tooDeep = stack.length >= MAX_SECTION_DEPTH;
    if (tooDeep) close(stack.pop() as Draft);
    const section: Section = {
      label,
      style,
      heading: line.text,
      paragraphs: [],
      children: [],
      span: span(line.label.start, line.textEnd),
      labelSpan: span(line.label.start, line.label.end),
      headingSpan: span(line.textStart, line.textEnd),
    };
    if (tooDeep) flattened.push(section);
    const parent = stack[stack.length - 1];
    if (parent) parent.section.children.push(section);
    else roots.push(section);
    const end = Math.max(line.textEnd, line.label.end);
    for (const draft of stack) draft.end = end;
    stack.push({ section, rank, end });
  }
  while (stack.length > 0) close(stack.pop() as Draft);
  return { sections: roots, loose, flattened };
}

export function describeLabel(image: string, tokenName: string): { style: LabelStyle; label: string } {
  switch (tokenName) {
    case "PartLabel":
      return { style: "part", label: image.replace(/^(?:PHẦN|Phần) /u, "").replace(/[.:]$/, "") };
    case "CapitalLabel":
      return { style: "capital", label: image.replace(/\.$/, "") };
    case "ArticleLabel":
      return { style: "article", label: image.replace(/^Điều /, "").replace(/[.:]$/, "") };
    case "RomanLabel":
      return { style: "roman", label: image.replace(/[./]$/, "") };
    case "DecimalLabel":
      return { style: "decimal", label: image.replace(/\.$/, "") };
    case "ArabicLabel":
      return { style: "arabic", label: image.replace(/[.)/]$/, "") };
    case "LetterLabel":
      return { style: "letter", label: image.replace(/[.)/]$/, "") };
    case "PlusItem":
      return { style: "plus", label: "+" };
    default:
      return { style: "dash", label: "-" };
  }
}

/**
 * Rank of a label: lower ranks hold higher ones. `1)` is ranked under letters, where plans use it;
 * articles (`Điều 1.`) sit under a chapter's roman numeral and hold numbered clauses.
 */
function rankOf(style: LabelStyle, label: string, image: string): number {
  switch (style) {
    case "part":
      return -1;
    case "capital":
      return -0.5;
    case "roman":
      return 0;
    case "article":
      return 0.5;
    case "arabic":
      return image.endsWith(")") ? 10.5 : 1;
    case "decimal":
      return label.split(".").length;
    case "letter":
      return 10;
    case "dash":
      return 11;
    case "plus":
      return 12;
  }
}
