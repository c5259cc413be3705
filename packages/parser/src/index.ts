export { parse, parseText, parseExtracted, type ParseOptions } from "./parse.ts";
export { normalizeText, normalizeExtracted, type NormalizedText } from "./normalize/index.ts";
export { DEFAULT_MAX_SIZE } from "./limits.ts";
export { KehoachInputError, isKehoachInputError, type InputErrorCode, type Engine } from "./errors.ts";
export type { ExtractedText, TextRegion } from "./input/extracted.ts";
export type { PlacedDiagnostic } from "./diagnostics.ts";
export { check, RULES, type CheckOptions, type Rule } from "./checks/index.ts";
export { ND30_CLAUSES, type Nd30Clause } from "./checks/nd30.ts";
export type { AssetsLocation } from "./platform/assets.ts";
// parseMany (worker threads) is Node-only: `@kehoach/parser/batch`.
// The pool module imports no engine, so this keeps OCR out of a bundle that never reads a scan.
export { closeOcrEngines } from "./input/ocr/pool.ts";
export type { EngineChoice } from "./input/ocr/engines.ts";
export { renderMarkdown } from "./render/markdown.ts";
export { renderAkn } from "./render/akn.ts";
export { visitSections, citablePath, type SectionVisit } from "./analysis/index.ts";
