import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The parser's folders in pipeline order. A module may import from its own stage or an earlier one,
 * never from a later one: the genre's knowledge (`vi/`) and the shared seams come first, the public API
 * and the batch runner last.
 */
const STAGES: readonly (readonly string[])[] = [
  ["vi", "errors.ts", "diagnostics.ts", "limits.ts", "lower-bound.ts"],
  // The Node / browser seam serves the adapters (pdf.js, canvas, OCR engines).
  ["input", "platform"],
  ["normalize"],
  ["lexer"],
  ["grammar"],
  ["mapping"],
  ["analysis"],
  ["checks"],
  ["render"],
  ["pipeline.ts", "chunked.ts", "validate.ts", "parse.ts", "index.ts", "batch", "pages", "assets"],
];

const src = fileURLToPath(new URL("../../src/", import.meta.url));

function stageOf(file: string): number {
  const top = relative(src, file).split("/")[0] as string;
  const index = STAGES.findIndex((names) => names.includes(top));
  if (index < 0) throw new Error(`${relative(src, file)} is in no stage: add its folder to STAGES`);
  return index;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)"/g;

describe("stages", () => {
  it("no module imports from a later stage of the pipeline", () => {
    const backwards: string[] = [];
    for (const file of sources(src)) {
      const own = stageOf(file);
      for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const target = resolve(dirname(file), match[1] as string);
        if (stageOf(target) > own) backwards.push(`${relative(src, file)} → ${relative(src, target)}`);
      }
    }
    expect(backwards).toEqual([]);
  });
});
