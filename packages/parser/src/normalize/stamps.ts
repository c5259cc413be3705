import { STAMP_ANCHOR, STAMP_FIELD } from "../vi/layout.ts";

/**
 * E-signature stamps in text that came without positions (plain text, a PDF's text copied out): a run of
 * two or more stamp lines (STAMP_FIELD), one of them naming the signer or the time. The PDF adapter finds
 * stamps by where they sit on the page; here only their wording tells them from the header they often
 * precede. Ranges index `text`, without the run's final newline.
 */
export function stampRuns(text: string, end = text.length): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let runStart = -1;
  let runEnd = -1;
  let lines = 0;
  let anchored = false;
  const close = () => {
    if (lines >= 2 && anchored) runs.push({ start: runStart, end: runEnd });
    runStart = -1;
    lines = 0;
    anchored = false;
  };
  let at = 0;
  while (at < end) {
    const next = text.indexOf("\n", at);
    const lineEnd = next === -1 || next > end ? end : next;
    const line = text.slice(at, lineEnd);
    if (STAMP_FIELD.test(line)) {
      if (runStart < 0) runStart = at;
      runEnd = lineEnd;
      lines++;
      anchored ||= STAMP_ANCHOR.test(line);
    } else {
      close();
    }
    at = lineEnd + 1;
  }
  close();
  return runs;
}
