import { describe, expect, it } from "vitest";
import * as model from "@kehoach/model";

describe("@kehoach/model public API", () => {
  it("exports the schemas and the JSON Schema builder", () => {
    expect(Object.keys(model).sort()).toEqual(
      expect.arrayContaining(["PlanSchema", "SectionSchema", "SpanSchema", "FindingSchema", "MoneySchema", "QuantitySchema", "planJsonSchema"]),
    );
  });
  it("publishes a JSON Schema whose Plan keeps the contract's field names", () => {
    const schema = model.planJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    for (const field of ["source", "title", "kind", "issuer", "number", "place", "date", "legalBases", "sections", "budget", "quantities", "recipients", "signature", "footnotes", "supersedes", "findings"]) {
      expect(schema.required).toContain(field);
    }
  });
  it("rejects a span whose offset is negative", () => {
    expect(model.SpanSchema.safeParse({ start: { offset: -1, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } }).success).toBe(false);
  });
});
