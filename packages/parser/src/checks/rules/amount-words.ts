import type { Rule } from "../rule.ts";
import { readNumberWords } from "../../vi/number-words.ts";

const format = (n: number) => n.toLocaleString("de-DE");

/** `9.753.000.000 đồng (Chín tỷ, bảy trăm năm mươi ba triệu đồng)`: the digits and the words must agree. */
export const amountWordsMismatch: Rule = {
  code: "amount-words-mismatch",
  severity: "error",
  run(plan) {
    return plan.budget.amounts.flatMap((money) => {
      if (money.words === null) return [];
      const read = readNumberWords(money.words);
      if (!read.ok) {
        return [
          {
            severity: "warning" as const,
            message: `Không đọc được số tiền bằng chữ “${money.words}” để đối chiếu với ${money.raw}.`,
            messageEn: `Cannot read the amount in words “${money.words}” to compare it with ${money.raw}.`,
            span: money.wordsSpan ?? money.span,
            related: [money.span],
          },
        ];
      }
      if (read.value === money.amount) return [];
      return [
        {
          message: `Số tiền bằng số ${money.raw} không khớp với bằng chữ “${money.words}” (= ${format(read.value)} đồng).`,
          messageEn: `The amount ${money.raw} (${format(money.amount)}) does not match its words “${money.words}” (${format(read.value)}).`,
          span: money.span,
          related: money.wordsSpan ? [money.wordsSpan] : [],
        },
      ];
    });
  },
};
