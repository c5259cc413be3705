import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, parseText, renderAkn } from "@kehoach/parser";
import type { Plan, Section } from "@kehoach/model";
import { PlanArb, render } from "../support/plan-generator.ts";

const fixtures = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
const SCHEMA = `${fixtures}schemas/akn/akomantoso30.xsd`;
const DOCUMENTS = [
  "seeds/000.txt",
  "seeds/001.txt",
  "seeds/002.txt",
  "seeds/003.txt",
  "seeds/004.txt",
  "corpus/kh_laocai_dkt_1105_kiemtra_vlncn_2026.txt",
  "corpus/qd_laocai_sct_1050_kiemtra_vlncn_2026.txt",
  "corpus/cv_laocai_ubnd_5973_khoangsan_2026.txt",
  "forms/kh_chu_in_hoa.txt",
  "forms/kh_phan.txt",
  "corpus/kh_lamdong_ubnd_cchc_2026.docx",
  "corpus/tb_quangngai_ubnd_565_ctmtqg_2024.pdf",
];
const scratch = mkdtempSync(join(tmpdir(), "kehoach-akn-"));

// The real validator, as a user would run it: no xmllint is a broken setup (CI installs libxml2-utils), never a skip.
const xmllint = spawnSync("xmllint", ["--version"]);
if (xmllint.error) throw new Error("xmllint is missing: apt-get install -y libxml2-utils (the AKN tests validate against the schema with it)");

function write(name: string, xml: string): string {
  const path = join(scratch, name.replace(/\//g, "_") + ".akn.xml");
  writeFileSync(path, xml);
  return path;
}

function validate(path: string): { ok: boolean; output: string } {
  const result = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, path], { encoding: "utf8" });
  return { ok: result.status === 0, output: result.stderr };
}

/** XPath answered by xmllint, on a copy without the default namespace so that names read plainly. */
function xpath(path: string, expression: string): string {
  const plain = `${path}.plain.xml`;
  writeFileSync(plain, readFileSync(path, "utf8").replace(' xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"', ""));
  return execFileSync("xmllint", ["--xpath", expression, plain], { encoding: "utf8" }).trim();
}

function count(sections: Section[]): number {
  return sections.reduce((n, s) => n + 1 + count(s.children), 0);
}

describe("renderAkn", () => {
  for (const name of DOCUMENTS) {
    it(`${name}: valid Akoma Ntoso 3.0 carrying the plan's header, bases, sections and signature`, async () => {
      const plan: Plan = await parse(readFileSync(`${fixtures}${name}`));
      const xml = renderAkn(plan);
      const path = write(name, xml);
      const result = validate(path);
      expect(result.output).toContain("validates");
      expect(result.ok).toBe(true);
      expect(xpath(path, "string(//doc/@name)")).toBe(plan.kind === "unknown" ? "van-ban" : plan.kind);
      expect(xpath(path, "count(//citation/p/ref)")).toBe(String(plan.legalBases.length));
      expect(xpath(path, "count(//mainBody//*[self::book or self::title or self::part or self::article or self::section or self::subsection or self::point or self::indent])")).toBe(String(count(plan.sections)));
      expect(xpath(path, "count(//mainBody//num)")).toBe(String(count(plan.sections)));
      if (plan.number) expect(xpath(path, "string(//docNumber)")).toBe(plan.number.raw);
      if (plan.signature?.signer) expect(xpath(path, "string(//signature/person)")).toBe(plan.signature.signer);
      expect(xpath(path, "string(//FRBRWork/FRBRuri/@value)")).toMatch(/^\/akn\/vn\/doc\/[a-z-]+\/(\d{4}(-\d\d-\d\d)?|khong-ngay)\/[a-z0-9-]+$/);
      expect(renderAkn(plan)).toBe(xml);
    });
  }

  it("gives the FRBR URIs and the header elements of a dated plan", async () => {
    const path = write("laocai-header", renderAkn(await parse(readFileSync(`${fixtures}corpus/kh_laocai_dkt_1105_kiemtra_vlncn_2026.txt`))));
    expect(xpath(path, "string(//FRBRWork/FRBRuri/@value)")).toBe("/akn/vn/doc/ke-hoach/2026-03-10/1105-kh-dkt");
    expect(xpath(path, "string(//FRBRExpression/FRBRuri/@value)")).toBe("/akn/vn/doc/ke-hoach/2026-03-10/1105-kh-dkt/vie@2026-03-10");
    expect(xpath(path, "string(//docDate/@date)")).toBe("2026-03-10");
    expect(xpath(path, "string(//location)")).toBe("Lào Cai");
    expect(xpath(path, "string(//docProponent)")).toBe("ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT");
    expect(xpath(path, "string(//docType)")).toBe("KẾ HOẠCH");
    expect(xpath(path, "string(//signature/role)")).toBe("TRƯỞNG ĐOÀN");
    expect(xpath(path, "string(//TLCPerson/@showAs)")).toBe("Hoàng Văn Thuân");
    expect(xpath(path, "string(//citation/p/ref/@href)")).toBe("/akn/vn/doc/quyet-dinh/2026-03-06/1050-qd-sct");
  });

  it("escapes XML's special characters and drops characters XML cannot carry", () => {
    const plan = parseText('KẾ HOẠCH\nVề "dữ liệu" <mở> & \'đóng\' \u0001 ]]>\nI. MỤC ĐÍCH & YÊU CẦU <1>\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A');
    const path = write("escaping", renderAkn(plan));
    expect(validate(path).ok).toBe(true);
    expect(xpath(path, "string(//longTitle/p)")).toBe(plan.title?.replace("\u0001", ""));
    expect(xpath(path, "string(//part/heading)")).toBe("MỤC ĐÍCH & YÊU CẦU <1>");
  });

  it("a plan with almost nothing is still valid", () => {
    for (const text of ["", "xin chào", "Số: /KH-UBND"]) expect(validate(write(`tiny-${text.length}`, renderAkn(parseText(text)))).ok).toBe(true);
  });

  it("is valid for generated plans and for arbitrary text (one xmllint run over all of them)", () => {
    const plans = fc.sample(PlanArb.map((p) => parseText(render(p))), { numRuns: 40, seed: 10 });
    const texts = fc.sample(fc.string({ unit: "binary", maxLength: 300 }).map((t) => parseText(`KẾ HOẠCH\n${t}\nI. ${t}\nNơi nhận:\n- ${t}`)), { numRuns: 40, seed: 11 });
    const paths = [...plans, ...texts].map((plan, i) => write(`sample-${i}`, renderAkn(plan)));
    const result = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, ...paths], { encoding: "utf8" });
    expect(result.stderr.split("\n").filter((line) => line && !line.endsWith(" validates"))).toEqual([]);
    expect(result.status).toBe(0);
  });
});
