/**
 * A scanned decision's summary mended from its first article, which restates it (vi/layout.ts:
 * `Về việc ban hành Kế hoạch X` / `Điều 1. Ban hành kèm theo Quyết định này Kế hoạch X.`). On a scan
 * the summary sits where the received-stamp is put and is read with its errors (`Về việt`,
 * `khúng bố và,`); the article is body text. When the two say the same up to OCR noise and the
 * article was read surer, the summary takes the article's words, and an info finding says so; its
 * span stays on the summary's place.
 */
import type { AttachedDocument, Source } from "@kehoach/model";
import { ISSUING_SUMMARY_STARTS, issuedByArticle } from "../vi/layout.ts";
import type { BuildContext } from "./context.ts";

/** Readings further apart than this share of their length are not one text misread. */
const SAME_TEXT_SHARE = 0.15;
/** Longer summaries are not compared (the distance is quadratic). */
const MAX_CHARS = 2000;

export function mendTitleFromArticle(ctx: BuildContext, source: Source, document: AttachedDocument): void {
  if ((source.format !== "scan" && source.format !== "image") || document.kind !== "quyet-dinh") return;
  const title = document.title;
  const titleSpan = document.titleSpan;
  const article = document.sections.find((s) => s.style === "article" && s.label === "1");
  const issued = article?.heading === undefined || article.heading === null ? null : issuedByArticle(article.heading);
  if (title === null || titleSpan === null || article === undefined || issued === null || title.length > MAX_CHARS) return;
  // Read surer than the summary, or the summary stays as read.
  if ((article.span.confidence ?? 0) <= (titleSpan.confidence ?? 100)) return;
  const candidates = ISSUING_SUMMARY_STARTS.map((start) => `${start} ${issued}`);
  const best = candidates
    .map((text) => ({ text, distance: levenshtein(fold(title), fold(text)) }))
    .sort((a, b) => a.distance - b.distance)[0];
  if (best === undefined || best.text === title || best.distance > SAME_TEXT_SHARE * best.text.length) return;
  document.title = best.text;
  ctx.report({
    code: "title-from-article",
    severity: "info",
    message: `Trích yếu trên bản quét đọc có lỗi (“${title}”); lấy theo Điều 1, nơi cùng nội dung được đọc rõ hơn.`,
    messageEn: `The summary was misread on the scan (“${title}”); its words are taken from Article 1, which restates it and was read surer.`,
    span: titleSpan,
    related: [article.span],
  });
}

/** Compared without marks, case or punctuation: OCR noise on one side only. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/gu, "d").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min((prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1), (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}
