import { useEffect, useMemo, useRef, useState } from "react";
import { Group, Pagination, Text } from "@mantine/core";
import * as pdfjs from "pdfjs-dist";
import type { Span } from "@kehoach/model";
import type { Mark, Range } from "../logic/spans.ts";
import { pagesOf, toPageBox, type PageBox } from "../logic/page-boxes.ts";
import { kindName, t, type Lang } from "../logic/i18n.ts";
import type { TreeNode } from "../logic/tree.ts";

// pdf.js's files are the parser's asset folder on this site (ASSET_PATHS in @kehoach/parser's
// platform/assets.ts, served by kehoachAssets()): the same worker, fonts and cmaps the parser uses.
const asset = (path: string) => new URL(`kehoach-assets/pdfjs/${path}`, document.baseURI).href;
pdfjs.GlobalWorkerOptions.workerSrc = asset("pdf.worker.mjs");

interface Props {
  bytes: ArrayBuffer;
  lang: Lang;
  marks: Mark[];
  nodes: Map<string, TreeNode>;
  /** The spans pointed at (open finding, selected node): the view turns to their page. */
  activeSpans: Span[];
  onPickNode: (id: string) => void;
}

/** The PDF page as printed, with a box over every field read from it. */
export function PdfPageView({ bytes, lang, marks, nodes, activeSpans, onPickNode }: Props) {
  const [doc, setDoc] = useState<pdfjs.PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [size, setSize] = useState<{ width: number; height: number; pageHeight: number; scale: number } | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const task = pdfjs.getDocument({
      data: new Uint8Array(bytes.slice(0)),
      standardFontDataUrl: asset("standard_fonts/"),
      cMapUrl: asset("cmaps/"),
      wasmUrl: asset("wasm/"),
    });
    let live = true;
    task.promise.then((d) => live && setDoc(d)).catch(() => undefined);
    return () => {
      live = false;
      void task.destroy();
    };
  }, [bytes]);

  const target = pagesOf(activeSpans.slice(0, 1))[0] ?? pagesOf(activeSpans)[0];
  useEffect(() => {
    if (target) setPage(target);
  }, [target, activeSpans]);

  useEffect(() => {
    if (!doc || !canvas.current || !holder.current) return;
    let cancelled = false;
    let render: pdfjs.RenderTask | null = null;
    void doc.getPage(Math.min(page, doc.numPages)).then((p) => {
      if (cancelled || !canvas.current || !holder.current) return;
      const unscaled = p.getViewport({ scale: 1 });
      const scale = Math.max(0.3, (holder.current.clientWidth - 8) / unscaled.width);
      const viewport = p.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.current.width = Math.floor(viewport.width * ratio);
      canvas.current.height = Math.floor(viewport.height * ratio);
      canvas.current.style.width = `${viewport.width}px`;
      canvas.current.style.height = `${viewport.height}px`;
      render = p.render({ canvas: canvas.current, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      render.promise.catch(() => undefined);
      setSize({ width: viewport.width, height: viewport.height, pageHeight: unscaled.height, scale });
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, page]);

  const activeKeys = useMemo(() => new Set(activeSpans.map((s) => `${s.start.offset}:${s.end.offset}`)), [activeSpans]);
  const boxes = useMemo(() => {
    if (!size) return [];
    const out: Array<{ key: string; box: PageBox; mark: Mark | null; active: boolean }> = [];
    for (const m of marks) {
      const n = nodes.get(m.nodeId);
      if (n?.span?.page === page && n.span.bbox && n.kind !== "signature") out.push({ key: m.nodeId, box: toPageBox(n.span.bbox, size.pageHeight, size.scale), mark: m, active: false });
    }
    activeSpans.forEach((s, i) => {
      if (s.page === page && s.bbox) out.push({ key: `active-${i}-${activeKeys.size}`, box: toPageBox(s.bbox, size.pageHeight, size.scale), mark: null, active: true });
    });
    return out;
  }, [marks, nodes, page, size, activeSpans, activeKeys]);

  return (
    <div className="page-view" data-testid="page-view">
      {doc && doc.numPages > 1 && (
        <Group justify="center" py={4}>
          <Pagination size="sm" total={doc.numPages} value={page} onChange={setPage} />
        </Group>
      )}
      <div className="page-holder" ref={holder}>
        <div className="page-stage" style={size ? { width: size.width, height: size.height } : undefined}>
          <canvas ref={canvas} />
          {boxes.map(({ key, box, mark, active }) => (
            <div
              key={key}
              className={active ? "page-box active" : `page-box pb-${mark!.kind}`}
              style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
              title={mark ? `${kindName(lang, mark.kind)}: ${nodes.get(mark.nodeId)?.text ?? ""}` : undefined}
              onClick={mark ? () => onPickNode(mark.nodeId) : undefined}
            />
          ))}
        </div>
      </div>
      {!doc && <Text c="dimmed" p="sm">{t(lang, "parsing")}</Text>}
    </div>
  );
}
