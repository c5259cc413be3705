import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { Button, Group, SegmentedControl, Text } from "@mantine/core";
import type { Plan, Span } from "@kehoach/model";
import { markAt, segment, type Mark, type Range } from "../logic/spans.ts";
import { kindName, t, type Lang } from "../logic/i18n.ts";
import type { TreeNode } from "../logic/tree.ts";
// pdf.js is loaded only when a PDF's page is shown.
const PdfPageView = lazy(() => import("./PdfPageView.tsx").then((m) => ({ default: m.PdfPageView })));

interface Props {
  lang: Lang;
  plan: Plan;
  /** The text in the editor: the plan's text, or what the reviewer typed since. */
  draft: string;
  marks: Mark[];
  nodes: Map<string, TreeNode>;
  active: Range[];
  /** The same, as spans (with page and box), for the PDF page view. */
  activeSpans: Span[];
  /** Changes each time the reviewer points at something, so the same range scrolls again. */
  focusKey: number;
  docxHtml: string | null;
  pdfBytes: ArrayBuffer | null;
  onEdit: (text: string) => void;
  onPickNode: (id: string) => void;
}

type View = "text" | "docx" | "page";

/** The normalised text with every extracted field marked; the Word rendering or the PDF page beside it. */
export function SourcePane({ lang, plan, draft, marks, nodes, active, activeSpans, focusKey, docxHtml, pdfBytes, onEdit, onPickNode }: Props) {
  const [editing, setEditing] = useState(false);
  const [view, setView] = useState<View>("text");
  const [hover, setHover] = useState<Mark | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const text = plan.source.text;
  const segments = useMemo(() => segment(text.length, marks, active), [text, marks, active]);

  useEffect(() => {
    if (view !== "text" || editing) return;
    // The finding's own span first; its related span only when it has none.
    const target = box.current?.querySelector(".src-active-0") ?? box.current?.querySelector(".src-active-1");
    target?.scrollIntoView({ block: "center", behavior: "instant" });
  }, [focusKey, view, editing]);

  const views: Array<{ value: View; label: string }> = [{ value: "text", label: t(lang, "sourceText") }];
  if (docxHtml) views.push({ value: "docx", label: t(lang, "sourceDocx") });
  if (pdfBytes) views.push({ value: "page", label: t(lang, "sourcePage") });
  const current = views.some((v) => v.value === view) ? view : "text";

  const fieldOf = (m: Mark | null) => {
    if (!m) return "";
    const n = nodes.get(m.nodeId);
    return `${kindName(lang, m.kind)}${n ? `: ${n.text}` : ""}`;
  };

  return (
    <div className="pane source-pane" data-testid="source-pane">
      <Group justify="space-between" className="pane-head" wrap="nowrap">
        <Text fw={700}>{t(lang, "source")}</Text>
        <Group gap="xs" wrap="nowrap">
          {views.length > 1 && <SegmentedControl size="xs" value={current} onChange={(v) => setView(v as View)} data={views} />}
          {current === "text" && (
            <Button size="xs" variant={editing ? "filled" : "default"} onClick={() => setEditing(!editing)} data-testid="edit-toggle">
              {editing ? t(lang, "editDone") : t(lang, "edit")}
            </Button>
          )}
        </Group>
      </Group>
      <div className="hover-line" data-testid="hover-field" aria-live="polite">
        {hover ? `${t(lang, "field")} — ${fieldOf(hover)}` : <span className="hint">{t(lang, "hoverHint")}</span>}
      </div>
      {current === "text" && editing && (
        <textarea className="src-editor" data-testid="source-editor" value={draft} spellCheck={false} onChange={(e) => onEdit(e.target.value)} />
      )}
      {current === "text" && !editing && (
        <div
          className="src-text"
          ref={box}
          data-testid="source-text"
          onMouseOver={(e) => {
            const el = (e.target as HTMLElement).closest<HTMLElement>("[data-start]");
            setHover(el ? markAt(marks, Number(el.dataset.start)) : null);
          }}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => {
            const el = (e.target as HTMLElement).closest<HTMLElement>("[data-start]");
            const m = el ? markAt(marks, Number(el.dataset.start)) : null;
            if (m) onPickNode(m.nodeId);
          }}
        >
          {segments.map((s) => {
            const piece = text.slice(s.start, s.end);
            const inner = s.marks.length > 0 ? marks[s.marks[s.marks.length - 1]!]! : null;
            if (!inner && s.active < 0) return piece;
            const cls = [inner ? `mk mk-${inner.kind}` : "", s.active >= 0 ? `src-active-${Math.min(s.active, 1)}` : ""].join(" ");
            return (
              <span key={s.start} className={cls} data-start={s.start} title={inner ? fieldOf(inner) : undefined}>
                {piece}
              </span>
            );
          })}
        </div>
      )}
      {current === "docx" && docxHtml && <div className="docx-view" data-testid="docx-view" dangerouslySetInnerHTML={{ __html: docxHtml }} />}
      {current === "page" && pdfBytes && <Suspense fallback={null}><PdfPageView bytes={pdfBytes} lang={lang} marks={marks} nodes={nodes} activeSpans={activeSpans} onPickNode={onPickNode} /></Suspense>}
    </div>
  );
}
