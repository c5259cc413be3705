import type { Page } from "playwright-core";

/** The page's globals this helper touches, typed here: it is also compiled without the DOM library (bench/). */
interface PageGlobals {
  document: { querySelector(selector: string): unknown };
  HTMLTextAreaElement: { prototype: object };
  Event: new (type: string, init: { bubbles: boolean }) => object;
  requestAnimationFrame(callback: () => void): void;
  __kehoach: { rendered: number };
}

/**
 * Replaces the editor's text as one keystroke would (native setter + `input` event, so React sees it)
 * and resolves with the milliseconds until the findings pane no longer lists `goneCode`
 * — or, with `goneCode` null, until the next plan has been rendered. The editor's debounce is included:
 * this is what a reviewer waits after the last keystroke.
 */
export async function editAndTime(page: Page, text: string, goneCode: string | null, timeoutMs = 20_000): Promise<number> {
  return page.evaluate(
    async ({ text, goneCode, timeoutMs }) => {
      const g = globalThis as unknown as PageGlobals;
      const editor = g.document.querySelector("[data-testid=source-editor]") as { dispatchEvent(event: object): void } | null;
      if (!editor) throw new Error("editor not open");
      const stats = g.__kehoach;
      const before = stats.rendered;
      const setter = Object.getOwnPropertyDescriptor(g.HTMLTextAreaElement.prototype, "value")!.set!;
      const started = performance.now();
      setter.call(editor, text);
      editor.dispatchEvent(new g.Event("input", { bubbles: true }));
      const done = () => stats.rendered > before && (goneCode === null || !g.document.querySelector(`[data-code="${goneCode}"]`));
      while (!done()) {
        if (performance.now() - started > timeoutMs) throw new Error("findings did not update");
        await new Promise<void>((resolve) => g.requestAnimationFrame(resolve));
      }
      return performance.now() - started;
    },
    { text, goneCode, timeoutMs },
  );
}
