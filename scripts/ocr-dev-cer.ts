/**
 * The OCR dev set's character error rates alone (fixtures/ocr-dev, CER as nom-vn computes it), without
 * the bench's timings: `pnpm ocr-cer [native|tesseract.js]`. Each page read as the bench reads it
 * (bench/ocr.ts: page 1, one engine); prints one line a page and the mean, in %.
 */
import { readFileSync } from "node:fs";
import { closeOcrEngines, ocrPdf, type EngineChoice } from "../packages/parser/src/input/ocr/index.ts";
import { cerNomVn } from "../packages/parser/test/helpers/cer.ts";

const engine = (process.argv[2] ?? "native") as EngineChoice;
const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url);
const truth = JSON.parse(readFileSync(fixture("ocr-dev/truth.json"), "utf8")) as Record<string, string>;
const rates: number[] = [];
for (const [key, text] of Object.entries(truth)) {
  // The one real page is page 1 of the corpus scan (fixtures/ocr-dev/README.md).
  const file = key === "qd_ttg_707_p1" ? "corpus/qd_ttg_707_kehoach_ptrt_2026_scan.pdf" : `ocr-dev/${key}.pdf`;
  const read = await ocrPdf(new Uint8Array(readFileSync(fixture(file))), { pages: [1], workers: 1, engine });
  rates.push(cerNomVn(text, read.text));
  console.log(`${key}\t${(cerNomVn(text, read.text) * 100).toFixed(2)}`);
}
console.log(`mean\t${((rates.reduce((a, b) => a + b, 0) / rates.length) * 100).toFixed(2)}`);
await closeOcrEngines();
