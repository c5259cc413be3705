/**
 * Writes packages/parser/src/grammar/cst.ts: the CST's node types, generated from the grammar with
 * Chevrotain's generateCstDts. Run after changing a rule (`pnpm cst-types`); a test keeps the file current.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cstTypesSource } from "../packages/parser/src/grammar/cst-source.ts";

const file = fileURLToPath(new URL("../packages/parser/src/grammar/cst.ts", import.meta.url));
writeFileSync(file, cstTypesSource());
console.log(`wrote ${file}`);
