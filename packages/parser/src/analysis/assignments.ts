import type { Assignment, AssignmentRole, Citation, Paragraph, Section, Span } from "@kehoach/model";
import { isCapitalized } from "../lexer/letters.ts";
import type { SectionVisit } from "./sections.ts";
import { taskTableRows } from "./task-tables.ts";
import type { Word, WordReader } from "./words.ts";
import { foldTonePlacement } from "../vi/abbreviations.ts";
import { lowerBound } from "../lower-bound.ts";
import {
  AGENCY_HEADS,
  CAPITALISED_ONLY_HEADS,
  ASSIGNMENT_LABELS,
  DELEGATION_VERBS,
  FREE_NAME_HEADS,
  FREE_NAME_VERBS,
  GROUP_HEADS,
  GROUP_WORDS,
  HEAD_LOOKALIKES,
  LEVEL_WORDS,
  NAME_COMPOUNDS,
  NAME_STOPS,
  OBJECT_MARKERS,
  PARTNER_MARKERS,
  ROLE_PHRASES,
  ROLE_PREFIXES,
  SHARED_OFFICE_BODIES,
  SHARED_OFFICE_HEAD,
  TASK_VERBS,
  VAGUE_MARKERS,
} from "../vi/agencies.ts";

/**
 * An assignment with how the task reached the agency: `via` is the agency that handed it on
 * (`UBND các huyện giao Trung tâm … thực hiện` → the Trung tâm's task comes via `UBND các huyện`;
 * `Chỉ đạo Phòng X …` under the heading `3. UBND cấp huyện` → via `UBND cấp huyện`), null when the plan's
 * issuer gives it directly.
 */
export interface AssignmentDetail extends Assignment {
  via: string | null;
}

/** The parts of one document the assignments are read from. */
export interface AssignmentSource {
  sections: readonly Section[];
  citations: readonly Citation[];
  /** Paragraphs after the signing block: task tables of an appendix (`taskTableCells`). */
  appendix: readonly Paragraph[];
}

/**
 * Who is given which task, read from the sections of a document: labelled lines (`Đơn vị chủ trì: X.`,
 * `Đơn vị phối hợp: X; Y.`), running text (`X chủ trì, phối hợp với Y, Z …`, `Giao X …`, `X phối hợp
 * với Y …`, `Chỉ đạo X …`) and subsections headed by an agency (`1. Sở Thông tin và Truyền thông`,
 * `3. UBND các huyện, thành phố: Phối hợp …`). One entry per (agency, role, section), with the agency
 * each task was handed on by. `text` is the normalised text; `words` and `span` read and point into it.
 */
export function readAssignments(
  document: AssignmentSource,
  sections: readonly SectionVisit[],
  text: string,
  words: WordReader,
  span: (start: number, end: number) => Span,
): AssignmentDetail[] {
  return new Extractor(document, text, words, span).run(sections);
}

/** The model's assignment: the detail without `via`. */
export function withoutVia({ via: _via, ...assignment }: AssignmentDetail): Assignment {
  return assignment;
}

/** A phrase as the words it is compared with: `sở, ban, ngành` → [sở, `,`, ban, `,`, ngành]. */
function phrase(text: string): string[] {
  return foldTonePlacement(text).toLowerCase().replace(/,/g, " , ").split(/\s+/).filter((w) => w.length > 0);
}

const byLength = (a: string[], b: string[]) => b.length - a.length;
const HEADS = AGENCY_HEADS.map((head) => ({
  head,
  words: phrase(head),
  abbreviation: /^[A-ZĐ]{2,}$/.test(head),
  capitalisedOnly: CAPITALISED_ONLY_HEADS.includes(head),
})).sort((a, b) => byLength(a.words, b.words));
/** HEADS by their first word, in HEADS' order (longest first). */
const HEADS_BY_FIRST_WORD = new Map<string, typeof HEADS>();
for (const head of HEADS) {
  const key = head.words[0] ?? "";
  const list = HEADS_BY_FIRST_WORD.get(key);
  if (list) list.push(head);
  else HEADS_BY_FIRST_WORD.set(key, [head]);
}
/**
 * A list of phrases, in the order they are tried, indexed by their first word: the scan visits every word
 * of the plan, and most start none of them.
 */
