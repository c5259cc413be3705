import type { IToken } from "chevrotain";
import type { BuildContext } from "./context.ts";
import { endOf } from "./cst-tokens.ts";
import { ISSUED_TYPES, ISSUING_VERBS, PROPOSER_JOIN, REPORTING_VERB } from "../vi/layout.ts";

/**
 * In `Thực hiện …, UBND tỉnh ban hành Kế hoạch … như sau:` the issuing clause starts after the last comma
 * (or semicolon) before `ban hành Kế hoạch` (ISSUING_VERBS). `tokens` are a basis line's content, in order.
 */
export function findIssuanceStart(tokens: readonly IToken[]): number | null {
  const last = tokens[tokens.length - 1];
  if (!last || last.image !== ":") return null;
  // The last `ban hành` + type: a basis's subject may have one too (`… của Chính phủ ban hành kế hoạch …`).
  let verb = tokens.findLastIndex((t, i) => {
    const previous = tokens[i - 1]?.image.toLowerCase();
    if (!ISSUING_VERBS.some(([first, second]) => t.image.toLowerCase() === second && previous === first)) return false;
    const next = tokens[i + 1];
    const type = next?.tokenType.name === "DocType" ? next.image : `${next?.image ?? ""} ${tokens[i + 2]?.image ?? ""}`;
    return ISSUED_TYPES.has(type.toLowerCase());
  });
  // A report's `báo cáo` when it comes later: the subject before it may `xây dựng kế hoạch` too.
  verb = Math.max(verb, tokens.findLastIndex((t, i) => t.image === REPORTING_VERB[1] && tokens[i - 1]?.image === REPORTING_VERB[0]));
  // Without either, a sentence of its own after the bases (`… Lào Cai. Trưởng đoàn kiểm tra lập kế hoạch … như sau:`).
  const sentenceOnly = verb < 0;
  if (sentenceOnly) verb = tokens.length - 1;
  // The sentence it is in (`…không ma túy. Để tổ chức …, UBND tỉnh ban hành kế hoạch …`) when it has one
  // of its own after the bases; else the clause after the bases (`Thực hiện …, UBND tỉnh ban hành …`).
  let comma: number | null = null;
  for (let i = verb; i >= 0; i--) {
    const t = tokens[i] as IToken;
    // A cited document ends the search; a type word inside a name (`Ban Chỉ đạo các Chương trình …`) does not.
    const cited = t.tokenType.name === "DocType" && ["So", "DocNumber"].includes(tokens[i + 1]?.tokenType.name ?? "");
    if (cited || t.tokenType.name === "DocNumber") break;
    // `…; Sở Tài chính ban hành Kế hoạch … như sau:` as well as `…, UBND tỉnh ban hành …`.
    if ((t.image === "," || t.image === ";") && comma === null) comma = tokens[i + 1]?.startOffset ?? null;
    if (t.tokenType.name === "Period" && /^\p{Lu}/u.test(tokens[i + 1]?.image ?? "")) return tokens[i + 1]?.startOffset ?? null;
  }
  return sentenceOnly ? null : comma;
}

/** The names after `của`, each up to its document (`tại Tờ trình …`), a comma or the end (see PROPOSER_JOIN). */
export function readProposers(ctx: BuildContext, tokens: readonly IToken[]): string[] {
  const of = tokens.findIndex((t) => t.tokenType.name === "Cua");
  const proposers: string[] = [];
  if (of < 0) return proposers;
  let from: IToken | undefined;
  let last: IToken | undefined;
  let naming = true; // false: past a name, in its document (or whatever else follows it)
  const close = () => {
    if (from && last) proposers.push(ctx.slice(from.startOffset, endOf(last)));
    from = last = undefined;
  };
  for (let i = of + 1; i < tokens.length; i++) {
    const t = tokens[i] as IToken;
    const name = t.tokenType.name;
    if (name === "Semicolon") {
      close();
      naming = true;
    } else if (!naming) {
      const before = tokens[i - 1]?.tokenType.name;
      if (t.image === PROPOSER_JOIN && (before === "DocNumber" || before === "SlashDate" || before === "Number")) naming = true;
    } else if (name === "Colon") {
      from = last = undefined; // `03 đơn vị gồm:` counts them; the names follow
    } else if (name === "Period") {
      break;
    } else if (name === "Comma" || name === "DocType" || PROPOSER_ENDS.has(t.image)) {
      close();
      naming = false;
    } else {
      from ??= t;
      last = t;
    }
  }
  close();
  return proposers;
}

const PROPOSER_ENDS: ReadonlySet<string> = new Set(["tại", "về", "theo"]);
