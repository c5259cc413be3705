/**
 * Word lists for reading who is given which task (`Sở X chủ trì, phối hợp với Y …`). Kept as data:
 * a new kind of agency or a new way of writing a role is a one-line change here, not a code change.
 * Phrases are written as they appear in plans; matching splits them into words (a comma is a word of
 * its own) and compares without regard to case except where a list says otherwise.
 */

/**
 * Words that open the name of an agency, written capitalised as they open a name (`Sở Tài chính`,
 * `UBND huyện Phong Thổ`, `Bưu điện tỉnh`). A head matches only when the word after it is capitalised,
 * an abbreviation or a level word, so that `Báo cáo`, `Hội nghị`, `Ban hành`, `Phòng chống` are not
 * taken for agencies. Longer heads are tried first.
 */
export const AGENCY_HEADS: readonly string[] = [
  "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND", "Ủy ban", "Uỷ ban", "UBMTTQ",
  "Sở", "Phòng", "Ban Chỉ đạo", "Ban chỉ đạo", "BCĐ", "Ban Quản lý", "Ban", "Đài phát thanh", "Đài", "Trung tâm",
  "Bộ Chỉ huy", "Bộ chỉ huy", "Bộ", "Báo", "Công an", "Văn phòng", "VP", "Bưu điện", "Hội", "Cục", "Chi cục",
  "Kho bạc", "Kho bạc Nhà nước", "Thanh tra", "Đoàn", "Đoàn kiểm tra", "Đoàn công tác", "Liên đoàn",
  "Thành viên", "Tổ công tác", "Mặt trận", "Viện", "Trường", "Bệnh viện", "Ngân hàng", "Quỹ", "Hạt",
  "Tỉnh ủy", "Tỉnh uỷ", "Huyện ủy", "Huyện uỷ", "Thành ủy", "Thành uỷ", "Đảng ủy", "Đảng uỷ", "Tòa án", "Viện kiểm sát",
  "Tỉnh đoàn", "Huyện đoàn", "Thành đoàn",
  "Bảo hiểm xã hội", "Chi nhánh", "Công ty", "Tổng công ty", "Trạm", "BTV", "Thuế",
  // A ministry's departments: `Vụ Kế hoạch - Tài chính`, `Tổng cục Thống kê`.
  "Vụ", "Tổng cục",
  // A commune's civil servants are given its tasks by their post: `Công chức Văn hóa - Xã hội xã`.
  "Công chức",
];

/** Heads that name an agency only capitalised: lower-case, `vụ` is a common word (`nhiệm vụ CCHC`). */
export const CAPITALISED_ONLY_HEADS: readonly string[] = ["Vụ"];

/** Words that start like an agency but name something else: a crop season (`Vụ Đông Xuân`, `Vụ Mùa`). */
export const HEAD_LOOKALIKES: readonly string[] = ["Vụ Đông", "Vụ Xuân", "Vụ Hè", "Vụ Thu", "Vụ Mùa", "Vụ Chiêm"];

/** Heads of the issuer's own staff (`Công chức Địa chính xã` in a commune's plan): they need no recipient line. */
export const OWN_STAFF_HEADS: readonly string[] = ["Công chức"];

/**
 * Heads that name a group of agencies (`Các sở`, `các cơ quan liên quan`, `sở, ban, ngành`): matched in
 * either case, and followed by anything (`Các sở, ban, ngành tỉnh có liên quan`).
 */
export const GROUP_HEADS: readonly string[] = [
  "Các sở", "Các cơ quan", "Các đơn vị", "Các phòng", "Các ban", "Các ngành", "Các tổ chức", "Các địa phương",
  "Các hội", "Các đoàn thể", "Các thành viên", "Các cơ quan chuyên môn", "Các Bộ", "Các bộ", "Các trung tâm",
  "Các bệnh viện", "Các trường", "Các chi cục", "Các cục",
  "sở, ban, ngành", "sở, ban ngành", "sở, ngành",
];

/** Heads whose name may hold a verb (`Ban Chỉ đạo thực hiện các Chương trình MTQG huyện`). */
export const FREE_NAME_HEADS: readonly string[] = ["Ban Chỉ đạo", "Ban chỉ đạo", "BCĐ", "Tổ công tác"];
/** The verbs such a name may hold, when followed by `các` or a capitalised word. */
export const FREE_NAME_VERBS: readonly string[] = ["thực hiện", "triển khai"];

/**
 * An office that serves two elected bodies is one agency: `Văn phòng HĐND và UBND huyện`, `Văn phòng Đoàn
 * ĐBQH và HĐND tỉnh`. After `Văn phòng` and one of these bodies, `và` and another of them continue the name.
 */
