import type { Rule } from "../rule.ts";

/**
 * A legal basis dated after the plan itself. With a draft's partial date only the known parts are
 * compared, and the message says which precision was used.
 */
export const basisAfterIssue: Rule = {
  code: "basis-after-issue",
  severity: "error",
  run(plan) {
    const own = plan.date;
    if (!own || own.year === null) return [];
    const precision = own.day !== null && own.month !== null ? "day" : own.month !== null ? "month" : "year";
    const ownKey = [own.year, own.month ?? 0, own.day ?? 0];
    return plan.legalBases.flatMap((basis) => {
      if (basis.date === null) return [];
      const [y, m, d] = basis.date.split("-").map(Number) as [number, number, number];
      const basisKey = precision === "day" ? [y, m, d] : precision === "month" ? [y, m, 0] : [y, 0, 0];
      const ownCompared = precision === "day" ? ownKey : precision === "month" ? [ownKey[0], ownKey[1], 0] : [ownKey[0], 0, 0];
      if (compare(basisKey, ownCompared as number[]) <= 0) return [];
      const scale = { day: ["ngày", "day"], month: ["tháng", "month"], year: ["năm", "year"] }[precision];
      return [
        {
          message: `Căn cứ ${basis.number ?? basis.raw} ngày ${basis.date} muộn hơn ${scale[0]} ban hành kế hoạch (${own.raw}; so sánh theo ${scale[0]}).`,
          messageEn: `Legal basis ${basis.number ?? basis.raw} dated ${basis.date} is later than the plan's ${scale[1]} (${own.raw}; compared by ${scale[1]}).`,
          span: basis.dateSpan ?? basis.span,
          related: [own.span],
        },
      ];
    });
  },
};

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
