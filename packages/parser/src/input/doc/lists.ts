import type { XmlElement } from "../docx/xml.ts";
import type { StreamReader } from "./bytes.ts";
import { byteSprm, lastSprm, SPRM, type Sprm } from "./sprm.ts";

/**
 * Word 97 list tables ([MS-DOC] 2.9.147 PlfLst, 2.9.131 LVL, 2.9.148 PlfLfo) written as the
 * `numbering.xml` elements they correspond to, so that the DOCX adapter's NumberingState replays the
 * counters for both formats: a list (LSTF + its LVLs) is a `w:abstractNum`, a list format override
 * (LFO, what a paragraph's sprmPIlfo points at, 1-based) is a `w:num` with its `w:lvlOverride`s.
 */
export function listsAsNumbering(table: StreamReader, plfLst: { fc: number; lcb: number }, plfLfo: { fc: number; lcb: number }): XmlElement {
  const out: XmlElement[] = [];
  const abstractOf = new Map<number, number>();
  if (plfLst.lcb >= 2) {
    const count = table.i16(plfLst.fc);
    if (count < 0 || 2 + count * 28 > plfLst.lcb) throw new RangeError("list table count past its length");
    // The LVLs follow the PlfLst, outside its lcb.
    let lvlAt = plfLst.fc + 2 + count * 28;
    for (let k = 0; k < count; k++) {
      const lstf = plfLst.fc + 2 + k * 28;
      const lsid = table.i32(lstf);
      const simple = (table.u8(lstf + 26) & 1) !== 0;
      const styles: number[] = [];
      for (let l = 0; l < 9; l++) styles.push(table.u16(lstf + 8 + 2 * l));
      const levels: XmlElement[] = [];
      for (let l = 0; l < (simple ? 1 : 9); l++) {
        const { element, size } = readLevel(table, lvlAt, l, styles[l]);
        levels.push(element);
        lvlAt += size;
      }
      abstractOf.set(lsid, k);
      out.push(el("w:abstractNum", { "w:abstractNumId": String(k) }, levels));
    }
  }
  if (plfLfo.lcb >= 4) {
    const count = table.i32(plfLfo.fc);
    if (count < 0 || 4 + count * 16 > plfLfo.lcb) throw new RangeError("list override count past its length");
    let dataAt = plfLfo.fc + 4 + count * 16;
    for (let i = 0; i < count; i++) {
      const lfo = plfLfo.fc + 4 + i * 16;
      const abstract = abstractOf.get(table.i32(lfo));
      const overrides = table.u8(lfo + 12);
      const children: XmlElement[] = [];
      // LfoData: a CP, then one LFOLVL (8 bytes, maybe followed by a whole LVL) per override.
      dataAt += 4;
      for (let o = 0; o < overrides; o++) {
        const start = table.i32(dataAt);
        const bits = table.u32(dataAt + 4);
        dataAt += 8;
        const ilvl = bits & 0x0f;
        const override: XmlElement[] = [];
        if (bits & 0x10) override.push(val("w:startOverride", String(start)));
        if (bits & 0x20) {
          const { element, size } = readLevel(table, dataAt, ilvl, 0x0fff);
          override.push(element);
          dataAt += size;
        }
        children.push(el("w:lvlOverride", { "w:ilvl": String(ilvl) }, override));
      }
      if (abstract === undefined) continue;
      out.push(el("w:num", { "w:numId": String(i + 1) }, [val("w:abstractNumId", String(abstract)), ...children]));
    }
  }
  return el("w:numbering", {}, out);
}

/** `nfc` codes ([MS-DOC] 2.9.172 MSONFC) as `w:numFmt` values. */
const NUMBER_FORMATS: Record<number, string> = {
  0: "decimal",
  1: "upperRoman",
  2: "lowerRoman",
  3: "upperLetter",
  4: "lowerLetter",
  5: "ordinal",
  6: "cardinalText",
  7: "ordinalText",
  22: "decimalZero",
  23: "bullet",
  255: "none",
};

/** One LVL: LVLF (28 bytes), its paragraph and character sprms, then the number text (Xst). */
function readLevel(table: StreamReader, at: number, ilvl: number, istd: number | undefined): { element: XmlElement; size: number } {
  const start = table.i32(at);
  const nfc = table.u8(at + 4);
  const flags = table.u8(at + 5);
  const placeholders = new Set<number>();
  for (let i = 0; i < 9; i++) {
    const position = table.u8(at + 6 + i);
    if (position === 0) break;
    placeholders.add(position);
  }
  const follow = table.u8(at + 15);
  const cbChpx = table.u8(at + 24);
  const cbPapx = table.u8(at + 25);
  const restartLimit = table.u8(at + 26);
  const xst = at + 28 + cbPapx + cbChpx;
  const cch = table.u16(xst);
  const raw = table.utf16(xst + 2, cch);
  // Positions in rgbxchNums are 1-based; the character there is the level whose counter goes in.
  let text = "";
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    text += placeholders.has(i + 1) && code < 9 ? `%${code + 1}` : raw[i]!;
  }
  const children: XmlElement[] = [
    val("w:start", String(start)),
    val("w:numFmt", NUMBER_FORMATS[nfc] ?? "decimal"),
    val("w:lvlText", text),
    val("w:suff", follow === 2 ? "nothing" : follow === 1 ? "space" : "tab"),
  ];
  // fNoRestart: the level restarts only after the levels before ilvlRestartLim (0: never).
  if (flags & 0x08) children.push(val("w:lvlRestart", String(restartLimit)));
  if (flags & 0x04) children.push(el("w:isLgl", {}, []));
  if (istd !== undefined && istd !== 0x0fff) children.push(val("w:pStyle", String(istd)));
  return { element: el("w:lvl", { "w:ilvl": String(ilvl) }, children), size: 28 + cbPapx + cbChpx + 2 + 2 * cch };
}

/** A paragraph's (or a style's) list membership from its sprms: the LFO index (0 = none) and the level. */
export function listOf(sprms: readonly Sprm[]): { numId: number | undefined; ilvl: number | undefined } {
  const lfo = lastSprm(sprms, SPRM.PIlfo);
  let numId = lfo === undefined ? undefined : lfo.stream.i16(lfo.at);
  // 0xF801 (and Word 97's 0x07FF) mean "not in a list, whatever the style says".
  if (numId !== undefined && (numId < 0 || numId === 0x07ff)) numId = 0;
  return { numId, ilvl: byteSprm(sprms, SPRM.PIlvl) };
}

export function el(name: string, attrs: Record<string, string>, children: XmlElement[]): XmlElement {
  return { name, attrs, children };
}

function val(name: string, value: string): XmlElement {
  return { name, attrs: { "w:val": value }, children: [] };
}

