/**
 * Abbreviations of agency names as plans write them, with their expansion, for comparing names
 * (`Đài PTTH tỉnh` = `Đài Phát thanh – Truyền hình tỉnh`, `Phòng LĐ-TB&XH` = `Phòng Lao động - Thương
 * binh và Xã hội`). Expansions are lower-case and leave out `và`, as the compared forms do.
 * Ambiguous abbreviations (`TT`: Trung tâm, Thường trực or Thông tin; `CT`) are deliberately absent.
 */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["UBND", "ủy ban nhân dân"],
  ["UBNN", "ủy ban nhân dân"],
  ["HĐND", "hội đồng nhân dân"],
  ["HĐND&UBND", "hội đồng nhân dân ủy ban nhân dân"],
  ["HĐND-UBND", "hội đồng nhân dân ủy ban nhân dân"],
  ["UBMTTQ", "ủy ban mặt trận tổ quốc"],
  ["MTTQ", "mặt trận tổ quốc"],
  ["MTTQVN", "mặt trận tổ quốc việt nam"],
  ["TT&TT", "thông tin truyền thông"],
  ["TTTT", "thông tin truyền thông"],
  ["TT-TT", "thông tin truyền thông"],
  ["PTTH", "phát thanh truyền hình"],
  ["PT-TH", "phát thanh truyền hình"],
  ["PT&TH", "phát thanh truyền hình"],
  ["PTTT", "phát thanh truyền thanh"],
  ["QL", "quản lý"],
  ["QLDA", "quản lý dự án"],
  ["LĐTB&XH", "lao động thương binh xã hội"],
  ["LĐ-TB&XH", "lao động thương binh xã hội"],
  ["LĐ-TBXH", "lao động thương binh xã hội"],
  ["LĐTBXH", "lao động thương binh xã hội"],
  ["TB&XH", "thương binh xã hội"],
  ["TBXH", "thương binh xã hội"],
  ["TC-KH", "tài chính kế hoạch"],
  ["TCKH", "tài chính kế hoạch"],
  ["TC&KH", "tài chính kế hoạch"],
  ["KH-TC", "kế hoạch tài chính"],
  ["KH&ĐT", "kế hoạch đầu tư"],
  ["KHĐT", "kế hoạch đầu tư"],
  ["VH&TT", "văn hóa thông tin"],
  ["VH-TT", "văn hóa thông tin"],
  ["VHTT", "văn hóa thông tin"],
  ["VH-TT&TT", "văn hóa thể thao truyền thông"],
  ["VH-TT-DL", "văn hóa thể thao du lịch"],
  ["VHTTDL", "văn hóa thể thao du lịch"],
  ["VH-TT&DL", "văn hóa thể thao du lịch"],
  ["VH-TT-TT", "văn hóa thể thao truyền thông"],
  ["VH-TTTT", "văn hóa thông tin truyền thông"],
  ["BCĐ", "ban chỉ đạo"],
  ["BCH", "ban chấp hành"],
  ["BTV", "ban thường vụ"],
  ["MTQG", "mục tiêu quốc gia"],
  ["CTMTQG", "chương trình mục tiêu quốc gia"],
  ["VP", "văn phòng"],
  ["PCT", "phó chủ tịch"],
  ["PVP", "phó văn phòng"],
  ["TN&MT", "tài nguyên môi trường"],
  ["TNMT", "tài nguyên môi trường"],
  ["NN&PTNT", "nông nghiệp phát triển nông thôn"],
  ["NNPTNT", "nông nghiệp phát triển nông thôn"],
  ["NN&MT", "nông nghiệp môi trường"],
  ["GD&ĐT", "giáo dục đào tạo"],
  ["GDĐT", "giáo dục đào tạo"],
  ["KH&CN", "khoa học công nghệ"],
  ["KHCN", "khoa học công nghệ"],
  ["GTVT", "giao thông vận tải"],
  ["CNTT", "công nghệ thông tin"],
  ["BHXH", "bảo hiểm xã hội"],
  ["CHQS", "chỉ huy quân sự"],
  ["BĐBP", "bộ đội biên phòng"],
  ["LĐLĐ", "liên đoàn lao động"],
  ["KT-XH", "kinh tế xã hội"],
  ["KTXH", "kinh tế xã hội"],
  ["ĐKT", "đoàn kiểm tra"],
  ["TP", "thành phố"],
  ["TX", "thị xã"],
  ["DTTS", "dân tộc thiểu số"],
  ["NHNN", "ngân hàng nhà nước"],
  ["KBNN", "kho bạc nhà nước"],
  ["VPCP", "văn phòng chính phủ"],
  ["QH", "quốc hội"],
]);

