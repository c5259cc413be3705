import { loadCfb } from "./cfb.ts";
import { isKehoachInputError } from "../../errors.ts";
import type { ExtractedText } from "../extracted.ts";
import type { PlacedDiagnostic } from "../../diagnostics.ts";
import { assembleWordText, type WordNote } from "../docx/assemble.ts";
import { corruptFile } from "../docx/errors.ts";
import { formatCounter } from "../docx/numfmt.ts";
import { NumberingState } from "../docx/numbering.ts";
import { readStyles } from "../docx/styles.ts";
import { readPlc, StreamReader } from "./bytes.ts";
import { notWordDocument, unreadableDoc } from "./errors.ts";
import { FcLcb, readFib, type Fib } from "./fib.ts";
import { PropertyTable, readChpx, readPapx } from "./fkp.ts";
import { listsAsNumbering } from "./lists.ts";
import { readCharacters } from "./pieces.ts";
import { readStory, type StoryContext } from "./story.ts";
import { stylesAsXml } from "./styles.ts";

/**
 * Reads a Word 97–2003 .doc: the compound file is opened by `cfb`; the Word binary structures
 * inside it (FIB, piece table, paragraph and character properties, style sheet, list tables, notes)
 * are read here into the DOCX adapter's blocks, so both formats give the same text: Word's list
 * labels rebuilt, header and closing tables read column by column, notes as `[^N]` lines.
 * Rejects only with KehoachInputError: `legacy-doc` (saying why) when the file cannot be read.
 */
export async function readDoc(bytes: Uint8Array): Promise<ExtractedText> {
  const CFB = await loadCfb();
  try {
    return extract(CFB, bytes);
  } catch (error) {
    if (isKehoachInputError(error)) throw error;
    throw unreadableDoc("tệp bị hỏng / the file is damaged", error);
  }
}