export const SHARED_OFFICE_HEAD = "Văn phòng";
export const SHARED_OFFICE_BODIES: readonly string[] = [
  "HĐND", "Hội đồng nhân dân", "UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Đoàn ĐBQH", "Đoàn đại biểu Quốc hội",
];

/** Words naming an administrative level: they continue a name (`UBND các huyện, thành phố`). */
export const LEVEL_WORDS: readonly string[] = [
  "tỉnh", "huyện", "xã", "thị xã", "thị trấn", "thành phố", "quận", "phường", "trung ương",
];

/** Words that start like a level word but are not one: `xã hội` in `Thương binh và Xã hội`. */
export const LEVEL_LOOKALIKES: readonly string[] = ["xã hội", "huyện lộ", "tỉnh lộ", "tỉnh táo"];

/** Words that may follow a comma inside a group name: `UBND các xã, phường, thị trấn`, `các sở, ban, ngành`. */
export const GROUP_WORDS: readonly string[] = [
  "sở", "ban", "ngành", "ban ngành", "đoàn thể", "cơ quan", "đơn vị", "địa phương", "phòng", "hội", "tổ chức",
  "thành phố", "thị xã", "thị trấn", "phường", "xã", "huyện", "quận",
];

/**
 * Words (lower-case in the text) that end an agency's name: verbs, connectors and prepositions.
 * Capitalised, the same words are part of a name (`Ban Quản lý`, `Ban Chỉ đạo`).
 */
export const NAME_STOPS: readonly string[] = [
  "chủ trì", "phối hợp", "triển khai", "tổ chức", "thực hiện", "xây dựng", "tham mưu", "theo dõi", "là", "trong",
  "để", "giao", "chỉ đạo", "với", "về", "cho", "tại", "theo", "trên", "của", "có trách nhiệm", "chịu trách nhiệm",
  "lựa chọn", "cung cấp", "kiểm tra", "hướng dẫn", "báo cáo", "đôn đốc", "tổng hợp", "phê duyệt", "ban hành",
  "trình", "gửi", "nhằm", "đảm bảo", "bảo đảm", "chủ động", "rà soát", "thẩm định", "biên soạn", "sản xuất",
  "phát sóng", "tuyên truyền", "hỗ trợ", "được", "đã", "sẽ", "cần", "phải", "nghiên cứu", "đề xuất", "tiếp nhận",
  "quản lý", "vận hành", "bố trí", "cử", "mời", "chuẩn bị", "hoàn thành", "thông qua", "qua", "từ", "đến", "tới",
  "đối với", "thuộc", "khi", "nếu", "trước", "sau", "ngày", "năm", "tháng", "quý", "đúng", "hoặc", "cùng", "giúp",
  "làm", "thường xuyên", "kịp thời", "căn cứ", "trên cơ sở", "nêu", "như", "gồm", "bao gồm", "tăng cường",
  "xử lý", "kiểm soát", "giám sát", "đánh giá", "tiếp tục", "phổ biến", "đăng tải", "phát hành", "thiết lập",
  "nâng cấp", "sử dụng", "đầu tư", "bồi dưỡng", "tập huấn", "quyết toán", "thanh toán", "tiến hành", "điều tra",
  "xác minh", "tuần tra", "kiến nghị", "đình chỉ", "thu hồi", "tạo điều kiện", "quan tâm", "duy trì", "phát huy",
  "nâng cao", "tập trung", "đẩy mạnh", "thống kê", "cập nhật", "công bố", "chấp hành", "nghiêm túc", "khẩn trương",
  "trực thuộc", "lập", "có", "không", "cũng", "đồng thời", "cấp phát", "chi trả", "tiếp nhận", "phân bổ",
  "kết quả",
];

/** Compounds whose second word would end a name (`trình`): `Chương trình MTQG`, `Công trình …`. */
export const NAME_COMPOUNDS: readonly string[] = ["chương trình", "công trình", "quy trình", "giáo trình", "lộ trình"];

/** Words right before an agency that make it an object (`phối hợp với X`, `trình X`, `gửi về X`), not a subject. */
export const OBJECT_MARKERS: readonly string[] = [
  "với", "cho", "về", "tại", "trên", "của", "trình", "gửi", "đến", "qua", "tới", "từ", "thuộc", "giúp", "được",
  "mời", "đề nghị", "tham mưu", "báo cáo", "và", "hoặc", "đối với", "theo",
  // `chịu trách nhiệm trước UBND tỉnh`: the body one answers to.
  "trước",
];

