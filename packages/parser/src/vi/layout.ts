import { DOCUMENT_KINDS, type DocumentKind } from "@kehoach/model";
import { LEVEL_WORDS } from "./agencies.ts";

/**
 * The layout of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), as data:
 * document types with their headings and codes, section labels, and the openers of each block. The
 * lexer's tokens, the normaliser's and the PDF adapter's line predicates, the grammar's gates, the
 * builder and the checks read them from here; no stage keeps its own copy.
 */

// --- document types ------------------------------------------------------------------------------

export interface DocumentType {
  /** The type's name as cited: `Quyết định`. Its type heading is the name in capitals. */
  name: string;
  /** Codes its symbols carry (Phụ lục III): `QĐ` in `90/QĐ-TTg`. */
  codes: readonly string[];
  /** The Plan's kind when kehoach reads such a document as a whole (`DOCUMENT_KINDS` of the model). */
  kind: DocumentKind | null;
  /**
   * Cited by its name and date rather than a number: `Luật Đất đai ngày 18 tháng 01 năm 2024`; `"only"`:
   * by its name alone, whatever follows it (the Constitution: `Hiến pháp năm 2013`, `Hiến pháp nước …`).
   */
  byName?: boolean | "only";
}

/** Types that are only cited, never read as the document itself. */
const CITED_TYPES: readonly DocumentType[] = [
  { name: "Thông tư", codes: ["TT"], kind: null },
  { name: "Thông tư liên tịch", codes: ["TTLT"], kind: null },
  { name: "Nghị định", codes: ["NĐ"], kind: null },
  { name: "Quy chế", codes: ["QC"], kind: null },
  { name: "Quy định", codes: ["QyĐ", "QĐ"], kind: null },
  { name: "Công điện", codes: ["CĐ"], kind: null },
  { name: "Kết luận", codes: ["KL"], kind: null },
  { name: "Thông báo kết luận", codes: ["TB"], kind: null },
  { name: "Chương trình hành động", codes: ["CTr"], kind: null },
  { name: "Phương án", codes: ["PA"], kind: null },
  { name: "Hợp đồng", codes: ["HĐ"], kind: null },
  { name: "Giấy mời", codes: ["GM"], kind: null },
  { name: "Điều lệ", codes: [], kind: null },
  { name: "Văn bản", codes: [], kind: null },
  { name: "Luật", codes: [], kind: null, byName: true },
  { name: "Bộ luật", codes: [], kind: null, byName: true },
  { name: "Pháp lệnh", codes: [], kind: null, byName: true },
  { name: "Hiến pháp", codes: [], kind: null, byName: "only" },
];

/**
 * A joint document of two or more bodies (văn bản liên tịch) is of its kind: `KẾ HOẠCH LIÊN TỊCH`,
 * symbol `15/KHLT-SYT-SGDĐT` (the kind's code and `LT`, then each body's code).
 */
const JOINT_NAME = " liên tịch";
const JOINT_CODE = "LT";

/** Every document type: the kinds kehoach reads, their joint forms, then the types only cited. */
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  ...DOCUMENT_KINDS.map((k): DocumentType => ({ name: k.name, codes: k.code === null ? [] : [k.code], kind: k.kind })),
  ...DOCUMENT_KINDS.flatMap((k): DocumentType[] => (k.code === null ? [] : [{ name: `${k.name}${JOINT_NAME}`, codes: [`${k.code}${JOINT_CODE}`], kind: k.kind }])),
  ...CITED_TYPES,
];

/** Type headings (`KẾ HOẠCH`, `QUYẾT ĐỊNH`, …): the names of the kinds in capitals. */
export const TYPE_HEADINGS: readonly string[] = DOCUMENT_TYPES.filter((t) => t.kind !== null).map((t) => t.name.toUpperCase());

/** Document kinds by type heading. */
export const KIND_BY_HEADING: ReadonlyMap<string, DocumentKind> = new Map(
  DOCUMENT_TYPES.flatMap((t) => (t.kind === null ? [] : [[t.name.toUpperCase(), t.kind] as const])),
);

