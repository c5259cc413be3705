import { stringify } from "yaml";
import type { Plan } from "@kehoach/model";
import { HASH_FIELD, UsageError } from "../batch/index.ts";

export const PLAN_FORMATS = ["summary", "json", "jsonl", "yaml", "md", "akn"] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** File ending of an output under --out for each format (summary and jsonl write JSON files there). */
export const EXTENSION: Record<PlanFormat, string> = { summary: ".json", json: ".json", jsonl: ".json", yaml: ".yaml", md: ".md", akn: ".akn.xml" };

/** A record naming its input: `{ input, inputSha256?, ...plan }`. */
export function record(input: string, plan: Plan, sha256?: string): Record<string, unknown> {
  return { input, ...(sha256 ? { [HASH_FIELD]: sha256 } : {}), ...plan };
}

/** The text of one plan in a document format (json, yaml, md, akn); `stampWith` records the input for --resume. */
export function renderPlan(format: Exclude<PlanFormat, "summary" | "jsonl">, plan: Plan, stampWith?: { input: string; sha256: string }): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(stampWith ? record(stampWith.input, plan, stampWith.sha256) : plan, null, 2)}\n`;
    case "yaml":
      return stringify(stampWith ? record(stampWith.input, plan, stampWith.sha256) : plan, { lineWidth: 0 });
    case "md":
    case "akn":
      throw new UsageError(
        `Định dạng ${format} chưa có trong bản này. / The ${format} format is not available in this build yet.`,
      );
  }
}
