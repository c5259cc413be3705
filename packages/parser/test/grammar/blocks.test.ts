import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cstLines, nodesNamed, nodeText, parseCst, planText } from "../support/units.ts";

describe("header", () => {
  it("reads the issuer lines, the motto, the number line and the place and date", () => {
    const text = [
      "UBND TỈNH LÀO CAI",
      "SỞ CÔNG THƯƠNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 12/KH-SCT",
      "Lào Cai, ngày 05 tháng 3 năm 2024",
    ].join("\n");
    expect(cstLines(text)).toEqual([
      "issuerLine: UBND TỈNH LÀO CAI",
      "issuerLine: SỞ CÔNG THƯƠNG",
      "headerLine: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "headerLine: Độc lập - Tự do - Hạnh phúc",
      "numberLine: Số: 12/KH-SCT",
      "placeDateLine: Lào Cai, ngày 05 tháng 3 năm 2024",
    ]);
  });

  it("every header line is a headerLine, in the plan rule", () => {
    const { cst, errors } = parseCst("UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 05 tháng 3 năm 2024");
    expect(errors).toEqual([]);
    expect(cst.name).toBe("plan");
    expect(cst.children["headerLine"]).toHaveLength(3);
  });

  it("`Số 12/KH-UBND` with its colon forgotten is the number line; `SỐ 1050/QĐ-SCT` ending an issuer's name is not", () => {
    expect(cstLines("UBND TỈNH HÀ GIANG\nSố 12/KH-UBND\nHà Giang, ngày 05 tháng 3 năm 2025")).toEqual([
      "issuerLine: UBND TỈNH HÀ GIANG",
      "numberLine: Số 12/KH-UBND",
      "placeDateLine: Hà Giang, ngày 05 tháng 3 năm 2025",
    ]);
    const lines = cstLines("SỞ CÔNG THƯƠNG\nĐOÀN KIỂM TRA\nTHEO QUYẾT ĐỊNH\nSỐ 1050/QĐ-SCT\nSố: 1105/KH-ĐKT");
    expect(lines.filter((line) => line.startsWith("numberLine"))).toEqual(["numberLine: Số: 1105/KH-ĐKT"]);
  });

  it("a draft's blank number and day are still the number line and the place-and-date line", () => {
    expect(cstLines("UBND TỈNH LAI CHÂU\nSố: /KH-UBND\nLai Châu, ngày tháng 3 năm 2024")).toEqual([
      "issuerLine: UBND TỈNH LAI CHÂU",
      "numberLine: Số: /KH-UBND",
      "placeDateLine: Lai Châu, ngày tháng 3 năm 2024",
    ]);
  });

  it("a letter's V/v summary is a subject line", () => {
    expect(cstLines("UBND TỈNH LAI CHÂU\nSố: 5973/UBND-KT\nV/v triển khai chuyển đổi số").slice(2)).toEqual(["subjectLine: V/v triển khai chuyển đổi số"]);
  });

  it("the date part of the place-and-date line is a date node", () => {
    const text = "UBND TỈNH LAI CHÂU\nLai Châu, ngày 05 tháng 3 năm 2024";
    const [line] = nodesNamed(parseCst(text).cst, "placeDateLine");
    expect(line).toBeDefined();
    expect(nodesNamed(line!, "date").map((node) => nodeText(text, node))).toEqual(["ngày 05 tháng 3 năm 2024"]);
  });
});