/**
 * Kinds whose title is followed by the issuing authority in capitals: a decision's `CHỦ TỊCH ỦY BAN NHÂN DÂN
 * TỈNH`, a resolution's `HỘI ĐỒNG NHÂN DÂN TỈNH … KHÓA XV, KỲ HỌP THỨ 12`. Under any other type heading a
 * title written in capitals (`TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH …`) is the title.
 */
export const AUTHORITY_KINDS: ReadonlySet<DocumentKind> = new Set(["quyet-dinh", "nghi-quyet"]);

/**
 * Types cited by their code in running text or a table's cell: `QĐ số 12/QĐ-UBND`, `NĐ 30/2020/NĐ-CP`. Only
 * with a number after it (`số` and a figure, or the figure): a code alone is too short to tell from a name.
 */
const CITED_BY_CODE: readonly string[] = ["KH", "QĐ", "NQ", "CT", "TB", "BC", "HD", "NĐ", "TT", "CTr", "ĐA"];

/** The type each code of CITED_BY_CODE stands for (a kind's code before a cited type's: `QĐ` is a decision). */
const TYPE_BY_CODE: ReadonlyMap<string, string> = new Map(
  CITED_BY_CODE.map((code) => [code, (DOCUMENT_TYPES.find((t) => t.codes.includes(code)) as DocumentType).name]),
);

/** Type names cited in capitals inside a sentence (`QUYẾT ĐỊNH số …` in a decision's formula). */
const CITED_IN_CAPITALS: ReadonlySet<string> = new Set(["Quyết định", "Kế hoạch", "Thông tư", "Nghị quyết", "Nghị định", "Công văn"]);

/**
 * A type's name as a pattern that also takes its later words capitalised, as names of several types are
 * written (`Thông báo Kết luận số 123-TB/TU`, `Chương trình Hành động`, `Thông tư Liên tịch`).
 */
const namePattern = (name: string) => name.replace(/ (\p{Ll})/gu, (_, c: string) => ` [${c}${c.toUpperCase()}]`);

/** The names of every type as patterns (`namePattern`), longest first, and the capital forms cited in sentences: the lexer's `DocType`. */
const TYPE_NAME_PATTERNS: readonly string[] = [
  ...DOCUMENT_TYPES.map((t) => t.name),
  ...[...CITED_IN_CAPITALS].map((name) => name.toUpperCase()),
]
  .sort((a, b) => b.length - a.length)
  .map(namePattern);

const TYPE_BY_LOWER_NAME: ReadonlyMap<string, string> = new Map(DOCUMENT_TYPES.map((t) => [t.name.toLowerCase(), t.name]));

/** The type a `DocType` token names, as the table writes it: `QĐ` → `Quyết định`, `QUYẾT ĐỊNH` → `Quyết định`, `Thông báo Kết luận` → `Thông báo kết luận`. */
export function typeNameOf(image: string): string {
  return TYPE_BY_CODE.get(image) ?? TYPE_BY_LOWER_NAME.get(image.toLowerCase()) ?? image;
}

/** The lexer's `DocType`: a type's name (TYPE_NAME_PATTERNS), or its code with a number after it (TYPE_BY_CODE). */
export const DOC_TYPE = new RegExp(`${TYPE_NAME_PATTERNS.join("|")}|(?:${CITED_BY_CODE.join("|")})(?= (?:số )?\\d)`);

/**
 * Types cited by their name (with a date) rather than their number: laws, codes and ordinances of the
 * National Assembly and its Standing Committee (`Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm
 * 2015`). Their issuer is never written in a citation: the name and the date identify them.
 */
export const NAMED_TYPES: ReadonlySet<string> = new Set(DOCUMENT_TYPES.filter((t) => t.byName).map((t) => t.name));

/** Types cited by their name alone, whatever word follows the type (`Hiến pháp năm 2013`). */
export const NAME_ONLY_TYPES: ReadonlySet<string> = new Set(DOCUMENT_TYPES.filter((t) => t.byName === "only").map((t) => t.name));