class Phrases {
  private readonly byFirst = new Map<string, (readonly string[])[]>();

  constructor(all: readonly (readonly string[])[]) {
    for (const p of all) {
      const list = this.byFirst.get(p[0] ?? "");
      if (list) list.push(p);
      else this.byFirst.set(p[0] ?? "", [p]);
    }
  }

  startingWith(word: string): readonly (readonly string[])[] {
    return this.byFirst.get(word) ?? NONE;
  }
}
const NONE: readonly (readonly string[])[] = [];
/** The genre's phrases, longest first so the longest match wins. */
const longestFirst = (texts: readonly string[]) => new Phrases(texts.map(phrase).sort(byLength));

const GROUPS = longestFirst(GROUP_HEADS);
const FREE_HEADS = FREE_NAME_HEADS.map(phrase);
const FREE_VERBS = new Phrases(FREE_NAME_VERBS.map(phrase));
const LEVELS = longestFirst(LEVEL_WORDS);
const LOOKALIKES = longestFirst(HEAD_LOOKALIKES);
const GROUP_CONTINUATIONS = longestFirst(GROUP_WORDS);
const STOPS = longestFirst(NAME_STOPS);
const COMPOUNDS = longestFirst(NAME_COMPOUNDS);
const MARKERS = OBJECT_MARKERS.map(phrase).sort(byLength);
const PARTNERS = longestFirst(PARTNER_MARKERS);
const VAGUE = longestFirst(VAGUE_MARKERS);
const TASKS = longestFirst(TASK_VERBS);
const OFFICE = phrase(SHARED_OFFICE_HEAD);
const OFFICE_BODIES = longestFirst(SHARED_OFFICE_BODIES);
const PREFIXES = longestFirst(ROLE_PREFIXES);
const ROLES = ROLE_PHRASES.map(({ phrase: p, role }) => ({ words: phrase(p), role })).sort((a, b) => byLength(a.words, b.words));
const DELEGATIONS = longestFirst(DELEGATION_VERBS);
const LABELS = ASSIGNMENT_LABELS.map(({ label, roles }) => ({ words: phrase(label), roles })).sort((a, b) => byLength(a.words, b.words));

/** How many words of `ws` from `i` the phrase covers, or 0. */
function matchAt(ws: readonly Word[], i: number, words: readonly string[]): number {
  for (let k = 0; k < words.length; k++) if (ws[i + k]?.lower !== words[k]) return 0;
  return words.length;
}

/** Words covered by the first of `phrases` (in their order) that matches at `i`, or 0. */
function matchAny(ws: readonly Word[], i: number, phrases: Phrases): number {
  const w = ws[i];
  if (!w) return 0;
  for (const p of phrases.startingWith(w.lower)) {
    const n = matchAt(ws, i, p);
    if (n > 0) return n;
  }
  return 0;
}

const isAbbreviation = (w: Word) => w.kind === "word" && /[A-ZĐ].*[A-ZĐ&]/.test(w.text) && w.text === w.text.toUpperCase();
const isNameWord = (w: Word | undefined): w is Word => w !== undefined && w.kind === "word" && (isCapitalized(w.text) || isAbbreviation(w));
const isDash = (w: Word | undefined) => w !== undefined && w.kind === "punct" && /^[-–—]$/.test(w.text);
const isClauseEnd = (w: Word | undefined) => w !== undefined && w.kind === "punct" && (w.text === ";" || w.text === "." || w.text === "./.");

// --- agency names --------------------------------------------------------------------------------

interface AgencyMatch {
  /** Index of the first word and one past the last. */
  from: number;
  to: number;
}