describe("title block", () => {
  it("is the type heading and the title lines under it", () => {
    expect(cstLines("KẾ HOẠCH\nTriển khai chương trình\nchuyển đổi số năm 2024\nCăn cứ Luật Đất đai ngày 18/01/2024;")).toEqual([
      "titleBlock: KẾ HOẠCH",
      "titleLine: Triển khai chương trình",
      "titleLine: chuyển đổi số năm 2024",
      "basisLine: Căn cứ Luật Đất đai ngày 18/01/2024;",
    ]);
  });

  it("a line in capitals after the title is a decision's issuing authority, not more title", () => {
    expect(cstLines("QUYẾT ĐỊNH\nPhê duyệt Kế hoạch\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Đất đai ngày 18/01/2024;")).toEqual([
      "titleBlock: QUYẾT ĐỊNH",
      "titleLine: Phê duyệt Kế hoạch",
      "authorityLine: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
      "basisLine: Căn cứ Luật Đất đai ngày 18/01/2024;",
    ]);
  });

  it("after its first line, a line ending in a full stop is the body, not the title", () => {
    expect(cstLines("THÔNG BÁO\nKết luận của Chủ tịch\nNgày 05/3/2024, Chủ tịch đã họp.")).toEqual([
      "titleBlock: THÔNG BÁO",
      "titleLine: Kết luận của Chủ tịch",
      "bodyLine: Ngày 05/3/2024, Chủ tịch đã họp.",
    ]);
  });
});

describe("preamble", () => {
  const preamble = [
    "KẾ HOẠCH",
    "Triển khai nhiệm vụ",
    "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
    "Thực hiện Chỉ thị số 11-CT/TU ngày 02/01/2024 của Tỉnh ủy;",
    "Theo đề nghị của Giám đốc Sở Nội vụ;",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
    "I. MỤC ĐÍCH",
  ].join("\n");

  it("reads Căn cứ and Thực hiện lines as bases, the proposal line, then the issuance line", () => {
    expect(cstLines(preamble).slice(2)).toEqual([
      "basisLine: Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;",
      "basisLine: Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
      "basisLine: Thực hiện Chỉ thị số 11-CT/TU ngày 02/01/2024 của Tỉnh ủy;",
      "proposalLine: Theo đề nghị của Giám đốc Sở Nội vụ;",
      "issuanceLine: Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
      "bodyLine: I. MỤC ĐÍCH",
    ]);
  });

  it("a basis line holds its citation as a reference node: type, number, date, issuer", () => {
    const { cst } = parseCst(preamble);
    const [first] = nodesNamed(cst, "basisLine");
    const references = nodesNamed(first!, "reference").map((node) => nodeText(preamble, node));
    expect(references).toEqual(["Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ"]);
    expect(nodesNamed(first!, "issuerPhrase").map((node) => nodeText(preamble, node))).toEqual(["của Thủ tướng Chính phủ"]);
  });

  it("a law cited by name is a named reference", () => {
    const { cst } = parseCst(preamble);
    const named = nodesNamed(cst, "namedReference").map((node) => nodeText(preamble, node));
    expect(named).toEqual(["Luật Tổ chức chính quyền địa phương ngày 19/6/2015"]);
  });

  it("Thực hiện without a cited document is not a basis", () => {
    expect(cstLines("KẾ HOẠCH\nTriển khai\nThực hiện nhiệm vụ được giao, Sở ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH")).toEqual([
      "titleBlock: KẾ HOẠCH",
      "titleLine: Triển khai",
      "issuanceLine: Thực hiện nhiệm vụ được giao, Sở ban hành Kế hoạch như sau:",
      "bodyLine: I. MỤC ĐÍCH",
    ]);
  });

  it("a decision's QUYẾT ĐỊNH: is its issuance line", () => {
    expect(cstLines("QUYẾT ĐỊNH\nPhê duyệt\nCăn cứ Luật Đất đai ngày 18/01/2024;\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.").slice(3)).toEqual([
      "issuanceLine: QUYẾT ĐỊNH:",
      "bodyLine: Điều 1. Phê duyệt.",
    ]);
  });
});

