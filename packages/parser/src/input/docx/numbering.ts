import { bulletText, formatCounter } from "./numfmt.ts";
import type { StyleSheet } from "./styles.ts";
import { child, childVal, children, intAttr, isOn, type XmlElement } from "./xml.ts";

/**
 * Word automatic numbering, rebuilt. Text extractors (mammoth included) drop list labels because they
 * are not in document.xml; a plan's structure lives in exactly those labels (`I.`, `1.`, `1.1.`, `a)`),
 * so we replay Word's counters over the paragraphs in document order and print each label.
 *
 * Counter model (what Word does, as far as documents show): a list level's counter belongs to the
 * abstract definition, shared by every `w:num` that points at it, unless that `w:num` overrides the
 * level (`w:lvlOverride`), in which case the `w:num` has its own counter for that level, starting at the
 * override's start value. So "restart numbering" (a new `w:num` with `w:startOverride`) restarts only
 * the levels it overrides, and going back to the first `w:num` continues where it left off.
 */

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** `w:lvlRestart`: undefined = restart after any higher level; 0 = never; n = after level n (1-based). */
  restart: number | undefined;
  isLgl: boolean;
  suffix: string;
  pStyle: string | undefined;
}

interface AbstractNum {
  levels: Map<number, Level>;
  numStyleLink: string | undefined;
}

interface NumInstance {
  abstractNumId: number;
  /** Levels this instance overrides: its own counter, maybe its own definition. */
  overrides: Map<number, { start: number | undefined; level: Level | undefined }>;
}

export interface ListLabel {
  /** The label and the separator after it: `"1.1. "`, `"a) "`, `"- "`. */
  text: string;
  bullet: boolean;
}

/** What a paragraph asks for: its own `w:numPr` (if any) and its style. */
export interface ParagraphNumbering {
  numId: number | undefined;
  ilvl: number | undefined;
  styleId: string | undefined;
}

const MAX_LEVELS = 9;

export class NumberingState {
  readonly #abstracts = new Map<number, AbstractNum>();
  readonly #nums = new Map<number, NumInstance>();
  readonly #styles: StyleSheet;
  /** Counter per key: `a<abstractNumId>:<ilvl>` when shared, `n<numId>:<ilvl>` when overridden. */
  readonly #counters = new Map<string, number>();
  /** Labels printed so far (for the adapter's notes). */
  labelCount = 0;

