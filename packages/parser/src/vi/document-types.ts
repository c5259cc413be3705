import { DOCUMENT_KINDS } from "@kehoach/model";
import { DOCUMENT_TYPES } from "./layout.ts";

/**
 * Type names and the type codes their symbols carry, from the layout table: `Quyết định` → `QĐ` in
 * `90/QĐ-TTg`. `Công văn` has no type code: its symbol is the issuer and the drafting unit (`252/BTTTT-KHTC`).
 */
export const TYPE_CODES: ReadonlyMap<string, readonly string[]> = new Map(
  DOCUMENT_TYPES.filter((t) => t.codes.length > 0).map((t) => [t.name, t.codes] as const),
);

/** Every type code, to tell a type code from an issuer code in a symbol. */
export const ALL_TYPE_CODES: ReadonlySet<string> = new Set([...TYPE_CODES.values()].flat());

/** The type code of the plan's own symbol, by document kind (its first type's: `KH`, not the joint `KHLT`). */
export const TYPE_CODE_BY_KIND: ReadonlyMap<string, string> = new Map(
  DOCUMENT_KINDS.flatMap((k) => (k.code === null ? [] : [[k.kind, k.code] as const])),
);

/** Every type code a document of the kind may carry: `KH` and the joint `KHLT` for a plan. */
export const TYPE_CODES_OF_KIND: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  [...new Set(DOCUMENT_TYPES.flatMap((t) => (t.kind === null ? [] : [t.kind])))].map((kind) => [kind, new Set(DOCUMENT_TYPES.filter((t) => t.kind === kind).flatMap((t) => t.codes))] as const),
);

/** The parts of a number and symbol, read the same way wherever one is read. */
export interface SymbolParts {
  sequence: number | null;
  year: number | null;
  /** Every code of the symbol, in order: `[TT, BTTTT]`, `[CT, TU]`, `[BTTTT, KHTC]`. */
  codes: string[];
  /** The first code when it is a type code (`KH`, `QĐ`, `CT`); null for a letter's symbol (`UBND-KT`). */
  typeCode: string | null;
  /** The codes after the type code (or all of them, without one), joined by `-`: `UBND`, `TU`, `UBND-KT`. */
  issuerCode: string | null;
}

/**
 * The parts of a number and symbol: `06/2022/TT-BTTTT` → sequence 6, year 2022, type TT, issuer BTTTT;
 * `11-CT/TU` (Party style) → sequence 11, type CT, issuer TU; `252/BTTTT-KHTC` (a letter) → no type code,
 * issuer `BTTTT-KHTC`; `/KH-UBND` (a draft) → no sequence. Spaces are ignored (`173 /KH-UBND`).
 */
export function symbolParts(number: string): SymbolParts | null {
  const compact = number.replace(/\s+/g, "");
  const party = /^(\d+)-([^/]+)\/(.+)$/.exec(compact);
  if (party) return withCodes(Number(party[1]), null, [party[2] as string, ...(party[3] as string).split("-")]);
  const state = /^(\d*)(?:\/(\d{4}))?\/(.+)$/.exec(compact);
  if (!state) return null;
  return withCodes(state[1] ? Number(state[1]) : null, state[2] ? Number(state[2]) : null, (state[3] as string).split("-"));
}

function withCodes(sequence: number | null, year: number | null, all: string[]): SymbolParts {
  const codes = all.filter((code) => code.length > 0);
  const first = codes[0];
  const typeCode = first !== undefined && ALL_TYPE_CODES.has(first) ? first : null;
  const rest = typeCode ? codes.slice(1) : codes;
  return { sequence, year, codes, typeCode, issuerCode: rest.length > 0 ? rest.join("-") : null };
}