describe("body", () => {
  it("reads every labelled and unlabelled line as a body line with its label", () => {
    const text = "I. MỤC ĐÍCH\n1. Mục đích\n1.1. Nội dung\na) Một\n- Hai\n+ Ba\nĐoạn văn.\nĐiều 1. Phê duyệt.";
    expect(cstLines(text)).toEqual([
      "bodyLine: I. MỤC ĐÍCH",
      "bodyLine: 1. Mục đích",
      "bodyLine: 1.1. Nội dung",
      "bodyLine: a) Một",
      "bodyLine: - Hai",
      "bodyLine: + Ba",
      "bodyLine: Đoạn văn.",
      "bodyLine: Điều 1. Phê duyệt.",
    ]);
    const labels = nodesNamed(parseCst(text).cst, "label").map((node) => nodeText(text, node));
    expect(labels).toEqual(["I.", "1.", "1.1.", "a)", "-", "+", "Điều 1."]);
  });

  it("finds money with its words and quantities inside a body line", () => {
    const text = "II. KINH PHÍ\nTổng kinh phí: 9.753.000.000 đồng (Chín tỷ, bảy trăm năm mươi ba triệu đồng), cho 106 cán bộ.";
    const { cst } = parseCst(text);
    expect(nodesNamed(cst, "money").map((node) => nodeText(text, node))).toEqual([
      "9.753.000.000 đồng (Chín tỷ, bảy trăm năm mươi ba triệu đồng)",
    ]);
    expect(nodesNamed(cst, "amountWords").map((node) => nodeText(text, node))).toEqual(["(Chín tỷ, bảy trăm năm mươi ba triệu đồng)"]);
    expect(nodesNamed(cst, "quantity").map((node) => nodeText(text, node))).toEqual(["106 cán bộ"]);
  });

  it("money written with `đ` or `VNĐ`, a lone `đ` elsewhere no money", () => {
    const text = "1. Kinh phí 1.500.000.000đ và 2.000.000 VNĐ; điểm đ khoản 2.";
    expect(nodesNamed(parseCst(text).cst, "money").map((node) => nodeText(text, node))).toEqual(["1.500.000.000đ", "2.000.000 VNĐ"]);
  });

  it("a table's unit caption and its total row, the figure ending the line or alone on the next", () => {
    const text = "III. KINH PHÍ\nĐơn vị tính: triệu đồng\nTổng cộng: 80\nTổng cộng\n80\nTổng cộng 80 người\nTổng số 200 đại biểu.";
    const { cst } = parseCst(text);
    expect(nodesNamed(cst, "unitCaption").map((node) => nodeText(text, node))).toEqual(["Đơn vị tính: triệu đồng"]);
    // `Tổng cộng 80 người` and `Tổng số 200 …` run on past the figure: no total row, a count.
    expect(nodesNamed(cst, "tableTotal").map((node) => nodeText(text, node))).toEqual(["Tổng cộng: 80", "Tổng cộng"]);
    expect(nodesNamed(cst, "quantity").map((node) => nodeText(text, node))).toEqual(["80 người", "200 đại biểu"]);
  });

  it("counts of schools, associations and teams are quantities", () => {
    const text = "1. Dự kiến 120 giáo viên, 1.500 học sinh của 12 trường; 8 đội bóng; 35 hội viên, 40 đảng viên.";
    expect(nodesNamed(parseCst(text).cst, "quantity").map((node) => nodeText(text, node))).toEqual([
      "120 giáo viên", "1.500 học sinh", "12 trường", "8 đội", "35 hội viên", "40 đảng viên",
    ]);
  });

  it("the groups of a phone number or a dotted figure are no quantity, a count after them is", () => {
    const text = "1. Liên hệ 0912.345.678 hồ sơ; tỷ lệ 98.5 %; tiếp nhận 125.712 hồ sơ.";
    expect(nodesNamed(parseCst(text).cst, "quantity").map((node) => nodeText(text, node))).toEqual(["125.712 hồ sơ"]);
  });

  it("a project's number and a period's years are no quantity, a count beside them is", () => {
    // Seeds 001 and 004 had `6 CTMTQG` and `2021-2025 huyện` read as counts.
    const text = "1. Tiểu dự án 1 thuộc Dự án 6 CTMTQG giai đoạn 2021-2025 huyện Mường Ảng cho 02 dự án, 88 điểm.";
    expect(nodesNamed(parseCst(text).cst, "quantity").map((node) => nodeText(text, node))).toEqual(["02 dự án", "88 điểm"]);
  });
});

