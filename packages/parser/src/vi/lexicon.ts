/**
 * Word lists the grammar consults through gates. Kept as data so that a new unit or a new issuer
 * word is a one-line change, not a grammar change.
 */
import { ABBREVIATIONS } from "./abbreviations.ts";
import { ISSUER_CODES } from "./issuer-codes.ts";
import { isVietnameseSyllable } from "./syllables.ts";

/** Units of counted quantities in plans, multi-word units first (matching is longest first). */
export const QUANTITY_UNITS: readonly string[] = [
  "cán bộ", "công chức", "viên chức", "học viên", "đại biểu", "người", "lượt người", "lượt", "hộ", "hộ gia đình",
  // Schools, associations, the Party, social policy: who a plan counts.
  "giáo viên", "học sinh", "sinh viên", "trẻ", "trường", "phòng học", "hội viên", "đảng viên", "thành viên", "lao động",
  "hộ nghèo", "hộ cận nghèo", "công trình", "tổ", "đội", "nhóm",
  "lớp", "buổi", "đợt", "phiên", "cuộc", "hội nghị", "hội thi",
  "ngày", "giờ", "phút", "tuần", "tháng", "quý", "năm",
  "mục", "số", "tin", "bài", "ảnh", "tin bài", "phóng sự", "tiểu phẩm", "tác phẩm", "sản phẩm", "chương trình",
  "chuyên mục", "chuyên trang", "chuyên đề", "bản tin", "videos clip", "video clip", "video", "clip", "phim",
  "cuốn", "bản", "tờ", "tờ rơi", "tờ gấp", "trang", "pano", "băng rôn", "băng zôn", "khẩu hiệu", "ấn phẩm",
  "mặt", "màn hình", "đài", "đài truyền thanh", "cụm loa", "cụm", "loa", "điểm", "máy", "máy vi tính", "máy tính",
  // `12 số/sóng phát thanh và 12 số/sóng truyền hình`: the channel a count is per.
  "sóng phát thanh", "sóng truyền hình",
  "bộ", "thiết bị", "tủ", "kệ", "xã", "huyện", "thôn", "bản", "tỉnh", "đơn vị", "cơ quan", "doanh nghiệp",
  "thứ tiếng", "tiếng", "hồ sơ", "văn bản", "mô hình", "dự án", "nhiệm vụ", "chỉ tiêu", "km", "m2", "ha", "%",
  // Counts that reports give: procedures, public services, citizens' feedback, inspections.
  "thủ tục", "thủ tục hành chính", "dịch vụ công", "dịch vụ công trực tuyến", "phản ánh", "kiến nghị", "phản ánh, kiến nghị",
  "cuộc thanh tra", "cuộc kiểm tra", "vụ", "vụ việc", "trường hợp", "giấy phép", "điểm mỏ", "mỏ", "tài khoản", "lượt truy cập",
];

/**
 * A count of an abbreviated unit (`598 TTHC`, `45 HTX`, `12 DVCTT`): two to eight capitals. The plan's
 * own codes after a number are not counts: years (`năm 2025 UBND`) and numbers (`số 12 UBND`) are
 * ruled out by the grammar before this is asked.
 */
export function isAbbreviatedUnit(word: string): boolean {
  return word.length >= 2 && word.length <= 8 && ABBREVIATION.test(word);
}
const ABBREVIATION = /^[A-ZĐ]+$/;

/** Lower-case words that may sit inside the name of an issuing body (`Ủy ban nhân dân tỉnh`). */
export const ISSUER_INNER_WORDS: ReadonlySet<string> = new Set([
  "và", "nhân", "dân", "tỉnh", "huyện", "thành", "phố", "xã", "thị", "trấn", "quận", "phường", "cấp",
  "nhà", "nước", "trung", "ương", "các", "đồng",
]);

/** Words that open the subject of a citation, ending the issuer's name (`… của Bộ Tài chính quy định …`). */
export const SUBJECT_OPENERS: ReadonlySet<string> = new Set([
  "về", "phê", "hướng", "quy", "triển", "truyền", "kế", "chương", "dự", "nhiệm", "thực", "giao", "việc", "tại", "theo", "trong", "năm", "v/v",
  "sửa", "bổ", "điều", "tổ", "hỗ", "phân", "chi", "lập", "xây", "ngày",
]);

/** Time units that, followed by a number, are a date part (`1 năm 2023` is not one year). */
export const DATE_PART_UNITS: ReadonlySet<string> = new Set(["năm", "tháng", "ngày", "quý"]);

/** Scale words after a figure in an amount: `9,753 tỷ đồng`. */
export const MONEY_SCALES: ReadonlyMap<string, number> = new Map([
  ["nghìn", 1e3],
  ["ngàn", 1e3],
  ["triệu", 1e6],
  ["tỷ", 1e9],
  ["tỉ", 1e9],
]);

/** First words of a number read in words: a parenthesis after an amount that starts with one is its reading. */
export const NUMBER_WORD_STARTS: ReadonlySet<string> = new Set([
  "không", "một", "hai", "ba", "bốn", "tư", "năm", "sáu", "bảy", "bẩy", "tám", "chín", "mười", "mươi", "trăm",
]);

/** What may lead the reading in words inside its parenthesis: `(Bằng chữ: Một trăm triệu đồng)`. */
export const AMOUNT_WORDS_LEAD: readonly string[] = ["bằng", "chữ"];

/** Abbreviations and symbol codes of issuing bodies, in capitals: `UBND`, `HĐND`, `BTC`, `TTG`. */
const BODY_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...[...ABBREVIATIONS.keys()].map((word) => word.toUpperCase()),
  ...ISSUER_CODES.flatMap((entry) => entry.codes.map((code) => code.toUpperCase())),
]);

/**
 * Whether a word in capitals can be part of the name of a Vietnamese issuing body: a Vietnamese
 * syllable (`SỞ`, `TỈNH`), a word with letters only Vietnamese writes (`BCĐ`), or a body's
 * abbreviation (`UBND`). `README` and `LICENSE` are none of these.
 */
export function isBodyNameWord(word: string): boolean {
  if (word.toLowerCase() === word.toUpperCase()) return false;
  if (isVietnameseSyllable(word)) return true;
  if (/[^\u0000-\u007f]/u.test(word)) return true;
  return BODY_ABBREVIATIONS.has(word.toUpperCase());
}
