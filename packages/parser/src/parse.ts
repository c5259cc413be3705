import type { Finding, Plan, SourceFormat } from "@kehoach/model";
import type { ExtractedText } from "./input/extracted.ts";
import type { PlacedDiagnostic } from "./diagnostics.ts";
import { readMarkdown, looksLikeMarkdown } from "./input/markdown.ts";
import { decodeText, detectFormat } from "./input/detect.ts";
import { readDocx } from "./input/docx/index.ts";
import type { EngineChoice, OcrProgress } from "./input/ocr/index.ts";
import type { AssetsLocation } from "./platform/assets.ts";
import { KehoachInputError } from "./errors.ts";
import { normalizeExtracted, type NormalizedText } from "./normalize/index.ts";
import type { Analysis, WordReader } from "./analysis/index.ts";
import { analyse, lex, mapToPlan, runGrammar, type Mapped } from "./pipeline.ts";
import { mapInChunks } from "./chunked.ts";
import { planError } from "./validate.ts";
import { check, type CheckOptions } from "./checks/index.ts";
import { inputPlaces, locateFindings } from "./mapping/input-location.ts";
import { refuseEmpty, refuseTooLarge } from "./limits.ts";

export interface ParseOptions {
  /** Treat text input as Markdown (`true`), plain (`false`), or decide from its syntax (default). */
  markdown?: boolean;
  /** Validate the result against the zod schema (default true). */
  validate?: boolean;
  /** Progress of long work (OCR reports each page). */
  onProgress?: (progress: OcrProgress) => void;
  /** Refuse documents with more pages than this (default 500; OCR reads at most 50 unless raised). */
  maxPages?: number;
  /** Give up after this many milliseconds (default: 60 s for text layers, 10 min for OCR). */
  timeoutMs?: number;
  /** Tesseract engines reading scanned pages in parallel (default: one per core, up to 4). */
  ocrWorkers?: number;
  /** OCR engine: "auto" (default: the installed `tesseract` program in Node, else tesseract.js), "native" or "tesseract.js". */
  ocrEngine?: EngineChoice;
  /** Run the consistency rules and add their findings (default true); or the options for them. */
  checks?: boolean | CheckOptions;
  /**
   * In a browser: the URL of the asset folder the app serves (pdf.js's worker, fonts, cmaps, wasm;
   * tesseract.js's worker, core and models), written by `@kehoach/parser/assets`. Needed for PDFs
   * and scans only; Node reads the installed packages and ignores it.
   */
  assets?: AssetsLocation;
  /** `parse` refuses with `too-large` a text file of more bytes, or a document whose text has more characters (default 5 MB). */
  maxSize?: number;
}

/**
 * Text → Plan, synchronously. Total: any string gives a Plan; what could not be read is reported in
 * `plan.findings`, never thrown.
 */
export function parseText(text: string, options: ParseOptions = {}): Plan {
  return parseTextWithNotes(text, options, []);
}

/** parseText, with what decoding the bytes noticed (the encoding assumed) kept as adapter notes. */
function parseTextWithNotes(text: string, options: ParseOptions, notes: PlacedDiagnostic[]): Plan {
  const markdown = options.markdown ?? looksLikeMarkdown(text);
  const extracted: ExtractedText = markdown
    ? readMarkdown(text)
    : { format: "text", text, layout: "auto", regions: [], notes: [] };
  if (notes.length > 0) extracted.notes = [...notes, ...extracted.notes];
  return parseExtracted(extracted, options);
}

/**
 * Bytes (or a string) → Plan. The format is detected from the content. Rejects only with a
 * `KehoachInputError` when the input is not a readable document — among them `empty-document` (no
 * text at all) and `too-large` (past `maxSize`); `parseText` takes any text.
 */
export async function parse(input: string | Uint8Array, options: ParseOptions = {}): Promise<Plan> {
  if (typeof input === "string") {
    refuseTooLarge(input.length, options.maxSize);
    refuseEmpty(input);
    return parseText(input, options);
  }
  const format = detectFormat(input);
  const fromExtracted = (extracted: ExtractedText) => parseAdapted(extracted, options);
  switch (format) {
    case "text":
    case "markdown": {
      refuseTooLarge(input.length, options.maxSize);
      const decoded = decodeText(input);
      refuseEmpty(decoded.text);
      return parseTextWithNotes(decoded.text, options, decoded.notes);
    }
    case "docx":
      return fromExtracted(await readDocx(input));
    case "doc": {
      // Loaded on demand: most callers never see a .doc.
      const { readDoc } = await import("./input/doc/index.ts");
      return fromExtracted(await readDoc(input));
    }
    case "image": {
      // The PDF and OCR adapters are loaded on first use: a page reading only text carries neither.
      const { ocrImage } = await import("./input/ocr/index.ts");
      return fromExtracted(await ocrImage(input, ocrOptions(options)));
    }
    case "pdf": {
      const { readPdf } = await import("./input/pdf/index.ts");
      const read = await readPdf(input, pdfOptions(options));
      if (read.kind === "text") return fromExtracted(read.extracted);
      // A scan, or a text layer in a legacy font encoding: read the page images instead.
      const { ocrPdf } = await import("./input/ocr/index.ts");
      const scanned = await ocrPdf(input, { ...ocrOptions(options), render: read.reason === "garbage-text-layer" ? "always" : "auto" });
      if (read.reason === "garbage-text-layer") scanned.notes.unshift(garbageLayerNote());
      return fromExtracted(scanned);
    }
    default:
      throw new KehoachInputError(
        "unsupported-format",
        `Chưa đọc được tệp dạng ${format}. / This input format (${format}) is not supported yet.`,
      );
  }
}