describe("closing", () => {
  it("the line ending in ./. is the closing line", () => {
    expect(cstLines("I. NỘI DUNG\nCác cơ quan tổ chức thực hiện./.\nNơi nhận:")).toEqual([
      "bodyLine: I. NỘI DUNG",
      "closingLine: Các cơ quan tổ chức thực hiện./.",
      "recipients: Nơi nhận:",
    ]);
  });

  it("a labelled line ending in ./. stays in the body", () => {
    expect(cstLines("Điều 2. Thi hành./.")).toEqual(["bodyLine: Điều 2. Thi hành./."]);
  });
});

describe("recipients", () => {
  const text = [
    "Tổ chức thực hiện./.",
    "Nơi nhận:",
    "- Bộ Thông tin và Truyền thông",
    "(để b/c);",
    "- Báo Lai Châu; Đài PTTH tỉnh;",
    "- Sở Tài chính;",
    "- Lưu: VT, KT.",
  ].join("\n");

  it("reads the heading, one item per dash line, and a wrapped line as part of its item", () => {
    expect(cstLines(text).slice(1)).toEqual([
      "recipients: Nơi nhận:",
      "recipientItem: - Bộ Thông tin và Truyền thông",
      "recipientWrap: (để b/c);",
      "recipientItem: - Báo Lai Châu; Đài PTTH tỉnh;",
      "recipientItem: - Sở Tài chính;",
      "recipientItem: - Lưu: VT, KT.",
    ]);
  });

  it("names each recipient up to its ;: two on the Báo Lai Châu line", () => {
    const { cst } = parseCst(text);
    const items = nodesNamed(cst, "recipientItem");
    expect(items).toHaveLength(4);
    const names = items.map((item) => nodesNamed(item, "recipientName").map((node) => nodeText(text, node)));
    expect(names).toEqual([
      ["Bộ Thông tin và Truyền thông", "(để b/c);"],
      ["Báo Lai Châu;", "Đài PTTH tỉnh;"],
      ["Sở Tài chính;"],
      ["Lưu: VT, KT."],
    ]);
  });

  it("a letter's Kính gửi: and its addressees are read as the addressees block", () => {
    const letter = "V/v triển khai\nKính gửi:\n- Sở Nội vụ;\n- Sở Tài chính.\nThực hiện chỉ đạo của tỉnh, UBND tỉnh đề nghị:";
    expect(cstLines(letter)).toEqual([
      "subjectLine: V/v triển khai",
      "addressees: Kính gửi:",
      "recipientItem: - Sở Nội vụ;",
      "recipientItem: - Sở Tài chính.",
      "issuanceLine: Thực hiện chỉ đạo của tỉnh, UBND tỉnh đề nghị:",
    ]);
  });
});

