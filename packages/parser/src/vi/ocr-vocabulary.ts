/**
 * What OCR correction knows of the genre, as data: the words plans are made of (their formulae, type
 * words, agency and issuer names — read from the lists the grammar uses, so both see the same ones),
 * the codes a number and symbol carry, and the look-alike letters a recogniser confuses.
 */
import { AGENCY_HEADS, LEVEL_WORDS } from "./agencies.ts";
import { ABBREVIATIONS } from "./abbreviations.ts";
import { ALL_TYPE_CODES, TYPE_CODES } from "./document-types.ts";
import { ISSUER_CODES, ISSUER_TITLES } from "./issuer-codes.ts";
import { KIND_BY_HEADING } from "./layout.ts";
import { MONEY_SCALES, NUMBER_WORD_STARTS, QUANTITY_UNITS } from "./lexicon.ts";

/**
 * Fixed phrases of NĐ 30/2020 documents (Phụ lục I) and of their bodies, written as plans write them.
 * Their words make up the vocabulary below; nothing here is matched as a whole phrase.
 */
export const GENRE_FORMULAE: readonly string[] = [
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
  "Số:", "ngày tháng năm", "Căn cứ", "Căn cứ Luật", "Căn cứ Nghị định số", "Căn cứ Quyết định số", "Căn cứ Thông tư số",
  "Theo đề nghị của", "Xét đề nghị của", "QUYẾT ĐỊNH:", "Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành",
  "chịu trách nhiệm thi hành Quyết định này", "Nơi nhận:", "Như trên", "Lưu: VT", "TM.", "KT.", "TL.", "TUQ.", "Q.",
  "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "BỘ TRƯỞNG", "THỨ TRƯỞNG",
  "CHÁNH VĂN PHÒNG", "TRƯỞNG PHÒNG", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "CHÍNH PHỦ",
  "Về việc", "V/v", "ban hành", "kèm theo", "Kế hoạch", "thực hiện", "triển khai", "tổ chức", "giai đoạn",
  "MỤC ĐÍCH, YÊU CẦU", "Mục đích", "Yêu cầu", "NỘI DUNG", "NHIỆM VỤ", "GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN", "KINH PHÍ",
  "Kinh phí thực hiện", "nguồn ngân sách nhà nước", "dự toán", "đồng", "Bằng chữ", "Điều", "Chương", "Mục", "Khoản",
  "trên địa bàn", "tỉnh", "huyện", "thành phố", "thị xã", "xã", "phường", "thị trấn", "các sở, ban, ngành",
  "có liên quan", "phối hợp", "chủ trì", "báo cáo", "kết quả", "định kỳ", "hằng năm", "hàng năm", "trước ngày",
  // A Party committee's documents (Hướng dẫn 36-HD/VPTW).
  "ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY", "HUYỆN ỦY", "THÀNH ỦY", "ĐẢNG ỦY", "BAN THƯỜNG VỤ", "BÍ THƯ", "PHÓ BÍ THƯ", "T/M",
];

/** Lines that are a heading of their own: a type heading (`KẾ HOẠCH`), the decision's `QUYẾT ĐỊNH:`, the motto. */
export const GENRE_HEADINGS: readonly string[] = [
  ...KIND_BY_HEADING.keys(),
  "QUYẾT ĐỊNH:", "Nơi nhận:", "Độc lập - Tự do - Hạnh phúc", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN", "KINH PHÍ THỰC HIỆN", "NỘI DUNG", "NHIỆM VỤ, GIẢI PHÁP",
  // The signing block (NĐ 30/2020 Phụ lục I): authority, delegation and position lines.
  "TM. ỦY BAN NHÂN DÂN", "TM. UỶ BAN NHÂN DÂN", "TM. CHÍNH PHỦ", "KT. CHỦ TỊCH", "KT. GIÁM ĐỐC", "KT. THỦ TƯỚNG", "KT. BỘ TRƯỞNG",
  "TL. CHỦ TỊCH", "TL. GIÁM ĐỐC", "TUQ. CHỦ TỊCH", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "THỦ TƯỚNG",
  "PHÓ THỦ TƯỚNG", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG",
  // A Party committee's motto and signing block.
  "ĐẢNG CỘNG SẢN VIỆT NAM", "T/M BAN THƯỜNG VỤ", "T/M TỈNH ỦY", "T/M HUYỆN ỦY", "BÍ THƯ", "PHÓ BÍ THƯ",
];