/** An agency's name starting at word `i`: a head word, then the name up to punctuation, a verb or a connector. */
function matchAgency(ws: readonly Word[], i: number): AgencyMatch | null {
  const first = ws[i];
  if (!first || first.kind !== "word") return null;
  const grouped = matchAny(ws, i, GROUPS);
  if (grouped > 0) return extend(ws, i, i + grouped, true);
  if (matchAny(ws, i, LOOKALIKES) > 0) return null;
  for (const { words, abbreviation, capitalisedOnly } of HEADS_BY_FIRST_WORD.get(first.lower) ?? []) {
    const n = matchAt(ws, i, words);
    if (n === 0) continue;
    if (abbreviation && first.text !== first.text.toUpperCase()) continue;
    if (capitalisedOnly && !isCapitalized(first.text)) continue;
    const next = ws[i + n];
    // A lower-case head (`phòng Lao động …`) needs a proper name after it; any other head a name or a
    // level word (`Bưu điện tỉnh`, `UBND các huyện`), so that `Báo cáo`, `Hội nghị`, `Ban hành`,
    // `Phòng chống`, `Bộ đội` are not taken for agencies. Abbreviations (`UBND`) stand alone.
    if (!isCapitalized(first.text)) {
      if (!isNameWord(next)) continue;
    } else if (!abbreviation) {
      const level = next !== undefined && next.kind === "word" && (matchAny(ws, i + n, LEVELS) > 0 || next.lower === "các" || next.lower === "cấp");
      if (!isNameWord(next) && !level) continue;
    }
    return extend(ws, i, i + n, false);
  }
  return null;
}

function extend(ws: readonly Word[], from: number, headEnd: number, group: boolean): AgencyMatch {
  let k = headEnd;
  let plural = group;
  const free = () => FREE_HEADS.some((head) => ws.slice(from, k).some((_, at) => matchAt(ws, from + at, head) > 0));
  while (k < ws.length && k - from < 20) {
    const w = ws[k] as Word;
    if (w.kind === "number") {
      if (free()) {
        k++;
        continue;
      }
      break;
    }
    if (w.kind === "punct") {
      if (isDash(w) && isNameWord(ws[k + 1])) {
        k++;
        continue;
      }
      if (w.text === "&" && ws[k + 1]?.kind === "word") {
        k++;
        continue;
      }
      if (w.text === "," && continuesNameAfterComma(ws, k)) {
        k++;
        continue;
      }
      if (w.text === "," && plural && ws[k + 1] !== undefined && !isCapitalized((ws[k + 1] as Word).text)) {
        const n = matchAny(ws, k + 1, GROUP_CONTINUATIONS);
        if (n > 0) {
          k += 1 + n;
          continue;
        }
      }
      break;
    }
    if (w.lower === "và" || w.lower === "&") {
      const next = ws[k + 1];
      if (isNameWord(next) && matchAgency(ws, k + 1) === null) {
        k += 2;
        continue;
      }
      // `Văn phòng HĐND và UBND huyện`: one office of two bodies.
      const body = matchAny(ws, k + 1, OFFICE_BODIES);
      if (body > 0 && k === headEnd + matchAny(ws, headEnd, OFFICE_BODIES) && matchAt(ws, from, OFFICE) === headEnd - from) {
        k += 1 + body;
        continue;
      }
      break;
    }
    const vague = matchAny(ws, k, VAGUE);
    if (vague > 0 && !isCapitalized(w.text)) {
      k += vague;
      break;
    }
    if (!isCapitalized(w.text) && !(k > headEnd && matchAny(ws, k - 1, COMPOUNDS) === 2)) {
      const stop = matchAny(ws, k, STOPS);
      if (stop > 0) {
        const verb = matchAny(ws, k, FREE_VERBS);
        const after = ws[k + verb];
        if (verb > 0 && free() && after !== undefined && (after.lower === "các" || isNameWord(after))) {
          k += verb;
          continue;
        }
        break;
      }
    }
    if (w.lower === "các") plural = true;
    k++;
  }
  // Connectors cannot end a name.
  while (k > headEnd && ["và", "các", "cấp", "của", "&"].includes((ws[k - 1] as Word).lower)) k--;
  return { from, to: k };
}

/**
 * A comma inside one agency's name: its fields listed, the last after `và` — `Sở Văn hóa, Thể thao và Du
 * lịch`, `Phòng Văn hóa, Khoa học và Thông tin`. Only when a field (a capitalised word that starts no agency,
 * then lower-case words) follows, and within a few words `và` and another such field, with no other mark
 * between: `Sở Tài chính, Sở Nội vụ` and `UBND tỉnh, Thường trực Tỉnh ủy và …` stay lists.
 */
