/**
 * Which tesseract reads the pages. "auto": the machine's own tesseract where Node runs and it is
 * installed with every language asked for (about 1.7× faster a page than the WebAssembly build, see
 * README); tesseract.js otherwise, and always in the browser. Both get the same image and the same
 * layout and correction afterwards; only the recognition differs.
 */
import { ocrEngineFiles } from "#platform/ocr";
import type { AssetsLocation } from "../../platform/assets.ts";
import { createEngine, type OcrEngine } from "./engine.ts";
import { LanguageDataError } from "./language-data.ts";

export type EngineChoice = "auto" | "native" | "tesseract.js";
export const ENGINE_CHOICES: readonly EngineChoice[] = ["auto", "native", "tesseract.js"];

/** How to start engines of one kind and data; `key` tells the pool which idle engines fit. */
export interface EngineSpec {
  readonly key: string;
  readonly kind: OcrEngine["kind"];
  create(): Promise<OcrEngine>;
}

export class EngineUnavailableError extends Error {
  override readonly name = "EngineUnavailableError";
}

const isNode = (): boolean => typeof process !== "undefined" && typeof process.versions?.node === "string";

export async function chooseEngine(choice: EngineChoice, languages: string, languageDataPath?: string, assets?: AssetsLocation): Promise<EngineSpec> {
  if (choice !== "tesseract.js" && isNode()) {
    const { createNativeEngine, findNativeTesseract } = await import("./native.ts");
    const native = await findNativeTesseract(languages, languageDataPath);
    if (native !== null) {
      return { key: `native:${languages}:${languageDataPath ?? ""}`, kind: "native", create: async () => createNativeEngine(native) };
    }
  }
  if (choice === "native") {
    throw new EngineUnavailableError(
      isNode() ? `the tesseract program with language data "${languages}" is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)` : "the native tesseract cannot run in a browser",
    );
  }
  let data;
  try {
    data = ocrEngineFiles(languages, languageDataPath, assets);
  } catch (e) {
    throw new EngineUnavailableError(e instanceof LanguageDataError ? e.message : "language data", { cause: e });
  }
  const files = data;
  const key = JSON.stringify(["tesseract.js", files.workerPath, files.corePath ?? null, files.langPath, files.gzip, files.languages]);
  return { key, kind: "tesseract.js", create: () => createEngine(files) };
}
