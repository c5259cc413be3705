import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseText } from "@kehoach/parser";
import type { Plan } from "@kehoach/model";
import { responsibleNotRecipient } from "../../src/checks/rules/responsible.ts";
import { analyze } from "../../src/analysis/index.ts";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
const seed = (name: string) => parseText(readFileSync(`${fixtures}seeds/${name}.txt`, "utf8"), { checks: false });

function plan(body: string, recipients: readonly string[]): Plan {
  const text = [
    "KẾ HOẠCH",
    "Thực hiện nhiệm vụ năm 2024",
    body,
    "Nơi nhận:",
    ...recipients.map((r) => `- ${r};`),
    "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Nguyễn Văn A",
  ].join("\n");
  return parseText(text, { checks: false });
}
const run = (p: Plan) => responsibleNotRecipient.run(p, analyze(p));
const named = (p: Plan) => run(p).map((r) => (r.span ? p.source.text.slice(r.span.start.offset, r.span.end.offset) : null));

const TASKS = [
  "I. NỘI DUNG",
  "1. Dịch vụ công cộng",
  "Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Bưu điện tỉnh xây dựng kế hoạch.",
  "2. Phát sóng",
  "Sở Thông tin và Truyền thông chủ trì, phối hợp với Đài Phát thanh và Truyền hình tỉnh, Bưu điện tỉnh triển khai.",
].join("\n");