function continuesNameAfterComma(ws: readonly Word[], comma: number): boolean {
  const isField = (at: number) => {
    const w = ws[at];
    return w !== undefined && w.kind === "word" && isCapitalized(w.text) && !isAbbreviation(w) && matchAgency(ws, at) === null && matchAny(ws, at, LEVELS) === 0;
  };
  if (!isField(comma + 1)) return false;
  for (let k = comma + 2; k < ws.length && k <= comma + 8; k++) {
    const w = ws[k] as Word;
    if (w.lower === "và") return isField(k + 1);
    // Another comma: a capitalised word must follow, checked as a field on the next turn.
    if (w.text === ",") {
      const next = ws[k + 1];
      if (next === undefined || next.kind !== "word" || !isCapitalized(next.text)) return false;
      continue;
    }
    if (w.kind !== "word") return false;
    if (isCapitalized(w.text) ? !isField(k) : matchAny(ws, k, STOPS) > 0) return false;
  }
  return false;
}

// --- extraction -------------------------------------------------------------------------------

interface Agent {
  name: string;
  span: Span;
  /** Section path its roles are filed under. */
  path: string | null;
}

interface Subject {
  agent: Agent;
  via: string | null;
}

/** Section path for a label path: `III.1.-` → `III.1` (dash and plus items carry no number). */
export function citablePath(path: string): string {
  let end = path.length;
  while (end >= 2 && path.charCodeAt(end - 2) === 46 && (path[end - 1] === "-" || path[end - 1] === "+")) end -= 2;
  return path.slice(0, end);
}

class Extractor {
  private readonly document: AssignmentSource;
  private readonly text: string;
  private readonly wordsIn: WordReader;
  private readonly spanOf: (start: number, end: number) => Span;
  private readonly found: AssignmentDetail[] = [];
  private readonly seen = new Set<string>();
  /** The citations' spans merged into disjoint stretches, by start: every agency name is looked up here. */
  private readonly citedStarts: number[] = [];
  private readonly citedEnds: number[] = [];

  constructor(document: AssignmentSource, text: string, words: WordReader, span: (start: number, end: number) => Span) {
    this.document = document;
    this.text = text;
    this.wordsIn = words;
    this.spanOf = span;
    const cited = document.citations.map((c) => [c.span.start.offset, c.span.end.offset] as const).sort((a, b) => a[0] - b[0]);
    for (const [start, end] of cited) {
      const last = this.citedEnds.length - 1;
      if (last >= 0 && start <= (this.citedEnds[last] as number)) this.citedEnds[last] = Math.max(this.citedEnds[last] as number, end);
      else {
        this.citedStarts.push(start);
        this.citedEnds.push(end);
      }
    }
  }

  /** `sections`: the document's sections as `visitSections` walks them (the analysis walks them once, for every reader). */
  run(sections: readonly SectionVisit[]): AssignmentDetail[] {
    // The agency each open section hands down, by depth: the visits come parent first, so a section's
    // parent is the last one seen a level up (a map by section grew to megabytes on long plans).
    const heads: (Agent | null)[] = [];
    for (const visit of sections) {
      const { section } = visit;
      const path = citablePath(visit.path);
      const depth = visit.ancestors.length;
      const inherited = depth > 0 ? (heads[depth - 1] ?? null) : null;
      const heading = this.words(section.headingSpan);
      const lead = isAllCapitals(heading) ? null : matchAgency(heading, 0);
      let own: Agent | null = null;
      const ending = heading[lead?.to ?? 0];
      // A dash or plus item that only names an agency is a list (recipients, `Kính gửi:`): it needs `X: …`.
      const item = section.style === "dash" || section.style === "plus";
      const whole = lead !== null && (lead.to === heading.length || (ending?.text === "." && lead.to === heading.length - 1));
      if (lead && ((whole && !item) || ending?.text === ":")) {
        // `1. Sở Thông tin và Truyền thông` / `3. UBND các huyện, thành phố: Phối hợp …`
        own = this.agent(heading, lead, path);
        const rest = heading.slice(lead.to + 1);
        const first = rest.length > 0 ? rest : this.firstText(section);
        if (!startsWithRole(first)) this.record(own, "thực hiện", null);
        this.block(rest, path, own);
      } else {
        const subject = this.block(heading, path, inherited);
        if (lead && subject && subject.agent.span.start.offset === (heading[0] as Word).start) own = subject.agent;
      }
      const implicit = own ?? inherited;
      heads[depth] = implicit;
      for (const paragraph of section.paragraphs) this.block(this.words(paragraph.span), path, implicit);
      this.taskTable(section.paragraphs, path);
    }
    this.taskTable(this.document.appendix, null);
    return this.found.sort((a, b) => a.span.start.offset - b.span.start.offset);
  }

