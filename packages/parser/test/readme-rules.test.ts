import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES } from "@kehoach/parser";

const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");

describe("README rules table", () => {
  it.each(RULES.map((rule) => [rule.code, rule] as const))("documents %s as the code defines it", (_code, rule) => {
    expect(readme).toContain(`| \`${rule.code}\` | ${rule.severity} | ${rule.summary} |`);
  });
});
