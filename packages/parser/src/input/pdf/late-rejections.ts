/**
 * pdf.js's legacy build runs its "worker" in this thread, and on a damaged file some of the requests
 * it starts for itself (nobody awaits them) reject after the document was already reported as
 * unreadable — "XRefEntryException: Bad (uncompressed) XRef entry", found by `pnpm fuzz`. In Node an
 * unhandled rejection ends the process, so one bad upload would take a server down. While pdf.js is
 * reading (and for a grace period after) a listener drops the rejections that come from pdf.js and
 * leaves every other one as Node would: thrown, unless the application listens for them itself.
 */

/** Exception classes of pdf.js (its BaseException subclasses name themselves). */
const PDFJS_ERRORS = new Set([
  "XRefEntryException", "XRefParseException", "FormatError", "InvalidPDFException", "MissingDataException",
  "ParserEOFException", "PasswordException", "UnknownErrorException", "AbortException", "ResponseException",
]);
/** How long after the last reader closes pdf.js's stray requests may still settle. */
const GRACE_MS = 10_000;

let holders = 0;
let installed = false;
let timer: ReturnType<typeof setTimeout> | undefined;

export function isPdfJsError(reason: unknown): boolean {
  return reason instanceof Error && (PDFJS_ERRORS.has(reason.name) || /pdf\.worker\.m?js/.test(reason.stack ?? ""));
}

function onUnhandledRejection(reason: unknown): void {
  if (isPdfJsError(reason)) return;
  // Someone else listens: the application decides. Otherwise do what Node does without listeners.
  if (process.listenerCount("unhandledRejection") > 1) return;
  throw reason;
}

function uninstall(): void {
  timer = undefined;
  if (holders > 0 || !installed) return;
  process.off("unhandledRejection", onUnhandledRejection);
  installed = false;
}

/** Call before handing bytes to pdf.js; call the returned function once done with the document. */
export function holdPdfJsRejections(): () => void {
  if (typeof process === "undefined" || typeof process.on !== "function") return () => undefined;
  holders++;
  if (timer !== undefined) {
    clearTimeout(timer);
    timer = undefined;
  }
  if (!installed) {
    process.on("unhandledRejection", onUnhandledRejection);
    installed = true;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) {
      timer = setTimeout(uninstall, GRACE_MS);
      // Waiting to uninstall must not keep a CLI alive.
      timer.unref?.();
    }
  };
}
