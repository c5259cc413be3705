import { isKehoachInputError } from "../../errors.ts";
import type { ExtractedText } from "../extracted.ts";
import type { PlacedDiagnostic } from "../../diagnostics.ts";
import { readBlocks } from "./blocks.ts";
import { assembleWordText } from "./assemble.ts";
import { isOleCompoundFile } from "./doc.ts";
import { corruptFile, legacyDoc } from "./errors.ts";
import { NoteRegistry } from "./notes.ts";
import { NumberingState } from "./numbering.ts";
import { openWordPackage } from "./package.ts";
import { ParagraphReader } from "./paragraph.ts";
import { readStyles } from "./styles.ts";
import { child } from "./xml.ts";
import { ZipArchive } from "./zip.ts";

export interface DocxOptions {
  /** Most bytes inflated from the archive, all parts together (zip-bomb guard). Default 200 MB. */
  maxInflatedBytes?: number;
  /** Most entries the archive may list. Default 10 000. */
  maxEntries?: number;
}

const DEFAULT_MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Reads a .docx into text: paragraphs in document order, Word's automatic list labels rebuilt,
 * header and closing tables read column by column, footnotes as `[^N]` markers with `[^N]: text`
 * lines at the end. Rejects only with KehoachInputError.
 */
export async function readDocx(bytes: Uint8Array, options?: DocxOptions): Promise<ExtractedText> {
  try {
    return extract(bytes, options);
  } catch (error) {
    if (isKehoachInputError(error)) throw error;
    // RangeError from a hostile archive, stack exhaustion, anything unforeseen: the file is unreadable.
    throw corruptFile("không đọc được / unreadable", error);
  }
}

function extract(bytes: Uint8Array, options: DocxOptions | undefined): ExtractedText {
  if (isOleCompoundFile(bytes)) {
    if (containsUtf16(bytes, "EncryptedPackage")) throw corruptFile("tệp có mật khẩu, hãy gỡ mật khẩu rồi lưu lại / password-protected, remove the password and save again");
    throw legacyDoc();
  }
  const zip = new ZipArchive(bytes, {
    maxInflatedBytes: limit(options?.maxInflatedBytes, DEFAULT_MAX_INFLATED_BYTES),
    maxEntries: limit(options?.maxEntries, DEFAULT_MAX_ENTRIES),
  });
  const word = openWordPackage(zip);
  const styles = readStyles(word.styles);
  const notes: PlacedDiagnostic[] = [];
  const skipped = new Map<string, number>();
  const footnotes = new NoteRegistry(word.footnotes, "w:footnote", "decimal");
  const endnotes = new NoteRegistry(word.endnotes, "w:endnote", "lowerRoman");
  const numbering = new NumberingState(word.numbering, styles);
  const reader = new ParagraphReader({
    numbering,
    footnotes,
    endnotes,
    skipped: (what) => skipped.set(what, (skipped.get(what) ?? 0) + 1),
  });

  const body = child(word.document, "w:body");
  if (body === undefined) throw corruptFile("thiếu w:body / no w:body");
  const blocks = readBlocks(body, reader);

  // Notes: their own list counters, no further note references inside them.
  const noteReader = new ParagraphReader({
    numbering: new NumberingState(word.numbering, styles),
    footnotes: undefined,
    endnotes: undefined,
    skipped: () => {},
  });
  const noteBlocks = [footnotes, endnotes].flatMap((registry) =>
    registry.referenced().map(({ label, note }) => ({ label, blocks: readBlocks(note, noteReader) })),
  );

  for (const [what, count] of skipped) {
    notes.push({
      code: "docx-skipped-content",
      severity: "warning",
      message: `Bỏ qua ${count} khung chữ có bảng.`,
      messageEn: `Skipped ${count} ${what}.`,
    });
  }
  return assembleWordText("docx", blocks, noteBlocks, numbering.labelCount, notes);
}

/** A limit from the options; NaN or a negative number would silently disable the guard, so they fall back. */
function limit(value: number | undefined, fallback: number): number {
  return value !== undefined && value >= 0 ? value : fallback;
}

/** Looks for `name` written in UTF-16LE, as OLE directory entries are. Linear scan. */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  const first = pattern[0];
  outer: for (let at = bytes.indexOf(first ?? 0); at !== -1 && at + pattern.length <= bytes.length; at = bytes.indexOf(first ?? 0, at + 1)) {
    for (let k = 1; k < pattern.length; k++) if (bytes[at + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}
