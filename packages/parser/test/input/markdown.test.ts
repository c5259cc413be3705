import { describe, expect, it } from "vitest";
import { readMarkdown } from "../../src/input/markdown.ts";

/** The parts of GitHub Markdown a converted plan uses, each read; what it does not use stays text. */
describe("readMarkdown", () => {
  it("drops heading marks and emphasis, and keeps a list item's own marker", () => {
    const { text } = readMarkdown("## KẾ HOẠCH\n\n**Thực hiện** nhiệm vụ\n\n- Sở Tài chính;\n+ Sở Y tế.\n");
    expect(text).toBe("KẾ HOẠCH\nThực hiện nhiệm vụ\n- Sở Tài chính;\n+ Sở Y tế.");
  });

  it("puts each table cell on a line of its own", () => {
    const { text } = readMarkdown("| STT | Nội dung |\n|---|---|\n| 1 | Tuyên truyền |\n");
    expect(text.split("\n")).toEqual(["STT", "Nội dung", "1", "Tuyên truyền"]);
  });

  it("turns footnotes into [^N] markers and [^N]: lines after the body", () => {
    const { text } = readMarkdown("Căn cứ Luật[^1];\n\n[^1]: Luật số 47/2019/QH14.\n");
    expect(text).toBe("Căn cứ Luật[^1];\n[^1]: Luật số 47/2019/QH14. ");
  });

  it("keeps struck text without its tildes", () => {
    expect(readMarkdown("Kinh phí ~~10~~ 12 triệu đồng\n").text).toBe("Kinh phí 10 12 triệu đồng");
  });

  it("reads a table, a footnote and struck text in one document, and each part alone after it", () => {
    const both = readMarkdown("| STT | Việc |\n|---|---|\n| 1 | ~~Họp~~ Tập huấn[^1] |\n\n[^1]: Quý II.\n");
    expect(both.text).toBe("STT\nViệc\n1\nHọp Tập huấn[^1]\n[^1]: Quý II. ");
    expect(readMarkdown("Kinh phí ~~10~~ 12\n").text).toBe("Kinh phí 10 12");
    expect(readMarkdown("| a |\n|---|\n| b |\n").text).toBe("a\nb");
  });

  it("leaves a bare web address as the text it is (no autolink literals)", () => {
    const { text } = readMarkdown("Đăng tải tại www.tanyen.gov.vn và https://bacgiang.gov.vn/kh.\n");
    expect(text).toBe("Đăng tải tại www.tanyen.gov.vn và https://bacgiang.gov.vn/kh.");
  });

  it("maps written text back to its offset in the Markdown source", () => {
    const source = "## KẾ HOẠCH\n\nNội dung\n";
    const { origin } = readMarkdown(source);
    expect(origin?.runs.map((run) => source.slice(run.from, run.from + 3))).toEqual(["KẾ ", "Nội"]);
  });
});
