import { z } from "zod";
import { SpanSchema } from "./span.ts";

/**
 * The part an agency plays in a task: `chủ trì` (leads), `phối hợp` (works with the lead),
 * `thực hiện` (carries it out), `chỉ đạo` (directs), `theo dõi` (monitors).
 */
export const AssignmentRoleSchema = z.enum(["chủ trì", "phối hợp", "thực hiện", "chỉ đạo", "theo dõi"]);
export type AssignmentRole = z.infer<typeof AssignmentRoleSchema>;

/**
 * A task given to an agency: `Sở Thông tin và Truyền thông chủ trì, phối hợp với Bưu điện tỉnh …` yields
 * `{agency: "Sở Thông tin và Truyền thông", role: "chủ trì"}` and `{agency: "Bưu điện tỉnh", role: "phối hợp"}`.
 */
export const AssignmentSchema = z.object({
  /** The agency as named in the plan. */
  agency: z.string(),
  role: AssignmentRoleSchema,
  /** Label path of the section the task is in, e.g. `III.1`, or null outside sections. */
  section: z.string().nullable(),
  /** Where the agency is named. */
  span: SpanSchema,
});
export type Assignment = z.infer<typeof AssignmentSchema>;
