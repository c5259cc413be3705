export { parse, parseText, parseExtracted, type ParseOptions } from "./parse.ts";
export { normalizeText, normalizeExtracted, type NormalizedText } from "./normalize/index.ts";
export { KehoachInputError, isKehoachInputError, type InputErrorCode, type Engine } from "./errors.ts";
export type { ExtractedText, TextRegion, AdapterNote } from "./input/extracted.ts";
export { check, RULES, type CheckOptions, type Rule } from "./checks/index.ts";
export { ND30_CLAUSES, type Nd30Clause } from "./checks/nd30.ts";
export type { AssetsLocation } from "./platform/assets.ts";
// parseMany (worker threads) is Node-only: `@kehoach/parser/batch`.
