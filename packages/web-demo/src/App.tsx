import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Alert, Button, Group, Modal, Progress, Select, Text, Textarea } from "@mantine/core";
import type { Plan, Span } from "@kehoach/model";
import { ParserClient, ParseFailed, type Progress as ParseProgress } from "./worker/client.ts";
import { planTree, flattenTree, type TreeNode } from "./logic/tree.ts";
import { findingSpans, findingsOnNode, marksOf, spanRange } from "./logic/spans.ts";
import { navigationOrder, stepFinding } from "./logic/findings.ts";
import type { RuleInfo } from "./logic/rules.ts";
import { comparePlans, type Change } from "./logic/diff.ts";
import { findingsCsv } from "./logic/csv.ts";
import { formatHash, parseHash } from "./logic/hash.ts";
import { t, type Lang } from "./logic/i18n.ts";
import { SAMPLES, sampleUrl } from "./samples.ts";
import { SourcePane } from "./components/SourcePane.tsx";
import { StructurePane } from "./components/StructurePane.tsx";
import { FindingsPane } from "./components/FindingsPane.tsx";
import { ChangesList } from "./components/ChangesList.tsx";
import { FilePicker } from "./components/FilePicker.tsx";

interface Doc {
  name: string;
  plan: Plan;
  draft: string;
  docxHtml: string | null;
  rules: Record<string, RuleInfo>;
  pdfBytes: ArrayBuffer | null;
  ms: number;
  sample: string | null;
}

const EDIT_DEBOUNCE_MS = 250;

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const baseName = (name: string) => name.replace(/\.[^.]+$/, "");

/** What the e2e test and the browser bench read: parses finished, plans rendered, the last parse's time in the worker. */
declare global {
  interface Window {
    __kehoach?: { parses: number; rendered: number; lastMs: number };
  }
}
const stats = (window.__kehoach = { parses: 0, rendered: 0, lastMs: 0 });

