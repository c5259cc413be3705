import { unified, type Processor } from "unified";
import remarkParse from "remark-parse";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import type { ExtractedText } from "./extracted.ts";

/**
 * Markdown (such as a Word document converted by a tool) → the adapters' common text form. Heading
 * marks, emphasis and escapes are dropped; list items keep their own marker (`-`, `+`); footnotes
 * become `[^N]` markers and `[^N]: text` lines. Heading levels are ignored: the grammar nests by labels.
 */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  identifier?: string;
  label?: string;
  ordered?: boolean | null;
  start?: number | null;
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * The parts of GitHub Markdown a converted plan uses: tables, footnotes, struck text. Not all of GFM
 * (remark-gfm): its autolink literals test every character for `www.` and `http`, which made
 * reading Markdown three times slower, and a link's text is all a plan keeps of it anyway. Each part is
 * tried only on a text with its mark (a table has a `|`, a footnote `[^`, struck text `~`): micromark
 * tries a table at the start of every block, and a plan converted without one pays for nothing.
 */
const PARTS = [
  { mark: "|", syntax: gfmTable, tree: gfmTableFromMarkdown },
  { mark: "[^", syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown },
  { mark: "~", syntax: gfmStrikethrough, tree: gfmStrikethroughFromMarkdown },
] as const;

type Part = (typeof PARTS)[number];

function markdownReader(parts: readonly Part[]) {
  return unified()
    .use(remarkParse)
    .use(function planMarkdown(this: Processor) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(...parts.map((part) => part.syntax()));
      (data.fromMarkdownExtensions ??= []).push(...parts.map((part) => part.tree()));
    });
}

const readers = new Map<string, ReturnType<typeof markdownReader>>();

/** The reader of the parts whose marks `source` has. */
function readerFor(source: string): ReturnType<typeof markdownReader> {
  const parts = PARTS.filter((part) => source.includes(part.mark));
  const key = parts.map((part) => part.mark).join("");
  let reader = readers.get(key);
  if (reader === undefined) {
    reader = markdownReader(parts);
    readers.set(key, reader);
  }
  return reader;
}

export function readMarkdown(source: string): ExtractedText {
  const tree = readerFor(source).parse(source) as MdNode;
  const out = new Writer();
  const footnotes: MdNode[] = [];
  for (const node of tree.children ?? []) block(node, source, out, footnotes);
  for (const footnote of footnotes) {
    out.startLine();
    out.write(`[^${footnote.label ?? footnote.identifier ?? "?"}]: `);
    for (const part of footnote.children ?? []) {
      inline(part, source, out);
      out.write(" ");
    }
  }
  return { format: "markdown", text: out.text(), layout: "auto", regions: [], notes: [], origin: { text: source, runs: out.runs } };
}

/** Accumulates output text, one block per line. */
class Writer {
  private readonly parts: string[] = [];
  private length = 0;
  /** Where written stretches came from in the Markdown source (see ExtractedText.origin). */
  readonly runs: { at: number; from: number }[] = [];

  write(text: string, from?: number): void {
    if (from !== undefined) this.runs.push({ at: this.length, from });
    this.parts.push(text);
    this.length += text.length;
  }

  startLine(): void {
    if (this.length > 0) this.write("\n");
  }

  text(): string {
    return this.parts.join("");
  }
}

function block(node: MdNode, source: string, out: Writer, footnotes: MdNode[], marker = ""): void {
  switch (node.type) {
    case "heading":
    case "paragraph":
    case "tableCell":
      out.startLine();
      if (marker) out.write(marker, node.position?.start.offset);
      for (const child of node.children ?? []) inline(child, source, out);
      return;
    case "list":
      (node.children ?? []).forEach((item, index) => {
        const offset = item.position?.start.offset;
        const own = offset === undefined ? "-" : source[offset];
        const itemMarker = node.ordered ? `${(node.start ?? 1) + index}. ` : `${own === "+" || own === "*" ? own : "-"} `;
        (item.children ?? []).forEach((child, childIndex) => block(child, source, out, footnotes, childIndex === 0 ? itemMarker : ""));
      });
      return;
    case "footnoteDefinition":
      footnotes.push(node);
      return;
    case "code":
      out.startLine();
      out.write(node.value ?? "");
      return;
    case "thematicBreak":
    case "html":
    case "definition":
      return;
    default:
      for (const child of node.children ?? []) block(child, source, out, footnotes);
  }
}

function inline(node: MdNode, source: string, out: Writer): void {
  switch (node.type) {
    case "text": {
      out.write(node.value ?? "", node.position?.start.offset);
      return;
    }
    case "inlineCode":
      out.write(node.value ?? "");
      return;
    case "break":
      out.write("\n");
      return;
    case "footnoteReference":
      out.write(`[^${node.label ?? node.identifier ?? "?"}]`);
      return;
    case "paragraph":
      for (const child of node.children ?? []) inline(child, source, out);
      return;
    default:
      for (const child of node.children ?? []) inline(child, source, out);
  }
}

/** Markdown syntax a plain-text plan would not contain: headings, emphasis, footnote definitions. */
export function looksLikeMarkdown(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const headings = sample.match(/^#{1,6} \S/gm)?.length ?? 0;
  const strong = sample.match(/\*\*[^*\n]+\*\*/g)?.length ?? 0;
  const footnotes = /^\[\^[^\]\s]+\]:/m.test(sample) ? 2 : 0;
  return headings + strong + footnotes >= 2;
}
