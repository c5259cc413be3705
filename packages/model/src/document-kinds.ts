import { z } from "zod";

/**
 * The kinds of document kehoach reads as a whole, each by its name (printed in capitals as the type
 * heading under the header: `KẾ HOẠCH`) and the type code its symbol carries (Nghị định 30/2020/NĐ-CP,
 * Phụ lục III): `12/KH-UBND`. A letter (công văn) has no type code. This list is where a new kind is added:
 * the kind enum below, the lexer's type heading and the parser's layout table (`vi/layout.ts`) are made from it.
 */
export const DOCUMENT_KINDS = [
  { kind: "ke-hoach", name: "Kế hoạch", code: "KH" },
  { kind: "quyet-dinh", name: "Quyết định", code: "QĐ" },
  { kind: "bao-cao", name: "Báo cáo", code: "BC" },
  { kind: "cong-van", name: "Công văn", code: null },
  { kind: "thong-bao", name: "Thông báo", code: "TB" },
  { kind: "to-trinh", name: "Tờ trình", code: "TTr" },
  { kind: "chi-thi", name: "Chỉ thị", code: "CT" },
  { kind: "nghi-quyet", name: "Nghị quyết", code: "NQ" },
  { kind: "huong-dan", name: "Hướng dẫn", code: "HD" },
  { kind: "chuong-trinh", name: "Chương trình", code: "CTr" },
  { kind: "de-an", name: "Đề án", code: "ĐA" },
  { kind: "bien-ban", name: "Biên bản", code: "BB" },
] as const;

type KindSlug = (typeof DOCUMENT_KINDS)[number]["kind"];

/**
 * Document kinds by their type heading: `KẾ HOẠCH` → `ke-hoach`, `QUYẾT ĐỊNH` → `quyet-dinh`, …;
 * `unknown` when no type heading was found.
 */
const KIND_SLUGS: [KindSlug | "unknown", ...(KindSlug | "unknown")[]] = ["unknown", ...DOCUMENT_KINDS.map((k) => k.kind)];
export const DocumentKindSchema = z.enum(KIND_SLUGS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;
