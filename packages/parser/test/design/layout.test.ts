import { describe, expect, it } from "vitest";
import { DOCUMENT_KINDS, DocumentKindSchema } from "@kehoach/model";
import { parseText } from "@kehoach/parser";
import { tokenize } from "../../src/lexer/lexer.ts";
import { DOCUMENT_TYPES, KIND_BY_HEADING, TYPE_HEADINGS } from "../../src/vi/layout.ts";
import { TYPE_CODES, TYPE_CODE_BY_KIND } from "../../src/vi/document-types.ts";

const kinds = (text: string) => tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe("the layout table drives every stage", () => {
  it("the model's kinds are the table's kinds, and `unknown`", () => {
    expect([...DocumentKindSchema.options].sort()).toEqual([...DOCUMENT_KINDS.map((k) => k.kind), "unknown"].sort());
  });

  it.each(DOCUMENT_KINDS.map((k) => [k.kind, k] as const))("%s: its heading lexes as a type heading and gives the kind; its name is a type word with its code", (_kind, k) => {
    const heading = k.name.toUpperCase();
    expect(TYPE_HEADINGS).toContain(heading);
    expect(kinds(`${heading}\n`)[0]).toBe(`TypeHeading:${heading}`);
    expect(KIND_BY_HEADING.get(heading)).toBe(k.kind);
    expect(kinds(`theo ${k.name} số 12/${k.code ?? "UBND"}-UBND`)).toContain(`DocType:${k.name}`);
    if (k.code) {
      expect(TYPE_CODES.get(k.name)).toContain(k.code);
      expect(TYPE_CODE_BY_KIND.get(k.kind)).toBe(k.code);
    }
    expect(parseText(`ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 12/${k.code ?? "UBND"}-UBND\n${heading}\nVề việc thử\n`).kind).toBe(k.kind);
  });

  it("every type name, cited in a sentence, is one DocType token", () => {
    for (const type of DOCUMENT_TYPES) expect(kinds(`Căn cứ ${type.name} số 5/2020/QH14`), type.name).toContain(`DocType:${type.name}`);
  });
});
