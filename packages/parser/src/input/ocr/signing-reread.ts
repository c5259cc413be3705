/**
 * Pages whose signing block a seal hid from tesseract's page layout (signing.ts finds them): the
 * region rendered again at a higher resolution and read as one block, then the name's band as one
 * line; the name joins the page's lines after the recipients, and a note says what was and was not read.
 */
import type { PlacedDiagnostic } from "../../diagnostics.ts";
import { info } from "./notes.ts";
import type { PagePiece } from "./assemble.ts";
import type { OcrWord, Segmentation } from "./engine.ts";
import { isWellFormedSyllable } from "../../vi/syllables.ts";
import { runJobs, type JobOutcome, type OcrJob, type RunOptions } from "./scheduler.ts";
import { nameBand, signerWords, unreadSigningRegion, type Region } from "./signing.ts";

/** A job that renders a region of a page (shares of the upright page) and reads it with the given segmentation. */
export type Reread = (page: number, region: Region, segmentation: Segmentation) => OcrJob;

/** Read again at this resolution: the seal's strokes thin out against the letters (600: `Nguyễn`; 300–400: `Ngưiễn`, `ÍNguýễn`). */
export const REREAD_DPI = 600;

/** The page's jobs: those whose stored image fills the page upright can be read again by region. */
interface PageJob {
  readonly page: number;
  readonly fillsPage?: boolean;
}

export async function readSigningBlocks(
  pieces: readonly PagePiece[],
  jobs: readonly PageJob[],
  outcomes: readonly JobOutcome[],
  reread: Reread,
  run: RunOptions,
): Promise<{ pieces: PagePiece[]; notes: PlacedDiagnostic[] }> {
  const out = [...pieces];
  const notes: PlacedDiagnostic[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    const job = jobs[i];
    const at = out.findIndex((p) => p.page === job?.page);
    const piece = out[at];
    if (!outcome.ok || job?.fillsPage !== true || piece === undefined) continue;
    const { width, height } = outcome.image;
    const region = unreadSigningRegion(outcome.result.lines, width, height);
    if (region === null) continue;
    const read = await readSigner(job.page, region, reread, run);
    notes.push(read.note);
    if (read.words === null) continue;
    const words = read.words.map((w) => ({ ...w, bbox: { x0: w.bbox.x0 * width, x1: w.bbox.x1 * width, y0: w.bbox.y0 * height, y1: w.bbox.y1 * height } }));
    // The name goes after the recipients' last line (above the region's foot), where a text layer has it.
    const foot = region.y1 * height;
    let after = 0;
    piece.lines.forEach((l, k) => {
      if (Math.min(...l.words.map((w) => w.bbox.y0)) < foot) after = k + 1;
    });
    out[at] = { ...piece, lines: [...piece.lines.slice(0, after), { words }, ...piece.lines.slice(after)] };
  }
  return { pieces: out, notes };
}

/**
 * The signing block under a seal, read again (signing.ts): the region as one block, then the
 * name's band as one line. Words come back with boxes as shares of the page; a note says what was read.
 */
async function readSigner(page: number, region: Region, reread: Reread, run: RunOptions): Promise<{ words: OcrWord[] | null; note: PlacedDiagnostic }> {
  const unread = info(
    "ocr-signing-block-unread",
    `Trang ${page}: không đọc được gì bên phải “Nơi nhận:” (khối chữ ký dưới con dấu, hoặc ở trang khác); đọc lại ở ${REREAD_DPI} dpi cũng không đọc được tên người ký, cần đối chiếu bản gốc. / Page ${page}: nothing was read right of “Nơi nhận:” (a signing block under a seal, or on another page); read again at ${REREAD_DPI} dpi, no signer's name could be read either; check the original.`,
  );
  const [block] = await runJobs([reread(page, region, "block")], run);
  const band = block?.ok === true ? nameBand(block.result.lines, block.image.height) : null;
  if (block?.ok !== true || band === null) return { words: null, note: unread };
  const h = region.y1 - region.y0;
  const strip: Region = { x0: region.x0, x1: region.x1, y0: region.y0 + band.y0 * h, y1: region.y0 + band.y1 * h };
  const [line] = await runJobs([reread(page, strip, "line")], run);
  const words = line?.ok === true ? signerWords(line.result.lines) : null;
  if (line?.ok !== true || words === null) return { words: null, note: unread };
  const inPage = (w: OcrWord, r: Region, image: { width: number; height: number }): OcrWord => ({
    ...w,
    bbox: {
      x0: r.x0 + (w.bbox.x0 / image.width) * (r.x1 - r.x0),
      x1: r.x0 + (w.bbox.x1 / image.width) * (r.x1 - r.x0),
      y0: r.y0 + (w.bbox.y0 / image.height) * (r.y1 - r.y0),
      y1: r.y0 + (w.bbox.y1 / image.height) * (r.y1 - r.y0),
    },
  });
  // Two readings of the name: each word from the one that read it surer (the block's `Thắng` 97 % over the line's `Thăng` 87 %).
  const blockWords = block.result.lines.flatMap((l) => l.words).map((w) => inPage(w, region, block.image));
  const named = surerReading(words.map((w) => inPage(w, strip, line.image)), blockWords);
  const name = named.map((w) => w.text).join(" ");
  return {
    words: named,
    note: info(
      "ocr-signing-block-reread",
      `Trang ${page}: khối chữ ký không đọc được khi đọc cả trang (có thể do con dấu đè lên); đọc lại vùng này ở ${REREAD_DPI} dpi chỉ đọc được tên người ký “${name}”, không đọc được thẩm quyền và chức vụ. / Page ${page}: the signing block was not read with the page (a seal over it, probably); read again at ${REREAD_DPI} dpi, only the signer's name “${name}” could be read, not the authority and position.`,
    ),
  };
}

/** Each word of `words`, or the word of `other` at its place when that one is a syllable read surer. */
function surerReading(words: readonly OcrWord[], other: readonly OcrWord[]): OcrWord[] {
  return words.map((w) => {
    const overlap = (o: OcrWord) => Math.min(w.bbox.x1, o.bbox.x1) - Math.max(w.bbox.x0, o.bbox.x0);
    const same = other.find((o) => overlap(o) > 0.5 * Math.min(w.bbox.x1 - w.bbox.x0, o.bbox.x1 - o.bbox.x0) && o.bbox.y0 < w.bbox.y1 && o.bbox.y1 > w.bbox.y0);
    return same !== undefined && same.confidence > w.confidence && isWellFormedSyllable(same.text) ? { ...w, text: same.text, confidence: same.confidence } : w;
  });
}
