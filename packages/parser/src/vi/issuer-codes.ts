/**
 * Issuing bodies and the codes their symbols carry (Nghị định 30/2020/NĐ-CP, Phụ lục III; the codes
 * the bodies use in practice): `Thông tư số 46/2022/TT-BTC của Bộ Tài chính`. A body may use more than
 * one code (`650/QĐ-LĐTBXH` and `…/TT-BLĐTBXH` are both the Bộ Lao động - Thương binh và Xã hội).
 * Names are written as plans write them; comparison expands abbreviations and ignores case, `và`,
 * punctuation and where the tone mark sits. The longest name that opens the issuer's words wins.
 */
export interface IssuerCodeEntry {
  /** The body's names, as cited after `của`. */
  names: readonly string[];
  /** Codes of its symbols. */
  codes: readonly string[];
  /** The code carries the legislature's term: `QH14`, `UBTVQH15`. */
  numbered?: boolean;
}

export const ISSUER_CODES: readonly IssuerCodeEntry[] = [
  // Central Party bodies.
  { names: ["Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Trung ương Đảng"], codes: ["TW"] },
  // The Youth Union's central bodies (their names start as the Party's do; the longer name wins).
  { names: ["Ban Bí thư Trung ương Đoàn", "Ban Chấp hành Trung ương Đoàn", "Ban Thường vụ Trung ương Đoàn", "Trung ương Đoàn"], codes: ["TWĐTN"] },
  // Legislature and state.
  { names: ["Quốc hội"], codes: ["QH"], numbered: true },
  { names: ["Ủy ban Thường vụ Quốc hội", "Uỷ ban Thường vụ Quốc hội"], codes: ["UBTVQH"], numbered: true },
  { names: ["Chủ tịch nước", "Chủ tịch Nước"], codes: ["CTN"] },
  { names: ["Thủ tướng Chính phủ", "Thủ tướng"], codes: ["TTg"] },
  { names: ["Chính phủ"], codes: ["CP"] },
  { names: ["Văn phòng Chính phủ"], codes: ["VPCP"] },
  { names: ["Thanh tra Chính phủ", "Tổng Thanh tra Chính phủ"], codes: ["TTCP"] },
  { names: ["Kiểm toán nhà nước", "Kiểm toán Nhà nước", "Tổng Kiểm toán nhà nước"], codes: ["KTNN"] },
  { names: ["Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước"], codes: ["NHNN"] },
  { names: ["Tòa án nhân dân tối cao", "Toà án nhân dân tối cao"], codes: ["TANDTC"] },
  { names: ["Viện kiểm sát nhân dân tối cao"], codes: ["VKSNDTC"] },
  { names: ["Bảo hiểm xã hội Việt Nam"], codes: ["BHXH"] },
  // Ministries and ministry-level bodies.
  { names: ["Bộ Tài chính"], codes: ["BTC"] },
  { names: ["Bộ Thông tin và Truyền thông", "Bộ TT&TT"], codes: ["BTTTT"] },
  { names: ["Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động, Thương binh và Xã hội", "Bộ LĐTBXH"], codes: ["LĐTBXH", "BLĐTBXH"] },
  { names: ["Bộ Kế hoạch và Đầu tư"], codes: ["BKHĐT"] },
  { names: ["Bộ Nội vụ"], codes: ["BNV"] },
  { names: ["Bộ Công Thương", "Bộ Công thương"], codes: ["BCT"] },
  { names: ["Bộ Y tế"], codes: ["BYT"] },
  { names: ["Bộ Giáo dục và Đào tạo"], codes: ["BGDĐT"] },
  { names: ["Bộ Tư pháp"], codes: ["BTP"] },
  { names: ["Bộ Xây dựng"], codes: ["BXD"] },
  { names: ["Bộ Nông nghiệp và Phát triển nông thôn"], codes: ["BNNPTNT"] },
  { names: ["Bộ Nông nghiệp và Môi trường"], codes: ["BNNMT"] },
  { names: ["Bộ Tài nguyên và Môi trường"], codes: ["BTNMT"] },
  { names: ["Bộ Văn hóa, Thể thao và Du lịch"], codes: ["BVHTTDL"] },
  { names: ["Bộ Công an"], codes: ["BCA"] },
  { names: ["Bộ Quốc phòng"], codes: ["BQP"] },
  { names: ["Bộ Ngoại giao"], codes: ["BNG"] },
  { names: ["Bộ Khoa học và Công nghệ"], codes: ["BKHCN"] },
  { names: ["Bộ Giao thông vận tải", "Bộ Giao thông Vận tải"], codes: ["BGTVT"] },
  { names: ["Bộ Dân tộc và Tôn giáo"], codes: ["BDTTG"] },
  { names: ["Ủy ban Dân tộc", "Uỷ ban Dân tộc"], codes: ["UBDT"] },
  // Local state bodies.
  { names: ["Hội đồng nhân dân", "HĐND"], codes: ["HĐND"] },
  { names: ["Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND"], codes: ["UBND"] },
  { names: ["Sở Thông tin và Truyền thông", "Sở TT&TT"], codes: ["STTTT", "TTTT"] },
  { names: ["Sở Tài chính"], codes: ["STC"] },
  { names: ["Sở Công Thương", "Sở Công thương"], codes: ["SCT"] },
  { names: ["Sở Kế hoạch và Đầu tư"], codes: ["SKHĐT", "KHĐT"] },
  { names: ["Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH"], codes: ["SLĐTBXH", "LĐTBXH"] },
  { names: ["Sở Nội vụ"], codes: ["SNV"] },
  { names: ["Sở Y tế"], codes: ["SYT"] },
  { names: ["Sở Giáo dục và Đào tạo"], codes: ["SGDĐT"] },
  { names: ["Sở Tư pháp"], codes: ["STP"] },
  { names: ["Sở Xây dựng"], codes: ["SXD"] },
  { names: ["Sở Nông nghiệp và Môi trường"], codes: ["SNNMT"] },
  // Local Party bodies.
  { names: ["Tỉnh ủy", "Tỉnh uỷ"], codes: ["TU"] },
  { names: ["Thành ủy", "Thành uỷ"], codes: ["TU"] },
  { names: ["Huyện ủy", "Huyện uỷ"], codes: ["HU"] },
];

/**
 * Titles in front of a body's name (`Bộ trưởng Bộ Tài chính`, `Giám đốc Sở Công Thương`, `BTV Tỉnh ủy`):
 * the document is the body's and carries its code. `codes` adds the codes the title's own documents
 * may carry instead (the Chủ tịch of a People's Committee signs some decisions …/QĐ-CT).
 */
export const ISSUER_TITLES: readonly { title: string; codes?: readonly string[] }[] = [
  { title: "Bộ trưởng" },
  { title: "Thống đốc" },
  { title: "Chủ nhiệm" },
  { title: "Giám đốc" },
  { title: "Ban Thường vụ" },
  { title: "BTV" },
  { title: "Thường trực" },
  { title: "Chủ tịch", codes: ["CT", "CTUBND"] },
];
