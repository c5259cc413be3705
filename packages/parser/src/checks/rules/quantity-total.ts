import type { Money, Paragraph, Plan, Quantity, Section, Span } from "@kehoach/model";
import type { Report, Rule } from "../rule.ts";
import type { SectionVisit } from "../../analysis/index.ts";
import { at } from "../rule.ts";
import { lowerBound } from "../../lower-bound.ts";
import { TOTAL_WORDS } from "../../vi/layout.ts";

/** How many of each period a year holds: a rate `… /tháng` makes 12 in a year. */
export const PERIODS_PER_YEAR: ReadonlyMap<string, number> = new Map([
  ["tháng", 12],
  ["quý", 4],
  ["tuần", 52],
  ["năm", 1],
]);

/** Words that may stand between the total word and the figure: `Tổng cộng: 36 …`, `tổng số là 12 …`. */
export const TOTAL_FILLERS: readonly string[] = ["là", "có", "gồm", "khoảng", "đạt", "cả", "năm", "được"];

const format = (n: number) => n.toLocaleString("de-DE");

/**
 * Figures that do not add up: (a) a rate and a yearly total in one paragraph (`03 mục/03 thứ tiếng/tháng.
 * Tổng cộng 36 số/sóng` — 3 × 12 = 36, or 3 × 3 × 12 if the middle part multiplies); (b) a budget whose line
 * items do not sum to the stated total.
 */
export const quantityTotalMismatch: Rule = {
  code: "quantity-total-mismatch",
  severity: "warning",
  run(plan, { sections }) {
    return [...rateTotals(plan, sections), ...budgetItems(plan, sections)];
  },
};

// --- (a) rate × periods = total ---------------------------------------------------------------

function blocks(plan: Plan, sections: readonly SectionVisit[]): Paragraph[] {
  const out: Paragraph[] = [...plan.paragraphs];
  for (const { section } of sections) out.push({ text: section.heading, span: section.headingSpan }, ...section.paragraphs);
  return out;
}

/** The rate's count per year, and with every numeric `/…` part multiplied in; null when it is not a yearly rate. */
function perYear(quantity: Quantity): { plain: [number, number]; all: [number, number]; period: string } | null {
  const periods = quantity.per.filter((p) => p.value === null && PERIODS_PER_YEAR.has(p.unit.toLowerCase()));
  if (periods.length !== 1) return null;
  const period = (periods[0] as Quantity["per"][number]).unit.toLowerCase();
  // `36 tin/năm/huyện`: a part with no figure (how many districts?) leaves the total unknowable.
  if (quantity.per.some((p) => p.value === null && !PERIODS_PER_YEAR.has(p.unit.toLowerCase()))) return null;
  const count = PERIODS_PER_YEAR.get(period) as number;
  const [min, max] = typeof quantity.value === "number" ? [quantity.value, quantity.value] : [quantity.value.min, quantity.value.max];
  const factor = quantity.per.reduce((product, p) => product * (p.value ?? 1), 1);
  return { plain: [min * count, max * count], all: [min * count * factor, max * count * factor], period };
}

function rateTotals(plan: Plan, sections: readonly SectionVisit[]): Report[] {
  const text = plan.source.text;
  const reports: Report[] = [];
  // Sorted once (stable: ties keep the Plan's order); each block finds its own by binary search, as a
  // filter over every quantity per block was quadratic on long plans.
  const sorted = [...plan.quantities].sort((a, b) => a.span.start.offset - b.span.start.offset);
  for (const block of blocks(plan, sections)) {
    const [start, end] = [block.span.start.offset, block.span.end.offset];
    const inside: Quantity[] = [];
    for (let i = lowerBound(sorted.length, (k) => (sorted[k] as Quantity).span.start.offset >= start); i < sorted.length; i++) {
      const quantity = sorted[i] as Quantity;
      if (quantity.span.start.offset > end) break;
      if (quantity.span.end.offset <= end) inside.push(quantity);
    }
    inside.forEach((rate, index) => {
      const yearly = perYear(rate);
      if (!yearly) return;
      const totals = totalsAfter(text, inside.slice(index + 1), rate);
      const wrong = totals.filter((total) => {
        const value = total.value;
        if (typeof value !== "number") return false;
        const within = (range: [number, number]) => value >= range[0] && value <= range[1];
        return !within(yearly.plain) && !within(yearly.all);
      });
      const first = wrong[0];
      if (!first) return;
      const expected = describe(yearly.plain);
      const alternative = yearly.all[0] !== yearly.plain[0] || yearly.all[1] !== yearly.plain[1] ? describe(yearly.all) : null;
      const periods = PERIODS_PER_YEAR.get(yearly.period) as number;
      reports.push({
        message:
          `${rate.raw} × ${periods} ${yearly.period} = ${expected}${alternative ? ` (hoặc ${alternative} nếu nhân cả các phần “/…”)` : ""}` +
          ` nhưng tổng cộng ghi ${first.raw}.`,
        messageEn:
          `${rate.raw} × ${periods} (${yearly.period} per year) = ${expected}${alternative ? ` (or ${alternative} counting every “/…” part)` : ""}` +
          `, but the total says ${first.raw}.`,
        span: first.span,
        related: [rate.span, ...wrong.slice(1).map((q) => q.span)],
      });
    });
  }
  return reports;
}

