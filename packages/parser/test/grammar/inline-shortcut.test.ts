import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { CstElement, CstNode } from "chevrotain";
import { afterEach, describe, expect, it } from "vitest";
import { planParser } from "../../src/grammar/plan-parser.ts";
import { parseCst } from "../support/units.ts";

/**
 * `inlineItem` takes a plain token without running its OR's gates. The shortcut must choose what the OR
 * chooses: the same tree and the same recovered errors, on the seeds, on pieces of the genre in any order
 * (so every kind of token comes first in a line's running text), and on edited seeds.
 */
const seed = (id: string) => readFileSync(new URL(`../../../../fixtures/seeds/${id}.txt`, import.meta.url), "utf8");
const seeds = ["000", "001", "002", "004"].map(seed);

function tree(element: CstElement): unknown {
  if ("children" in element) {
    const node = element as CstNode;
    return [node.name, Object.entries(node.children).map(([key, children]) => [key, (children ?? []).map(tree)])];
  }
  return [element.tokenType.name, element.image, element.startOffset];
}

function bothWays(text: string): { on: unknown; off: unknown } {
  planParser.plainShortcut = true;
  const on = parseCst(text);
  planParser.plainShortcut = false;
  const off = parseCst(text);
  planParser.plainShortcut = true;
  const errors = (parsed: ReturnType<typeof parseCst>) => parsed.errors.map((e) => [(e as Error).name, (e as { token: { startOffset: number } }).token.startOffset]);
  return { on: [tree(on.cst), errors(on)], off: [tree(off.cst), errors(off)] };
}

const Piece = fc.constantFrom(
  "Căn cứ", "Quyết định", "số", "12/KH-UBND", "90/QĐ-TTg", "Luật", "Bộ luật Lao động", "Hiến pháp", "ngày", "tháng", "năm", "18/01/2022",
  "18", "01", "2022", "của", "UBND", "tỉnh", "Tổng cộng", "Đơn vị tính: triệu đồng", "9.753.000.000", "đồng", "tỷ", "125.712", "hồ sơ",
  "TTHC", "(", ")", ":", ";", ",", ".", "-", "I.", "1.", "a)", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KẾ HOẠCH", "\n", "\n",
);
const Text = fc.array(Piece, { maxLength: 60 }).map((pieces) => pieces.join(" "));

describe("the plain-token shortcut of inlineItem", () => {
  afterEach(() => {
    planParser.plainShortcut = true;
  });

  it("gives the seeds the tree the OR gives", () => {
    for (const text of seeds) {
      const { on, off } = bothWays(text);
      expect(on).toEqual(off);
    }
  });

  it("gives any mix of the genre's pieces the tree and the errors the OR gives", () => {
    fc.assert(
      fc.property(Text, (text) => {
        const { on, off } = bothWays(text);
        expect(on).toEqual(off);
      }),
      { numRuns: 300 },
    );
  });

  it("gives an edited seed the tree and the errors the OR gives", () => {
    const edit = fc.record({ which: fc.nat({ max: seeds.length - 1 }), at: fc.nat(), cut: fc.nat({ max: 200 }), insert: fc.string({ maxLength: 30 }) });
    fc.assert(
      fc.property(edit, ({ which, at, cut, insert }) => {
        const text = seeds[which] as string;
        const from = at % (text.length + 1);
        const { on, off } = bothWays(text.slice(0, from) + insert + text.slice(from + cut));
        expect(on).toEqual(off);
      }),
      { numRuns: 60 },
    );
  });
});
