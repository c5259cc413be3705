import { describe, expect, it } from "vitest";
import { ND30_CLAUSES, RULES } from "../../src/index.ts";

describe("ND30_CLAUSES", () => {
  it("names only rules that exist, each with a Vietnamese and an English citation", () => {
    const codes = new Set<string>(RULES.map((r) => r.code));
    for (const [code, clause] of Object.entries(ND30_CLAUSES)) {
      expect(codes.has(code), code).toBe(true);
      expect(clause?.vi).toMatch(/Điều|Phụ lục/);
      expect(clause?.en).toMatch(/Art\.|Appendix/);
    }
  });

  it("covers every rule about a component the decree requires", () => {
    for (const code of ["missing-number", "missing-date", "missing-issuer", "missing-signature", "missing-recipients", "date-padding", "number-padding"] as const) {
      expect(ND30_CLAUSES[code], code).toBeDefined();
    }
  });
});
