import { generateCstDts } from "chevrotain";
import { planParser } from "./plan-parser.ts";

/** The CST's node types as TypeScript source, from the grammar's productions (written to cst.ts by `pnpm cst-types`). */
export function cstTypesSource(): string {
  const body = generateCstDts(planParser.getGAstProductions(), { includeVisitorInterface: true, visitorInterfaceName: "PlanCstVisitor" });
  return `// DO NOT EDIT: generated from the grammar by \`pnpm cst-types\` (Chevrotain generateCstDts).\n${body}`;
}