describe("signature", () => {
  it("reads prefix lines, the position and the signer's name", () => {
    expect(cstLines(planText()).slice(-4)).toEqual([
      "signatureLine: TM. ỦY BAN NHÂN DÂN",
      "signatureLine: KT. CHỦ TỊCH",
      "signatureLine: PHÓ CHỦ TỊCH",
      "signerLine: Giàng A Tính",
    ]);
  });

  it.each(["TM.", "T/M.", "T.M.", "KT.", "TL.", "TUQ.", "Q."])("a %s line opens the signature block", (prefix) => {
    const text = `Tổ chức thực hiện./.\n${prefix} CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An`;
    expect(cstLines(text).slice(1)).toEqual([`signatureLine: ${prefix} CHỦ TỊCH`, "signatureLine: PHÓ CHỦ TỊCH", "signerLine: Nguyễn Văn An"]);
    const [prefixLine] = nodesNamed(parseCst(text).cst, "signatureLine");
    expect(prefixLine?.children["SignPrefix"]?.map((token) => ("image" in token ? token.image : ""))).toEqual([prefix]);
  });

  it.each(["Đại tá Nguyễn Văn Em", "Thiếu tướng Lê Văn Hải", "TS. Trần Thị Cúc", "PGS.TS. Phạm Minh Giang", "BSCKII. Hoàng Văn Dũng"])(
    "a name after a rank or degree is the signer's name: %s",
    (name) => {
      expect(cstLines(`Thi hành./.\nGIÁM ĐỐC\n${name}`).slice(1)).toEqual(["signatureLine: GIÁM ĐỐC", `signerLine: ${name}`]);
    },
  );

  it("a rank alone, or a rank before words that are no name, is no signer", () => {
    expect(cstLines("Thi hành./.\nGIÁM ĐỐC\nĐại tá").slice(2)).not.toContain("signerLine: Đại tá");
    expect(cstLines("Thi hành./.\nGIÁM ĐỐC\nĐại tá chỉ huy đơn vị").slice(2)).not.toContain("signerLine: Đại tá chỉ huy đơn vị");
  });

  it("a position in capitals alone is a signature block too", () => {
    expect(cstLines("Thi hành./.\nCHỦ TỊCH\nLò Văn Hải").slice(1)).toEqual(["signatureLine: CHỦ TỊCH", "signerLine: Lò Văn Hải"]);
  });

  it("a seal's stray characters between the lines are a mark line", () => {
    expect(cstLines("Thi hành./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nñ Bề\nGiàng A Tính").slice(1)).toEqual([
      "signatureLine: TM. ỦY BAN NHÂN DÂN",
      "signatureLine: CHỦ TỊCH",
      "markLine: ñ Bề",
      "signerLine: Giàng A Tính",
    ]);
  });

  it("the recipients and the signature are read in either order", () => {
    const text = "Thi hành./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nGiàng A Tính\nNơi nhận:\n- Lưu: VT.";
    expect(cstLines(text).slice(1)).toEqual([
      "signatureLine: TM. ỦY BAN NHÂN DÂN",
      "signatureLine: CHỦ TỊCH",
      "signerLine: Giàng A Tính",
      "recipients: Nơi nhận:",
      "recipientItem: - Lưu: VT.",
    ]);
  });
});

describe("stamps", () => {
  it("a digital-signature timestamp and the name under it are a stamp", () => {
    const text = "Thi hành./.\nNơi nhận:\n- Lưu: VT.\nTM. UBND\nCHỦ TỊCH\nGiàng A Tính\n2023-05-05T21:45:59+0700\nNguyễn Văn Bình";
    expect(cstLines(text).slice(-2)).toEqual(["stampLine: 2023-05-05T21:45:59+0700", "signerLine: Nguyễn Văn Bình"]);
  });

  it("a stamp at the top of the document is read before the header", () => {
    expect(cstLines("2023-05-05T21:45:59+0700\nUBND TỈNH LAI CHÂU\nSố: 12/KH-UBND")).toEqual([
      "stampLine: 2023-05-05T21:45:59+0700",
      "issuerLine: UBND TỈNH LAI CHÂU",
      "numberLine: Số: 12/KH-UBND",
    ]);
  });
});

