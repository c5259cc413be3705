import type { Page } from "playwright-core";

/**
 * Replaces the editor's text as one keystroke would (native setter + `input` event, so React sees it)
 * and resolves with the milliseconds until the findings pane no longer lists `goneCode` at `goneLine`
 * — or, with `goneCode` null, until the next plan has been rendered. The editor's debounce is included:
 * this is what a reviewer waits after the last keystroke.
 */
export async function editAndTime(page: Page, text: string, goneCode: string | null, timeoutMs = 20_000): Promise<number> {
  return page.evaluate(
    async ({ text, goneCode, timeoutMs }) => {
      const editor = document.querySelector<HTMLTextAreaElement>("[data-testid=source-editor]");
      if (!editor) throw new Error("editor not open");
      const stats = window.__kehoach!;
      const before = stats.rendered;
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
      const started = performance.now();
      setter.call(editor, text);
      editor.dispatchEvent(new Event("input", { bubbles: true }));
      const done = () =>
        stats.rendered > before && (goneCode === null || !document.querySelector(`[data-code="${goneCode}"]`));
      while (!done()) {
        if (performance.now() - started > timeoutMs) throw new Error("findings did not update");
        await new Promise((r) => requestAnimationFrame(r));
      }
      return performance.now() - started;
    },
    { text, goneCode, timeoutMs },
  );
}