const describe = ([min, max]: [number, number]) => (min === max ? format(min) : `${format(min)}–${format(max)}`);

/**
 * The totals a rate announces: the figure right after `Tổng cộng`/`tổng số`/`tổng`, and the ones joined to
 * it by `và` or `,` with the same unit (`12 số/sóng phát thanh và 12 số/sóng truyền hình`). Stops at the next rate.
 */
function totalsAfter(text: string, following: readonly Quantity[], rate: Quantity): Quantity[] {
  const totals: Quantity[] = [];
  let from = rate.span.end.offset;
  for (const quantity of following) {
    if (perYear(quantity) && totals.length === 0) break;
    const between = text.slice(from, quantity.span.start.offset);
    if (totals.length === 0) {
      if (announcesTotal(between)) totals.push(quantity);
    } else if (quantity.unit === (totals[0] as Quantity).unit && between.length < 60 && /^[^.;:]*(?:\s(?:và|,)\s|,)[^.;:]*$/u.test(between)) {
      totals.push(quantity);
    } else break;
    from = quantity.span.end.offset;
  }
  return totals;
}

function announcesTotal(between: string): boolean {
  const lower = between.toLowerCase();
  for (const word of TOTAL_WORDS) {
    const index = lower.lastIndexOf(word);
    if (index < 0) continue;
    const before = lower[index - 1];
    if (before !== undefined && /[\p{L}]/u.test(before)) continue;
    const rest = lower.slice(index + word.length);
    // `tổng hợp` is not a total: only fillers may follow the word.
    const fillers = rest.split(/[\s:,]+/).filter((w) => w.length > 0);
    if (fillers.every((w) => TOTAL_FILLERS.includes(w) || /^\d{4}$/.test(w))) return true;
  }
  return false;
}

// --- (b) budget items = total -----------------------------------------------------------------

function budgetItems(plan: Plan, sections: readonly SectionVisit[]): Report[] {
  const total = plan.budget.total;
  if (!total) return [];
  const scope = scopeOf(plan, sections, total);
  const items = plan.budget.amounts.filter(
    (m) => m !== total && m.span.start.offset >= total.span.end.offset && m.span.end.offset <= scope.end && m.amount !== total.amount,
  );
  if (items.length < 2) return [];
  const sum = items.reduce((s, m) => s + m.amount, 0);
  if (sum === total.amount) return [];
  // Items nested under items (a subtotal and its parts): the top-level ones may add up.
  const top = topLevel(items, scope.section);
  if (top.length >= 2 && top.reduce((s, m) => s + m.amount, 0) === total.amount) return [];
  return [
    {
      message: `Tổng kinh phí ${total.raw} nhưng các khoản chi tiết cộng lại ${format(sum)} đồng (chênh ${format(Math.abs(total.amount - sum))} đồng).`,
      messageEn: `The total is ${total.raw} but its ${items.length} items add up to ${format(sum)} (off by ${format(Math.abs(total.amount - sum))}); items from ${at(items[0]?.span ?? null).en}.`,
      span: total.span,
      related: items.map((m) => m.span),
    },
  ];
}

/**
 * Where a total's items are: the innermost section holding the total, up to its end (its subtree and the
 * lines after the total); for a list item with nothing under it, the rest of its parent's list.
 */
function scopeOf(plan: Plan, sections: readonly SectionVisit[], total: Money): { end: number; section: Section | null } {
  let holder: { section: Section; parent: Section | null } | null = null;
  for (const visit of sections) {
    const { start, end } = visit.section.span;
    if (start.offset <= total.span.start.offset && total.span.end.offset <= end.offset) holder = { section: visit.section, parent: visit.parent };
  }
  if (!holder) return { end: plan.closing?.span.start.offset ?? plan.source.text.length, section: null };
  const { section, parent } = holder;
  const list = ["dash", "plus", "letter"].includes(section.style);
  const hasBelow = plan.budget.amounts.some((m) => m.span.start.offset >= total.span.end.offset && m.span.end.offset <= section.span.end.offset && m !== total);
  if (list && !hasBelow && parent) return { end: parent.span.end.offset, section: parent };
  return { end: section.span.end.offset, section };
}

/** The first amount of each child section of `section` (or each amount, when they are not in sections). */
function topLevel(items: readonly Money[], section: Section | null): Money[] {
  if (!section || section.children.length === 0) return [...items];
  const out: Money[] = [];
  const loose = items.filter((m) => !section.children.some((c) => contains(c.span, m.span)));
  out.push(...loose);
  for (const child of section.children) {
    const first = items.find((m) => contains(child.span, m.span));
    if (first) out.push(first);
  }
  return out;
}

const contains = (outer: Span, inner: Span) => outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