/**
 * Old and new placement of the tone mark (`hoá`/`hóa`, `uỷ`/`ủy`): both are found in plans and in the
 * same plan. Names are compared in the new placement.
 */
export const TONE_PLACEMENT: ReadonlyMap<string, string> = new Map([
  ["oá", "óa"], ["oà", "òa"], ["oả", "ỏa"], ["oã", "õa"], ["oạ", "ọa"],
  ["oé", "óe"], ["oè", "òe"], ["oẻ", "ỏe"], ["oẽ", "õe"], ["oẹ", "ọe"],
  ["uý", "úy"], ["uỳ", "ùy"], ["uỷ", "ủy"], ["uỹ", "ũy"], ["uỵ", "ụy"],
]);

/** Words left out of compared names: `và`, `&` connect parts of one name (`Văn hóa và Thông tin` = `VH&TT`). */
export const COMPARE_SKIP_WORDS: ReadonlySet<string> = new Set(["và", "&"]);

/** Every case variant of each old placement (`oá`, `OÁ`, `Oá`) with its new form. */
const TONE_VARIANTS: ReadonlyMap<string, string> = new Map(
  [...TONE_PLACEMENT].flatMap(([from, to]) => [
    [from, to],
    [from.toUpperCase(), to.toUpperCase()],
    [(from[0] as string).toUpperCase() + from.slice(1), (to[0] as string).toUpperCase() + to.slice(1)],
  ]),
);
// Only where the pair ends the syllable: with a final consonant both placements mark the second vowel
// (`hoạch`, `toàn`, `khuyết`), and after `q` the `u` is the consonant's (`quý`, `quả`).
const OLD_PLACEMENT = new RegExp(`(?<![qQ])(?:${[...TONE_VARIANTS.keys()].join("|")})(?![\\p{L}\\p{M}])`, "gu");

/** `hoá` → `hóa`, `Uỷ` → `Ủy`, the rest unchanged (NFC in, NFC out). One pass: it runs on every word. */
export function foldTonePlacement(text: string): string {
  return text.normalize("NFC").replace(OLD_PLACEMENT, (match) => TONE_VARIANTS.get(match) ?? match);
}

/**
 * The form in which two names of an agency are compared, as words: NFC, tone marks in the new place,
 * abbreviations expanded (a compound such as `LĐ-TB&XH` first whole, then by its parts), lower-case,
 * punctuation, `-`/`–` and `và` removed. `Phòng LĐ-TB&XH huyện` → `phòng lao động thương binh xã hội huyện`.
 */
export function compareWords(name: string): readonly string[] {
  let words = compared.get(name);
  if (words === undefined) {
    words = readCompareWords(name);
    if (compared.size >= 10_000) compared.clear();
    compared.set(name, words);
  }
  return words;
}
// A plan names the same few agencies many times, and the rule compares each name with every recipient.
const compared = new Map<string, readonly string[]>();

function readCompareWords(name: string): readonly string[] {
  const words: string[] = [];
  for (const raw of foldTonePlacement(name).split(/[\s,;:.()“”"'/]+/)) {
    if (raw.length === 0) continue;
    for (const part of expand(raw)) {
      for (const word of part.toLowerCase().split(/[\s\-–—&]+/)) {
        if (word.length > 0 && !COMPARE_SKIP_WORDS.has(word)) words.push(word);
      }
    }
  }
  return words;
}

function expand(token: string): string[] {
  const whole = ABBREVIATIONS.get(token);
  if (whole) return [foldTonePlacement(whole)];
  if (!/[-–&]/.test(token)) return [token];
  // A compound: expand each part (`VP` + `UBND`), keeping the ones we do not know.
  return token.split(/([-–&])/).flatMap((part) => (/^[-–&]$/.test(part) || part === "" ? [] : [foldTonePlacement(ABBREVIATIONS.get(part) ?? part)]));
}
