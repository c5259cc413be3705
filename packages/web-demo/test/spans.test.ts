import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseText } from "@kehoach/parser";
import { planTree, flattenTree, ancestorIds } from "../src/logic/tree.ts";
import { findingRanges, findingsOnNode, markAt, marksOf, segment, type Mark } from "../src/logic/spans.ts";

const seed = (n: string) => readFileSync(new URL(`../../../fixtures/seeds/${n}.txt`, import.meta.url), "utf8");

describe("planTree", () => {
  const plan = parseText(seed("000"));
  const tree = planTree(plan);
  const nodes = flattenTree(tree);

  it("has the groups the structure pane lists, in order, and no empty ones", () => {
    expect(tree.map((g) => g.text)).toEqual(["header", "legal-bases", "sections", "budget", "quantities", "assignments", "recipients", "signature"]);
    for (const g of tree) expect(g.children.length).toBeGreaterThan(0);
  });

  it("mirrors the section tree: one node per section, labels and nesting kept", () => {
    const count = (list: typeof plan.sections): number => list.reduce((n, s) => n + 1 + count(s.children), 0);
    const sections = nodes.filter((n) => n.kind === "section" || n.kind === "item");
    expect(sections.length).toBe(count(plan.sections));
    const group = tree.find((g) => g.text === "sections")!;
    expect(group.children.map((n) => n.text.split(" ")[0])).toEqual(plan.sections.map((s) => `${s.label}.`));
    expect(group.children[1]!.children.length).toBe(plan.sections[1]!.children.length);
  });

  it("points every field node at the words it came from", () => {
    const basis = nodes.find((n) => n.id === "basis.0")!;
    expect(plan.source.text.slice(basis.span!.start.offset, basis.span!.end.offset)).toContain("90/QĐ-TTg");
    const signer = nodes.find((n) => n.kind === "signer")!;
    expect(signer.text).toBe("Giàng A Tính");
    const section = nodes.find((n) => n.id === "section.1")!;
    expect(plan.source.text.slice(section.span!.start.offset, section.span!.end.offset)).toBe(`II. ${plan.sections[1]!.heading}`);
  });

  it("gives unique ids and the path down to a node", () => {
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    expect(ancestorIds(tree, "section.1.0")).toEqual(["group.sections", "section.1"]);
    expect(ancestorIds(tree, "nope")).toEqual([]);
  });
});

describe("segment", () => {
  it("cuts at every boundary, covers the text exactly, and puts the innermost mark last", () => {
    const marks: Mark[] = [
      { start: 0, end: 10, nodeId: "outer", kind: "section" },
      { start: 2, end: 4, nodeId: "inner", kind: "date" },
    ];
    const segs = segment(12, marks, [{ start: 3, end: 5 }]);
    expect(segs.map((s) => [s.start, s.end])).toEqual([[0, 2], [2, 3], [3, 4], [4, 5], [5, 10], [10, 12]]);
    expect(segs[2]!.marks.map((i) => marks[i]!.nodeId)).toEqual(["outer", "inner"]);
    expect(segs.map((s) => s.active)).toEqual([-1, -1, 0, 0, -1, -1]);
    expect(segs[5]!.marks).toEqual([]);
  });

  it("on any marks: segments tile [0, length) and list exactly the marks over them", () => {
    const mark = fc.tuple(fc.nat(60), fc.nat(60)).map(([a, b]): Mark => ({ start: Math.min(a, b), end: Math.max(a, b), nodeId: `${a}-${b}`, kind: "amount" }));
    fc.assert(
      fc.property(fc.array(mark, { maxLength: 12 }), fc.integer({ min: 1, max: 60 }), (marks, length) => {
        const segs = segment(length, marks);
        expect(segs[0]!.start).toBe(0);
        expect(segs.at(-1)!.end).toBe(length);
        segs.forEach((s, i) => {
          if (i > 0) expect(s.start).toBe(segs[i - 1]!.end);
          const expected = marks.flatMap((m, j) => (m.start <= s.start && m.end >= s.end && m.end > m.start ? [j] : [])).sort();
          expect([...s.marks].sort()).toEqual(expected);
          const lengths = s.marks.map((j) => marks[j]!.end - marks[j]!.start);
          expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("linking findings and fields", () => {
  const plan = parseText(seed("000"));
  const tree = planTree(plan);
  const marks = marksOf(tree);

  it("a citation-date-conflict points at both dates", () => {
    const finding = plan.findings.find((f) => f.code === "citation-date-conflict")!;
    const ranges = findingRanges(finding);
    expect(ranges.length).toBe(2);
    const texts = ranges.map((r) => plan.source.text.slice(r.start, r.end));
    expect(texts[0]).toMatch(/năm 20\d\d/);
    expect(texts[1]).toMatch(/năm 20\d\d/);
    expect(texts[0]).not.toBe(texts[1]);
  });

  it("hovering a character names the innermost field over it", () => {
    const date = plan.legalBases[0]!.dateSpan!;
    const m = markAt(marks, date.start.offset);
    expect(m?.nodeId).toBe("basis.0");
    const signer = plan.source.text.indexOf("Giàng A Tính");
    expect(markAt(marks, signer)?.kind === "signature" || markAt(marks, signer)?.kind === "signer").toBe(true);
    expect(markAt(marks, -1)).toBeNull();
  });

  it("a section node carries the findings about its own line", () => {
    const dup = plan.findings.findIndex((f) => f.code === "section-duplicate");
    const nodes = flattenTree(tree).filter((n) => (n.kind === "section" || n.kind === "item") && findingsOnNode(plan.findings, n).includes(dup));
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.text.startsWith("II."))).toBe(true);
  });
});
