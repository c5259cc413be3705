import type { Assignment, Plan, Span } from "@kehoach/model";
import type { Report, Rule } from "../rule.ts";
import { compareWords } from "../../vi/abbreviations.ts";
import {
  ADDRESSEE_LINE,
  AGENCY_HEADS,
  GROUP_COVERS,
  LEVEL_LOOKALIKES,
  LEVEL_WORDS,
  MEMBER_PREFIXES,
  OWN_STAFF_HEADS,
  VAGUE_MARKERS,
} from "../../vi/agencies.ts";
import { ARTICLE_ADDRESSEES_SPLIT, ARTICLE_CHARGE, AS_ARTICLE, AS_SECTION } from "../../vi/layout.ts";

/**
 * An agency given a task must receive the plan: `Giao Sở X chủ trì, phối hợp với Bưu điện tỉnh …` with no
 * `Bưu điện tỉnh` under `Nơi nhận`. Names are compared in a normal form (abbreviations expanded,
 * punctuation and `và` dropped), and a recipient covers what it reaches: `Các sở, ban, ngành` any `Sở …`,
 * `UBND các huyện, thành phố` every district and the units of the districts, the drafting unit of the
 * archive line (`Lưu: VT, LĐTBXH`) itself, and an agency that hands a task on (`UBND các huyện giao Trung
 * tâm …`) the unit it hands it to, and `Như mục IV` every body given a task in section IV. The issuer's own
 * units named after it by its head (`Văn phòng Sở`, `Thanh tra Sở` in a Sở's plan) receive it inside. Groups too vague to send to (`các cơ quan liên quan`) are not reported.
 */
export const responsibleNotRecipient: Rule = {
  code: "responsible-not-recipient",
  severity: "warning",
  run(plan, analysis) {
    if (plan.recipients.length === 0 && !ADDRESSEE_LINE.test(plan.source.text)) return [];
    const details = analysis.assignments;
    const assignments: readonly Assignment[] = details;
    const via = new Map(details.map((d) => [`${d.span.start.offset}:${d.agency}`, d.via]));
    const recipients = readRecipients(plan);
    const issuer = plan.issuer ? nameOf(plan.issuer.name) : null;
    const covered = (name: string): boolean => {
      const agency = nameOf(name);
      if (agency.words.length === 0) return true;
      if (issuer && sameAgency(agency, issuer)) return true;
      // `Văn phòng Sở`, `Thanh tra Sở` in a department's plan: its own units, named after it by its head alone.
      if (issuer?.head && ownUnit(agency, issuer.head)) return true;
      if (agency.head !== null && OWN_STAFF.has(agency.head)) return true;
      return recipients.some((recipient) => covers(recipient, agency));
    };

    const missing: { name: ReturnType<typeof nameOf>; items: Assignment[] }[] = [];
    const sectionsSentTo = namedSections(plan);
    for (const assignment of assignments) {
      if (isVague(assignment.agency)) continue;
      if (covered(assignment.agency)) continue;
      if (inSections(assignment.section, sectionsSentTo)) continue;
      // A unit handed the task by another agency (`UBND các huyện giao Trung tâm …`, `Chỉ đạo Phòng X …` under
      // `UBND cấp huyện`) receives the plan through it: the delegating agency, itself an assignment, is the
      // one to check (and to report when it is missing).
      if ((via.get(`${assignment.span.start.offset}:${assignment.agency}`) ?? null) !== null) continue;
      const name = nameOf(assignment.agency);
      const group = missing.find((m) => sameAgency(m.name, name));
      if (group) group.items.push(assignment);
      else missing.push({ name, items: [assignment] });
    }

    return missing.map(({ items }): Report => {
      const first = items[0] as Assignment;
      const roles = unique(items.map((a) => a.role));
      const sections = unique(items.map((a) => a.section ?? "—"));
      const related = uniqueSpans(items.slice(1).map((a) => a.span), first.span);
      return {
        message: `“${first.agency}” được giao nhiệm vụ (${roles.join(", ")}; mục ${sections.join(", ")}) nhưng không có trong Nơi nhận.`,
        messageEn: `“${first.agency}” is given tasks (${roles.join(", ")}; section ${sections.join(", ")}) but is not among the recipients (Nơi nhận).`,
        span: first.span,
        related,
      };
    });
  },
};

// --- names -------------------------------------------------------------------------------------

interface Name {
  words: readonly string[];
  /** The head as compared (`ủy ban nhân dân`, `sở`, `ban chỉ đạo`), or null. */
  head: string | null;
  tail: readonly string[];
}