  constructor(numbering: XmlElement | undefined, styles: StyleSheet) {
    this.#styles = styles;
    for (const abstract of children(numbering, "w:abstractNum")) {
      const id = intAttr(abstract.attrs["w:abstractNumId"]);
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of levelElements(abstract)) {
        const ilvl = intAttr(lvl.attrs["w:ilvl"]) ?? 0;
        levels.set(ilvl, readLevel(lvl));
      }
      this.#abstracts.set(id, { levels, numStyleLink: childVal(abstract, "w:numStyleLink") });
    }
    for (const num of children(numbering, "w:num")) {
      const id = intAttr(num.attrs["w:numId"]);
      const abstractNumId = intAttr(childVal(num, "w:abstractNumId"));
      if (id === undefined || abstractNumId === undefined) continue;
      const overrides = new Map<number, { start: number | undefined; level: Level | undefined }>();
      for (const override of children(num, "w:lvlOverride")) {
        const ilvl = intAttr(override.attrs["w:ilvl"]);
        if (ilvl === undefined) continue;
        const lvl = child(override, "w:lvl");
        overrides.set(ilvl, {
          start: intAttr(childVal(override, "w:startOverride")),
          level: lvl === undefined ? undefined : readLevel(lvl),
        });
      }
      this.#nums.set(id, { abstractNumId, overrides });
    }
  }

  /**
   * Advances the counters for one paragraph and returns its label with the separator Word puts after
   * it (`"1.1. "`, `"a) "`, `"- "`), or undefined when the paragraph is not numbered.
   */
  next(paragraph: ParagraphNumbering): ListLabel | undefined {
    const resolved = this.#resolve(paragraph);
    if (resolved === undefined) return undefined;
    const { numId, ilvl, instance, abstractNumId, levels } = resolved;
    const level = levels(ilvl);
    if (level === undefined) return undefined;

    const key = (l: number): string =>
      instance.overrides.has(l) ? `n${numId}:${l}` : `a${abstractNumId}:${l}`;
    const startOf = (l: number): number => instance.overrides.get(l)?.start ?? levels(l)?.start ?? 0;

    const current = this.#counters.get(key(ilvl));
    this.#counters.set(key(ilvl), current === undefined ? startOf(ilvl) : current + 1);
    for (let deeper = ilvl + 1; deeper < MAX_LEVELS; deeper++) {
      const restart = levels(deeper)?.restart;
      // Default: a level restarts whenever a higher level is used; lvlRestart narrows that.
      if (restart === undefined || (restart !== 0 && ilvl < restart)) this.#counters.delete(key(deeper));
    }

    const bullet = level.numFmt === "bullet";
    let label: string;
    if (bullet) label = bulletText(level.lvlText);
    else {
      label = level.lvlText.replace(/%([1-9])/g, (_, digit: string) => {
        const l = Number(digit) - 1;
        const referenced = levels(l);
        // A placeholder for a level with no number of its own (a bullet) prints nothing.
        if (referenced === undefined || referenced.numFmt === "bullet") return "";
        // A higher level not used yet prints its start value.
        const value = this.#counters.get(key(l)) ?? startOf(l);
        return formatCounter(value, level.isLgl ? "decimal" : referenced.numFmt);
      });
    }
    if (label.trim() === "") return undefined;
    this.labelCount++;
    return { text: label + level.suffix, bullet };
  }

  #resolve(paragraph: ParagraphNumbering):
    | { numId: number; ilvl: number; instance: NumInstance; abstractNumId: number; levels: (l: number) => Level | undefined }
    | undefined {
    const styleId = paragraph.styleId ?? this.#styles.defaultParagraphStyle;
    const fromStyle = styleId === undefined ? undefined : this.#styles.numbering(styleId);
    const numId = paragraph.numId ?? fromStyle?.numId;
    // numId 0 means "no numbering here", overriding the style.
    if (numId === undefined || numId === 0) return undefined;
    const instance = this.#nums.get(numId);
    if (instance === undefined) return undefined;
    const abstractNumId = this.#followStyleLink(instance.abstractNumId);
    const abstract = this.#abstracts.get(abstractNumId);
    if (abstract === undefined) return undefined;

    let ilvl = paragraph.ilvl ?? (paragraph.numId === undefined ? fromStyle?.ilvl : undefined);
    if (ilvl === undefined && styleId !== undefined) {
      // A style tied to a list level (`w:lvl/w:pStyle`) takes that level.
      for (const [l, level] of abstract.levels) if (level.pStyle === styleId) ilvl = l;
    }
    ilvl = Math.min(Math.max(ilvl ?? 0, 0), MAX_LEVELS - 1);
    const levels = (l: number): Level | undefined => instance.overrides.get(l)?.level ?? abstract.levels.get(l);
    return { numId, ilvl, instance, abstractNumId, levels };
  }

  /** `w:numStyleLink` sends the definition through a numbering style to the abstractNum that defines it. */
  #followStyleLink(abstractNumId: number): number {
    let id = abstractNumId;
    for (let hops = 0; hops < 8; hops++) {
      const link = this.#abstracts.get(id)?.numStyleLink;
      if (link === undefined) return id;
      const styleNumId = this.#styles.numberingStyleNumId(link);
      const target = styleNumId === undefined ? undefined : this.#nums.get(styleNumId)?.abstractNumId;
      if (target === undefined || target === id) return id;
      id = target;
    }
    return id;
  }
}

/** `w:lvl` children, also those wrapped in `mc:AlternateContent` by newer Word versions. */
function levelElements(abstract: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of abstract.children) {
    if (typeof node === "string") continue;
    if (node.name === "w:lvl") out.push(node);
    else if (node.name === "mc:AlternateContent") {
      const fallback = child(node, "mc:Fallback") ?? child(node, "mc:Choice");
      out.push(...children(fallback, "w:lvl"));
    }
  }
  return out;
}

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true" || value === "on";
}

function readLevel(lvl: XmlElement): Level {
  const lvlText = child(lvl, "w:lvlText");
  const suff = childVal(lvl, "w:suff") ?? "tab";
  return {
    start: intAttr(childVal(lvl, "w:start")) ?? 0,
    numFmt: numFmtOf(lvl),
    lvlText: lvlText === undefined || isTrue(lvlText.attrs["w:null"]) ? "" : (lvlText.attrs["w:val"] ?? ""),
    restart: intAttr(childVal(lvl, "w:lvlRestart")),
    isLgl: isOn(child(lvl, "w:isLgl")),
    // A tab after the number becomes a space in our text, like every tab.
    suffix: suff === "nothing" ? "" : " ",
    pStyle: childVal(lvl, "w:pStyle"),
  };
}

/** `w:numFmt`, preferring a plain format over Word 2010's `custom` one (`001, 002…`) inside AlternateContent. */
function numFmtOf(lvl: XmlElement): string {
  const direct = childVal(lvl, "w:numFmt");
  if (direct !== undefined) return direct;
  for (const alternate of children(lvl, "mc:AlternateContent")) {
    const choice = child(child(alternate, "mc:Choice"), "w:numFmt");
    if (choice?.attrs["w:val"] === "custom") {
      const format = choice.attrs["w:format"] ?? "";
      if (/^0+1\b/.test(format)) return "decimalZero";
    }
    const fallback = childVal(child(alternate, "mc:Fallback"), "w:numFmt");
    if (fallback !== undefined) return fallback;
  }
  // Word's default when a level names no format.
  return "decimal";
}
