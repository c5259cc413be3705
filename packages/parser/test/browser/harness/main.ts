/**
 * The page browser.test.ts drives: `@kehoach/parser` exactly as an app bundles it, with the asset
 * folder the `kehoachAssets` plugin serves beside the page. Answers with the Plan's JSON or the error.
 */
import { isKehoachInputError, parse } from "@kehoach/parser";

interface Page {
  baseURI: string;
  body: { dataset: Record<string, string> };
}
const page = (globalThis as unknown as { document: Page }).document;

async function parseBase64(base64: string, folder = "kehoach-assets/"): Promise<string> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  try {
    return JSON.stringify(await parse(bytes, { assets: new URL(folder, page.baseURI) }));
  } catch (error) {
    return JSON.stringify({ error: isKehoachInputError(error) ? error.code : String(error) });
  }
}

Object.assign(globalThis, { kehoach: { parseBase64 } });
page.body.dataset["ready"] = "true";
