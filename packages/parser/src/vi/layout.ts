/**
 * Forms of the closing and preamble blocks of a Vietnamese administrative document
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I), as data: the lexer's tokens, the PDF adapter's line
 * predicates and the builder read them from here.
 */

/** `Kính gửi:` opening the addressees of a letter or a report, under its title. */
export const ADDRESSEES_HEADING = /K[íÍ]nh g[ửỬ]i ?:?/;

/** `PHỤ LỤC`, `PHỤ LỤC II`, `Phụ lục:`: an appendix after the closing. */
export const APPENDIX_HEADING = /^\s*(?:PHỤ LỤC|Phụ lục)(?=[\s:.]|$)/;

/** `Nơi nhận:` opening the recipients list (also in capitals, or without its colon). */
export const RECIPIENTS_HEADING = /N[ơƠ]i nh[ậẬ]n ?:?/;

/**
 * Signing prefixes (thẩm quyền ký, NĐ 30 Điều 13): `TM.` signs for a collective body; `KT.` for the
 * head, by a deputy; `TL.` by order of the head; `TUQ.` by authorisation; `Q.` as acting head.
 * `TM.` is also written `T/M.` and `T.M.`; `KT.CHỦ TỊCH` has no space. The prefix is followed by a name.
 */
export const SIGN_PREFIX = /(?:T[/.]?M|KT|TL|TUQ|Q)\.(?= ?[^\s.])/;
/** The part of a prefix before its final dot: `T/M.` → `T/M`. */
export function prefixCode(prefix: string): string {
  return prefix.trim().replace(/\.$/, "");
}
/** `TM.` alone is always the authority (the collective body), never a delegation. */
export function isCollectivePrefix(code: string): boolean {
  return code === "TM" || code === "T/M" || code === "T.M";
}

/**
 * Who proposed the document (`Theo đề nghị của Giám đốc Sở Nội vụ;`, `Xét đề nghị của …`): printed at
 * the end of the preamble, it is not a legal basis.
 */
export const PROPOSAL_OPENER = /(?:Theo|Xét) đề (?:nghị|xuất)/;

/** First words of an amending law's name, cited by name only: `Luật sửa đổi, bổ sung một số điều của Luật Xây dựng`. */
export const AMENDING_WORDS: ReadonlySet<string> = new Set(["sửa", "bổ"]);

/**
 * Words that make an amount the document's own funding (kinh phí thực hiện, tổng kinh phí, dự toán):
 * `budget.total` is the first amount a funding word leads to in the same clause; any other sum
 * (`Tổng thu ngân sách …`, proceeds of an auction) is only an amount in the text.
 */
export const FUNDING_WORDS: readonly string[] = ["kinh phí", "dự toán", "tổng mức đầu tư", "tổng vốn"];

/** A heading that names the funding (`KINH PHÍ THỰC HIỆN`, `Dự toán kinh phí`): its words include a funding word. */
export function namesFunding(heading: string): boolean {
  const words = heading.toLowerCase().split(/\s+/);
  return FUNDING_WORDS.some((phrase) => {
    const wanted = phrase.split(" ");
    return words.some((_, i) => wanted.every((word, j) => words[i + j] === word));
  });
}

/**
 * Kinds of document that carry funding of their own; a report, notice or letter only tells of sums
 * (revenue, proceeds, what was spent), so its `budget.total` is null.
 */
export const FUNDED_KINDS: ReadonlySet<string> = new Set(["ke-hoach", "chuong-trinh", "de-an", "quyet-dinh", "to-trinh", "huong-dan", "unknown"]);

/** The words under an attached document's title: `(Ban hành kèm theo Quyết định số …)`, `(Kèm theo …)`. */
export const ATTACHED_MARK: readonly string[] = ["kèm", "theo"];

/**
 * A decision restates its summary in its first article (NĐ 30/2020 Phụ lục I): `Về việc ban hành Kế hoạch X`
 * is issued by `Điều 1. Ban hành kèm theo Quyết định này Kế hoạch X.`. Returns X with its type word, or null.
 */
export function issuedByArticle(articleText: string): string | null {
  return /^Ban hành kèm theo Quyết định này\s+(.+?)\.?$/u.exec(articleText.normalize("NFC").trim())?.[1] ?? null;
}
/** How a decision's summary starts when it issues what its first article names. */
export const ISSUING_SUMMARY_STARTS: readonly string[] = ["Về việc ban hành", "Ban hành"];

/** Text that ends with the attached-document mark, just before the issuing document's citation (`(Ban hành kèm theo `). */
export function followsAttachedMark(before: string): boolean {
  return /(?:^|[\s(])kèm\s+theo\s*$/iu.test(before.normalize("NFC"));
}