function extract(CFB: Awaited<ReturnType<typeof loadCfb>>, bytes: Uint8Array): ExtractedText {
  const container = CFB.read(bytes, { type: "array" });
  const stream = (name: string): StreamReader | undefined => {
    const entry = CFB.find(container, name);
    const content = entry?.content;
    if (entry === null || entry === undefined || entry.type !== 2 || content === undefined) return undefined;
    return new StreamReader(content instanceof Uint8Array ? content : Uint8Array.from(content as ArrayLike<number>));
  };
  if (stream("EncryptedPackage") !== undefined) {
    // A password-protected .docx travels inside a compound file too.
    throw corruptFile("tệp có mật khẩu, hãy gỡ mật khẩu rồi lưu lại / password-protected, remove the password and save again");
  }
  const word = stream("WordDocument");
  if (word === undefined) throw notWordDocument();
  const fib = readFib(word);
  if ("unsupported" in fib) throw unreadableDoc(fib.unsupported);
  if (fib.encrypted) throw unreadableDoc("tệp có mật khẩu, hãy gỡ mật khẩu rồi lưu lại / password-protected, remove the password and save again");
  const table = stream(fib.tableStream);
  if (table === undefined) throw unreadableDoc(`thiếu luồng ${fib.tableStream} / no ${fib.tableStream} stream`);

  const { ccp } = fib;
  const storyStarts = storyOffsets(fib);
  const chars = readCharacters(word, table, fib.table(FcLcb.Clx), storyStarts.end);
  const notes: PlacedDiagnostic[] = [];
  // Everything but the text itself is optional: a damaged table loses what it holds, not the document.
  const lost: string[] = [];
  const tolerant = <T>(what: string, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch {
      lost.push(what);
      return fallback;
    }
  };
  const numberingXml = tolerant("số thứ tự tự động / list labels", () => listsAsNumbering(table, fib.table(FcLcb.PlfLst), fib.table(FcLcb.PlfLfo)), undefined);
  const styles = readStyles(tolerant("kiểu đoạn / paragraph styles", () => stylesAsXml(table, fib.table(FcLcb.Stshf)), undefined));
  const footnotes = tolerant("chú thích / footnotes", () => noteTable(table, fib.table(FcLcb.PlcffndRef), fib.table(FcLcb.PlcffndTxt), storyStarts.footnotes, "decimal"), []);
  const endnotes = tolerant("chú thích cuối / endnotes", () => noteTable(table, fib.table(FcLcb.PlcfendRef), fib.table(FcLcb.PlcfendTxt), storyStarts.endnotes, "lowerRoman"), []);
  const context: StoryContext = {
    chars,
    papx: tolerant("thuộc tính đoạn, bảng / paragraph properties, tables", () => readPapx(word, table, fib.table(FcLcb.PlcfBtePapx)), new PropertyTable([])),
    chpx: tolerant("thuộc tính ký tự / character properties", () => readChpx(word, table, fib.table(FcLcb.PlcfBteChpx)), new PropertyTable([])),
    sectionEnds: tolerant("ngắt phần / section breaks", () => sectionEnds(table, fib.table(FcLcb.PlcfSed)), new Set<number>()),
    noteRefs: new Map([...footnotes, ...endnotes].map((note) => [note.reference, note.label])),
    unrecovered: { count: 0 },
  };
  if (lost.length > 0) {
    notes.push({
      code: "doc-damaged-tables",
      severity: "warning",
      message: `Một phần tệp .doc bị hỏng; mất: ${lost.map((l) => l.split(" / ")[0]).join(", ")}`,
      messageEn: `Part of the .doc is damaged; lost: ${lost.map((l) => l.split(" / ")[1]).join(", ")}`,
    });
  }

  const numbering = new NumberingState(numberingXml, styles);
  const body = readStory(context, numbering, 0, ccp.text);
  const noteNumbering = new NumberingState(numberingXml, styles);
  const noteContext = { ...context, noteRefs: new Map<number, string>() };
  const noteBlocks: WordNote[] = [...footnotes, ...endnotes].map((note) => ({ label: note.label, blocks: readStory(noteContext, noteNumbering, note.from, note.to) }));
  if (context.unrecovered.count > 0) {
    notes.push({
      code: "doc-numbering-not-recovered",
      severity: "warning",
      message: `${context.unrecovered.count} đoạn đánh số tự động kiểu Word 6/95 chưa dựng lại được số thứ tự.`,
      messageEn: `${context.unrecovered.count} paragraphs use Word 6/95 auto-numbering, whose labels were not recovered.`,
    });
  }
  if (ccp.textBoxes > 0) notes.push({ code: "doc-skipped-content", severity: "warning", message: "Bỏ qua chữ trong khung chữ (text box).", messageEn: "Skipped text in text boxes." });
  return assembleWordText("doc", body, noteBlocks, numbering.labelCount, notes);
}

/** Where each story starts in the CP space: main text, footnotes, headers, macros, comments, endnotes, text boxes. */
function storyOffsets(fib: Fib): { footnotes: number; endnotes: number; end: number } {
  const { ccp } = fib;
  const footnotes = ccp.text;
  const endnotes = footnotes + ccp.footnotes + ccp.headers + ccp.macros + ccp.annotations;
  const end = endnotes + ccp.endnotes + ccp.textBoxes + ccp.headerTextBoxes + 1;
  return { footnotes, endnotes, end };
}

interface NoteEntry {
  /** CP of the reference mark in the main text. */
  reference: number;
  label: string;
  from: number;
  to: number;
}

/** Notes in reference order: Word numbers them by their place in the text, as the DOCX adapter does. */
function noteTable(table: StreamReader, refs: { fc: number; lcb: number }, texts: { fc: number; lcb: number }, storyStart: number, numFmt: string): NoteEntry[] {
  const ref = readPlc(table, refs.fc, refs.lcb, 2);
  const txt = readPlc(table, texts.fc, texts.lcb, 0);
  const out: NoteEntry[] = [];
  for (let i = 0; i < ref.count && i + 1 < txt.positions.length; i++) {
    out.push({
      reference: ref.positions[i]!,
      label: formatCounter(i + 1, numFmt),
      from: storyStart + txt.positions[i]!,
      to: storyStart + txt.positions[i + 1]!,
    });
  }
  return out;
}

/** CPs of the section marks: each section of PlcfSed ends with one (a 0x0C that also ends a paragraph). */
function sectionEnds(table: StreamReader, sed: { fc: number; lcb: number }): Set<number> {
  const plc = readPlc(table, sed.fc, sed.lcb, 12);
  return new Set(plc.positions.slice(1).map((cp) => cp - 1));
}
