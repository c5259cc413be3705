import type { Span } from "@kehoach/model";

/** A field's box on a rendered page, in CSS pixels from the page's top-left corner. */
export interface PageBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * PDF user space (x0,y0 bottom-left, x1,y1 top-right; the page `height` tall, `scale` CSS px per unit)
 * → CSS pixels from the top-left: y is flipped. The page is assumed unrotated with its origin at 0,0
 * (pdf.js viewports handle the general case; this is its unrotated form, and testable without pdf.js).
 */
export function toPageBox(bbox: NonNullable<Span["bbox"]>, pageHeight: number, scale: number): PageBox {
  const left = Math.min(bbox.x0, bbox.x1) * scale;
  const right = Math.max(bbox.x0, bbox.x1) * scale;
  const top = (pageHeight - Math.max(bbox.y0, bbox.y1)) * scale;
  const bottom = (pageHeight - Math.min(bbox.y0, bbox.y1)) * scale;
  return { left, top, width: right - left, height: bottom - top };
}

/** Pages a set of spans lies on, ascending: where the page view goes for a finding or a field. */
export function pagesOf(spans: readonly (Span | null | undefined)[]): number[] {
  return [...new Set(spans.flatMap((s) => (s?.page ? [s.page] : [])))].sort((a, b) => a - b);
}
