import type { Plan } from "@kehoach/model";
import type { RuleInfo } from "../logic/rules.ts";

/** Page → worker. `bytes` for files, `text` for pasted or edited text. */
export interface ParseRequest {
  id: number;
  bytes?: ArrayBuffer;
  text?: string;
  /** For text: Markdown or not; decided from its syntax when absent (pasted text). */
  markdown?: boolean;
  lang: "vi" | "en";
  /** Absolute URL of the engines' asset folder on this site (pdf.js, tesseract.js): `parse(bytes, { assets })`. */
  assets: string;
}

export type WorkerReply =
  | { id: number; type: "progress"; page: number; pages: number; status: string; progress: number }
  | { id: number; type: "result"; plan: Plan; ms: number; docxHtml: string | null; rules: Record<string, RuleInfo> }
  | { id: number; type: "error"; code: string; message: string };