describe("a whole plan", () => {
  it("lands each line in its block, without syntax errors", () => {
    const { errors } = parseCst(planText());
    expect(errors).toEqual([]);
    expect(cstLines(planText())).toEqual([
      "issuerLine: UBND TỈNH LAI CHÂU",
      "numberLine: Số: 12/KH-UBND",
      "placeDateLine: Lai Châu, ngày 05 tháng 3 năm 2024",
      "titleBlock: KẾ HOẠCH",
      "titleLine: Thực hiện nhiệm vụ năm 2024",
      "basisLine: Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình;",
      "issuanceLine: UBND tỉnh ban hành Kế hoạch với các nội dung sau:",
      "bodyLine: I. MỤC ĐÍCH",
      "bodyLine: 1. Mục đích",
      "bodyLine: 2. Yêu cầu",
      "bodyLine: II. KINH PHÍ",
      "bodyLine: Tổng kinh phí: 9.753.000.000 đồng (Chín tỷ, bảy trăm năm mươi ba triệu đồng).",
      "closingLine: Các cơ quan tổ chức thực hiện./.",
      "recipients: Nơi nhận:",
      "recipientItem: - Sở Tài chính;",
      "recipientItem: - Lưu: VT, KT.",
      "signatureLine: TM. ỦY BAN NHÂN DÂN",
      "signatureLine: KT. CHỦ TỊCH",
      "signatureLine: PHÓ CHỦ TỊCH",
      "signerLine: Giàng A Tính",
    ]);
  });

  it("an attached plan after a decision's closing is an attachment with its own blocks", () => {
    const text = [
      "QUYẾT ĐỊNH",
      "Phê duyệt Kế hoạch",
      "Điều 1. Phê duyệt Kế hoạch kèm theo.",
      "Thi hành./.",
      "CHỦ TỊCH",
      "Lò Văn Hải",
      "KẾ HOẠCH",
      "Triển khai nhiệm vụ",
      "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2024)",
      "I. MỤC ĐÍCH",
    ].join("\n");
    const { cst } = parseCst(text);
    const [attachment] = nodesNamed(cst, "attachment");
    expect(attachment).toBeDefined();
    expect(nodeText(text, attachment!)).toMatch(/^KẾ HOẠCH\nTriển khai nhiệm vụ\n\(Ban hành kèm theo .*\)\nI\. MỤC ĐÍCH$/);
    expect(nodesNamed(attachment!, "bodyLine").map((node) => nodeText(text, node).trim())).toContain("I. MỤC ĐÍCH");
  });
});

describe("error recovery", () => {
  it("garbage never throws and gives a plan CST", () => {
    for (const text of ["", "\n\n\n", "@@@ ;;; ))) \n\n./. ./.\n- \n+++ Nơi nhận\nTM.\nKT.", "Số:\nSố:\nKẾ HOẠCH\nKẾ HOẠCH", "((((((", ")\n)\n)"]) {
      const { cst } = parseCst(text);
      expect(cst.name).toBe("plan");
    }
  });

  const Piece = fc.constantFrom(
    "I.", "1.", "1.1.", "a)", "-", "+", "TM.", "KT.", "Nơi nhận:", "Kính gửi:", "Số:", "KẾ HOẠCH", "QUYẾT ĐỊNH", "Căn cứ", "Thực hiện", "Theo đề nghị",
    "Quyết định", "số", "12/KH-UBND", "18/01/2022", "ngày", "tháng", "năm", "2024", "của", "đồng", "9.753.000.000", "(", ")", ";", ":", ",", "./.", ".",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "2023-05-05T21:45:59+0700", "UBND", "TỈNH", "Sở", "Nguyễn", "Văn", "An", "\n", "\n", "\n",
  );

  it("any sequence of the genre's tokens parses without throwing, and every line is read by some rule", () => {
    fc.assert(
      fc.property(fc.array(Piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join(" ").replace(/ ?\n ?/g, "\n");
        const { cst, errors } = parseCst(text);
        expect(cst.name).toBe("plan");
        expect(errors).toEqual([]);
        // Every character of the text is in a line some rule read: nothing is dropped by recovery.
        const read = cstLines(text).map((pair) => pair.slice(pair.indexOf(": ") + 2));
        expect(read.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      }),
      { numRuns: 300 },
    );
  });

  it("arbitrary strings parse without throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "grapheme" }), (text) => {
        expect(parseCst(text.replace(/[^\S\n]+/g, " ")).cst.name).toBe("plan");
      }),
      { numRuns: 200 },
    );
  });

  it("the parser is reusable: a garbage parse leaves no state behind", () => {
    const before = cstLines(planText());
    parseCst("Nơi nhận:\n- Sở;\nTM. UBND\nCHỦ TỊCH\n(((\nKẾ HOẠCH\n(Ban hành kèm theo");
    expect(cstLines(planText())).toEqual(before);
  });
});

