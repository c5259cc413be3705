import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FINDING_CODES } from "@kehoach/model";
import { RULES } from "@kehoach/parser";
import { codesTable } from "../../../scripts/codes-table.ts";

const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");

describe("README table of finding codes", () => {
  it("is the one generated from FINDING_CODES and RULES (regenerate with `pnpm rules-table`)", () => {
    expect(readme).toContain(codesTable());
  });

  it("every rule's code is a documented check code", () => {
    for (const rule of RULES) expect(FINDING_CODES[rule.code].source, rule.code).toBe("check");
  });
});
