import type { SourceFormat } from "@kehoach/model";
import type { ExtractedText } from "../extracted.ts";
import type { PlacedDiagnostic } from "../../diagnostics.ts";
import type { Block } from "./blocks.ts";
import { layoutBlocks } from "./layout.ts";

/** A footnote or endnote as read: the label Word shows and its content. */
export interface WordNote {
  label: string;
  blocks: Block[];
}

/**
 * The text of a Word document (DOCX or the binary .doc), whichever file it came from: the body's
 * blocks laid out one paragraph per line, then each referenced note as a `[^label]: text` line, NFC.
 * `labelCount` (list labels rebuilt) becomes a `<format>-numbering-rebuilt` note.
 */
export function assembleWordText(format: Extract<SourceFormat, "docx" | "doc">, body: Block[], notes: WordNote[], labelCount: number, adapterNotes: PlacedDiagnostic[]): ExtractedText {
  const lines = layoutBlocks(body);
  for (const { label, blocks } of notes) {
    const text = layoutBlocks(blocks).join(" ").replace(/\s+/g, " ").trim();
    lines.push(`[^${label}]: ${text}`.trimEnd());
  }
  const notesOut: PlacedDiagnostic[] = [];
  if (labelCount > 0) {
    notesOut.push({
      code: `${format}-numbering-rebuilt`,
      severity: "info",
      message: `Dựng lại ${labelCount} số thứ tự tự động của Word.`,
      messageEn: `Rebuilt ${labelCount} Word list labels.`,
    });
  }
  notesOut.push(...adapterNotes);
  const text = lines.map((line) => line.normalize("NFC")).join("\n");
  if (text.trim() === "") notesOut.push({ code: `${format}-empty`, severity: "warning", message: "Văn bản không có chữ.", messageEn: "The document has no text." });
  return { format, text: text === "" ? "" : `${text}\n`, layout: "paragraphs", regions: [], notes: notesOut };
}
