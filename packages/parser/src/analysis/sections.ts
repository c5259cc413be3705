import type { Section } from "@kehoach/model";

/** Every section with its label path (`II.1.1.2`) and its parent, in document order. */
export interface SectionVisit {
  section: Section;
  path: string;
  parent: Section | null;
  ancestors: Section[];
}

export function visitSections(document: { readonly sections: readonly Section[] }): SectionVisit[] {
  const visits: SectionVisit[] = [];
  const walk = (sections: readonly Section[], ancestors: Section[], prefix: string) => {
    const parent = ancestors[ancestors.length - 1];
    for (const section of sections) {
      // A decimal label already spells its parent's (`1.2` under `1`): add only what is new.
      const own = parent && section.label.startsWith(`${parent.label}.`) ? section.label.slice(parent.label.length + 1) : section.label;
      const path = prefix ? `${prefix}.${own}` : own;
      visits.push({ section, path, parent: ancestors[ancestors.length - 1] ?? null, ancestors });
      // A leaf's children need no ancestors array: most sections are leaves.
      if (section.children.length > 0) walk(section.children, [...ancestors, section], path);
    }
  };
  walk(document.sections, [], "");
  return visits;
}
