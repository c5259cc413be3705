import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseText } from "@kehoach/parser";
import { AssignmentSchema, type Assignment, type Plan } from "@kehoach/model";
import { analyze } from "../../src/analysis/index.ts";

/** What the analysis stage gave the Plan, and the same with the agency each task was handed on by. */
const extractAssignments = (p: Plan) => analyze(p).assignments.map(({ via: _via, ...assignment }) => assignment);
const extractAssignmentDetails = (p: Plan) => analyze(p).assignments;

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
const seed = (name: string) => parseText(readFileSync(`${fixtures}seeds/${name}.txt`, "utf8"), { checks: false });

/** A small plan around a body; the recipients do not matter here. */
function plan(body: string): Plan {
  return parseText(`KẾ HOẠCH\nThực hiện nhiệm vụ năm 2024\n${body}\nNơi nhận:\n- Lưu: VT.\n`, { checks: false });
}

const triples = (assignments: readonly Assignment[]) => assignments.map((a) => [a.agency, a.role, a.section]);

function expectSpansIndexSource(p: Plan, assignments: readonly Assignment[]) {
  for (const a of assignments) {
    expect(AssignmentSchema.safeParse(a).success).toBe(true);
    expect(p.source.text.slice(a.span.start.offset, a.span.end.offset)).toBe(a.agency);
    const lineStart = p.source.text.lastIndexOf("\n", a.span.start.offset - 1) + 1;
    expect(a.span.start.column).toBe(a.span.start.offset - lineStart + 1);
  }
}

