import { PlanSchema, SectionSchema, type Plan } from "@kehoach/model";
import type { ZodError } from "zod";

/**
 * `PlanSchema.safeParse(plan)`'s verdict without a copy of the whole Plan alive at once: zod builds a
 * copy of what it checks (and keeps the last one). The sections, most of a long plan, are checked one
 * top-level section at a time, the rest of the Plan with none; only when something fails is the whole
 * Plan checked again, for the error zod gives it.
 */
export function planError(plan: Plan): ZodError | null {
  const valid = PlanSchema.safeParse({ ...plan, sections: [] }).success && plan.sections.every((section) => SectionSchema.safeParse(section).success);
  if (valid) return null;
  const checked = PlanSchema.safeParse(plan);
  return checked.success ? null : checked.error;
}
