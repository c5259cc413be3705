import type { Plan } from "@kehoach/model";
import type { WorkerReply } from "./protocol.ts";
import type { RuleInfo } from "../logic/rules.ts";

export interface Progress {
  page: number;
  pages: number;
  progress: number;
}

export interface ParseOutcome {
  plan: Plan;
  ms: number;
  docxHtml: string | null;
  rules: Record<string, RuleInfo>;
}

/** The engines' files, served by this site next to index.html (see vite.config.ts). */
export const ASSETS_URL = () => new URL("kehoach-assets/", document.baseURI).href;

export class ParseFailed extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * One parsing worker. `cancel()` terminates it (the only way to stop pdf.js or tesseract mid-page)
 * and the next request starts a fresh one; a cancelled request rejects with code `cancelled`.
 */
export class ParserClient {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, { resolve: (o: ParseOutcome) => void; reject: (e: ParseFailed) => void; onProgress: ((p: Progress) => void) | undefined }>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./parse.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
      const entry = this.pending.get(message.id);
      if (!entry) return;
      if (message.type === "progress") entry.onProgress?.(message);
      else {
        this.pending.delete(message.id);
        if (message.type === "result") entry.resolve({ plan: message.plan, ms: message.ms, docxHtml: message.docxHtml, rules: message.rules });
        else entry.reject(new ParseFailed(message.code, message.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new ParseFailed("engine-unavailable", event.message || "worker failed"));
    };
    this.worker = worker;
    return worker;
  }

  parse(input: { bytes: ArrayBuffer } | { text: string; markdown?: boolean }, lang: "vi" | "en", onProgress?: (p: Progress) => void): Promise<ParseOutcome> {
    const id = this.next++;
    const assets = ASSETS_URL();
    const worker = this.ensure();
    return new Promise<ParseOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      if ("bytes" in input) worker.postMessage({ id, bytes: input.bytes, lang, assets }, [input.bytes]);
      else worker.postMessage({ id, text: input.text, ...(input.markdown !== undefined ? { markdown: input.markdown } : {}), lang, assets });
    });
  }

  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.fail(new ParseFailed("cancelled", "cancelled"));
  }

  private fail(error: ParseFailed): void {
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }
}