describe("extractAssignments: patterns", () => {
  it("reads a name whose fields are listed with commas (`Sở Văn hóa, Thể thao và Du lịch`), and keeps lists of agencies apart", () => {
    const p = plan(
      [
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức Ngày Sách.",
        "2. Phòng Văn hóa, Khoa học và Thông tin huyện thực hiện tuyên truyền.",
        "3. Sở Tài chính, Sở Nội vụ và Sở Xây dựng phối hợp thực hiện.",
      ].join("\n"),
    );
    // Was none for items 1 and 2: the name ended at its comma, and `Sở Văn hóa` had no verb after it.
    expect(triples(extractAssignments(p))).toEqual([
      ["Sở Văn hóa, Thể thao và Du lịch", "chủ trì", "I.1"],
      ["Sở Giáo dục và Đào tạo", "phối hợp", "I.1"],
      ["Phòng Văn hóa, Khoa học và Thông tin huyện", "thực hiện", "I.2"],
      ["Sở Tài chính", "phối hợp", "I.3"],
      ["Sở Nội vụ", "phối hợp", "I.3"],
      ["Sở Xây dựng", "phối hợp", "I.3"],
    ]);
  });

  it("reads labelled lines: Đơn vị chủ trì / phối hợp / trực tiếp thực hiện / chủ trì, thực hiện", () => {
    const p = plan(
      [
        "I. NỘI DUNG",
        "1. Phóng sự",
        "- Đơn vị chủ trì: Phòng Lao động TB&XH huyện.",
        "- Đơn vị trực tiếp thực hiện: Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện.",
        "- Đơn vị phối hợp: Phòng Văn hoá và Thông tin huyện; Ban Tuyên giáo huyện; UBND các xã, thị trấn.",
        "2. Tờ rơi",
        "- Đơn vị chủ trì, thực hiện: Phòng Lao động TB&XH huyện.",
      ].join("\n"),
    );
    const found = extractAssignments(p);
    expect(triples(found)).toEqual([
      ["Phòng Lao động TB&XH huyện", "chủ trì", "I.1"],
      ["Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện", "thực hiện", "I.1"],
      ["Phòng Văn hoá và Thông tin huyện", "phối hợp", "I.1"],
      ["Ban Tuyên giáo huyện", "phối hợp", "I.1"],
      ["UBND các xã, thị trấn", "phối hợp", "I.1"],
      ["Phòng Lao động TB&XH huyện", "chủ trì", "I.2"],
      ["Phòng Lao động TB&XH huyện", "thực hiện", "I.2"],
    ]);
    expectSpansIndexSource(p, found);
  });

  // Fixed bug, kept as a regression test (corpus tb_quangngai_565): the body one answers to was read
  // as an agency given the task, named `UBND tỉnh kết quả`.
  it("does not read the body one answers to (`chịu trách nhiệm trước X, Y kết quả …`) as given the task", () => {
    const p = plan(
      [
        "II. NHIỆM VỤ",
        "1. Sở Tài chính",
        "Phân bổ vốn bảo đảm hiệu quả. Chịu trách nhiệm trước UBND tỉnh, Chủ tịch UBND tỉnh kết quả triển khai thực hiện và giải ngân kế hoạch vốn.",
      ].join("\n"),
    );
    expect(extractAssignments(p).map((a) => a.agency)).not.toContain("UBND tỉnh kết quả");
    expect(extractAssignments(p).filter((a) => a.agency.startsWith("UBND tỉnh"))).toEqual([]);
  });

  it("reads `X chủ trì, phối hợp với Y, Z …` and `Giao X chủ trì …`", () => {
    const p = plan(
      [
        "I. NỘI DUNG",
        "1. Cụm thông tin",
        "a) Đơn vị thực hiện: Sở Thông tin và Truyền thông chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh, UBND huyện Phong Thổ, Ban Quản lý Khu kinh tế tỉnh triển khai thực hiện.",
        "b) Tổ chức thực hiện: Giao Sở Y tế chủ trì, phối hợp với Bưu điện tỉnh xây dựng kế hoạch.",
        "c) Giao UBND các huyện thực hiện rà soát.",
      ].join("\n"),
    );
    const found = extractAssignments(p);
    expect(triples(found)).toEqual([
      ["Sở Thông tin và Truyền thông", "chủ trì", "I.1.a"],
      ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "phối hợp", "I.1.a"],
      ["UBND huyện Phong Thổ", "phối hợp", "I.1.a"],
      ["Ban Quản lý Khu kinh tế tỉnh", "phối hợp", "I.1.a"],
      ["Sở Y tế", "chủ trì", "I.1.b"],
      ["Bưu điện tỉnh", "phối hợp", "I.1.b"],
      ["UBND các huyện", "thực hiện", "I.1.c"],
    ]);
    expectSpansIndexSource(p, found);
  });

  it("a commune's civil servant named by post (`Công chức Văn hóa - Xã hội xã`) is given the task; cán bộ, công chức in lower case are not", () => {
    const body = "4. Tổ chức thực hiện\n4.1. Công chức Văn hóa - Xã hội xã: Tuyên truyền trên loa truyền thanh.\n4.2. Các thôn bố trí cán bộ, công chức xã tham gia.";
    expect(triples(extractAssignments(plan(body)))).toEqual([["Công chức Văn hóa - Xã hội xã", "thực hiện", "4.1"]]);
  });

  it("`X phối hợp với Y`: X works with Y, who leads; Y is not given a role by that sentence", () => {
    const found = extractAssignments(plan("I. NỘI DUNG\n1. Phát sóng\n- Đài Phát thanh - Truyền hình tỉnh phối hợp với Sở Thông tin và Truyền thông thực hiện nhiệm vụ."));
    expect(triples(found)).toEqual([["Đài Phát thanh - Truyền hình tỉnh", "phối hợp", "I.1"]]);
  });

  it("reads subsections headed by an agency in TỔ CHỨC THỰC HIỆN, with the role their text states", () => {
    const p = plan(
      [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Thông tin và Truyền thông",
        "- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức triển khai Kế hoạch.",
        "- Tổng hợp báo cáo kết quả về UBND tỉnh và Bộ Thông tin và Truyền thông.",
        "2. Sở Lao động - Thương binh và Xã hội",
        "Theo dõi, đôn đốc, tổng hợp tiến độ để tham mưu UBND tỉnh báo cáo.",
        "3. UBND cấp huyện",
        "Chỉ đạo Phòng Văn hóa và Thông tin chủ trì, phối hợp với các phòng, ban liên quan tổ chức thực hiện.",
        "4. UBND các huyện, thành phố: Phối hợp chặt chẽ với Sở Thông tin và Truyền thông.",
        "5. Đài Phát thanh - Truyền hình tỉnh: Trên cơ sở các nhiệm vụ được giao chủ động xây dựng kế hoạch.",
      ].join("\n"),
    );
    const found = extractAssignmentDetails(p);
    expect(found.map((a) => [a.agency, a.role, a.section, a.via])).toEqual([
      ["Sở Thông tin và Truyền thông", "chủ trì", "III.1", null],
      ["các cơ quan, đơn vị liên quan", "phối hợp", "III.1", null],
      ["Sở Lao động - Thương binh và Xã hội", "theo dõi", "III.2", null],
      ["UBND cấp huyện", "chỉ đạo", "III.3", null],
      ["Phòng Văn hóa và Thông tin", "chủ trì", "III.3", "UBND cấp huyện"],
      ["các phòng, ban liên quan", "phối hợp", "III.3", "UBND cấp huyện"],
      ["UBND các huyện, thành phố", "phối hợp", "III.4", null],
      ["Đài Phát thanh - Truyền hình tỉnh", "thực hiện", "III.5", null],
    ]);
    expectSpansIndexSource(p, found);
  });

  it("`X giao Y thực hiện`: X directs, Y carries out, reached via X", () => {
    const found = extractAssignmentDetails(plan("I. NỘI DUNG\n1. Tin bài\n- Đơn vị thực hiện: UBND các huyện giao Trung tâm Văn hóa Thể thao và Truyền thông các huyện thực hiện."));
    expect(found.map((a) => [a.agency, a.role, a.via])).toEqual([
      ["UBND các huyện", "chỉ đạo", null],
      ["Trung tâm Văn hóa Thể thao và Truyền thông các huyện", "thực hiện", "UBND các huyện"],
    ]);
  });

  it("does not take objects, lists or look-alike words for assignments (near misses)", () => {
    const found = extractAssignments(
      plan(
        [
          "I. MỤC ĐÍCH",
          "1. Báo cáo kết quả thực hiện về UBND tỉnh và Bộ Thông tin và Truyền thông.",
          "2. Hội nghị triển khai; Ban hành quy chế; Phòng chống suy dinh dưỡng.",
          "3. Xây dựng và trình UBND tỉnh ban hành Quy chế; sản phẩm được tuyên truyền trên Đài Phát thanh Truyền hình tỉnh, Đài Truyền thanh các xã.",
          "4. Kính gửi",
          "- Sở Tài chính;",
          "- Công an tỉnh.",
        ].join("\n"),
      ),
    );
    expect(found).toEqual([]);
  });

  it("gives each of several agencies acting together the role: `X, Y: …`, `X và Y phối hợp …`", () => {
    const p = plan(
      [
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Sở Tài chính, Sở Kế hoạch và Đầu tư: Tham mưu bố trí kinh phí.",
        "2. Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh: Chủ trì bảo đảm an ninh.",
        "3. Sở Nội vụ và Sở Tư pháp phối hợp thẩm định.",
      ].join("\n"),
    );
    const found = extractAssignments(p);
    expect(triples(found)).toEqual([
      ["Sở Tài chính", "thực hiện", "I.1"],
      ["Sở Kế hoạch và Đầu tư", "thực hiện", "I.1"],
      ["Công an tỉnh", "chủ trì", "I.2"],
      ["Bộ Chỉ huy Quân sự tỉnh", "chủ trì", "I.2"],
      ["Sở Nội vụ", "phối hợp", "I.3"],
      ["Sở Tư pháp", "phối hợp", "I.3"],
    ]);
    expectSpansIndexSource(p, found);
  });

  it("reads past a remark in parentheses after a name: `Giao Sở X (cơ quan thường trực) chủ trì, phối hợp với …`", () => {
    const p = plan(
      "I. TỔ CHỨC THỰC HIỆN\nGiao Sở Nông nghiệp và Môi trường (cơ quan thường trực) chủ trì, phối hợp với Sở Tài chính, Sở Dân tộc và Tôn giáo xây dựng lịch kiểm tra.\nII. THEO DÕI\nSở Nội vụ (Ban Thi đua - Khen thưởng) chủ trì tổng hợp.",
    );
    const found = extractAssignments(p);
    expect(triples(found)).toEqual([
      ["Sở Nông nghiệp và Môi trường", "chủ trì", "I"],
      ["Sở Tài chính", "phối hợp", "I"],
      ["Sở Dân tộc và Tôn giáo", "phối hợp", "I"],
      ["Sở Nội vụ", "chủ trì", "II"],
    ]);
    expectSpansIndexSource(p, found);
  });

  it("an item opened by an agency and a task's verb gives it the task; the same words inside running text do not", () => {
    const found = extractAssignments(
      plan(
        [
          "I. TỔ CHỨC THỰC HIỆN",
          "1. Văn phòng Sở bảo đảm kinh phí, phương tiện phục vụ đoàn kiểm tra.",
          "- Sở Tài chính bố trí kinh phí.",
          "2. Năm 2025, Sở Y tế tổ chức 04 lớp tập huấn.",
          "3. Sở Công Thương đã tổ chức 02 đoàn kiểm tra.",
        ].join("\n"),
      ),
    );
    expect(triples(found)).toEqual([
      ["Văn phòng Sở", "thực hiện", "I.1"],
      ["Sở Tài chính", "thực hiện", "I.1"],
    ]);
  });

  it("reads an office of two elected bodies as one agency (`Văn phòng HĐND và UBND huyện`), not `Văn phòng UBND tỉnh và Sở X`", () => {
    const found = extractAssignments(
      plan(
        [
          "I. TỔ CHỨC THỰC HIỆN",
          "1. Văn phòng HĐND và UBND xã: Chủ trì tổ chức mít tinh.",
          "2. Văn phòng Đoàn ĐBQH và HĐND tỉnh chủ trì, phối hợp với Phòng Tài chính - Kế hoạch bố trí kinh phí.",
          "3. Văn phòng UBND tỉnh và Sở Tài chính phối hợp thực hiện.",
        ].join("\n"),
      ),
    );
    expect(triples(found)).toEqual([
      ["Văn phòng HĐND và UBND xã", "chủ trì", "I.1"],
      ["Văn phòng Đoàn ĐBQH và HĐND tỉnh", "chủ trì", "I.2"],
      ["Phòng Tài chính - Kế hoạch", "phối hợp", "I.2"],
      ["Văn phòng UBND tỉnh", "phối hợp", "I.3"],
      ["Sở Tài chính", "phối hợp", "I.3"],
    ]);
  });

  it("reads an appendix's task table copied one cell per line: each agency in a lead or partner cell takes its column's role", () => {
    const table = [
      "PHỤ LỤC",
      "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05/3/2025 của UBND tỉnh)",
      ...["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp thực hiện", "Thời gian", "Ghi chú"],
      ...["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
      "I",
      "Nhiệm vụ chung",
      ...["1", "Kiểm tra tại các sở", "Sở Nội vụ", "Thanh tra tỉnh; Sở Tài chính", "Quý II/2025"],
      // A row short of its notes only: still read.
      ...["2", "Rà soát quy hoạch", "Sở Xây dựng và Sở Công Thương", "Các sở, ban, ngành liên quan", "Quý III/2025", "Làm rõ"],
      // A name of two paragraphs beside an empty note: the lead's column holds no agency, the row is dropped.
      ...["3", "Tổng kết", "Báo cáo kết quả", "Sở Tư pháp", "Sở Y tế", "Quý IV/2025"],
      // Two cells short (an empty partner cell, an empty note): which is which is unknown, the row is dropped.
      ...["4", "Đôn đốc", "Văn phòng UBND tỉnh", "Tháng 12/2025"],
      // A partner cell empty, the note not: the time stands in the partner's column and names no agency.
      ...["5", "Tổng hợp", "Sở Y tế", "Tháng 12/2025", "Hằng năm"],
    ];
    const p = parseText(
      ["KẾ HOẠCH", "Kiểm tra năm 2025", "I. NỘI DUNG", "Nội dung.", "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An", ...table].join("\n"),
      { checks: false },
    );
    const found = extractAssignments(p);
    expect(triples(found)).toEqual([
      ["Sở Nội vụ", "chủ trì", null],
      ["Thanh tra tỉnh", "phối hợp", null],
      ["Sở Tài chính", "phối hợp", null],
      ["Sở Xây dựng", "chủ trì", null],
      ["Sở Công Thương", "chủ trì", null],
      ["Các sở, ban, ngành liên quan", "phối hợp", null],
      ["Sở Y tế", "chủ trì", null],
    ]);
    expectSpansIndexSource(p, found);
  });

  it("reads a task table inside a section too, under the section's label path", () => {
    const body = ["III. TỔ CHỨC THỰC HIỆN", "STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "1", "Kiểm tra các sở", "Chi cục Văn thư - Lưu trữ", "Thanh tra Sở", "Quý II"];
    expect(triples(extractAssignments(plan(body.join("\n"))))).toEqual([
      ["Chi cục Văn thư - Lưu trữ", "chủ trì", "III"],
      ["Thanh tra Sở", "phối hợp", "III"],
    ]);
  });

  it("a table without a column of who does what, or a caption too long for a header, gives no task", () => {
    const p = parseText(
      ["KẾ HOẠCH", "Kiểm tra", "I. NỘI DUNG", "Nội dung.", "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn An", "STT", "Nội dung", "Kinh phí", "1", "Sở Nội vụ", "30"].join("\n"),
      { checks: false },
    );
    expect(extractAssignments(p)).toEqual([]);
  });

  it("files each (agency, role, section) once", () => {
    const found = extractAssignments(
      plan("I. NỘI DUNG\n1. Tập huấn\n- Sở Y tế chủ trì, phối hợp với Bưu điện tỉnh.\n- Sở Y tế chủ trì, phối hợp với Bưu điện tỉnh và Báo Lai Châu."),
    );
    expect(triples(found)).toEqual([
      ["Sở Y tế", "chủ trì", "I.1"],
      ["Bưu điện tỉnh", "phối hợp", "I.1"],
      ["Báo Lai Châu", "phối hợp", "I.1"],
    ]);
  });

  it("never throws and finds nothing in a plan without sections", () => {
    expect(extractAssignments(parseText("", { checks: false }))).toEqual([]);
    expect(extractAssignments(parseText("Sở Tài chính chủ trì.", { checks: false }))).toEqual([]);
  });
});

describe("extractAssignments: seed 000 (UBND tỉnh Lai Châu)", () => {
  const p = seed("000");
  const found = extractAssignments(p);
  const has = (agency: string, role: string, section: string) => expect(triples(found)).toContainEqual([agency, role, section]);

  it("reads what the document says", () => {
    // 1.4. Đơn vị thực hiện: Sở Thông tin và Truyền thông triển khai thực hiện …
    has("Sở Thông tin và Truyền thông", "thực hiện", "II.1.4");
    // 2.1 đ) … Sở TT&TT chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh, UBND huyện Phong Thổ, Ban Quản lý Khu kinh tế tỉnh
    has("Sở Thông tin và Truyền thông", "chủ trì", "II.2.1.đ");
    has("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "phối hợp", "II.2.1.đ");
    has("UBND huyện Phong Thổ", "phối hợp", "II.2.1.đ");
    has("Ban Quản lý Khu kinh tế tỉnh", "phối hợp", "II.2.1.đ");
    // 2.2 d) Giao Sở TT&TT chủ trì, phối hợp với Đài Phát thanh và Truyền hình tỉnh
    has("Đài Phát thanh và Truyền hình tỉnh", "phối hợp", "II.2.2.d");
    // 3.5. Giao Sở TT&TT chủ trì, phối hợp với Bưu điện tỉnh
    has("Sở Thông tin và Truyền thông", "chủ trì", "II.3.5");
    has("Bưu điện tỉnh", "phối hợp", "II.3.5");
    // 4.4. - Giao UBND các huyện phối hợp với Sở TT&TT …
    has("UBND các huyện", "phối hợp", "II.4.4");
    // 5.4.1. Đài Phát thanh và Truyền hình tỉnh Lai Châu (a task heading under 5.4. Nhiệm vụ)
    has("Đài Phát thanh và Truyền hình tỉnh Lai Châu", "thực hiện", "II.5.4.1");
    // 5.4.2. … Đơn vị thực hiện: UBND các huyện giao Trung tâm Văn hóa Thể thao và Truyền thông các huyện thực hiện.
    has("UBND các huyện", "chỉ đạo", "II.5.4.2");
    has("Trung tâm Văn hóa Thể thao và Truyền thông các huyện", "thực hiện", "II.5.4.2");
    // 5.6. - Sở TT&TT chủ trì, phối hợp với Đài Phát thanh – Truyền hình tỉnh, UBND các huyện …
    has("Đài Phát thanh – Truyền hình tỉnh", "phối hợp", "II.5.6");
    has("UBND các huyện", "phối hợp", "II.5.6");
    // III. TỔ CHỨC THỰC HIỆN
    has("Sở Thông tin và Truyền thông", "chủ trì", "III.1");
    has("Các sở, ban, ngành tỉnh có liên quan", "phối hợp", "III.2");
    has("UBND các huyện, thành phố", "phối hợp", "III.3");
    has("Đài Phát thanh - Truyền hình tỉnh", "thực hiện", "III.4");
  });

  it("gives no task to bodies that are only reported to or named in passing", () => {
    const agencies = found.map((a) => a.agency);
    expect(agencies).not.toContain("UBND tỉnh"); // … trình UBND tỉnh ban hành …; báo cáo … về UBND tỉnh
    expect(agencies).not.toContain("Bộ Thông tin và Truyền thông");
    expect(agencies).not.toContain("Đài Truyền thanh các xã"); // … được tuyên truyền trên …
  });

  it("has spans that index source.text and no duplicates", () => {
    expectSpansIndexSource(p, found);
    const keys = found.map((a) => `${a.agency}|${a.role}|${a.section}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("extractAssignments: seed 004 (UBND huyện Mường Ảng)", () => {
  const p = seed("004");
  const found = extractAssignments(p);
  const has = (agency: string, role: string, section: string) => expect(triples(found)).toContainEqual([agency, role, section]);

  it("reads the labelled lines of III and the subsections of V", () => {
    for (const section of ["III.1", "III.2", "III.3"]) {
      has("Phòng Lao động TB&XH huyện", "chủ trì", section);
      has("Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện", "thực hiện", section);
    }
    has("UBND các xã, thị trấn", "phối hợp", "III.3");
    has("Phòng Lao động TB&XH huyện", "chủ trì", "III.4");
    has("Phòng Lao động TB&XH huyện", "thực hiện", "III.4");
    has("Phòng Văn hoá và Thông tin huyện", "phối hợp", "III.4");
    has("Ban Tuyên giáo huyện", "phối hợp", "III.4");
    has("Thành viên Ban Chỉ đạo thực hiện các Chương trình MTQG huyện", "phối hợp", "III.5");
    has("UBND các xã, thị trấn", "thực hiện", "III.6");
    // `Các cơ quan báo chí, xuất bản; …`: the words after the comma name no agency of their own; they were dropped from the name.
    has("Các cơ quan báo chí, xuất bản", "thực hiện", "III.6");
    has("Phòng Lao động - Thương binh và Xã hội huyện", "chủ trì", "V.1");
    has("Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện", "phối hợp", "V.1");
    has("Trung tâm Văn hóa - Truyền thanh - Truyền hình", "thực hiện", "V.2");
    has("Các cơ quan thành viên BCĐ các Chương trình MTQG huyện", "thực hiện", "V.3");
    has("Ủy ban nhân dân các xã, thị trấn", "phối hợp", "V.4");
  });

  it("gives the UBND huyện no task: it is advised (tham mưu cho) and assigns (được … giao), it is not assigned", () => {
    expect(found.map((a) => a.agency)).not.toContain("UBND huyện");
    expectSpansIndexSource(p, found);
  });

  it.each(["000", "001", "002", "003", "004"])("seed %s: the pipeline's assignments (from the grammar's tokens) equal a fresh analysis of the text", (name) => {
    const p = seed(name);
    const spanless = (list: readonly Assignment[]) => list.map((a) => [a.agency, a.role, a.section, a.span.start.offset, a.span.end.offset]);
    expect(spanless(p.assignments)).toEqual(spanless(extractAssignments(p)));
  });
});

describe("extractAssignments on every seed", () => {
  it.each(["000", "001", "002", "003", "004"])("seed %s: schema-valid, spans inside source.text", (name) => {
    const p = seed(name);
    const found = extractAssignments(p);
    expect(found.length).toBeGreaterThan(0);
    expectSpansIndexSource(p, found);
  });
});

describe("assignments on a PDF", () => {
  it("every assignment's span has the page and box of its words (spans come from the build's span factory)", async () => {
    const p = await parse(new Uint8Array(readFileSync(`${fixtures}samples/000.pdf`)), { checks: false });
    expect(p.assignments.length).toBeGreaterThan(10);
    for (const a of p.assignments) {
      expect(a.span.page).toBeGreaterThanOrEqual(1);
      expect(a.span.bbox).toBeDefined();
    }
  });
});