const HEAD_FORMS = [...new Set(AGENCY_HEADS.map((head) => compareWords(head).join(" ")))]
  .map((head) => head.split(" "))
  .sort((a, b) => b.length - a.length);
const LEVEL_FORMS = LEVEL_WORDS.map((level) => compareWords(level)).sort((a, b) => b.length - a.length);
const LOOKALIKE_FORMS = LEVEL_LOOKALIKES.map((word) => compareWords(word));
/** A level word at `i` that is a level (`huyện`, `thành phố`), not the start of `xã hội`. */
const levelAt = (words: readonly string[], i: number): readonly string[] | null =>
  LOOKALIKE_FORMS.some((form) => startsWith(words, form, i)) ? null : (LEVEL_FORMS.find((form) => startsWith(words, form, i)) ?? null);
const OWN_STAFF = new Set(OWN_STAFF_HEADS.map((head) => compareWords(head).join(" ")));
const MEMBER_FORMS = MEMBER_PREFIXES.map((prefix) => compareWords(prefix)).sort((a, b) => b.length - a.length);
const GROUP_FORMS = [...GROUP_COVERS.keys()]
  .map((word) => ({ words: compareWords(word), heads: new Set((GROUP_COVERS.get(word) ?? []).map((h) => compareWords(h).join(" "))) }))
  .sort((a, b) => b.words.length - a.words.length);
/** Group words that cover no head but may stand in a group recipient (`Các cơ quan, đơn vị`). */
const GROUP_FILLERS = [["cơ", "quan"], ["đơn", "vị"], ["địa", "phương"], ["tổ", "chức"]];

function startsWith(words: readonly string[], prefix: readonly string[], at = 0): boolean {
  return prefix.length > 0 && prefix.every((w, k) => words[at + k] === w);
}

function nameOf(text: string): Name {
  let words = compareWords(text);
  // `Thành viên Ban Chỉ đạo …`, `Lãnh đạo UBND huyện`: the body itself.
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of MEMBER_FORMS) {
      if (startsWith(words, prefix) && words.length > prefix.length) {
        words = words.slice(prefix.length);
        changed = true;
        break;
      }
    }
  }
  const head = HEAD_FORMS.find((form) => startsWith(words, form));
  return head ? { words, head: head.join(" "), tail: words.slice(head.length) } : { words, head: null, tail: words };
}

/** `Văn phòng Sở`, `Ban Tổ chức Tỉnh ủy`: a unit named after the issuer by its head alone (`sở`, `tỉnh ủy`). */
function ownUnit(agency: Name, issuerHead: string): boolean {
  const head = issuerHead.split(" ");
  return agency.words.length > head.length && startsWith(agency.words, head, agency.words.length - head.length);
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let k = 0;
  for (const word of long) if (word === short[k]) k++;
  return k === short.length;
}

const isLevelOnly = (words: readonly string[]) => {
  for (let i = 0; i < words.length; ) {
    const level = levelAt(words, i) ?? (words[i] === "các" || words[i] === "cấp" ? ["x"] : null);
    if (!level) return false;
    i += level.length;
  }
  return true;
};

/** Same head, and one name's other words are the other's, in order (`Đài PTTH tỉnh` ~ `Đài Phát thanh và Truyền hình tỉnh Lai Châu`). */
function sameAgency(a: Name, b: Name): boolean {
  if (a.head === null || a.head !== b.head) return false;
  const [short, long] = a.tail.length <= b.tail.length ? [a.tail, b.tail] : [b.tail, a.tail];
  if (short.length === 0) return isLevelOnly(long);
  return isSubsequence(short, long);
}

/** `Các cơ quan liên quan`, `các đơn vị nghiệp vụ`: no agency one could send the plan to. */
function isVague(agency: string): boolean {
  const words = compareWords(agency);
  if (VAGUE_MARKERS.some((marker) => isSubsequenceContiguous(compareWords(marker), words))) return true;
  if (words[0] !== "các" && words[0] !== "sở") return false;
  // A plural group naming nothing in particular (`Các sở, ngành`, `Sở, ban, ngành`): no capitalised or
  // abbreviated word after `Các sở` or `Sở`. (`Sở Y tế` names one: its name starts at the second word.)
  const written = agency.split(/[\s,]+/).slice(words[0] === "các" ? 2 : 1);
  return !written.some((word) => /^[A-ZĐÀ-Ỹ]/u.test(word) && word !== word.toLowerCase());
}

function isSubsequenceContiguous(needle: readonly string[], hay: readonly string[]): boolean {
  for (let i = 0; i + needle.length <= hay.length; i++) if (startsWith(hay, needle, i)) return true;
  return false;
}

// --- recipients --------------------------------------------------------------------------------