/** Letters no Vietnamese text has, which a recogniser returns for one it has (they look the same). */
export const LOOKALIKE_LETTERS: ReadonlyMap<string, string> = new Map([
  ["\u00d0", "Đ"], // Ð Icelandic eth for Đ: "QÐ-UBND"
  ["\u00f0", "đ"],
  ["\u0189", "Đ"], // Ɖ African D
  ["\u00ff", "ỹ"], // ÿ for ỹ: "kÿ thuật"
  ["\u0178", "Ỹ"],
]);

/**
 * Marks a recogniser reads from specks and seal dots, which no genre heading has: `KÉ "HOẠCH`.
 * A heading line is compared with these left out.
 */
export const SPECK_MARKS: RegExp = /["“”'‘’`´^~*°]/gu;

/**
 * Letters that differ only by a vowel mark (breve, circumflex, horn) or the bar of đ: what a blurred
 * or thinned diacritic turns into. A correction swaps within a family and keeps the tone mark.
 */
export const MARK_FAMILIES: readonly (readonly string[])[] = [
  ["a", "ă", "â"],
  ["e", "ê"],
  ["o", "ô", "ơ"],
  ["u", "ư"],
  ["d", "đ"],
];

/** Codes a number and symbol may carry after the slash: type codes and issuer codes (`QĐ`, `TTg`, `UBND`). */
export const SYMBOL_CODES: ReadonlySet<string> = new Set([
  ...ALL_TYPE_CODES,
  ...ISSUER_CODES.flatMap((e) => e.codes),
  ...ISSUER_TITLES.flatMap((t) => t.codes ?? []),
  "UBND", "HĐND", "KH", "BC", "TB", "SKHĐT", "STC", "SNV", "STNMT", "SYT", "SGDĐT", "SVHTTDL", "SLĐTBXH", "SNN", "SCT", "STTTT",
]);

/** The words of the genre, lower case, one syllable each: what a doubtful reading is compared with. */
export const GENRE_SYLLABLES: ReadonlySet<string> = new Set(
  [
    ...GENRE_FORMULAE,
    ...TYPE_CODES.keys(),
    ...KIND_BY_HEADING.keys(),
    ...AGENCY_HEADS,
    ...LEVEL_WORDS,
    ...ISSUER_CODES.flatMap((e) => e.names),
    ...ISSUER_TITLES.map((t) => t.title),
    ...ABBREVIATIONS.values(),
    ...QUANTITY_UNITS,
    ...MONEY_SCALES.keys(),
    ...NUMBER_WORD_STARTS,
  ]
    .flatMap((phrase) => phrase.normalize("NFC").toLowerCase().split(/[^\p{L}\p{M}]+/u))
    .filter((w) => w.length > 0),
);

/** Words after which a number is a day, month or year: a reading there that is not digits is an unreadable number. */
export const DATE_SLOT_WORDS: ReadonlySet<string> = new Set(["ngày", "tháng", "năm"]);

/**
 * The genre's top-level parts: a line starting with a roman label (`I.`, `II.` … `XX.`) and a heading
 * in capitals (`III. KINH PHÍ THỰC HIỆN`), numbered I, II, III… within one document.
 */
export const ROMAN_NUMERALS: readonly string[] = [
  "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
  "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
];

/**
 * What a recogniser reads for the strokes of a roman label: `1`, `l`, `|` for `I`; `H` for `II`
 * (`HI.` for `III.`); `L` for `I` (`IL` for `II.`, the dot lost).
 */
export const ROMAN_LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ["1", "I"], ["l", "I"], ["|", "I"], ["!", "I"], ["]", "I"], ["L", "I"], ["í", "I"], ["ì", "I"], ["H", "II"], ["v", "V"], ["x", "X"],
]);
