import type { Plan, Section } from "@kehoach/model";
import type { Report, Rule } from "../rule.ts";
import { at } from "../rule.ts";

/** Vietnamese letter labels in order: `đ` follows `d`; ă â ê ô ơ ư f j w z are not used. */
const LETTERS = "abcdđeghiklmnopqrstuvxy";
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function romanValue(label: string): number | null {
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const value = ROMAN[label[i] as string];
    const next = ROMAN[label[i + 1] as string] ?? 0;
    if (value === undefined) return null;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : null;
}

/** The position of a label among its siblings: `III` → 3, `5.4` → 4, `đ` → 5; null for items. */
export function ordinal(section: Section): number | null {
  switch (section.style) {
    case "roman":
      return romanValue(section.label);
    case "article":
    case "arabic":
      return Number(section.label);
    case "decimal":
      return Number(section.label.split(".").pop());
    case "letter":
    case "capital": {
      const index = LETTERS.indexOf(section.label.toLowerCase());
      return index < 0 ? null : index + 1;
    }
    default:
      return null;
  }
}

function labelFor(style: Section["style"], n: number, prefix: string): string {
  switch (style) {
    case "roman":
      return `${["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n] ?? n}.`;
    case "letter":
      return `${LETTERS[n - 1] ?? "?"})`;
    case "capital":
      return `${(LETTERS[n - 1] ?? "?").toUpperCase()}.`;
    case "article":
      return `Điều ${n}.`;
    case "decimal":
      return `${prefix}.${n}.`;
    default:
      return `${n}.`;
  }
}

interface Finding {
  code: "section-duplicate" | "section-gap" | "section-order";
  report: Report;
}

/** Walks every list of siblings, style by style, and reports repeats, skips and reversals. */
function numberingFindings(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  const visit = (siblings: Section[], parent: Section | null) => {
    const byStyle = new Map<string, Section[]>();
    for (const section of siblings) {
      if (section.style === "dash" || section.style === "plus") continue;
      const group = byStyle.get(section.style);
      if (group) group.push(section);
      else byStyle.set(section.style, [section]);
    }
    for (const [style, group] of byStyle) checkGroup(style as Section["style"], group, parent, findings);
    for (const section of siblings) visit(section.children, section);
  };
  visit(plan.sections, null);
  return findings;
}

function checkGroup(style: Section["style"], group: Section[], parent: Section | null, findings: Finding[]): void {
  const seen = new Map<number, Section>();
  let previous: { n: number; section: Section } | null = null;
  const prefix = group[0]?.label.split(".").slice(0, -1).join(".") ?? "";
  for (const section of group) {
    const n = ordinal(section);
    if (n === null || !Number.isFinite(n)) continue;
    const here = at(section.labelSpan);
    if (style === "decimal" && parent && (parent.style === "decimal" || parent.style === "arabic")) {
      const expectedPrefix = parent.label;
      const actualPrefix = section.label.split(".").slice(0, -1).join(".");
      if (actualPrefix !== expectedPrefix) {
        findings.push({
          code: "section-order",
          report: {
            message: `Mục ${section.label} nằm trong mục ${parent.label} (số hiệu phải bắt đầu bằng ${parent.label}.).`,
            messageEn: `Section ${section.label} sits under section ${parent.label} (its number should start with ${parent.label}.).`,
            span: section.labelSpan,
            related: [parent.labelSpan],
          },
        });
      }
    }
    const twin = seen.get(n);
    if (twin) {
      const there = at(twin.labelSpan);
      findings.push({
        code: "section-duplicate",
        report: {
          message: `Số mục ${section.label} bị lặp lại (đã có ở ${there.vi}).`,
          messageEn: `Section number ${section.label} is repeated (already used at ${there.en}).`,
          span: section.labelSpan,
          related: [twin.labelSpan],
        },
      });
    } else if (previous && n < previous.n) {
      findings.push({
        code: "section-order",
        report: {
          message: `Mục ${section.label} đứng sau mục ${previous.section.label}: sai thứ tự.`,
          messageEn: `Section ${section.label} comes after section ${previous.section.label}: out of order.`,
          span: section.labelSpan,
          related: [previous.section.labelSpan],
        },
      });
    } else {
      const expected = previous ? previous.n + 1 : 1;
      if (n > expected) {
        const missing = Array.from({ length: n - expected }, (_, i) => labelFor(style, expected + i, prefix));
        findings.push({
          code: "section-gap",
          report: {
            message: `Thiếu mục ${missing.join(", ")} trước mục ${section.label} (${here.vi}).`,
            messageEn: `Section${missing.length > 1 ? "s" : ""} ${missing.join(", ")} missing before ${section.label} (${here.en}).`,
            span: section.labelSpan,
            related: previous ? [previous.section.labelSpan] : parent ? [parent.labelSpan] : [],
          },
        });
      }
    }
    if (!twin) seen.set(n, section);
    if (!previous || n >= previous.n) previous = { n, section };
  }
}

function numberingRule(code: Finding["code"], severity: Rule["severity"]): Rule {
  return {
    code,
    severity,
    run: (plan) => numberingFindings(plan).filter((f) => f.code === code).map((f) => f.report),
  };
}

export const sectionDuplicate = numberingRule("section-duplicate", "error");
export const sectionGap = numberingRule("section-gap", "warning");
export const sectionOrder = numberingRule("section-order", "error");