export function App() {
  const initial = useMemo(() => parseHash(location.hash), []);
  const [lang, setLang] = useState<Lang>(initial.lang ?? "vi");
  const [doc, setDoc] = useState<Doc | null>(null);
  const [busy, setBusy] = useState<{ name: string; progress: ParseProgress | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openFinding, setOpenFinding] = useState<number | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [activeSpans, setActive] = useState<Span[]>([]);
  const active = useMemo(() => activeSpans.map(spanRange), [activeSpans]);
  const [focusKey, setFocusKey] = useState(0);
  const [compare, setCompare] = useState<{ name: string; changes: Change[] } | null>(null);
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState("");
  const [dragging, setDragging] = useState(false);
  const client = useRef<ParserClient>(null);
  const editClient = useRef<ParserClient>(null);
  client.current ??= new ParserClient();
  editClient.current ??= new ParserClient();
  const editTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editSeq = useRef(0);
  const pendingFinding = useRef<number | null>(initial.finding);

  const tree = useMemo(() => (doc ? planTree(doc.plan) : []), [doc?.plan]);
  const nodes = useMemo(() => new Map(flattenTree(tree).map((n) => [n.id, n] as const)), [tree]);
  const marks = useMemo(() => marksOf(tree), [tree]);
  const findings = doc?.plan.findings ?? [];
  const order = useMemo(() => navigationOrder(findings), [findings]);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const n of nodes.values()) if (n.kind !== "group" && n.kind !== "signature") {
      const c = findingsOnNode(findings, n).length;
      if (c > 0) map.set(n.id, c);
    }
    return map;
  }, [nodes, findings]);

  const openIndex = useCallback(
    (index: number | null, plan: Plan | undefined = doc?.plan) => {
      setOpenFinding(index);
      setSelected(null);
      const f = index !== null ? plan?.findings[index] : undefined;
      setActive(f ? findingSpans(f) : []);
      setFocusKey((k) => k + 1);
      if (doc?.sample) history.replaceState(null, "", formatHash({ sample: doc.sample, finding: index, lang }));
    },
    [doc, lang],
  );

  const loadSeq = useRef(0);
  const userCancelled = useRef(false);
  const load = useCallback(
    async (name: string, input: { bytes: ArrayBuffer } | { text: string }, sample: string | null) => {
      // A new document replaces whatever is still being read.
      const seq = ++loadSeq.current;
      userCancelled.current = false;
      client.current!.cancel();
      setBusy({ name, progress: null });
      setError(null);
      setCompare(null);
      const pdfBytes = "bytes" in input ? input.bytes.slice(0) : null;
      try {
        const out = await client.current!.parse(input, lang, (progress) => setBusy({ name, progress }));
        const isPdf = out.plan.source.format === "pdf" || out.plan.source.format === "scan";
        stats.parses++;
        stats.lastMs = out.ms;
        setDoc({ name, plan: out.plan, draft: out.plan.source.text, docxHtml: out.docxHtml, rules: out.rules, pdfBytes: isPdf ? pdfBytes : null, ms: out.ms, sample });
        const want = pendingFinding.current;
        pendingFinding.current = null;
        setOpenFinding(want !== null && want < out.plan.findings.length ? want : null);
        setActive(want !== null && out.plan.findings[want] ? findingSpans(out.plan.findings[want]) : []);
        setSelected(null);
        setFocusKey((k) => k + 1);
        history.replaceState(null, "", sample ? formatHash({ sample, finding: want, lang }) : location.pathname + location.search);
      } catch (e) {
        if (seq !== loadSeq.current) return;
        if (e instanceof ParseFailed && e.code === "cancelled") {
          if (userCancelled.current) setError(t(lang, "cancelled"));
        } else setError(e instanceof Error ? e.message : String(e));
      } finally {
        if (seq === loadSeq.current) setBusy(null);
      }
    },
    [lang],
  );

  const loadSample = useCallback(
    async (id: string) => {
      const sample = SAMPLES.find((s) => s.id === id);
      if (!sample) return;
      const response = await fetch(sampleUrl(sample));
      await load(sample.file, { bytes: await response.arrayBuffer() }, sample.id);
    },
    [load],
  );

  const loadFile = useCallback(async (file: File) => load(file.name, { bytes: await file.arrayBuffer() }, null), [load]);

  useEffect(() => {
    if (initial.sample) void loadSample(initial.sample);
    // Only on the first render: the hash the page was opened with.
  }, []);

  // A shared link pasted into this tab: open its sample, or its finding in the sample already open.
  useEffect(() => {
    const onHash = () => {
      const state = parseHash(location.hash);
      if (state.lang) setLang(state.lang);
      if (state.sample && state.sample !== doc?.sample) {
        pendingFinding.current = state.finding;
        void loadSample(state.sample);
      } else if (state.sample && state.finding !== openFinding) openIndex(state.finding);
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [doc?.sample, openFinding, loadSample, openIndex]);

  // Re-parse the edited text in the worker after a pause in typing; only the newest result is shown.
  const onEdit = useCallback((text: string) => {
    setDoc((d) => (d ? { ...d, draft: text } : d));
    if (editTimer.current) clearTimeout(editTimer.current);
    editTimer.current = setTimeout(async () => {
      const seq = ++editSeq.current;
      try {
        const out = await editClient.current!.parse({ text, markdown: false }, lang);
        if (seq !== editSeq.current) return;
        stats.parses++;
        stats.lastMs = out.ms;
        setDoc((d) => (d ? { ...d, plan: out.plan, ms: out.ms, rules: out.rules, docxHtml: null, pdfBytes: null, sample: null } : d));
        setOpenFinding(null);
        setActive([]);
      } catch {
        // A cancelled or failed re-parse leaves the last good plan on screen.
      }
    }, EDIT_DEBOUNCE_MS);
  }, [lang]);

  const onCompareFile = useCallback(
    async (file: File) => {
      if (!doc) return;
      try {
        const out = await editClient.current!.parse({ bytes: await file.arrayBuffer() }, lang);
        setCompare({ name: file.name, changes: comparePlans(doc.plan, out.plan) });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [doc, lang],
  );

  const selectNode = useCallback((id: string) => {
    const n: TreeNode | undefined = nodes.get(id);
    setSelected(id);
    setOpenFinding(null);
    setActive(n?.span ? [n.span] : []);
    setFocusKey((k) => k + 1);
    requestAnimationFrame(() => document.querySelector(`[data-node="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "nearest" }));
  }, [nodes]);

  const step = useCallback((dir: 1 | -1) => openIndex(stepFinding(order, openFinding, dir)), [order, openFinding, openIndex]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest("textarea, input, select, [role=dialog]") || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        step(e.key === "j" ? 1 : -1);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [step]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, "appTitle");
  }, [lang]);

  // Counted after the DOM shows the plan: "findings updated" for the tests and the bench.
  useEffect(() => {
    if (doc?.plan) stats.rendered++;
  }, [doc?.plan]);

  const plan = doc?.plan;
  return (
    <div
      className={`app${dragging ? " dragging" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void loadFile(file);
      }}
    >
      <header className="topbar">
        <Group gap="xs" wrap="nowrap">
          <Text fw={800} size="lg" className="brand">
            kehoach
          </Text>
          <FilePicker testId="file-input" onFile={(file) => void loadFile(file)}>
            {t(lang, "open")}
          </FilePicker>
          <Button size="xs" variant="default" onClick={() => setPasting(true)}>
            {t(lang, "paste")}
          </Button>
          <Select
            size="xs"
            w={250}
            placeholder={t(lang, "samplePick")}
            aria-label={t(lang, "sample")}
            data-testid="sample-select"
            value={doc?.sample ?? null}
            data={SAMPLES.map((s) => ({ value: s.id, label: s.label[lang] }))}
            onChange={(v) => v && void loadSample(v)}
            comboboxProps={{ withinPortal: true }}
          />
          <FilePicker testId="compare-input" variant="default" disabled={!doc} onFile={(file) => void onCompareFile(file)}>
            {t(lang, "compare")}
          </FilePicker>
          <Button size="xs" variant="default" disabled={!plan} onClick={() => plan && download(`${baseName(doc!.name)}.plan.json`, "application/json", JSON.stringify(plan, null, 2))}>
            {t(lang, "exportJson")}
          </Button>
          <Button size="xs" variant="default" disabled={!plan} onClick={() => plan && download(`${baseName(doc!.name)}.findings.csv`, "text/csv;charset=utf-8", findingsCsv(plan.findings, plan.source.text))}>
            {t(lang, "exportCsv")}
          </Button>
        </Group>
        <Button size="xs" variant="subtle" onClick={() => setLang(lang === "vi" ? "en" : "vi")} data-testid="lang-toggle">
          {t(lang, "language")}
        </Button>
      </header>

      {busy && (
        <div className="busy" data-testid="busy">
          <Text size="sm">
            {t(lang, "parsing")} {busy.name}
            {busy.progress && ` — ${t(lang, "page")} ${busy.progress.page}/${busy.progress.pages} (${Math.round(busy.progress.progress * 100)} %)`}
          </Text>
          <Progress
            className="busy-bar"
            value={busy.progress ? ((busy.progress.page - 1 + busy.progress.progress) / Math.max(1, busy.progress.pages)) * 100 : 100}
            animated={!busy.progress}
          />
          <Button size="xs" color="red" variant="light" onClick={() => {
              userCancelled.current = true;
              client.current!.cancel();
            }}
            data-testid="cancel">
            {t(lang, "cancel")}
          </Button>
        </div>
      )}
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)} className="error" data-testid="error">
          {error}
        </Alert>
      )}

      {doc && plan ? (
        <>
          <div className="docbar" data-testid="docbar">
            <span className="doc-name">{doc.name}</span>
            <span className="doc-meta">
              {plan.source.format}
              {plan.source.pages ? ` · ${plan.source.pages} ${t(lang, "page")}` : ""} · {t(lang, "parsedIn")} <span data-testid="parse-ms">{Math.round(doc.ms)}</span> ms
            </span>
            <span className="doc-title">
              {t(lang, "title")}: <b data-testid="doc-title">{plan.title ?? "—"}</b>
            </span>
            <span className="doc-signer">
              {t(lang, "signer")}: <b data-testid="doc-signer">{plan.signature?.signer ?? "—"}</b>
            </span>
          </div>
          <main className="panes">
            <SourcePane
              lang={lang}
              plan={plan}
              draft={doc.draft}
              marks={marks}
              nodes={nodes}
              active={active}
              activeSpans={activeSpans}
              focusKey={focusKey}
              docxHtml={doc.docxHtml}
              pdfBytes={doc.pdfBytes}
              onEdit={onEdit}
              onPickNode={selectNode}
            />
            <StructurePane lang={lang} tree={tree} selected={selected} counts={counts} onSelect={selectNode} />
            <FindingsPane lang={lang} findings={findings} format={doc.plan.source.format} rules={doc.rules} open={openFinding} onOpen={(i) => openIndex(i)} onStep={step} />
          </main>
        </>
      ) : (
        !busy && (
          <div className="empty">
            <Text size="lg">{t(lang, "noPlan")}</Text>
            <Text c="dimmed">{t(lang, "drop")}</Text>
            <Text c="dimmed" size="sm">{t(lang, "tagline")}</Text>
          </div>
        )
      )}

      <Modal opened={pasting} onClose={() => setPasting(false)} title={t(lang, "pasteTitle")} size="xl">
        <Textarea autosize minRows={12} maxRows={24} value={pasted} onChange={(e) => setPasted(e.currentTarget.value)} data-testid="paste-text" />
        <Group justify="flex-end" mt="sm">
          <Button
            onClick={() => {
              setPasting(false);
              void load(t(lang, "paste"), { text: pasted }, null);
            }}
            disabled={!pasted.trim()}
            data-testid="paste-read"
          >
            {t(lang, "pasteRead")}
          </Button>
        </Group>
      </Modal>
      <Modal opened={compare !== null} onClose={() => setCompare(null)} title={t(lang, "changes")} size="xl">
        {compare && <ChangesList lang={lang} changes={compare.changes} otherName={compare.name} />}
      </Modal>
    </div>
  );
}