describe("responsible-not-recipient", () => {
  it("reports an agency given a task that is not among the recipients, once, with its other places as related", () => {
    const p = plan(TASKS, ["Sở Thông tin và Truyền thông", "Đài PTTH tỉnh"]);
    const reports = run(p);
    expect(named(p)).toEqual(["Bưu điện tỉnh"]);
    const report = reports[0];
    expect(report?.related).toHaveLength(1);
    expect(report?.related?.[0]?.start.line).toBeGreaterThan(report?.span?.start.line ?? 0);
    expect(report?.message).toContain("Nơi nhận");
    expect(report?.messageEn).toContain("Bưu điện tỉnh");
  });

  it("near miss: the same agency listed in the recipients is not reported", () => {
    expect(run(plan(TASKS, ["Sở Thông tin và Truyền thông", "Đài PTTH tỉnh", "Bưu điện tỉnh"]))).toEqual([]);
  });

  it("compares normalised names: abbreviations, dashes, `và`, old tone placement, a place name after the level", () => {
    const body = [
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Đài Phát thanh và Truyền hình tỉnh Lai Châu",
      "Sản xuất chương trình.",
      "2. Ban Quản lý Khu kinh tế tỉnh: Phối hợp thực hiện.",
      "3. Phòng Lao động - Thương binh và Xã hội huyện: Cung cấp số liệu.",
      "4. Trung tâm Văn hoá - Thể thao và Truyền thông huyện: Sản xuất tin bài.",
    ].join("\n");
    const recipients = ["Đài PTTH tỉnh", "Ban QL Khu kinh tế tỉnh", "Phòng LĐ-TB&XH huyện", "Trung tâm VH-TT&TT huyện"];
    expect(run(plan(body, recipients))).toEqual([]);
    // Near miss: a different unit with the same head is still missing.
    expect(named(plan(body, recipients.slice(0, 3)))).toEqual(["Trung tâm Văn hoá - Thể thao và Truyền thông huyện"]);
  });

  it("a group recipient covers its members: `Các sở, ban, ngành`, `Các sở: Tài chính, Nội vụ`", () => {
    const body = "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế: Chủ trì tập huấn.\n2. Ban Dân tộc tỉnh: Phối hợp.\n3. Sở Tài chính: Thẩm định dự toán.";
    expect(run(plan(body, ["Các sở, ban, ngành, đoàn thể tỉnh"]))).toEqual([]);
    expect(named(plan(body, ["Các sở: Y tế, Tài chính"]))).toEqual(["Ban Dân tộc tỉnh"]);
    // Near miss: a group of one level does not cover another level.
    expect(named(plan("III. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo huyện: Phối hợp.", ["Các sở, ban, ngành tỉnh"]))).toEqual([
      "Ban Tuyên giáo huyện",
    ]);
  });

  it("`UBND các huyện, thành phố` covers every district and the units of the districts", () => {
    const body = [
      "I. NỘI DUNG",
      "1. Cụm thông tin",
      "Sở Y tế chủ trì, phối hợp với UBND huyện Phong Thổ, UBND các huyện triển khai.",
      "2. Tin bài",
      "- Đơn vị thực hiện: Trung tâm Văn hóa Thể thao và Truyền thông các huyện.",
      "3. Tổ chức",
      "UBND cấp huyện: Chỉ đạo Phòng Văn hóa và Thông tin chủ trì, phối hợp với các phòng liên quan.",
    ].join("\n");
    expect(run(plan(body, ["Sở Y tế", "UBND các huyện, thành phố"]))).toEqual([]);
    // Near miss: without the districts among the recipients, each district body is missing.
    expect(named(plan(body, ["Sở Y tế"]))).toEqual([
      "UBND huyện Phong Thổ",
      "UBND các huyện",
      "Trung tâm Văn hóa Thể thao và Truyền thông các huyện",
      "UBND cấp huyện",
    ]);
  });

  it("a unit handed the task by another agency is reached through it; only the delegating agency is reported", () => {
    const body = "I. NỘI DUNG\n1. Tin bài\n- Đơn vị thực hiện: UBND các huyện giao Trung tâm Y tế thực hiện.";
    expect(run(plan(body, ["UBND các huyện, thành phố"]))).toEqual([]);
    expect(named(plan(body, []))).toEqual(["UBND các huyện"]);
  });

  it("the drafting unit on the archive line (Lưu: VT, LĐTBXH) holds the plan", () => {
    const text = [
      "KẾ HOẠCH",
      "Truyền thông giảm nghèo",
      "I. NỘI DUNG",
      "1. Phóng sự",
      "- Đơn vị chủ trì: Phòng Lao động TB&XH huyện.",
      "Nơi nhận:",
      "- UBND các xã, thị trấn;",
      "- Lưu: VT, LĐTBXH.",
    ].join("\n");
    expect(run(parseText(text, { checks: false }))).toEqual([]);
    expect(named(parseText(text.replace("LĐTBXH.", "VH-TT."), { checks: false }))).toEqual(["Phòng Lao động TB&XH huyện"]);
  });

  it("does not report groups too vague to send to (các cơ quan liên quan, các đơn vị chuyên môn)", () => {
    const body = "I. NỘI DUNG\n1. Tập huấn\nSở Y tế chủ trì, phối hợp với các cơ quan, đơn vị liên quan, các đơn vị chuyên môn tổ chức.";
    expect(run(plan(body, ["Sở Y tế"]))).toEqual([]);
  });

  it("reads a letter's addressees (Kính gửi:) as recipients", () => {
    const text = ["Kính gửi:", "- Công an tỉnh;", "- Bưu điện tỉnh.", "1. Công an tỉnh", "- Chủ trì, phối hợp với Bưu điện tỉnh kiểm tra.", "Nơi nhận:", "- Như trên;", "- Lưu: VT."].join("\n");
    expect(run(parseText(text, { checks: false }))).toEqual([]);
  });

  it("`Như mục I`, `… tại mục I` stand for the bodies given tasks in section I; `Như mục II` for none of them", () => {
    expect(run(plan(TASKS, ["Như mục I"]))).toEqual([]);
    // Bưu điện tỉnh is given tasks in I.1 and I.2: only the one in I.1 is left.
    const second = run(plan(TASKS, ["Như Mục I.2", "Sở Thông tin và Truyền thông"]));
    expect(second.map((r) => r.message)).toEqual(["“Bưu điện tỉnh” được giao nhiệm vụ (phối hợp; mục I.1) nhưng không có trong Nơi nhận."]);
    expect(named(plan(TASKS, ["Như mục I.1", "Sở Thông tin và Truyền thông"]))).toEqual(["Đài Phát thanh và Truyền hình tỉnh", "Bưu điện tỉnh"]);
    expect(named(plan(TASKS, ["Như mục II", "Sở Thông tin và Truyền thông", "Đài PTTH tỉnh"]))).toEqual(["Bưu điện tỉnh"]);
    expect(run(plan(TASKS, ["Các cơ quan, đơn vị tại mục I"]))).toEqual([]);
    expect(named(plan(TASKS, ["Các cơ quan, đơn vị tại mục II", "Sở Thông tin và Truyền thông", "Đài PTTH tỉnh"]))).toEqual(["Bưu điện tỉnh"]);
  });

  it("a department's own units named after it by its head (`Văn phòng Sở`) receive its plan; another body's do not", () => {
    const text = (issuer: string) =>
      [issuer, "Số: 05/KH-SNV", "KẾ HOẠCH", "Kiểm tra năm 2025", "I. TỔ CHỨC THỰC HIỆN", "1. Văn phòng Sở bảo đảm kinh phí.", "2. Thanh tra Sở phối hợp kiểm tra.", "3. Văn phòng UBND tỉnh theo dõi.", "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT."].join("\n");
    const p = parseText(text("UBND TỈNH NGHỆ AN\nSỞ NỘI VỤ"), { checks: false });
    expect(named(p)).toEqual(["Văn phòng UBND tỉnh"]);
    const q = parseText(text("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN"), { checks: false });
    expect(named(q)).toEqual(["Văn phòng Sở", "Thanh tra Sở", "Văn phòng UBND tỉnh"]);
  });

  it("a Party committee's own units (`Ban Tổ chức Tỉnh ủy`) need no line of their own; an office named in full on the archive line holds the plan", () => {
    const text = (issuer: string, archive: string) =>
      [issuer, "Số 125-KH/TU", "KẾ HOẠCH", "thực hiện Chỉ thị", "I. NHIỆM VỤ", "1. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi.", "2. Sở Nội vụ phối hợp kiểm tra.", "Nơi nhận:", "- Ban Tổ chức Trung ương,", archive].join("\n");
    expect(named(parseText(text("TỈNH ỦY LAI CHÂU", "- Lưu VT."), { checks: false }))).toEqual(["Sở Nội vụ"]);
    expect(named(parseText(text("UBND TỈNH LAI CHÂU", "- Lưu: VT."), { checks: false }))).toEqual(["Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy", "Sở Nội vụ"]);
    expect(named(parseText(text("UBND TỈNH LAI CHÂU", "- Lưu: VT, Văn phòng Tỉnh ủy."), { checks: false }))).toEqual(["Ban Tổ chức Tỉnh ủy", "Sở Nội vụ"]);
  });

  // Fixed bug, kept as a regression test: a department with a two-word name (`Sở Nội vụ`, `Sở Y tế`) was taken for
  // a vague group (`Sở, ban, ngành`) and never reported.
  it("a department with a two-word name is reported; `Sở, ban, ngành` is not", () => {
    const body = "I. NỘI DUNG\n1. Sở Y tế chủ trì, phối hợp với Sở Nội vụ và các sở, ban, ngành kiểm tra.";
    expect(named(plan(body, ["Sở Tài chính"]))).toEqual(["Sở Y tế", "Sở Nội vụ"]);
  });

  it("`Thủ trưởng các sở, ban, ngành` in the article `Như Điều 3` stands for, and `Các cơ quan chuyên môn thuộc UBND tỉnh`, cover the departments", () => {
    const body = "I. NỘI DUNG\n1. Sở Y tế chủ trì, phối hợp với Văn phòng UBND tỉnh kiểm tra.";
    expect(run(plan(body, ["Các cơ quan chuyên môn thuộc UBND tỉnh"]))).toEqual([]);
    const decision = ["QUYẾT ĐỊNH", "Phê duyệt Kế hoạch", "Điều 1. Phê duyệt Kế hoạch kèm theo.", "Điều 2. Sở Y tế chủ trì triển khai.", "Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành chịu trách nhiệm thi hành Quyết định này./.", "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."];
    expect(run(parseText(decision.join("\n"), { checks: false }))).toEqual([]);
    expect(named(parseText(decision.join("\n").replace("Thủ trưởng các sở, ban, ngành", "Giám đốc Sở Tài chính"), { checks: false }))).toEqual(["Sở Y tế"]);
  });

  it("the issuer's own civil servants (`Công chức Địa chính xã`) need no recipient line", () => {
    const body = "I. TỔ CHỨC THỰC HIỆN\n1. Công chức Địa chính - Nông nghiệp xã: Tham mưu triển khai.\n2. Trạm Y tế xã: Phối hợp tuyên truyền.";
    expect(named(plan(body, ["UBND huyện"]))).toEqual(["Trạm Y tế xã"]);
  });

  it("reports nothing when the plan has no recipients at all (missing-recipients says so)", () => {
    expect(run(parseText(`KẾ HOẠCH\nTập huấn\n${TASKS}`, { checks: false }))).toEqual([]);
  });
});

describe("responsible-not-recipient on the seeds", () => {
  it("seed 000: Bưu điện tỉnh is given a task (3.5) but is not a recipient", () => {
    const p = seed("000");
    const reports = run(p);
    expect(named(p)).toEqual(["Bưu điện tỉnh"]);
    expect(reports[0]?.span?.start.line).toBe(47);
  });

  it.each(["001", "002", "003"])("seed %s: every agency given a task is reached by a recipient", (name) => {
    expect(run(seed(name))).toEqual([]);
  });

  it("seed 004: the implementing centre, the culture office and the propaganda board are not recipients", () => {
    const p = seed("004");
    const reports = run(p);
    expect(named(p)).toEqual(["Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện", "Phòng Văn hoá và Thông tin huyện", "Ban Tuyên giáo huyện"]);
    // The centre is named in III.1, III.2, III.3, V.1 and V.2: one finding, four related places.
    expect(reports[0]?.related).toHaveLength(4);
  });
});