/** A line that is only a type heading (`KẾ HOẠCH`, with spaces around). */
export function isTypeHeading(line: string): boolean {
  return TYPE_HEADING_LINE.test(line);
}
export const TYPE_HEADING_LINE = new RegExp(`^\\s*(?:${TYPE_HEADINGS.join("|")})\\s*$`);

/** Who an e-signature stamp names: `Người ký: …`, `Ký bởi: …`, `Signed by: …` (the name is group 1). */
export const STAMP_SIGNER = /(?:Người ký|Ký bởi|Signed by)\s*:\s*([^\n]+)/i;
/**
 * The lines of an e-signature stamp as text extraction gives them, in the order the signing software
 * prints them: `Người ký: Sở Nội vụ`, `Email: …`, `Cơ quan: Tỉnh Nghệ An`, `Thời gian ký: 05.03.2025 10:20:15
 * +07:00`. A run of such lines is a stamp when one of them says who signed or when (STAMP_ANCHOR).
 */
export const STAMP_FIELD = /^(?:Người ký|Ký bởi|Signed by|E-?mail|Cơ quan|Chức vụ|Thời gian ký|Ngày ký|Signing time|Date|Reason|Lý do|Location|Vị trí)\s*:/i;
export const STAMP_ANCHOR = /^(?:Người ký|Ký bởi|Signed by|Thời gian ký|Ngày ký|Signing time)\s*:/i;

// --- section labels ------------------------------------------------------------------------------

/**
 * Section labels at the start of a line, as regex sources (a space or the line's end follows each):
 * `Phần I` / `PHẦN THỨ NHẤT` parts of a long plan, `Điều 1.` articles of a decision, `I.` parts, `1.` /
 * `1)` / `1.1.` / `2.1.4.` numbers, `2.1` without its final dot, `a)` … `đ)` points (`a.` in documents that
 * bend the form), `-` / `+` items. Documents outside the NĐ 30 form also close a label with a slash: `I/`, `1/`, `a/`.
 */
/**
 * The marks an item line may start with instead of `-`: the bullet glyphs Word and PDF extractions carry —
 * Unicode ones (`•`, `●`, `■`, `➢`, `✓` …) and the Symbol and Wingdings fonts' private-use codes, which copied
 * text keeps as they are (`\uF0B7`, the Symbol font's bullet; `\uF0A7`, Wingdings' square; `\uF0D8`, its
 * arrowhead; `\uF076`, its diamond; `\uF0FC`, its tick).
 */
export const BULLETS: readonly string[] = ["•", "*", "●", "○", "◦", "■", "□", "▪", "♦", "❖", "➢", "►", "✓", "\uF0B7", "\uF0A7", "\uF0D8", "\uF076", "\uF0FC"];

export const LABEL_FORMS = {
  /** Followed by its end, `.`/`:`, a dash or a heading's capital: `Phần III của Kế hoạch này` wrapped to a line start is no label. */
  part: "(?:PHẦN|Phần) (?:[IVXL]{1,6}|THỨ [A-ZÀ-ỸĐ]+|thứ [a-zà-ỹđ]+)(?:[.:]|(?= *$)|(?= [-–] )|(?= [A-ZÀ-ỸĐ]))",
  article: "Điều \\d{1,3}[.:]",
  /** `A.` … `H.` before a heading's capital: the main parts of a plan above its roman numerals (`I` is roman). */
  capital: "[A-HĐ]\\.(?= [A-ZÀ-ỸĐ])",
  roman: "[IVXL]{1,6}[./]",
  /** `1.`, `1.1.`, `2.1.4.`: a number ending in a dot. */
  numbered: "\\d{1,2}(?:\\.\\d{1,2})*\\.",
  /** `2.1`, `2.1.4`: decimals without the final dot. */
  decimalOpen: "\\d{1,2}(?:\\.\\d{1,2})+",
  /** `1)`; `1/` outside the form. */
  arabicParen: "\\d{1,2}[)/]",
  /** `a)`; `a.` and `a/` in plans written outside the NĐ 30 form. */
  letter: "[a-zđ][)./]",
  /** `-`, `–` and the bullets (`BULLETS`). */
  item: `[-–${BULLETS.join("")}]`,
  plus: "\\+",
} as const;

