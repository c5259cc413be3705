import { formatCounter } from "./numfmt.ts";
import { children, type XmlElement } from "./xml.ts";

/**
 * Footnotes (or endnotes) of the package. Word numbers them by order of reference in the body, so a
 * label is handed out when the body first refers to a note; separators and continuation notices
 * (`w:type` set) are layout, not notes, and are never referenced.
 */
export class NoteRegistry {
  readonly #notes = new Map<string, XmlElement>();
  readonly #labels = new Map<string, string>();
  readonly #order: string[] = [];
  readonly #numFmt: string;

  /** `part` is footnotes.xml or endnotes.xml; `numFmt` the format Word shows (decimal, lowerRoman). */
  constructor(part: XmlElement | undefined, noteName: "w:footnote" | "w:endnote", numFmt: string) {
    this.#numFmt = numFmt;
    for (const note of children(part, noteName)) {
      const id = note.attrs["w:id"];
      const type = note.attrs["w:type"];
      if (id === undefined || (type !== undefined && type !== "normal")) continue;
      this.#notes.set(id, note);
    }
  }

  /** The label of note `id` as displayed, or undefined when there is no such (real) note. */
  reference(id: string): string | undefined {
    if (!this.#notes.has(id)) return undefined;
    let label = this.#labels.get(id);
    if (label === undefined) {
      label = formatCounter(this.#order.length + 1, this.#numFmt);
      this.#labels.set(id, label);
      this.#order.push(id);
    }
    return label;
  }

  /** Referenced notes, in order of first reference, with their content element. */
  referenced(): { label: string; note: XmlElement }[] {
    return this.#order.map((id) => ({ label: this.#labels.get(id)!, note: this.#notes.get(id)! }));
  }
}
