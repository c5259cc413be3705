import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cstTypesSource } from "../../src/grammar/cst-source.ts";

describe("generated CST types", () => {
  it("src/grammar/cst.ts is what the grammar generates (regenerate with `pnpm cst-types`)", () => {
    expect(readFileSync(new URL("../../src/grammar/cst.ts", import.meta.url), "utf8")).toBe(cstTypesSource());
  });
});