/** Labels that always open a paragraph (`I.`, `1.`, `1.1.`, `1)`, `a)`, `a.`), whatever the line before: for re-flowing. */
export const STRONG_LABEL = new RegExp(`^(?:${[LABEL_FORMS.part, LABEL_FORMS.capital, LABEL_FORMS.roman, LABEL_FORMS.numbered, LABEL_FORMS.arabicParen, LABEL_FORMS.letter].join("|")})(?= |$)`);

// --- block openers -------------------------------------------------------------------------------

/**
 * `Số:` of the header (`Số: 12/KH-UBND`); a Party committee's documents (Hướng dẫn 36-HD/VPTW) write
 * it without the colon before their `số-type/body` symbol: `Số 125-KH/TU`. `Số 12/KH-UBND`, the colon
 * forgotten, is the field too; `SỐ 1050/QĐ-SCT` in capitals is a name's end (`ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH
 * SỐ 1050/QĐ-SCT`), not the field.
 */
export const NUMBER_FIELD = /S[ốỐ] ?:|S[ốỐ](?= \d{1,5}-[A-ZĐ])|Số(?= \d{1,5} ?\/[A-ZĐ])/;

/** How either line of the national motto begins (or a Party committee's): enough to open a block in extracted lines. */
export const MOTTO_OPENER = /C[ỘO]NG H(?:ÒA|OÀ|OA)|Độc [lL]ập|ĐẢNG CỘNG SẢN|ĐOÀN (?:TNCS|THANH NIÊN CỘNG SẢN)/;
/**
 * The national motto, either line (Quốc hiệu; Tiêu ngữ); a Party committee's documents have `ĐẢNG CỘNG SẢN
 * VIỆT NAM` in its place, and the Youth Union's, which follow the Party's layout, `ĐOÀN TNCS HỒ CHÍ MINH`.
 */
export const MOTTO = /(?:C[ỘO]NG H(?:ÒA|OÀ|OA) X[ÃA] H[ỘO]I CH[ỦU] NGH[ĨI]A VI[ỆE]T NAM|Độc [lL]ập ?[-–] ?Tự [dD]o ?[-–] ?Hạnh [pP]húc|ĐẢNG CỘNG SẢN VIỆT NAM|ĐOÀN (?:TNCS|THANH NIÊN CỘNG SẢN) HỒ CHÍ MINH)/;

/**
 * A Party committee's document (Hướng dẫn 36-HD/VPTW, not NĐ 30/2020): its motto is the Party's name; the
 * Youth Union's documents follow the same layout under its own name.
 */
export function isPartyMotto(motto: string): boolean {
  return /^(?:ĐẢNG CỘNG SẢN VIỆT NAM|ĐOÀN (?:TNCS|THANH NIÊN CỘNG SẢN) HỒ CHÍ MINH)/.test(motto.trim());
}

/** `V/v …` (về việc) opening a letter's summary under its number. */
export const SUBJECT_OPENER = /V\/[vV](?=[ .:]|$)/;

/** `Căn cứ` opening a legal basis; OCR often reads it `Căn cử` (a word that never follows `Căn`). */
export const BASIS_OPENER = /C[ăĂ]n c[ứỨửỬ]/;

/** `Kính gửi:` opening the addressees of a letter or a report, under its title. */
export const ADDRESSEES_HEADING = /K[íÍ]nh g[ửỬ]i ?:?/;

/** `PHỤ LỤC`, `PHỤ LỤC II`, `Phụ lục:`: an appendix after the closing. */
export const APPENDIX_HEADING = /^\s*(?:PHỤ LỤC|Phụ lục)(?=[\s:.]|$)/;

