import type { XmlElement } from "../docx/xml.ts";
import type { StreamReader } from "./bytes.ts";
import { el, listOf } from "./lists.ts";
import { readSprms } from "./sprm.ts";

/**
 * The style sheet ([MS-DOC] 2.9.271 STSH) written as the `styles.xml` elements the DOCX adapter's
 * readStyles understands: each paragraph style (its index as `w:styleId`) with its base style and
 * the list it carries (sprmPIlfo / sprmPIlvl in its paragraph UPX). Headings often number this way.
 */
export function stylesAsXml(table: StreamReader, stshf: { fc: number; lcb: number }): XmlElement {
  const out: XmlElement[] = [];
  if (stshf.lcb < 4) return el("w:styles", {}, out);
  const cbStshi = table.u16(stshf.fc);
  const count = table.u16(stshf.fc + 2);
  const baseSize = table.u16(stshf.fc + 4);
  const end = stshf.fc + stshf.lcb;
  let at = stshf.fc + 2 + cbStshi;
  for (let istd = 0; istd < count && at + 2 <= end; istd++) {
    const cbStd = table.u16(at);
    const std = at + 2;
    at = std + cbStd;
    if (cbStd === 0 || at > end) continue;
    const kind = table.u16(std + 2) & 0x0f;
    const base = table.u16(std + 2) >> 4;
    if (kind !== 1) continue; // 1 = paragraph style; character, table and numbering styles carry no list here
    const nameLength = table.u16(std + baseSize);
    // grLPUpxSw follows the name (2-byte count, characters, a terminating NUL); the first UPX is UpxPapx.
    const upx = std + baseSize + 2 + 2 * nameLength + 2;
    const children: XmlElement[] = [];
    if (base !== 0x0fff) children.push({ name: "w:basedOn", attrs: { "w:val": String(base) }, children: [] });
    if (upx + 2 <= at) {
      const cbUpx = table.u16(upx);
      if (cbUpx >= 2 && upx + 2 + cbUpx <= at) {
        const { numId, ilvl } = listOf(readSprms(table, upx + 4, cbUpx - 2));
        const numPr: XmlElement[] = [];
        if (numId !== undefined) numPr.push({ name: "w:numId", attrs: { "w:val": String(numId) }, children: [] });
        if (ilvl !== undefined) numPr.push({ name: "w:ilvl", attrs: { "w:val": String(ilvl) }, children: [] });
        if (numPr.length > 0) children.push(el("w:pPr", {}, [el("w:numPr", {}, numPr)]));
      }
    }
    out.push(el("w:style", { "w:styleId": String(istd), "w:type": "paragraph", ...(istd === 0 ? { "w:default": "1" } : {}) }, children));
  }
  return el("w:styles", {}, out);
}
