import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "@kehoach/parser";
import { csvField, findingsCsv } from "../src/logic/csv.ts";
import { formatHash, parseHash } from "../src/logic/hash.ts";
import { groupFindings, navigationOrder, stepFinding } from "../src/logic/findings.ts";
import { ruleInfo, rulesFor } from "../src/logic/rules.ts";

describe("findingsCsv", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(12)).toBe("12");
    expect(csvField(null)).toBe("");
  });

  it("has one row per finding with its line and the text it covers", () => {
    const plan = parseText(readFileSync(new URL("../../../fixtures/seeds/000.txt", import.meta.url), "utf8"));
    const csv = findingsCsv(plan.findings, plan.source.text);
    expect(csv.startsWith("\uFEFFseverity,code,message,messageEn,line,column,text\r\n")).toBe(true);
    const conflict = plan.findings.find((f) => f.code === "citation-date-conflict")!;
    const text = plan.source.text.slice(conflict.span!.start.offset, conflict.span!.end.offset);
    expect(csv).toContain(`error,citation-date-conflict,`);
    expect(csv).toContain(`,${conflict.span!.start.line},${conflict.span!.start.column},${csvField(text)}\r\n`);
    // Rows split on CRLF outside quotes: header + one per finding.
    expect(csv.split("\r\n").filter(Boolean).length).toBeGreaterThanOrEqual(plan.findings.length + 1);
  });
});

describe("URL hash", () => {
  it("round-trips sample, open finding and language", () => {
    const state = { sample: "000", finding: 3, lang: "en" as const };
    expect(parseHash(formatHash(state))).toEqual(state);
    expect(formatHash({ sample: null, finding: 2, lang: "vi" })).toBe("");
    expect(parseHash("#sample=004&finding=x")).toEqual({ sample: "004", finding: null, lang: null });
  });
});

describe("findings pane order", () => {
  const plan = parseText(readFileSync(new URL("../../../fixtures/seeds/000.txt", import.meta.url), "utf8"));

  it("groups errors, then warnings, then notes; j/k walk that order and wrap", () => {
    const groups = groupFindings(plan.findings);
    expect(groups.map((g) => g.severity)).toEqual(["error", "warning", "info"]);
    const order = navigationOrder(plan.findings);
    expect(order.length).toBe(plan.findings.length);
    expect(plan.findings[order[0]!]!.severity).toBe("error");
    expect(stepFinding(order, null, 1)).toBe(order[0]);
    expect(stepFinding(order, order.at(-1)!, 1)).toBe(order[0]);
    expect(stepFinding(order, order[0]!, -1)).toBe(order.at(-1));
    expect(stepFinding([], null, 1)).toBeNull();
  });

  it("explains each code from FINDING_CODES and cites NĐ 30 for layout rules only", () => {
    expect(ruleInfo("missing-number").clause?.vi).toMatch(/Điều 8/);
    expect(ruleInfo("missing-number").summary).toMatch(/number and symbol/);
    expect(ruleInfo("amount-words-mismatch").clause).toBeNull();
    // Codes reported while parsing are explained too (FINDING_CODES), without a decree clause.
    expect(ruleInfo("page-number-dropped")).toEqual({ summary: "Page-number lines of extracted text were left out.", clause: null });
    expect(Object.keys(rulesFor(plan.findings)).sort()).toEqual([...new Set(plan.findings.map((f) => f.code))].sort());
  });
});