/** `Nơi nhận:` opening the recipients list (also in capitals, or without its colon). */
export const RECIPIENTS_HEADING = /N[ơƠ]i nh[ậẬ]n ?:?/;

/**
 * Signing prefixes (thẩm quyền ký, NĐ 30 Điều 13): `TM.` signs for a collective body; `KT.` for the
 * head, by a deputy; `TL.` by order of the head; `TUQ.` by authorisation; `Q.` as acting head.
 * `TM.` is also written `T/M.` and `T.M.`, and in a Party committee's documents `T/M` with no dot
 * (`T/M BAN THƯỜNG VỤ`); `KT.CHỦ TỊCH` has no space. The prefix is followed by a name.
 */
export const SIGN_PREFIX = /(?:T[/.]?M|KT|TL|TUQ|Q)\.(?= ?[^\s.])|T\/M(?= [A-ZĐ])/;
/** The part of a prefix before its final dot: `T/M.` → `T/M`. */
export function prefixCode(prefix: string): string {
  return prefix.trim().replace(/\.$/, "");
}
/** `TM.` alone is always the authority (the collective body), never a delegation. */
export function isCollectivePrefix(code: string): boolean {
  return code === "TM" || code === "T/M" || code === "T.M";
}

/**
 * `Q.` (quyền, acting head) names the acting title itself (`Q. CHỦ TỊCH`, then the signature and the
 * name): unlike `KT.`/`TL.`/`TUQ.`, no position line comes under it.
 */
export function isActingPrefix(code: string): boolean {
  return code === "Q";
}

/**
 * A deputy's position, as `KT.` requires under it: `PHÓ CHỦ TỊCH`, `PHÓ GIÁM ĐỐC`, and a ministry's
 * `THỨ TRƯỞNG` (the deputy of `BỘ TRƯỞNG`, with no `Phó` in its name).
 */
export function isDeputyPosition(position: string): boolean {
  return /^(?:PHÓ|THỨ TRƯỞNG)(?:\s|$)/iu.test(position.trim());
}

/**
 * The mark of a draft, on a line of its own in the header or under the type heading: `(Dự thảo)`,
 * `Dự thảo lần 2`, `(Dự thảo 3)`. No field of the document. Tested on the line's words joined by spaces.
 */
export const DRAFT_MARK = /^(?:\(\s*)?dự\s+thảo(?:\s+(?:lần\s+)?\d{1,2})?(?:\s*\))?$/iu;

/**
 * A note printed where the handwritten signature was, in published copies and in forms: `(Đã ký)`,
 * `(Đã ký và đóng dấu)`, `(Ký, ghi rõ họ tên)`, `(Chữ ký, dấu)`, `[Chữ ký số]`. It sits inside the signing block,
 * between the position and the name, and is neither; without parentheses only `Đã ký` (a name may
 * start with Ký). Tested on the line's words joined by spaces.
 */
export const SIGNATURE_NOTE = /^(?:[([]\s*(?:đã\s+ký|ký|chữ\s+ký)(?=[\s,)\]])[^()[\]]{0,80}[)\]]|đã\s+ký)$/iu;

/**
 * Who proposed the document (`Theo đề nghị của Giám đốc Sở Nội vụ;`, `Xét đề nghị của …`): printed at
 * the end of the preamble, it is not a legal basis.
 */
export const PROPOSAL_OPENER = /(?:Theo|Xét) đề (?:nghị|xuất)/;

/**
 * Several proposers (`Xét đề nghị của 03 đơn vị gồm: Công ty A tại Văn bản số …; Công ty B tại …`):
 * `;` starts the next one, and so does `và` right after the previous one's document (its number or
 * date: `… ngày 01/3/2026 và Giám đốc Sở Tài chính tại …`). Inside a name `và` is a word of it
 * (`Sở Nông nghiệp và Môi trường`); a `:` ends a count that names how many (`03 đơn vị gồm:`).
 */
export const PROPOSER_JOIN = "và";