  /**
   * A task table (a section's or the appendix's): each agency in a cell of who does what takes its column's
   * role, in rows whose first such cell names one.
   */
  private taskTable(paragraphs: readonly Paragraph[], path: string | null): void {
    for (const row of taskTableRows(paragraphs)) {
      const first = row.cells[0];
      if (!first || matchAgency(this.words(first.cell.span), 0) === null) continue;
      for (const { cell, role } of row.cells) new BlockState(this, this.words(cell.span), path, null).listed([role]);
    }
  }

  private words(span: Span): Word[] {
    return this.wordsIn(span.start.offset, span.end.offset);
  }

  /** The first words under a heading: its first paragraph, else its first subsection's heading. */
  private firstText(section: Section): Word[] {
    const paragraph = section.paragraphs[0];
    if (paragraph) return this.words(paragraph.span);
    const child = section.children[0];
    return child ? this.words(child.headingSpan) : [];
  }

  private agent(ws: readonly Word[], match: AgencyMatch, path: string | null): Agent {
    const start = (ws[match.from] as Word).start;
    const end = (ws[match.to - 1] as Word).end;
    return { name: this.text.slice(start, end).replace(/\s+/g, " "), span: this.spanOf(start, end), path };
  }

  private record(agent: Agent, role: AssignmentRole, via: string | null): void {
    const key = `${agent.name}\u0000${role}\u0000${agent.path}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.found.push({ agency: agent.name, role, section: agent.path, span: agent.span, via });
  }

  /**
   * Reads one paragraph. `implicit` is the agency whose subsection this is: the subject of clauses that
   * start with a role (`Chủ trì, phối hợp với …`). Returns the subject of the first clause, if any.
   */
  private block(ws: readonly Word[], path: string, implicit: Agent | null): Subject | null {
    // An all-capitals block (`III. TỔ CHỨC THỰC HIỆN`) is a part title: capitals tell nothing about names there.
    if (isAllCapitals(ws)) return null;
    const state = new BlockState(this, ws, path, implicit);
    return state.run();
  }

  /** Whether an offset lies in a cited document's reference (`… của UBND tỉnh thực hiện Nghị quyết …`). */
  inCitation(offset: number): boolean {
    const after = lowerBound(this.citedStarts.length, (k) => (this.citedStarts[k] as number) > offset);
    return after > 0 && offset < (this.citedEnds[after - 1] as number);
  }

  /** For BlockState: files a role. */
  file(agent: Agent, role: AssignmentRole, via: string | null): void {
    this.record(agent, role, via);
  }

  makeAgent(ws: readonly Word[], match: AgencyMatch, path: string | null): Agent {
    return this.agent(ws, match, path);
  }
}

function isAllCapitals(ws: readonly Word[]): boolean {
  let letters = 0;
  // Every block is asked, and most answer no at their first word.
  for (const w of ws) {
    if (w.kind !== "word" || !/\p{L}/u.test(w.text)) continue;
    if (w.text !== w.text.toUpperCase()) return false;
    letters++;
  }
  return letters >= 2;
}

/** Past a parenthesis after a name (`Sở Nông nghiệp và Môi trường (cơ quan thường trực) chủ trì`): what follows it. */
function pastAside(ws: readonly Word[], i: number): number {
  if (ws[i]?.text !== "(") return i;
  for (let k = i + 1; k < ws.length && k <= i + MAX_ASIDE_WORDS; k++) {
    if (ws[k]?.text === ")") return k + 1;
    if (isClauseEnd(ws[k])) break;
  }
  return i;
}
/** An aside longer than this is no remark on a name. */
const MAX_ASIDE_WORDS = 12;

/** Whether a text opens with a role (`Chủ trì, …`, `Phối hợp …`, `Chịu trách nhiệm phối hợp …`, `Giao …`, `Chỉ đạo …`). */
function startsWithRole(ws: readonly Word[]): boolean {
  const at = matchAny(ws, 0, PREFIXES);
  return matchRole(ws, at) !== null || matchAny(ws, at, DELEGATIONS) > 0;
}

function matchRole(ws: readonly Word[], i: number): { role: AssignmentRole; end: number } | null {
  const prefix = matchAny(ws, i, PREFIXES);
  for (const { words, role } of ROLES) {
    const n = matchAt(ws, i + prefix, words);
    if (n > 0) return { role, end: i + prefix + n };
  }
  return null;
}

/** The clauses of one paragraph, read left to right. */
class BlockState {
  private subject: Subject | null = null;
  private firstSubject: Subject | null = null;
  /** The subject leads (chủ trì, or named by `Đơn vị thực hiện:`): the agencies it works with are partners. */
  private lead = false;
  private via: string | null = null;
  private readonly owner: Extractor;
  private readonly ws: readonly Word[];
  /** The section's label path; null in an appendix's table. */
  private readonly path: string | null;
  private readonly implicit: Agent | null;

  constructor(owner: Extractor, ws: readonly Word[], path: string | null, implicit: Agent | null) {
    this.owner = owner;
    this.ws = ws;
    this.path = path;
    this.implicit = implicit;
  }

  run(): Subject | null {
    let i = 0;
    while (i < this.ws.length) i = this.clause(i);
    return this.firstSubject;
  }

  private current(): Subject | null {
    return this.subject ?? (this.implicit ? { agent: this.implicit, via: null } : null);
  }

  private agentAt(match: AgencyMatch): Agent {
    return this.owner.makeAgent(this.ws, match, this.path);
  }

  private setSubject(subject: Subject): void {
    this.subject = subject;
    this.firstSubject ??= subject;
  }

  private clause(start: number): number {
    const ws = this.ws;
    let i = start;
    this.via = this.subject?.via ?? null;
    let labelRoles: readonly AssignmentRole[] = [];
    for (const label of LABELS) {
      const n = matchAt(ws, i, label.words);
      if (n > 0 && ws[i + n]?.text === ":") {
        labelRoles = label.roles;
        i += n + 1;
        break;
      }
    }
    if (labelRoles.length > 0) {
      const listed = this.labelList(i, labelRoles);
      if (listed !== null) i = listed;
      else i = this.opener(i, labelRoles);
    } else {
      i = this.opener(i, labelRoles);
    }
    // The rest of the clause: partners, and agencies that act (`…, UBND các huyện giao …`).
    while (i < ws.length && !isClauseEnd(ws[i])) {
      if (matchAt(ws, i, ["phối", "hợp"]) > 0) {
        i = this.cooperate(i + 2);
        continue;
      }
      const match = matchAgency(ws, i);
      if (match) {
        const acted = this.objectMarked(i) || this.owner.inCitation((ws[i] as Word).start) ? null : this.actor(match, [], false);
        i = acted ?? match.to;
        continue;
      }
      i++;
    }
    // A clause's partners end with it; its subject runs on to the end of the sentence.
    this.lead = false;
    if (i < ws.length) {
      if ((ws[i] as Word).text !== ";") this.subject = null;
      i++;
    }
    return i;
  }

  /** What opens a clause: `Giao X …`, `Chỉ đạo X …`, a role (`Chủ trì, …`), or an agency that acts. */
  private opener(i: number, labelRoles: readonly AssignmentRole[]): number {
    const ws = this.ws;
    const delegation = matchAny(ws, i, DELEGATIONS);
    if (delegation > 0) {
      const handed = this.delegate(i, delegation, this.current());
      if (handed !== null) return handed;
    }
    const role = matchRole(ws, i);
    if (role) {
      const subject = this.current();
      if (role.role === "phối hợp") {
        if (this.lead) return this.partners(role.end, true);
        if (subject) this.owner.file(subject.agent, "phối hợp", subject.via);
        return this.partners(role.end, false);
      }
      if (subject) this.owner.file(subject.agent, role.role, subject.via);
      this.lead = role.role === "chủ trì";
      return role.end;
    }
    const match = matchAgency(ws, i);
    if (!match) return i;
    return this.coActors(match, labelRoles) ?? this.actor(match, labelRoles, true) ?? match.to;
  }

  /**
   * Agencies that act together: `Sở Nội vụ và Sở Tư pháp phối hợp …`, `Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh:
   * Bảo đảm …`. Each takes the role (after a colon: the role that opens what follows, else `thực hiện`).
   */
  private coActors(first: AgencyMatch, labelRoles: readonly AssignmentRole[]): number | null {
    const ws = this.ws;
    // Most clauses open with one agency: only a list separator after it makes a list worth reading.
    const separator = ws[first.to];
    if (labelRoles.length > 0 || !separator || !([",", ";"].includes(separator.text) || separator.lower === "và")) return null;
    const list = this.agencyList(first.from);
    if (list.matches.length < 2) return null;
    const colon = ws[list.end]?.text === ":";
    const role = matchRole(ws, colon ? list.end + 1 : list.end);
    if (!role && !colon) return null;
    const given: AssignmentRole = role?.role ?? "thực hiện";
    const agents = list.matches.map((m) => this.agentAt(m));
    for (const agent of agents) this.owner.file(agent, given, this.via);
    this.setSubject({ agent: agents[0] as Agent, via: this.via });
    this.lead = given === "chủ trì";
    const end = role ? role.end : list.end + 1;
    return given === "phối hợp" ? this.partners(end, false) : end;
  }

  /** `Giao X (chủ trì|phối hợp|…)`, `Chỉ đạo X …`, `X giao Y …`: X is handed the task by `by`. */
  private delegate(i: number, verbLength: number, by: Subject | null): number | null {
    const ws = this.ws;
    const verb = ws
      .slice(i, i + verbLength)
      .map((w) => w.lower)
      .join(" ");
    const list = this.agencyList(i + verbLength);
    if (list.matches.length === 0) {
      if (verb === "chỉ đạo" && by) {
        this.owner.file(by.agent, "chỉ đạo", by.via);
        return i + verbLength;
      }
      return null;
    }
    if (by && (verb === "giao" || verb === "chỉ đạo")) this.owner.file(by.agent, "chỉ đạo", by.via);
    const role = matchRole(ws, pastAside(ws, list.end));
    const given: AssignmentRole = role?.role ?? "thực hiện";
    const via = by?.agent.name ?? null;
    const agents = list.matches.map((m) => this.agentAt(m));
    for (const agent of agents) this.owner.file(agent, given, via);
    this.setSubject({ agent: agents[0] as Agent, via });
    this.via = via;
    this.lead = given === "chủ trì";
    if (given === "phối hợp") return this.partners(role ? role.end : list.end, false);
    return role ? role.end : list.end;
  }

  /** An agency followed by what it does: `X chủ trì`, `X phối hợp với Y`, `X giao Y …`, `X là cơ quan thực hiện`, `X: …`. */
  private actor(match: AgencyMatch, labelRoles: readonly AssignmentRole[], atStart: boolean): number | null {
    const ws = this.ws;
    const after = pastAside(ws, match.to);
    const agent = this.agentAt(match);
    const subject: Subject = { agent, via: this.via };
    const delegation = matchAny(ws, after, DELEGATIONS);
    if (delegation > 0 && matchAgency(ws, after + delegation)) return this.delegate(after, delegation, subject);
    const role = matchRole(ws, after);
    if (role) {
      this.owner.file(agent, role.role, this.via);
      this.setSubject(subject);
      if (role.role === "phối hợp") {
        this.lead = false;
        return this.partners(role.end, false);
      }
      this.lead = role.role === "chủ trì" || labelRoles.includes("chủ trì") || labelRoles.includes("thực hiện");
      return role.end;
    }
    // `2. Văn phòng Sở bảo đảm kinh phí …`: an item opened by an agency and a task's verb.
    if (atStart && match.from === 0 && matchAny(ws, after, TASKS) > 0) {
      this.owner.file(agent, "thực hiện", this.via);
      this.setSubject(subject);
      this.lead = true;
      return after;
    }
    if (atStart && ws[after]?.text === ":") {
      // `Sở Tài chính: Thẩm định …` inside running text: as a heading, the agency is the subject of what follows.
      this.setSubject(subject);
      if (!startsWithRole(ws.slice(after + 1))) this.owner.file(agent, "thực hiện", this.via);
      return this.opener(after + 1, []);
    }
    return null;
  }

  /** A table cell that only lists agencies (`Sở Tài chính; Sở Xây dựng`): each takes the column's roles. */
  listed(roles: readonly AssignmentRole[]): void {
    this.labelList(0, roles);
  }

  /** `Đơn vị phối hợp: X; Y; Z.`: every agency listed takes the label's roles. Null when X acts in a clause. */
  private labelList(i: number, roles: readonly AssignmentRole[]): number | null {
    const ws = this.ws;
    const first = matchAgency(ws, i);
    if (!first) return null;
    if (matchRole(ws, first.to) || matchAny(ws, first.to, DELEGATIONS) > 0) return null;
    let k = i;
    const agents: Agent[] = [];
    for (;;) {
      const match = matchAgency(ws, k);
      if (!match) break;
      k = match.to;
      // `Các cơ quan báo chí, xuất bản; …`: words after a comma that name no agency belong to the item, and to its name.
      let to = match.to;
      while (k < ws.length && (ws[k] as Word).text === "," && !matchAgency(ws, k + 1)) {
        k++;
        while (k < ws.length && ![",", ";", "."].includes((ws[k] as Word).text)) k++;
        if (k > to + 1) to = k;
      }
      agents.push(this.agentAt({ from: match.from, to }));
      const sep = ws[k];
      if (sep && (sep.text === "," || sep.text === ";" || sep.lower === "và") && matchAgency(ws, k + 1)) {
        k++;
        continue;
      }
      break;
    }
    for (const agent of agents) for (const role of roles) this.owner.file(agent, role, null);
    const lead = agents[0];
    if (lead) this.setSubject({ agent: lead, via: null });
    this.lead = roles.includes("chủ trì") || roles.includes("thực hiện");
    return k;
  }

  /** After `phối hợp`: the agencies named are partners when the subject leads; otherwise they lead and are skipped. */
  private cooperate(i: number): number {
    if (this.lead) return this.partners(i, true);
    const subject = this.current();
    if (subject) this.owner.file(subject.agent, "phối hợp", subject.via);
    return this.partners(i, false);
  }

  /** `[chặt chẽ] với X, Y và Z`: files them as partners (or only reads past them). */
  private partners(i: number, file: boolean): number {
    const marker = matchAny(this.ws, i, PARTNERS);
    const list = this.agencyList(i + marker);
    if (file) for (const match of list.matches) this.owner.file(this.agentAt(match), "phối hợp", this.via);
    return list.matches.length > 0 ? list.end : i + marker;
  }

  /** Agencies joined by `,`, `;`, `và`, `với`. */
  private agencyList(i: number): { matches: AgencyMatch[]; end: number } {
    const ws = this.ws;
    const matches: AgencyMatch[] = [];
    let k = i;
    for (;;) {
      const match = matchAgency(ws, k);
      if (!match) break;
      matches.push(match);
      k = match.to;
      const sep = ws[k];
      if (sep && ([",", ";"].includes(sep.text) || sep.lower === "và" || sep.lower === "với") && matchAgency(ws, k + 1)) {
        k++;
        continue;
      }
      break;
    }
    return { matches, end: k };
  }

  /** `với X`, `cho X`, `trình X`, `gửi về X`: X is an object, not the one who acts. */
  private objectMarked(i: number): boolean {
    for (const marker of MARKERS) {
      const from = i - marker.length;
      if (from >= 0 && matchAt(this.ws, from, marker) > 0) return true;
    }
    return false;
  }
}