export type AgencyRole = "chủ trì" | "phối hợp" | "thực hiện" | "chỉ đạo" | "theo dõi";

/**
 * Labels that introduce who does a task: `Đơn vị chủ trì: X.`, `Đơn vị phối hợp: X; Y.`; an empty role
 * list (`Tổ chức thực hiện:`) introduces running text (`Giao Sở X chủ trì …`). Longest first.
 */
export const ASSIGNMENT_LABELS: readonly { label: string; roles: readonly AgencyRole[] }[] = [
  { label: "Đơn vị chủ trì, thực hiện", roles: ["chủ trì", "thực hiện"] },
  { label: "Cơ quan chủ trì, thực hiện", roles: ["chủ trì", "thực hiện"] },
  { label: "Đơn vị chủ trì, phối hợp", roles: ["chủ trì"] },
  { label: "Đơn vị trực tiếp thực hiện", roles: ["thực hiện"] },
  { label: "Đơn vị triển khai thực hiện", roles: ["thực hiện"] },
  { label: "Đơn vị thực hiện triển khai", roles: ["thực hiện"] },
  { label: "Cơ quan triển khai thực hiện", roles: ["thực hiện"] },
  { label: "Đơn vị tổ chức thực hiện", roles: ["thực hiện"] },
  { label: "Cơ quan thực hiện", roles: ["thực hiện"] },
  { label: "Đơn vị thực hiện", roles: ["thực hiện"] },
  { label: "Đơn vị triển khai", roles: ["thực hiện"] },
  { label: "Cơ quan chủ trì", roles: ["chủ trì"] },
  { label: "Đơn vị chủ trì", roles: ["chủ trì"] },
  { label: "Cơ quan phối hợp", roles: ["phối hợp"] },
  { label: "Đơn vị phối hợp", roles: ["phối hợp"] },
  { label: "Cơ quan theo dõi", roles: ["theo dõi"] },
  { label: "Đơn vị theo dõi", roles: ["theo dõi"] },
  { label: "Cơ quan chỉ đạo", roles: ["chỉ đạo"] },
  { label: "Tổ chức thực hiện", roles: [] },
  { label: "Trách nhiệm thực hiện", roles: [] },
  { label: "Phân công thực hiện", roles: [] },
  { label: "Phân công nhiệm vụ", roles: [] },
];

/**
 * Phrases that give an agency its role, after its name (`Sở X chủ trì`) or at the start of a clause
 * whose subject is understood (`Chủ trì, phối hợp với …` under the heading `1. Sở X`). Longest first.
 */
export const ROLE_PHRASES: readonly { phrase: string; role: AgencyRole }[] = [
  { phrase: "là cơ quan thường trực", role: "chủ trì" },
  { phrase: "là cơ quan chủ trì", role: "chủ trì" },
  { phrase: "là đơn vị chủ trì", role: "chủ trì" },
  { phrase: "là cơ quan đầu mối", role: "chủ trì" },
  { phrase: "là đơn vị đầu mối", role: "chủ trì" },
  { phrase: "là cơ quan thực hiện", role: "thực hiện" },
  { phrase: "là đơn vị thực hiện", role: "thực hiện" },
  { phrase: "là cơ quan phối hợp", role: "phối hợp" },
  { phrase: "là đơn vị phối hợp", role: "phối hợp" },
  { phrase: "tổ chức triển khai thực hiện", role: "thực hiện" },
  { phrase: "triển khai thực hiện", role: "thực hiện" },
  { phrase: "tổ chức thực hiện", role: "thực hiện" },
  { phrase: "trực tiếp thực hiện", role: "thực hiện" },
  { phrase: "thực hiện", role: "thực hiện" },
  { phrase: "chủ trì", role: "chủ trì" },
  { phrase: "phối hợp", role: "phối hợp" },
  { phrase: "theo dõi", role: "theo dõi" },
  { phrase: "chỉ đạo", role: "chỉ đạo" },
];

/**
 * Verbs of a task that an agency opening an item carries out (`2. Văn phòng Sở bảo đảm kinh phí …`,
 * `- Sở Tài chính bố trí …`): its role is `thực hiện`. Only at the start of an item, so that what a body
 * did in a report's running text (`…, Sở Y tế đã tổ chức …`) is not read as a task.
 */
export const TASK_VERBS: readonly string[] = [
  "bảo đảm", "đảm bảo", "bố trí", "tham mưu", "hướng dẫn", "đôn đốc", "xây dựng", "tổ chức", "kiểm tra", "tuyên truyền",
  "cung cấp", "rà soát", "tổng hợp", "phân bổ", "thẩm định", "cân đối", "chuẩn bị", "phổ biến", "triển khai", "giám sát",
  "chỉ đạo", "hỗ trợ", "cử", "phân công", "quán triệt", "đăng tải", "biên soạn", "sản xuất", "tiếp nhận",
];