/**
 * A document cited in the preamble is a basis of its own when a list separator stands between it and
 * the one before (`…; Nghị quyết số …`, `… của Tỉnh ủy và Nghị quyết số …`, `…, Quyết định số …`, or a
 * new `Căn cứ` / `Thực hiện`); with only words between them it belongs to that one's subject
 * (`Nghị quyết số 50/NQ-CP … ban hành kế hoạch triển khai Nghị quyết số 163/2024/QH15 …`), a citation.
 */
export function startsOwnBasis(textSincePrevious: string): boolean {
  return textSincePrevious.includes(";") || BASIS_LIST_END.test(textSincePrevious);
}
/** `và` ending a cited document's subject joins it to the next one (`… trên địa bàn và Văn bản số …`): not part of it. */
export const TRAILING_JOIN = /(?<!\s)\s+và$/u;
/**
 * `(sau đây viết tắt là Quyết định số …` left open before the next citation: the parenthesis names that
 * citation as a short form and is no part of the subject before it. One closed before the subject ends
 * (`… vật liệu nổ công nghiệp (viết tắt là VLNCN), tiền chất …`) is left in the subject.
 */
export const SHORT_FORM_OPENING = /\s*\(\s*(?:(?:sau|dưới) đây\s+)?(?:gọi|viết)\s+(?:tắt\s+)?là(?:\s[^)]*)?$/u;
const BASIS_LIST_END = /(?:[,:]|(?:^|\s)(?:và|Căn cứ|căn cứ|Thực hiện|thực hiện))\s*$/u;

/**
 * `Như Điều 3` under `Nơi nhận:`: the addressees of a decision's article that charges them with carrying
 * it out (`Điều 3. Chánh Văn phòng …, Giám đốc Sở …, Thủ trưởng các sở, ban, ngành và Chủ tịch UBND … chịu
 * trách nhiệm thi hành Quyết định này./.`). They are separated by `,` or `và` before a capital (a comma
 * inside a group, `các sở, ban, ngành`, is followed by a small letter), and end at the charge.
 */
export const AS_ARTICLE = /^Như Điều (\d+)\b/u;
/**
 * `Như mục IV` / `Như phần III` / `Các cơ quan, đơn vị tại mục IV` under a plan's `Nơi nhận:`: every body
 * given a task in that section of the plan (its label as the section walk writes it: `IV`, `IV.2`).
 */
export const AS_SECTION = /(?:^Như|\s(?:tại|ở|theo))\s+(?:[mM]ục|[pP]hần)\s+([IVXLC]+|\d+)(?:\.(\d+))?(?![\p{L}\p{N}])/u;
// `(?<=\S)`: a run of spaces is tried from its first one only (linear time).
export const ARTICLE_ADDRESSEES_SPLIT = /,\s*(?=\p{Lu})|(?<=\S)\s+và\s+(?=\p{Lu})/u;
export const ARTICLE_CHARGE = /(?<=\S)\s+(?:chịu|có) trách nhiệm (?:thi hành|tổ chức thực hiện|thực hiện)[\s\S]*$/u;

/**
 * Issuing bodies printed over two lines with no place on the first (`ỦY BAN NHÂN DÂN` / `TỈNH LAI
 * CHÂU`): both lines are the issuer's name. Any other first line of two or more is the parent body
 * (`UBND TỈNH LÀO CAI` over `SỞ CÔNG THƯƠNG`).
 */
export const BODY_WITHOUT_PLACE = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)$/;

/**
 * A last issuer line that is only a place with its level (`TỈNH ĐIỆN BIÊN` under `SỞ Y TẾ - SỞ GIÁO DỤC VÀ
 * ĐÀO TẠO`): it ends the name above it, so the lines are one name, not a parent and a body.
 */
export const PLACE_ONLY_LINE = new RegExp(`^(?:${LEVEL_WORDS.map((w) => w.toUpperCase()).join("|")}) \\p{Lu}[\\p{Lu} ]*$`, "u");