/** Said of a PDF read by OCR because its text layer is in a legacy font encoding. */
export function garbageLayerNote(): PlacedDiagnostic {
  return {
    code: "pdf-text-layer-unreadable",
    severity: "info",
    message: "Lớp chữ của PDF dùng bảng mã phông cũ, không đọc được; văn bản được nhận dạng từ ảnh trang (OCR).",
    messageEn: "The PDF's text layer uses a legacy font encoding that cannot be read; the text was recognised from the page images (OCR).",
  };
}

/** An adapter's text → Plan, refused when too large or empty (as `parse` does for every binary format). */
export function parseAdapted(extracted: ExtractedText, options: ParseOptions): Plan {
  refuseTooLarge(extracted.text.length, options.maxSize);
  refuseEmpty(extracted.text);
  return parseExtracted(extracted, options);
}

export function pdfOptions(options: ParseOptions) {
  return {
    ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.assets !== undefined ? { assets: options.assets } : {}),
  };
}

export function ocrOptions(options: ParseOptions) {
  return {
    onProgress: options.onProgress,
    maxPages: options.maxPages,
    timeoutMs: options.timeoutMs,
    workers: options.ocrWorkers,
    assets: options.assets,
    engine: options.ocrEngine,
  };
}

/** The part of the pipeline every format shares: normalise, lex, parse, build. */
export function parseExtracted(extracted: ExtractedText, options: ParseOptions = {}): Plan {
  let normalized: NormalizedText;
  try {
    normalized = normalizeExtracted(extracted);
  } catch (error) {
    return emptyPlan(extracted.format, extracted.text.normalize("NFC"), internalError(error));
  }
  try {
    const { plan, analysis } = parseNormalized(normalized, extracted);
    // concat, not push(...): a plan can have more findings than a call has arguments.
    // Findings, and the places their messages name, point into the user's own file.
    const places = inputPlaces(normalized.origin, extracted);
    if (options.checks !== false) {
      const checkOptions = options.checks === true || options.checks === undefined ? {} : options.checks;
      plan.findings = plan.findings.concat(check(plan, { ...checkOptions, place: places.describe, analysis }));
    }
    locateFindings(plan.findings, places);
    if (options.validate === false) return plan;
    const error = planError(plan);
    if (error) plan.findings.push(internalError(error));
    return plan;
  } catch (error) {
    return emptyPlan(normalized.format, normalized.text, internalError(error));
  }
}

function parseNormalized(normalized: NormalizedText, extracted: ExtractedText): { plan: Plan; analysis: Analysis } {
  const { mapped, words } = lexAndMap(normalized, extracted);
  return { plan: mapped.plan, analysis: analyse(mapped, { words }) };
}

/** A function of its own so the tokens and the tree are garbage when it returns, before the analysis runs. */
function lexAndMap(normalized: NormalizedText, extracted: ExtractedText): { mapped: Mapped; words: WordReader } {
  // A long body a chunk at a time, so that the whole text's tokens and tree are never alive together.
  const chunked = mapInChunks(normalized, extracted);
  if (chunked) return chunked;
  const lexed = lex(normalized);
  return { mapped: mapToPlan(normalized, extracted, lexed, runGrammar(lexed)), words: lexed.words };
}

function internalError(error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: "internal-error",
    severity: "error",
    message: `Lỗi nội bộ khi đọc văn bản: ${detail}`,
    messageEn: `Internal error while reading the document: ${detail}`,
    span: null,
    source: "parse",
  };
}

/** The Plan of a document nothing could be read from. */
export function emptyPlan(format: SourceFormat, text: string, finding?: Finding): Plan {
  return {
    source: { format, text },
    kind: "unknown",
    motto: null,
    issuer: null,
    number: null,
    place: null,
    date: null,
    docType: null,
    title: null,
    titleSpan: null,
    legalBases: [],
    proposal: null,
    issuance: null,
    paragraphs: [],
    sections: [],
    closing: null,
    supersedes: null,
    budget: { total: null, amounts: [] },
    quantities: [],
    citations: [],
    assignments: [],
    recipients: [],
    signature: null,
    digitalSignatures: [],
    footnotes: [],
    appendix: [],
    attachments: [],
    findings: finding ? [finding] : [],
  };
}