type Recipient =
  | { kind: "named"; name: Name }
  /** `Các sở, ban, ngành, đoàn thể tỉnh`: heads it covers and the level it names, if any. */
  | { kind: "group"; heads: Set<string>; level: readonly string[] | null }
  /** `UBND các huyện, thành phố`: the levels whose agencies it reaches. */
  | { kind: "local"; head: string; levels: (readonly string[])[] }
  /** `Lưu: VT, LĐTBXH`: the drafting unit, by its expanded code. */
  | { kind: "archive"; words: readonly string[] };

/** The texts of `Nơi nhận:` and of `Kính gửi:` (a letter's addressees, which `Như trên` refers to). */
function recipientTexts(plan: Plan): string[] {
  // Recipients that one line names (`- Phòng LĐ-TB&XH; TC-KH huyện;`) are read as one text again, so
  // that the second shares the first one's head.
  const texts: string[] = [];
  let previousEnd = -1;
  for (const r of plan.recipients) {
    const sameLine = previousEnd >= 0 && !plan.source.text.slice(previousEnd, r.span.start.offset).includes("\n");
    if (sameLine && texts.length > 0) texts[texts.length - 1] += ` ${r.text}`;
    else texts.push(r.text);
    previousEnd = r.span.end.offset;
    texts.push(...articleAddressees(plan.source.text, r.text, r.span.start.offset));
  }
  const addressees = ADDRESSEE_LINE.exec(plan.source.text);
  if (addressees) {
    if ((addressees[1] ?? "").trim().length > 0) texts.push(addressees[1] as string);
    const after = plan.source.text.slice(addressees.index + addressees[0].length + 1).split("\n");
    for (const line of after) {
      const item = /^\s*[-–•+]\s*(.+)$/u.exec(line);
      if (!item) break;
      texts.push(item[1] as string);
    }
  }
  return texts;
}

/** `Như mục IV`: the labels of the sections whose bodies a recipient line stands for. */
function namedSections(plan: Plan): string[] {
  return plan.recipients.flatMap((r) => {
    const match = AS_SECTION.exec(r.text.trim());
    return match ? [match[2] ? `${match[1]}.${match[2]}` : (match[1] as string)] : [];
  });
}

/** `IV.2` lies in `IV` and in `IV.2`, not in `IV.3` nor `I`. */
function inSections(section: string | null, labels: readonly string[]): boolean {
  return section !== null && labels.some((label) => section === label || section.startsWith(`${label}.`));
}

/** `Như Điều 3`: the addressees of the last `Điều 3.` before the recipient (see AS_ARTICLE). */
function articleAddressees(text: string, recipient: string, at: number): string[] {
  const number = AS_ARTICLE.exec(recipient.trim())?.[1];
  if (!number) return [];
  const before = text.slice(0, at);
  const heading = `\nĐiều ${number}.`;
  const start = before.lastIndexOf(heading);
  if (start < 0) return [];
  const end = before.indexOf("\n", start + heading.length);
  const article = before.slice(start + heading.length, end < 0 ? before.length : end).replace(ARTICLE_CHARGE, "");
  return article.split(ARTICLE_ADDRESSEES_SPLIT).map((name) => name.trim()).filter((name) => name.length > 0);
}

function readRecipients(plan: Plan): Recipient[] {
  const out: Recipient[] = [];
  for (const recipientText of recipientTexts(plan)) {
    const text = trimEnd(withoutParentheses(recipientText), ";. \t");
    const archive = /^Lưu\s*:?\s*(.*)$/iu.exec(text);
    if (archive) {
      for (const code of (archive[1] ?? "").split(",")) {
        const words = compareWords(code);
        if (words.length > 0) out.push({ kind: "archive", words });
      }
      continue;
    }
    let previousHead: string | null = null;
    for (const part of text.split(";")) {
      const colon = part.indexOf(":");
      const before = colon >= 0 ? part.slice(0, colon) : part;
      const after = colon >= 0 ? part.slice(colon + 1) : "";
      let name = nameOf(before);
      // `Thủ trưởng các sở, ban, ngành` (an article's addressees): the group after the title.
      const group = readGroup(name.words);
      if (group && group.kind === "group" && after.trim().length > 0) {
        // `Các sở: Thông tin và Truyền thông, Tài chính` → `Sở Thông tin và Truyền thông`, `Sở Tài chính`.
        const head = [...group.heads][0];
        for (const item of after.split(",")) {
          const words = compareWords(item);
          if (words.length > 0 && head) out.push({ kind: "named", name: nameOf(`${head} ${words.join(" ")}`) });
        }
        continue;
      }
      if (name.words.length === 0) continue;
      // `Phòng LĐ-TB&XH; TC-KH huyện`: the second item shares the first one's head.
      if (name.head === null && previousHead !== null) name = nameOf(`${previousHead} ${name.words.join(" ")}`);
      previousHead = name.head;
      if (group) out.push(group);
      const local = readLocal(name);
      if (local) out.push(local);
      out.push({ kind: "named", name });
    }
  }
  return out;
}