/**
 * The lead-in of a plan's closing (`Kế hoạch này thay thế …`, `Trên đây là …`): an unlabelled line that
 * opens so, just before the closing formula, belongs to the closing, not to the body.
 */
export const CLOSING_LEAD_IN = /^(Kế hoạch này|Trên đây)/;

/**
 * What stands just before a cited plan that this one replaces (`… thay thế Kế hoạch số 12/KH-UBND …`):
 * that citation is the document's `supersedes`. Read on the few characters before it (SUPERSEDES_REACH).
 */
export const SUPERSEDES_LEAD = /thay thế\s*$/;
export const SUPERSEDES_REACH = 40;
/** Only a cited plan can be the one replaced. */
export const SUPERSEDED_TYPE = "Kế hoạch";

/** The list mark of a recipient that shares its line with the one before (`- Bộ Công an; - Thường trực Tỉnh ủy;`). */
export const RECIPIENT_MARK = new RegExp(`^(?:${LABEL_FORMS.item}|${LABEL_FORMS.plus})\\s+`, "u");

/**
 * The issuing sentence closing the preamble (`…, UBND tỉnh ban hành Kế hoạch … như sau:`, `…, Ủy ban nhân
 * dân huyện xây dựng Kế hoạch triển khai như sau:`): one of these verbs before the document's type, in
 * capitals or not (`ban hành kế hoạch`).
 */
export const ISSUING_VERBS: readonly (readonly [string, string])[] = [
  ["ban", "hành"],
  ["xây", "dựng"],
];
export const ISSUED_TYPES: ReadonlySet<string> = new Set(["kế hoạch", "quyết định", "chương trình", "đề án", "hướng dẫn", "thông báo"]);
/** A report's own verb in that sentence (`…, Ủy ban nhân dân tỉnh báo cáo kết quả … như sau:`), when no `ban hành` is. */
export const REPORTING_VERB = ["báo", "cáo"] as const;

/** First words of an amending law's name, cited by name only: `Luật sửa đổi, bổ sung một số điều của Luật Xây dựng`. */
export const AMENDING_WORDS: ReadonlySet<string> = new Set(["sửa", "bổ"]);

/**
 * Words that make an amount the document's own funding (kinh phí thực hiện, tổng kinh phí, dự toán):
 * `budget.total` is the first amount a funding word leads to in the same clause; any other sum
 * (`Tổng thu ngân sách …`, proceeds of an auction) is only an amount in the text.
 */
export const FUNDING_WORDS: readonly string[] = ["kinh phí", "dự toán", "tổng mức đầu tư", "tổng vốn"];
const FUNDING_PHRASES = FUNDING_WORDS.map((phrase) => phrase.split(" "));

/**
 * A table's unit caption, `Đơn vị tính: triệu đồng` / `ĐVT: 1.000 đồng`: the figures of the table below it
 * are in that unit, with no `đồng` of their own.
 */
export const UNIT_CAPTION = /Đơn vị tính|ĐƠN VỊ TÍNH|ĐVT/;
/**
 * Words that announce a total: a table's total row (`Tổng cộng` / `80`, under a unit caption) and the total
 * after a rate (`03 mục/tháng. Tổng cộng 36 số`, `tổng số 12 bản tin`). Lower case; the ones of two words
 * open a total row (TOTAL_ROW), as `tổng` alone starts too many other phrases.
 */
export const TOTAL_WORDS: readonly string[] = ["tổng cộng", "tổng số", "tổng"];
export const TOTAL_ROW = new RegExp(
  TOTAL_WORDS.filter((words) => words.includes(" "))
    .flatMap((words) => [words.charAt(0).toUpperCase() + words.slice(1), words.toUpperCase()])
    .join("|"),
);

/** A heading that names the funding (`KINH PHÍ THỰC HIỆN`, `Dự toán kinh phí`): its words include a funding word. */
export function namesFunding(heading: string): boolean {
  const words = heading.toLowerCase().split(/\s+/);
  return FUNDING_PHRASES.some((wanted) => words.some((_, i) => wanted.every((word, j) => words[i + j] === word)));
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
