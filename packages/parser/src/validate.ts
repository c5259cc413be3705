import { PlanSchema, type Plan } from "@kehoach/model";
import { ZodArray, type ZodError, type ZodType } from "zod";

/** The Plan's list fields (sections, paragraphs, citations, assignments…) with the schema of one item. */
const LIST_FIELDS: readonly (readonly [keyof Plan, ZodType])[] = Object.entries(PlanSchema.shape).flatMap(([key, schema]) =>
  schema instanceof ZodArray ? [[key as keyof Plan, schema.element as ZodType] as const] : [],
);

/**
 * `PlanSchema.safeParse(plan)`'s verdict without a copy of the whole Plan alive at once: zod builds a
 * copy of what it checks, and a copy that lives through the whole check outlives the young generation,
 * so V8 grows it and tenures the copy (most of a long plan's peak memory). Each item of each list is
 * checked alone, the rest of the Plan with its lists empty; only when something fails is the whole Plan
 * checked again, for the error zod gives it.
 */
export function planError(plan: Plan): ZodError | null {
  const shell: Record<string, unknown> = { ...plan };
  for (const [key] of LIST_FIELDS) shell[key] = [];
  const valid =
    PlanSchema.safeParse(shell).success &&
    LIST_FIELDS.every(([key, item]) => (plan[key] as unknown[]).every((value) => item.safeParse(value).success));
  if (valid) return null;
  const checked = PlanSchema.safeParse(plan);
  return checked.success ? null : checked.error;
}
