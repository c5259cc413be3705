/** What the URL hash keeps so a link opens the same view: which bundled sample, which finding. */
export interface HashState {
  sample: string | null;
  finding: number | null;
  lang: "vi" | "en" | null;
}

export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const finding = params.get("finding");
  const lang = params.get("lang");
  return {
    sample: params.get("sample") || null,
    finding: finding !== null && /^\d+$/.test(finding) ? Number(finding) : null,
    lang: lang === "vi" || lang === "en" ? lang : null,
  };
}

export function formatHash(state: HashState): string {
  const params = new URLSearchParams();
  if (state.sample) params.set("sample", state.sample);
  if (state.sample && state.finding !== null) params.set("finding", String(state.finding));
  if (state.lang === "en") params.set("lang", "en");
  const s = params.toString();
  return s ? `#${s}` : "";
}
