import { z } from "zod";
import { PlanSchema } from "./plan.ts";

/** The JSON Schema (draft 2020-12) of a Plan's JSON form, for systems that do not use zod. */
export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PlanSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}
