import { stringify } from "yaml";
import type { Plan } from "@kehoach/model";
import { renderAkn, renderMarkdown } from "@kehoach/parser";
import { HASH_FIELD, stamp } from "../batch/index.ts";

export const PLAN_FORMATS = ["summary", "json", "jsonl", "yaml", "md", "akn"] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** File ending of an output under --out for each format (summary and jsonl write JSON files there). */
export const EXTENSION: Record<PlanFormat, string> = { summary: ".json", json: ".json", jsonl: ".json", yaml: ".yaml", md: ".md", akn: ".akn.xml" };

/** The text of one plan in a document format (json, yaml, md, akn); `stampWith` records the input for --resume. */
export function renderPlan(format: Exclude<PlanFormat, "summary" | "jsonl">, plan: Plan, stampWith?: { input: string; sha256: string }): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(stampWith ? stamp(stampWith.input, plan, stampWith.sha256) : plan, null, 2)}\n`;
    case "yaml":
      return toYaml(stampWith ? stamp(stampWith.input, plan, stampWith.sha256) : plan);
    case "md":
      // Under --out the file records its input in a comment (Markdown renderers do not show it), for --resume.
      return `${stampWith ? `${stampComment(stampWith)}\n\n` : ""}${renderMarkdown(plan)}`;
    case "akn": {
      const xml = renderAkn(plan);
      if (!stampWith) return xml;
      // After the XML declaration, which must come first.
      const end = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
      return `${xml.slice(0, end)}\n${stampComment(stampWith)}${xml.slice(end)}`;
    }
  }
}

/** The input and its hash as a comment both Markdown and XML allow (no `--` inside). */
function stampComment(stampWith: { input: string; sha256: string }): string {
  return `<!-- kehoach input: ${stampWith.input.replaceAll("--", "%2D%2D")} ${HASH_FIELD}: ${stampWith.sha256} -->`;
}

/** YAML as the CLI writes it: no folding of long lines (Vietnamese paragraphs stay whole). */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}