/**
 * A task table (`Phụ lục: … nhiệm vụ`, copied one cell per line): its header opens with the row-number
 * column (`TT`, `STT`) and names the columns of who does what — `Cơ quan chủ trì`, `Sở, ngành chủ trì tham
 * mưu`, `Đơn vị phối hợp thực hiện`. A column's role is the first of these its header holds.
 */
export const TASK_TABLE_NUMBER_HEADERS: readonly string[] = ["TT", "STT", "Số TT"];
/** Columns often left empty at a row's end: a row short of cells is missing these first. */
export const TASK_TABLE_NOTE_HEADERS: readonly string[] = ["ghi chú"];
export const TASK_TABLE_COLUMNS: readonly { words: string; role: AgencyRole }[] = [
  { words: "chủ trì", role: "chủ trì" },
  { words: "phối hợp", role: "phối hợp" },
  { words: "thực hiện", role: "thực hiện" },
];

/** Words before a role phrase that do not change it: `Chịu trách nhiệm phối hợp …`, `Có trách nhiệm chủ trì …`. */
export const ROLE_PREFIXES: readonly string[] = ["chịu trách nhiệm", "có trách nhiệm", "trực tiếp"];

/** Verbs that hand a task to the agency after them: `Giao Sở X chủ trì …`, `UBND các huyện giao Trung tâm …`. */
export const DELEGATION_VERBS: readonly string[] = ["giao", "chỉ đạo", "yêu cầu", "đề nghị"];

/** Words before a role's objects: `phối hợp với`, `phối hợp chặt chẽ với`. */
export const PARTNER_MARKERS: readonly string[] = ["chặt chẽ với", "với", "cùng"];

/**
 * Prefixes naming members or leaders of a body rather than the body itself: a plan sent to the body
 * reaches them (`Thành viên Ban Chỉ đạo …` ← `BCĐ …`; `Lãnh đạo UBND huyện` → `UBND huyện`).
 */
export const MEMBER_PREFIXES: readonly string[] = [
  "các cơ quan thành viên", "cơ quan thành viên", "các thành viên", "thành viên", "lãnh đạo", "thường trực", "tt",
  "chủ tịch", "các phó chủ tịch", "phó chủ tịch", "giám đốc", "thủ trưởng", "ban thường vụ", "btv",
];

/**
 * What a group recipient covers: `Các sở, ban, ngành` reaches any `Sở …` and `Ban …`; `ngành` the
 * provincial branches of central agencies; `đoàn thể` the mass organisations. Keys are group words,
 * values are heads (as in AGENCY_HEADS).
 */
export const GROUP_COVERS: ReadonlyMap<string, readonly string[]> = new Map([
  ["sở", ["Sở"]],
  ["ban", ["Ban", "Ban Quản lý", "Ban Chỉ đạo"]],
  ["ban ngành", ["Ban", "Ban Quản lý", "Công an", "Bộ Chỉ huy", "Kho bạc", "Kho bạc Nhà nước", "Cục", "Chi cục", "Thanh tra", "Bảo hiểm xã hội", "Ngân hàng", "Thuế"]],
  ["ngành", ["Công an", "Bộ Chỉ huy", "Kho bạc", "Kho bạc Nhà nước", "Cục", "Chi cục", "Thanh tra", "Bảo hiểm xã hội", "Ngân hàng", "Thuế"]],
  ["đoàn thể", ["Hội", "Đoàn", "Liên đoàn", "Mặt trận", "UBMTTQ", "Ủy ban"]],
  ["phòng", ["Phòng"]],
  ["hội", ["Hội"]],
  // `Các cơ quan chuyên môn thuộc UBND tỉnh`: the departments (Sở), the inspectorate and the office of the
  // committee; of a district's, its offices (Phòng).
  ["cơ quan chuyên môn", ["Sở", "Thanh tra", "Văn phòng", "Phòng"]],
]);

/** Group names too vague to be sent to (`các cơ quan liên quan`): never reported as missing from the recipients. */
export const VAGUE_MARKERS: readonly string[] = ["liên quan", "có liên quan", "khác"];

/** The line that names a letter's addressees (`Kính gửi: …`, then `- X;` lines): they receive it as recipients do. */
export const ADDRESSEE_LINE = /^[ \t]*Kính gửi[ \t]*:[ \t]*(.*)$/mu;
