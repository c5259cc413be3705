import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const grammar = fileURLToPath(new URL("../../src/grammar/plan-parser.ts", import.meta.url));
const lexer = fileURLToPath(new URL("../../src/lexer/lexer.ts", import.meta.url));

// A fresh process imports the grammar before the lexer, as a caller may; it hung in Chevrotain's error
// recovery when the parser was built before the lexer, so it runs with a time limit of its own.
const script = `
const { planParser } = await import(${JSON.stringify(grammar)});
const { tokenize } = await import(${JSON.stringify(lexer)});
planParser.input = tokenize("UBND TỈNH LAI CHÂU\\nSố: 12/KH-UBND\\nKẾ HOẠCH\\nTổ chức\\nI. NỘI DUNG\\nNội dung.\\n").tokens;
const cst = planParser.plan();
console.log(JSON.stringify({ errors: planParser.errors.length, blocks: Object.keys(cst.children) }));
`;

describe("the grammar imported before the lexer", () => {
  it("still reads a plan: the grammar module builds the lexer first itself", () => {
    const run = spawnSync(process.execPath, ["--conditions=@kehoach/source", "--no-warnings", "--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.signal).toBeNull();
    expect(JSON.parse(run.stdout)).toEqual({ errors: 0, blocks: ["headerLine", "titleBlock", "document"] });
  }, 40_000);
});
