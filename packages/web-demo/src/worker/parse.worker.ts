/// <reference lib="webworker" />
// Parsing runs here so the page never freezes; the page cancels by terminating this worker.
import { isKehoachInputError, parse, parseText } from "@kehoach/parser";
import type { ParseRequest, WorkerReply } from "./protocol.ts";
import { docxToHtml } from "./docx-html.ts";
import { rulesFor } from "../logic/rules.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: WorkerReply) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { id, bytes, text, markdown, lang, assets } = event.data;
  const started = performance.now();
  try {
    const checks = { language: lang };
    let plan;
    let docxHtml: string | null = null;
    if (text !== undefined) {
      plan = parseText(text, markdown === undefined ? { checks } : { checks, markdown });
    } else {
      const data = new Uint8Array(bytes ?? new ArrayBuffer(0));
      const options = {
        checks,
        assets,
        onProgress: (p: { page: number; pages: number; status: string; progress: number }) =>
          reply({ id, type: "progress", page: p.page, pages: p.pages, status: p.status, progress: p.progress }),
      };
      plan = await parse(data, options);
      if (plan.source.format === "docx") docxHtml = await docxToHtml(data);
    }
    reply({ id, type: "result", plan, ms: performance.now() - started, docxHtml, rules: rulesFor(plan.findings) });
  } catch (error) {
    const code = isKehoachInputError(error) ? error.code : "internal";
    reply({ id, type: "error", code, message: error instanceof Error ? error.message : String(error) });
  }
};
