import { describe, expect, it } from "vitest";
import { check, parseText, RULES } from "@kehoach/parser";
import { planText } from "../support/units.ts";

/** A small well-formed plan; each case swaps in the part it is about. */
const plan = planText;

function findings(text: string, code: string) {
  return check(parseText(text, { checks: false }), { only: [code] });
}

interface Case {
  code: string;
  trigger: string;
  nearMiss: string;
  severity: "error" | "warning" | "info";
  /** The exact text the finding's span covers in the trigger (null: the finding has no span, the part is missing). */
  at: string | null;
  /** Stable parts of the Vietnamese `message` and the English `messageEn`, naming the offending value. */
  vi: string[];
  en: string[];
  /** The texts of the finding's related spans, when it has some. */
  related?: string[];
  /** Where the finding comes from: a rule run by `check` (default), or the parse itself. */
  via?: "check" | "parse";
}

const cases: Case[] = [
  {
    code: "amount-words-mismatch",
    trigger: plan({ body: "I. KINH PHÍ\nTổng kinh phí: 9.753.000.000 đồng (Chín tỷ, bảy trăm năm mươi hai triệu đồng)." }),
    nearMiss: plan(),
    severity: "error",
    at: "9.753.000.000 đồng",
    vi: ["9.753.000.000 đồng không khớp với bằng chữ “Chín tỷ, bảy trăm năm mươi hai triệu đồng” (= 9.752.000.000 đồng)"],
    en: ["does not match its words “Chín tỷ, bảy trăm năm mươi hai triệu đồng” (9.752.000.000)"],
    related: ["Chín tỷ, bảy trăm năm mươi hai triệu đồng"],
  },
  {
    code: "citation-date-conflict",
    trigger: plan({ body: "I. KINH PHÍ\n1. Giao tại Quyết định số 90/QĐ-TTg ngày 18/01/2023." }),
    nearMiss: plan({ body: "I. KINH PHÍ\n1. Giao tại Quyết định số 90/QĐ-TTg ngày 18/01/2022." }),
    severity: "error",
    at: "ngày 18/01/2023",
    vi: ["90/QĐ-TTg được ghi ngày 2023-01-18 ở đây nhưng ngày 2022-01-18 ở dòng 6"],
    en: ["90/QĐ-TTg is dated 2023-01-18 here but 2022-01-18 at line 6"],
    related: ["ngày 18/01/2022"],
  },
  {
    code: "citation-type-mismatch",
    trigger: plan({ bases: "Căn cứ Quyết định số 41/KH-UBND ngày 22/02/2024 của UBND huyện;" }),
    nearMiss: plan({ bases: "Căn cứ Kế hoạch số 41/KH-UBND ngày 22/02/2024 của UBND huyện;" }),
    severity: "error",
    at: "Quyết định số 41/KH-UBND ngày 22/02/2024 của UBND huyện",
    vi: ["41/KH-UBND", "ký hiệu “KH” không phải của quyết định (phải là QĐ)"],
    en: ["41/KH-UBND", "type code “KH” is not that of a Quyết định (expected QĐ)"],
  },
  {
    // A type of several words with its later words capitalised (`Thông báo Kết luận`) is still that type: it was
    // read as `Kết luận`, whose code is KL, and the near miss was flagged.
    code: "citation-type-mismatch",
    trigger: plan({ bases: "Căn cứ Thông báo Kết luận số 123-KL/TU ngày 01/3/2025 của Ban Thường vụ Tỉnh ủy;" }),
    nearMiss: plan({ bases: "Căn cứ Thông báo Kết luận số 123-TB/TU ngày 01/3/2025 của Ban Thường vụ Tỉnh ủy;" }),
    severity: "error",
    at: "Thông báo Kết luận số 123-KL/TU ngày 01/3/2025 của Ban Thường vụ Tỉnh ủy",
    vi: ["123-KL/TU", "ký hiệu “KL” không phải của thông báo kết luận (phải là TB)"],
    en: ["123-KL/TU", "type code “KL” is not that of a Thông báo kết luận (expected TB)"],
  },
  {
    code: "citation-malformed",
    trigger: plan({ bases: "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 31/02/2022 của Bộ Thông tin và Truyền thông;" }),
    nearMiss: plan({ bases: "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 28/02/2022 của Bộ Thông tin và Truyền thông;" }),
    severity: "error",
    at: "ngày 31/02/2022",
    vi: ["Ngày 31/02/2022 của 06/2022/TT-BTTTT không có thật"],
    en: ["The date 31/02/2022 of 06/2022/TT-BTTTT does not exist"],
  },
  {
    code: "citation-malformed",
    trigger: plan({ bases: "Căn cứ Thông tư số 06/2021/TT-BTTTT ngày 30/6/2022 của Bộ Thông tin và Truyền thông;" }),
    nearMiss: plan({ bases: "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 30/6/2022 của Bộ Thông tin và Truyền thông;" }),
    severity: "error",
    at: "Thông tư số 06/2021/TT-BTTTT ngày 30/6/2022 của Bộ Thông tin và Truyền thông",
    vi: ["Số 06/2021/TT-BTTTT mang năm 2021 nhưng được ban hành ngày 2022-06-30"],
    en: ["06/2021/TT-BTTTT carries the year 2021 but is dated 2022-06-30"],
  },
  {
    code: "issuer-symbol-mismatch",
    trigger: plan({ bases: "Căn cứ Thông tư số 46/2022/TT-BTTTT ngày 28/7/2022 của Bộ Tài chính quy định quản lý kinh phí;" }),
    nearMiss: plan({ bases: "Căn cứ Thông tư số 46/2022/TT-BTC ngày 28/7/2022 của Bộ Tài chính quy định quản lý kinh phí;" }),
    severity: "error",
    at: "Thông tư số 46/2022/TT-BTTTT ngày 28/7/2022 của Bộ Tài chính quy định quản lý kinh phí",
    vi: ["46/2022/TT-BTTTT được ghi là của Bộ Tài chính, nhưng ký hiệu mang mã BTTTT chứ không phải BTC"],
    en: ["46/2022/TT-BTTTT is cited as issued by Bộ Tài chính, but its symbol carries BTTTT, not BTC"],
  },
  {
    code: "basis-after-issue",
    trigger: plan({ bases: "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/3/2024 của Thủ tướng Chính phủ;" }),
    nearMiss: plan({ bases: "Căn cứ Quyết định số 90/QĐ-TTg ngày 04/3/2024 của Thủ tướng Chính phủ;" }),
    severity: "error",
    at: "ngày 18/3/2024",
    vi: ["Căn cứ 90/QĐ-TTg ngày 2024-03-18 muộn hơn ngày ban hành kế hoạch (ngày 05 tháng 3 năm 2024; so sánh theo ngày)"],
    en: ["Legal basis 90/QĐ-TTg dated 2024-03-18 is later than the plan's day (ngày 05 tháng 3 năm 2024; compared by day)"],
    related: ["ngày 05 tháng 3 năm 2024"],
  },
  {
    code: "basis-after-issue",
    trigger: plan({
      header: "UBND TỈNH LAI CHÂU\nSố: /KH-UBND\nLai Châu, ngày tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ",
      bases: "Căn cứ Quyết định số 90/QĐ-TTg ngày 02/4/2024 của Thủ tướng Chính phủ;",
    }),
    nearMiss: plan({
      header: "UBND TỈNH LAI CHÂU\nSố: /KH-UBND\nLai Châu, ngày tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ",
      bases: "Căn cứ Quyết định số 90/QĐ-TTg ngày 20/3/2024 của Thủ tướng Chính phủ;",
    }),
    severity: "error",
    at: "ngày 02/4/2024",
    vi: ["Căn cứ 90/QĐ-TTg ngày 2024-04-02 muộn hơn tháng ban hành kế hoạch", "so sánh theo tháng"],
    en: ["Legal basis 90/QĐ-TTg dated 2024-04-02 is later than the plan's month", "compared by month"],
    related: ["ngày tháng 3 năm 2024"],
  },
  {
    code: "section-duplicate",
    trigger: plan({ body: "I. MỤC ĐÍCH\n1. Mục đích\nII. NỘI DUNG\nII. KINH PHÍ" }),
    nearMiss: plan({ body: "I. MỤC ĐÍCH\n1. Mục đích\nII. NỘI DUNG\nIII. KINH PHÍ" }),
    severity: "error",
    at: "II.",
    vi: ["Số mục II bị lặp lại (đã có ở dòng 10)"],
    en: ["Section number II is repeated (already used at line 10)"],
    related: ["II."],
  },
  {
    code: "section-gap",
    trigger: plan({ body: "I. NỘI DUNG\n1. Nhiệm vụ\n1.1. Một\n1.2. Hai\n1.4. Bốn" }),
    nearMiss: plan({ body: "I. NỘI DUNG\n1. Nhiệm vụ\n1.1. Một\n1.2. Hai\n1.3. Ba" }),
    severity: "warning",
    at: "1.4.",
    vi: ["Thiếu mục 1.3. trước mục 1.4"],
    en: ["Section 1.3. missing before 1.4"],
    related: ["1.2."],
  },
  {
    code: "section-gap",
    trigger: plan({ body: "I. NỘI DUNG\n1. Nhiệm vụ\na) Một\nb) Hai\nc) Ba\nd) Bốn\ne) Năm" }),
    nearMiss: plan({ body: "I. NỘI DUNG\n1. Nhiệm vụ\na) Một\nb) Hai\nc) Ba\nd) Bốn\nđ) Năm\ne) Sáu" }),
    severity: "warning",
    at: "e)",
    vi: ["Thiếu mục đ) trước mục e"],
    en: ["Section đ) missing before e"],
    related: ["d)"],
  },
  {
    code: "section-gap",
    trigger: plan({ body: "A. MỤC TIÊU\nI. MỤC TIÊU CHUNG\nC. TỔ CHỨC THỰC HIỆN\nI. PHÂN CÔNG" }),
    nearMiss: plan({ body: "A. MỤC TIÊU\nI. MỤC TIÊU CHUNG\nB. TỔ CHỨC THỰC HIỆN\nI. PHÂN CÔNG" }),
    severity: "warning",
    at: "C.",
    vi: ["Thiếu mục B. trước mục C"],
    en: ["Section B. missing before C"],
    related: ["A."],
  },
  {
    code: "section-order",
    trigger: plan({ body: "I. NỘI DUNG\n1. Một\n3. Ba\n2. Hai" }),
    nearMiss: plan({ body: "I. NỘI DUNG\n1. Một\n2. Hai\n3. Ba" }),
    severity: "error",
    at: "2.",
    vi: ["Mục 2 đứng sau mục 3: sai thứ tự"],
    en: ["Section 2 comes after section 3: out of order"],
    related: ["3."],
  },
  {
    code: "section-order",
    trigger: plan({ body: "I. NỘI DUNG\n1. Một\n2. Hai\n1.1. Lạc chỗ" }),
    nearMiss: plan({ body: "I. NỘI DUNG\n1. Một\n2. Hai\n2.1. Đúng chỗ" }),
    severity: "error",
    at: "1.1.",
    vi: ["Mục 1.1 nằm trong mục 2 (số hiệu phải bắt đầu bằng 2.)"],
    en: ["Section 1.1 sits under section 2 (its number should start with 2.)"],
    related: ["2."],
  },
  {
    code: "missing-number",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan(),
    severity: "warning",
    at: null,
    vi: ["Không có số, ký hiệu văn bản (Số: …)"],
    en: ["The plan has no number and symbol (Số: …)"],
  },
  {
    code: "missing-date",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan(),
    severity: "warning",
    at: null,
    vi: ["Không có địa danh, ngày tháng năm ban hành"],
    en: ["The plan has no place and date of issue"],
  },
  {
    code: "missing-issuer",
    trigger: plan({ header: "Số: 12/KH-UBND\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan(),
    severity: "warning",
    at: null,
    vi: ["Không có tên cơ quan ban hành ở đầu văn bản"],
    en: ["The header names no issuing body"],
  },
  {
    code: "missing-signature",
    trigger: plan({ closing: "Nơi nhận:\n- Sở Tài chính;\n- Lưu: VT." }),
    nearMiss: plan(),
    severity: "warning",
    at: null,
    vi: ["Không có phần chữ ký (thẩm quyền, chức vụ, người ký)"],
    en: ["The plan has no signature block"],
  },
  {
    code: "missing-recipients",
    trigger: plan({ closing: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nGiàng A Tính" }),
    nearMiss: plan(),
    severity: "warning",
    at: null,
    vi: ["Không có phần nơi nhận"],
    en: ["The plan has no recipients list (Nơi nhận)"],
  },
  {
    code: "number-padding",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 5/KH-UBND\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 05/KH-UBND\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    severity: "warning",
    at: "5/KH-UBND",
    vi: ["“5/KH-UBND” → “05/KH-UBND”"],
    en: ["A number below 10 takes a leading zero: “5/KH-UBND” → “05/KH-UBND”"],
  },
  {
    code: "date-padding",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 5 tháng 03 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 05 tháng 02 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    severity: "warning",
    at: "ngày 5 tháng 03 năm 2024",
    vi: ["ngày 5 phải viết 05; tháng 03 phải viết 3"],
    en: ["day 5 should be 05; month 03 should be 3"],
  },
  {
    code: "date-invalid",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 29 tháng 02 năm 2025\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 29 tháng 02 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    severity: "error",
    at: "ngày 29 tháng 02 năm 2025",
    vi: ["Ngày ban hành không có thật: ngày 29 tháng 2 năm 2025"],
    en: ["The date of issue does not exist: day 29 of month 2 of 2025"],
  },
  {
    code: "date-in-figures",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, 5/3/2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    severity: "warning",
    at: "5/3/2024",
    vi: ["Ngày ban hành viết bằng số (“5/3/2024”); thể thức là “ngày 05 tháng 3 năm 2024”"],
    en: ["The date of issue is in figures (“5/3/2024”); the standard form is “ngày 05 tháng 3 năm 2024”"],
  },
  {
    code: "symbol-type-mismatch",
    trigger: plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12/QĐ-UBND\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" }),
    nearMiss: plan(),
    severity: "error",
    at: "12/QĐ-UBND",
    vi: ["Ký hiệu “12/QĐ-UBND” mang mã QĐ nhưng văn bản là KẾ HOẠCH (mã KH)"],
    en: ["The symbol “12/QĐ-UBND” carries QĐ but the document is a KẾ HOẠCH (code KH)"],
    related: ["KẾ HOẠCH"],
  },
  {
    code: "signature-authority",
    trigger: plan({ closing: "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nGiàng A Tính" }),
    nearMiss: plan(),
    severity: "warning",
    at: "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nGiàng A Tính",
    vi: ["có “KT. CHỦ TỊCH” nhưng thiếu chức vụ người ký bên dưới"],
    en: ["“KT. CHỦ TỊCH” has no signer's position under it"],
  },
  {
    code: "recipients-archive-missing",
    trigger: plan({ closing: "Nơi nhận:\n- Sở Tài chính;\n- UBND các huyện;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nGiàng A Tính" }),
    nearMiss: plan(),
    severity: "warning",
    at: "UBND các huyện;",
    vi: ["Nơi nhận phải kết thúc bằng dòng lưu văn bản “Lưu: VT, …”; dòng cuối là “UBND các huyện;”"],
    en: ["it ends with “UBND các huyện;”"],
  },
  {
    code: "basis-format",
    trigger: plan({ bases: "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 30/6/2022 hướng dẫn thực hiện Dự án;" }),
    nearMiss: plan({ bases: "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 30/6/2022 của Bộ Thông tin và Truyền thông hướng dẫn;" }),
    severity: "info",
    at: "Thông tư số 06/2022/TT-BTTTT ngày 30/6/2022 hướng dẫn thực hiện Dự án",
    vi: ["Căn cứ 06/2022/TT-BTTTT chưa đúng thể thức: thiếu cơ quan ban hành"],
    en: ["Legal basis 06/2022/TT-BTTTT is not in the standard form: no issuing body"],
  },
  {
    code: "responsible-not-recipient",
    trigger: plan({ body: "I. NỘI DUNG\n1. Dịch vụ công\nGiao Sở Tài chính chủ trì, phối hợp với Bưu điện tỉnh xây dựng kế hoạch." }),
    nearMiss: plan({
      body: "I. NỘI DUNG\n1. Dịch vụ công\nGiao Sở Tài chính chủ trì, phối hợp với Bưu điện tỉnh xây dựng kế hoạch.",
      closing: "Nơi nhận:\n- Sở Tài chính;\n- Bưu điện tỉnh;\n- Lưu: VT, KT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nGiàng A Tính",
    }),
    severity: "warning",
    at: "Bưu điện tỉnh",
    vi: ["“Bưu điện tỉnh” được giao nhiệm vụ (phối hợp; mục I.1) nhưng không có trong Nơi nhận"],
    en: ["“Bưu điện tỉnh” is given tasks (phối hợp; section I.1) but is not among the recipients (Nơi nhận)"],
  },
  {
    code: "quantity-total-mismatch",
    trigger: plan({ body: "I. NỘI DUNG\n1. Tin bài\n- Số lượng: 02 bài/tuần. Tổng số: 100 bài." }),
    nearMiss: plan({ body: "I. NỘI DUNG\n1. Tin bài\n- Số lượng: 02 bài/tuần. Tổng số: 104 bài." }),
    severity: "warning",
    at: "100 bài",
    vi: ["02 bài/tuần × 52 tuần = 104 nhưng tổng cộng ghi 100 bài"],
    en: ["02 bài/tuần × 52 (tuần per year) = 104, but the total says 100 bài"],
    related: ["02 bài/tuần"],
  },
  {
    code: "quantity-total-mismatch",
    trigger: plan({
      body: "I. KINH PHÍ\n1. Tổng kinh phí: 100.000.000 đồng, trong đó:\n- Nội dung A: 60.000.000 đồng;\n- Nội dung B: 30.000.000 đồng.\n2. Nguồn kinh phí: ngân sách tỉnh.",
    }),
    nearMiss: plan({
      body: "I. KINH PHÍ\n1. Tổng kinh phí: 100.000.000 đồng, trong đó:\n- Nội dung A: 60.000.000 đồng;\n- Nội dung B: 40.000.000 đồng.\n2. Nguồn kinh phí: ngân sách tỉnh.",
    }),
    severity: "warning",
    at: "100.000.000 đồng",
    vi: ["Tổng kinh phí 100.000.000 đồng nhưng các khoản chi tiết cộng lại 90.000.000 đồng (chênh 10.000.000 đồng)"],
    en: ["The total is 100.000.000 đồng but its 2 items add up to 90.000.000 (off by 10.000.000)"],
    related: ["60.000.000 đồng", "30.000.000 đồng"],
  },
  {
    // Reported by the normaliser while parsing; the rule itself adds nothing, so check() never reports it twice.
    code: "encoding-repaired",
    via: "parse",
    trigger: plan({ body: "I. MỤC ĐÍCH\n1. Nâng cao nhận thức cāa cán bộ." }),
    nearMiss: plan({ body: "I. MỤC ĐÍCH\n1. Nâng cao nhận thức của cán bộ." }),
    severity: "info",
    at: "ủ",
    vi: ["Đã sửa ký tự lỗi phông “ā” thành “ủ”"],
    en: ["Repaired font-encoding garbage “ā” to “ủ”"],
  },
  {
    code: "not-a-document",
    trigger: "const x = 1;\nfunction f() { return x; }\n",
    nearMiss: plan(),
    severity: "warning",
    at: null,
    vi: ["Không phải văn bản hành chính"],
    en: ["Not an administrative text: no issuer, motto, number, date, type heading, legal basis or signature was found"],
  },
];

function reportedIn(text: string, c: Case) {
  const parsed = parseText(text, { checks: c.via === "parse" });
  const found = c.via === "parse" ? parsed.findings.filter((f) => f.code === c.code) : check(parsed, { only: [c.code] });
  return { parsed, found };
}

describe.each(cases.map((c, i) => [`${c.code} #${i}`, c] as const))("%s", (_name, c) => {
  it("is reported once, where the fault is, with its severity and a message naming the value", () => {
    const { parsed, found } = reportedIn(c.trigger, c);
    expect(found, JSON.stringify(found)).toHaveLength(1);
    const [finding] = found;
    expect(finding?.code).toBe(c.code);
    expect(finding?.severity).toBe(c.severity);
    const span = finding?.span;
    expect(span ? parsed.source.text.slice(span.start.offset, span.end.offset) : null).toBe(c.at);
    for (const part of c.vi) expect(finding?.message).toContain(part);
    for (const part of c.en) expect(finding?.messageEn).toContain(part);
    expect((finding?.related ?? []).map((r) => parsed.source.text.slice(r.start.offset, r.end.offset))).toEqual(c.related ?? []);
  });
  it("stays quiet on the near miss", () => {
    expect(reportedIn(c.nearMiss, c).found).toEqual([]);
  });
});

it("every rule in RULES has a case here", () => {
  expect(new Set(cases.map((c) => c.code))).toEqual(new Set(RULES.map((rule) => rule.code)));
});

it("check() does not report encoding-repaired again on a parsed plan", () => {
  const parsed = parseText(plan({ body: "I. MỤC ĐÍCH\n1. Nâng cao nhận thức cāa cán bộ." }));
  expect(parsed.findings.filter((f) => f.code === "encoding-repaired")).toHaveLength(1);
  expect(check(parsed, { only: ["encoding-repaired"] })).toEqual([]);
});

// Fixed bug, kept as a regression test: NĐ 30/2020 cites a law by its name and date (`Căn cứ Luật Tổ chức chính quyền địa phương ngày 19
// tháng 6 năm 2015;`, with no number and no issuer); basis-format reports that standard form as "no
// number; no issuing body" (and cuts the name mid-word in its message).
it("basis-format accepts a law cited by name and date, the standard form", () => {
  expect(findings(plan({ bases: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;" }), "basis-format")).toEqual([]);
});

it("basis-format: the last basis may end in `,` when the issuing sentence follows it; any other basis may not", () => {
  const last = "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình;\nThực hiện Kế hoạch số 56/KH-UBND ngày 02/3/2024 của UBND tỉnh về cải cách hành chính,";
  expect(findings(plan({ bases: last }), "basis-format")).toEqual([]);
  const first = "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình,\nThực hiện Kế hoạch số 56/KH-UBND ngày 02/3/2024 của UBND tỉnh về cải cách hành chính;";
  expect(findings(plan({ bases: first }), "basis-format").map((f) => f.message)).toEqual([
    "Căn cứ 90/QĐ-TTg chưa đúng thể thức: không kết thúc bằng dấu “;”.",
  ]);
});

it("basis-format names a basis without a number by its words, never cut mid-word", () => {
  const [finding] = findings(plan({ bases: "Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ;" }), "basis-format");
  expect(finding?.message).toBe("Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu… chưa đúng thể thức: thiếu ngày ban hành.");
});

// Fixed bug, kept as a regression test: `Q.` (quyền, acting head) names the acting title itself (`Q. CHỦ TỊCH`, then the signature and
// the name, NĐ 30/2020 Phụ lục I); signature-authority asks for a position under it as it does for TL./TUQ.
it.each(["Q. CHỦ TỊCH\nNguyễn Văn An", "TM. ỦY BAN NHÂN DÂN\nQ. CHỦ TỊCH\nNguyễn Văn An"])(
  "signature-authority accepts an acting head's Q. line with the name under it: %s",
  (block) => {
    expect(findings(plan({ closing: `Nơi nhận:\n- Lưu: VT.\n${block}` }), "signature-authority")).toEqual([]);
  },
);

it.each(["TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ NỘI VỤ\nNguyễn Văn An", "TL. GIÁM ĐỐC\nTRƯỞNG PHÒNG\nNguyễn Văn An", "TM. BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An"])(
  "signature-authority accepts %s",
  (block) => {
    expect(findings(plan({ closing: `Nơi nhận:\n- Lưu: VT.\n${block}` }), "signature-authority")).toEqual([]);
  },
);

// Fixed bug, kept as a regression test: `1.500 triệu đồng (Một nghìn năm trăm triệu đồng)`, budgets' count of
// millions, was reported as words that could not be read.
it("an amount in millions read as a count of millions in words agrees with its figure", () => {
  const text = plan({ body: "I. KINH PHÍ\nTổng kinh phí: 1.500 triệu đồng (Một nghìn năm trăm triệu đồng)." });
  const parsed = parseText(text);
  expect(parsed.budget.amounts.map((m) => [m.amount, m.words])).toEqual([[1_500_000_000, "Một nghìn năm trăm triệu đồng"]]);
  expect(parsed.findings.filter((f) => f.code.startsWith("amount-words"))).toEqual([]);
  const wrong = parseText(text.replace("năm trăm triệu", "sáu trăm triệu"));
  expect(wrong.findings.filter((f) => f.code === "amount-words-mismatch").map((f) => f.messageEn)).toHaveLength(1);
});

// Fixed bug, kept as a regression test: a title line in capitals at the top of a README (`# README`) is read as the issuing body
// (issuer "# README"), so the README's promise that a README gets `not-a-document` does not hold for it.
it("a README whose title is in capitals is not-a-document, with no issuer", () => {
  const readme = parseText("# README\n\nThis package parses plans.\n\nRun npm install first.");
  expect(readme.issuer).toBeNull();
  expect(readme.findings.map((f) => f.code)).toContain("not-a-document");
});

describe("check options", () => {
  it("gives English messages on request", () => {
    const [finding] = check(parseText(cases[0]!.trigger, { checks: false }), { only: ["amount-words-mismatch"], language: "en" });
    expect(finding?.message).toMatch(/does not match/);
  });
  it("a draft's blank number is info, not a warning", () => {
    const text = plan({ header: "UBND TỈNH LAI CHÂU\nSố: /KH-UBND\nLai Châu, ngày tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" });
    expect(findings(text, "missing-number").map((f) => f.severity)).toEqual(["info"]);
  });
  // Found making the invalid goldens: `Số: 12` was read with no sequence and reported as a draft's blank number.
  it("a number without its symbol is read, and reported as lacking the symbol", () => {
    const text = plan({ header: "UBND TỈNH LAI CHÂU\nSố: 12\nLai Châu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện nhiệm vụ" });
    const p = parseText(text, { checks: false });
    expect([p.number?.raw, p.number?.sequence, p.number?.typeCode, p.number?.issuerCode]).toEqual(["12", 12, null, null]);
    expect(findings(text, "missing-number").map((f) => [f.severity, f.messageEn])).toEqual([
      ["warning", "The plan's number has no symbol (12): no type code and no issuer code."],
    ]);
  });
});
