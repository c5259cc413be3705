import { child, childVal, children, intAttr, type XmlElement } from "./xml.ts";

/**
 * The one thing the text needs from styles.xml: the list numbering a paragraph style carries
 * (`w:pPr/w:numPr`), inherited along `w:basedOn`. Headings such as "Heading 1" often number this way,
 * with no `w:numPr` on the paragraph itself.
 */
export interface StyleNumbering {
  numId: number | undefined;
  ilvl: number | undefined;
}

export interface StyleSheet {
  /** Numbering of a paragraph style (inherited), or undefined when it has none. */
  numbering(styleId: string): StyleNumbering | undefined;
  /** Numbering of a numbering style (`w:type="numbering"`), which `w:numStyleLink` points at. */
  numberingStyleNumId(styleId: string): number | undefined;
  /** The default paragraph style, applied to paragraphs without `w:pStyle`. */
  defaultParagraphStyle: string | undefined;
}

interface RawStyle {
  type: string;
  basedOn: string | undefined;
  numId: number | undefined;
  ilvl: number | undefined;
}

export function readStyles(styles: XmlElement | undefined): StyleSheet {
  const raw = new Map<string, RawStyle>();
  let defaultParagraphStyle: string | undefined;
  for (const style of children(styles, "w:style")) {
    const id = style.attrs["w:styleId"];
    if (id === undefined) continue;
    const type = style.attrs["w:type"] ?? "paragraph";
    const numPr = child(child(style, "w:pPr"), "w:numPr");
    raw.set(id, {
      type,
      basedOn: childVal(style, "w:basedOn"),
      numId: intAttr(childVal(numPr, "w:numId")),
      ilvl: intAttr(childVal(numPr, "w:ilvl")),
    });
    const isDefault = style.attrs["w:default"];
    if (type === "paragraph" && (isDefault === "1" || isDefault === "true")) defaultParagraphStyle = id;
  }

  const cache = new Map<string, StyleNumbering | undefined>();
  const resolve = (id: string): StyleNumbering | undefined => {
    if (cache.has(id)) return cache.get(id);
    // numId and ilvl inherit separately; the nearest style that sets each wins. Cycles are cut by `seen`.
    let numId: number | undefined;
    let ilvl: number | undefined;
    const seen = new Set<string>();
    for (let current = raw.get(id), currentId = id; current !== undefined && !seen.has(currentId); ) {
      seen.add(currentId);
      numId ??= current.numId;
      ilvl ??= current.ilvl;
      if (current.basedOn === undefined) break;
      currentId = current.basedOn;
      current = raw.get(currentId);
    }
    const result = numId === undefined && ilvl === undefined ? undefined : { numId, ilvl };
    cache.set(id, result);
    return result;
  };

  return {
    numbering: resolve,
    numberingStyleNumId: (id) => {
      const style = raw.get(id);
      return style?.type === "numbering" ? style.numId : undefined;
    },
    defaultParagraphStyle,
  };
}