/** `Các sở, ban, ngành[, đoàn thể] [tỉnh]` (the words after `các`). */
function readGroup(words: readonly string[]): Recipient | null {
  if (words[0] !== "các") return null;
  const heads = new Set<string>();
  let i = 1;
  let any = false;
  for (;;) {
    const group = GROUP_FORMS.find((form) => startsWith(words, form.words, i));
    if (group) {
      for (const head of group.heads) heads.add(head);
      i += group.words.length;
      any = true;
      continue;
    }
    const filler = GROUP_FILLERS.find((form) => startsWith(words, form, i));
    if (filler) {
      i += filler.length;
      any = true;
      continue;
    }
    break;
  }
  if (!any || heads.size === 0) return null;
  return { kind: "group", heads, level: levelAt(words, i) };
}

/** `UBND các huyện, thành phố` → the levels huyện and thành phố. */
function readLocal(name: Name): Recipient | null {
  if (name.head === null || name.tail[0] !== "các") return null;
  const levels: (readonly string[])[] = [];
  let i = 1;
  for (;;) {
    const level = levelAt(name.tail, i);
    if (!level) break;
    levels.push(level);
    i += level.length;
  }
  return levels.length > 0 ? { kind: "local", head: name.head, levels } : null;
}

function covers(recipient: Recipient, agency: Name): boolean {
  switch (recipient.kind) {
    case "named":
      return sameAgency(recipient.name, agency);
    case "group": {
      if (agency.head === null || !recipient.heads.has(agency.head)) return false;
      if (!recipient.level) return true;
      const level = agencyLevel(agency);
      return level === null || level.join(" ") === recipient.level.join(" ");
    }
    case "local":
      // Every agency of those levels: `UBND huyện Phong Thổ`, `UBND cấp huyện`, `Trung tâm … các huyện`.
      return agency.tail.some((_, i) => {
        const level = levelAt(agency.tail, i);
        return level !== null && recipient.levels.some((wanted) => wanted.join(" ") === level.join(" "));
      });
    case "archive": {
      // `Lưu: VT, LĐTBXH` names units by their code; a Party document's `Lưu Văn phòng Tỉnh ủy` by their name.
      const archived = recipient.words.join(" ");
      const core = coreOf(agency);
      return (core.length > 0 && core.join(" ") === archived) || agency.words.join(" ") === archived;
    }
  }
}

/** The last level word of a name: `Ban Dân tộc tỉnh` → tỉnh. */
function agencyLevel(agency: Name): readonly string[] | null {
  for (let i = agency.tail.length - 1; i >= 0; i--) {
    const level = levelAt(agency.tail, i);
    if (level) return level;
  }
  return null;
}

/** The name without its head and its trailing level: `Phòng Lao động TB&XH huyện` → lao động thương binh xã hội. */
function coreOf(agency: Name): readonly string[] {
  const tail = [...agency.tail];
  for (let trimmed = true; trimmed && tail.length > 0; ) {
    trimmed = false;
    for (const level of LEVEL_FORMS) {
      const at = tail.length - level.length;
      if (tail.length > level.length && startsWith(tail, level, at) && levelAt(tail, at) !== null) {
        tail.splice(tail.length - level.length);
        trimmed = true;
        break;
      }
    }
  }
  return tail;
}

/** `Bộ X (để B/c)` → `Bộ X  `: parenthesised remarks out, in one pass (an unclosed `(` runs to the end). */
function withoutParentheses(text: string): string {
  let out = "";
  let depth = 0;
  for (const c of text) {
    if (c === "(") depth++;
    else if (c === ")" && depth > 0) {
      depth--;
      out += " ";
    } else if (depth === 0) out += c;
  }
  return out;
}

/** The text without the given characters at its end, then trimmed. */
function trimEnd(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && (characters.includes(text[end - 1] as string) || /\s/.test(text[end - 1] as string))) end--;
  return text.slice(0, end).trim();
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function uniqueSpans(spans: readonly Span[], first: Span): Span[] {
  const seen = new Set([first.start.offset]);
  return spans.filter((span) => {
    if (seen.has(span.start.offset)) return false;
    seen.add(span.start.offset);
    return true;
  });
}
