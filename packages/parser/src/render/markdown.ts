import type { Plan, Section, Span } from "@kehoach/model";
import { labelText } from "./labels.ts";
import { sourceLines } from "./source-lines.ts";

/**
 * Plan → Markdown that reads as the document, in the order of the national layout (NĐ 30/2020
 * Phụ lục I): issuer, number, motto, place and date, type heading and summary, legal bases, the
 * issuance sentence, the body, closing, recipients, signature, footnotes, appendix.
 *
 * `parseText(renderMarkdown(plan))` gives the same model back: every block is its own Markdown
 * paragraph (the Markdown reader makes one line of each), labels are written the way the grammar
 * ranks them, and text is escaped wherever Markdown would read it as syntax. Amounts, quantities,
 * citations and assignments are not written separately: they live in the text that states them.
 */
export function renderMarkdown(plan: Plan): string {
  const blocks: string[] = [];
  const source = plan.source.text;
  const add = (text: string | null | undefined, wrap: (escaped: string) => string = (s) => s, span?: Span | null) => {
    for (const line of span ? sourceLines(text ?? "", span, source) : lines(text)) blocks.push(wrap(escapeBlock(line)));
  };
  const strong = (s: string) => `**${s}**`;

  if (plan.issuer) {
    add(plan.issuer.parent, strong);
    add(plan.issuer.name, strong);
  }
  if (plan.number) add(`Số: ${plan.number.raw}`);
  add(plan.motto?.text, strong);
  const dateLine = [plan.place?.name, plan.date?.raw].filter(Boolean).join(", ");
  add(dateLine);
  for (const line of lines(plan.docType?.text)) blocks.push(`# ${escapeInline(line)}`);
  // A công văn has no type heading: its summary is the `V/v …` line under the number.
  add(plan.title && !plan.docType && plan.kind === "cong-van" ? `V/v ${plan.title}` : plan.title, strong);
  for (const basis of plan.legalBases) add(`Căn cứ ${basis.raw};`);
  add(plan.issuance?.text, undefined, plan.issuance?.span);
  for (const paragraph of plan.paragraphs) add(paragraph.text, undefined, paragraph.span);
  for (const section of plan.sections) renderSection(section, null, 2, blocks, source);
  add(plan.closing?.text, undefined, plan.closing?.span);
  if (plan.recipients.length > 0) {
    blocks.push("Nơi nhận:");
    // One list, tight: the reader keeps each item's marker.
    blocks.push(plan.recipients.map((r) => `- ${escapeInline(oneLine(r.text))}`).join("\n"));
  }
  const signature = plan.signature;
  if (signature) for (const part of [signature.authority, signature.delegation, signature.position, signature.signer]) add(part, strong);
  for (const stamp of plan.digitalSignatures) add(stamp.raw);
  for (const paragraph of plan.appendix) add(paragraph.text, undefined, paragraph.span);
  for (const footnote of plan.footnotes) blocks.push(`[^${footnote.label}]: ${escapeInline(oneLine(footnote.text))}`);
  return `${blocks.join("\n\n")}\n`;
}

/**
 * A part of the body: a heading when it titles paragraphs or parts under it (its Markdown level follows
 * its depth, as far as Markdown has levels), a list item for `-` and `+` items, a paragraph otherwise.
 */
function renderSection(section: Section, parent: Section | null, level: number, blocks: string[], source: string): void {
  const label = labelText(section, parent);
  const heading = escapeInline(sourceLines(section.heading, section.headingSpan, source).join(" "));
  const titled = section.children.length > 0 || section.paragraphs.length > 0;
  if (section.style === "dash" || section.style === "plus") blocks.push(`${label} ${heading}`);
  else if (titled && level <= 6 && section.style !== "letter") blocks.push(`${"#".repeat(level)} ${escapeInline(label)} ${heading}`);
  else blocks.push(`${escapeStart(label)} ${heading}`);
  for (const paragraph of section.paragraphs) for (const line of sourceLines(paragraph.text, paragraph.span, source)) blocks.push(escapeBlock(line));
  for (const child of section.children) renderSection(child, section, level + 1, blocks, source);
}

function lines(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function oneLine(text: string): string {
  return lines(text).join(" ");
}

/** A whole paragraph: inline syntax escaped, and a start that Markdown would read as a block marker. */
function escapeBlock(line: string): string {
  return escapeStart(escapeInline(line));
}

/**
 * Characters Markdown (CommonMark + GFM) reads as inline syntax. A footnote marker `[^N]` stays as
 * it is: the reader turns it back into the same marker.
 */
function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/g, (c, at: number) => (c === "[" ? isFootnoteStart(text, at) : c === "]" && isFootnoteEnd(text, at)) ? c : `\\${c}`)
    .replace(/&(?=#?\w+;)/g, "\\&")
    .replace(/!(?=\\\[)/g, "\\!");
}

// A marker is at most 24 characters (`[^` + 20 + `]`): looking that far keeps escaping linear.
function isFootnoteStart(text: string, at: number): boolean {
  return /^\[\^[^\]\s]{1,20}\]/.test(text.slice(at, at + 24));
}

function isFootnoteEnd(text: string, at: number): boolean {
  return /\[\^[^\]\s]{1,20}\]$/.test(text.slice(Math.max(0, at - 23), at + 1));
}

/**
 * Line starts Markdown reads as a block: `#` headings, `>` quotes, `-`/`+`/`*` bullets, `1.`/`1)`
 * ordered lists, `=`/`-` setext underlines, four-space code. Escaping the marker keeps the text.
 */
function escapeStart(line: string): string {
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${line.slice(ordered[0].length)}`;
  if (/^[#>+\-*=]/.test(line)) return `\\${line}`;
  return line;
}
