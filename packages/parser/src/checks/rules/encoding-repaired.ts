import type { Rule } from "../rule.ts";

/**
 * Every repair the normaliser made is already a parse finding with this code; the rule exists so the
 * rules table is complete and `check()` on a Plan from elsewhere reports nothing twice.
 */
export const encodingRepaired: Rule = {
  code: "encoding-repaired",
  severity: "info",
  run: () => [],
};
