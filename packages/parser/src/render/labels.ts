import type { Section } from "@kehoach/model";

/**
 * A section's label as a plan writes it: `Phần I`, `A.`, `I.`, `Điều 2.`, `1.`, `2.1.`, `a)`, `-`, `+`. A numbered
 * clause directly under a lettered one is written `1)`, the form the grammar ranks below letters.
 */
export function labelText(section: Section, parent: Section | null): string {
  switch (section.style) {
    case "part":
      return `Phần ${section.label}`;
    case "article":
      return `Điều ${section.label}.`;
    case "capital":
    case "roman":
    case "decimal":
      return `${section.label}.`;
    case "arabic":
      return parent && (parent.style === "letter" || parent.style === "dash" || parent.style === "plus") ? `${section.label})` : `${section.label}.`;
    case "letter":
      return `${section.label})`;
    case "dash":
      return "-";
    case "plus":
      return "+";
  }
}