describe("a stray line in the header", () => {
  // Fixed bug, kept as a regression test: a header line the header rules do not know (a draft's `(Dự thảo)` mark, a place and date
  // written with a numeric date) ends the header, and then the title block and the preamble are never
  // tried: the type heading, the title and every `Căn cứ` line are read as body lines, silently (no
  // syntax-recovered finding). The title block and the bases after it should still be read.
  it.each([
    ["a draft mark", "(Dự thảo)"],
  ])("with %s, the title block and the preamble are still read", (_name, stray) => {
    const text = `UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\n${stray}\nKẾ HOẠCH\nThực hiện nhiệm vụ\nCăn cứ Luật Đất đai ngày 18/01/2024;\nI. MỤC ĐÍCH`;
    const lines = cstLines(text);
    expect(lines).toContain("titleBlock: KẾ HOẠCH");
    expect(lines).toContain("titleLine: Thực hiện nhiệm vụ");
    expect(lines).toContain("basisLine: Căn cứ Luật Đất đai ngày 18/01/2024;");
  });

  it.each([
    ["a numeric place and date", "Lai Châu, ngày 05/3/2024"],
  ])("with %s, the title block and the preamble are still read", (_name, stray) => {
    const text = `UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\n${stray}\nKẾ HOẠCH\nThực hiện nhiệm vụ\nCăn cứ Luật Đất đai ngày 18/01/2024;\nI. MỤC ĐÍCH`;
    const lines = cstLines(text);
    expect(lines).toContain("titleBlock: KẾ HOẠCH");
    expect(lines).toContain("titleLine: Thực hiện nhiệm vụ");
    expect(lines).toContain("basisLine: Căn cứ Luật Đất đai ngày 18/01/2024;");
  });

  it("a line in capitals (DỰ THẢO) is read as a header line, and the title block follows", () => {
    const text = "UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nDỰ THẢO\nKẾ HOẠCH\nThực hiện nhiệm vụ";
    expect(cstLines(text).slice(2)).toEqual(["issuerLine: DỰ THẢO", "titleBlock: KẾ HOẠCH", "titleLine: Thực hiện nhiệm vụ"]);
  });
});

describe("signature notes", () => {
  // Fixed bug, kept as a regression test (see test/mapping/build.test.ts): `(Đã ký)` ends the signing block and the name becomes an other line.
  it("(Đã ký) between the position and the name stays in the signing block", () => {
    const lines = cstLines("Thi hành./.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\nNguyễn Văn An");
    expect(lines[lines.length - 1]).toBe("signerLine: Nguyễn Văn An");
  });

  it("a note in square brackets (`[Chữ ký số]`, `[Đã ký]`) is one too; a bracketed line of anything else is not", () => {
    for (const note of ["[Chữ ký số]", "[Đã ký]", "(Chữ ký số)"]) {
      const lines = cstLines(`Thi hành./.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n${note}\nNguyễn Văn An`);
      expect(lines.slice(-2)).toEqual([`signatureNote: ${note}`, "signerLine: Nguyễn Văn An"]);
    }
    expect(cstLines("Thi hành./.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n[Dấu]\nNguyễn Văn An").slice(-2)[0]).not.toBe("signatureNote: [Dấu]");
  });
});
