import { startsWith } from "../bytes.ts";
import type { PlacedDiagnostic } from "../../diagnostics.ts";
import { isVietnameseSyllable, scoreVietnamese } from "../pdf/garbage.ts";
import { tcvn3Char } from "./tcvn3.ts";
import { decodeVni } from "./vni.ts";

/**
 * The encodings a Vietnamese text file comes in. UTF-8 and UTF-16 with a byte-order mark say what
 * they are; UTF-16 without one, and the 8-bit Vietnamese code pages of older offices (Windows-1258,
 * TCVN3/ABC, VNI), are recognised from the bytes, and the one that reads most like Vietnamese is taken.
 */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258" | "tcvn3" | "vni";

export interface TextSniff {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  skip: number;
  /** Recognised from the content rather than declared by a mark (worth a note). */
  assumed: boolean;
}

const SAMPLE = 65536;
/** The 8-bit readings must make this share of words Vietnamese syllables, with this many judged. */
const MIN_SCORE = 0.6;
const MIN_JUDGED = 8;

export function sniffTextEncoding(bytes: Uint8Array): TextSniff | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: "utf-8", skip: 3, assumed: false };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: "utf-16le", skip: 2, assumed: false };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: "utf-16be", skip: 2, assumed: false };
  const sample = bytes.subarray(0, SAMPLE);
  if (sample.includes(0)) {
    const utf16 = utf16WithoutMark(sample);
    return utf16 === undefined ? undefined : { encoding: utf16, skip: 0, assumed: true };
  }
  const decoded = new TextDecoder("utf-8").decode(sample);
  const replacements = decoded.split("\ufffd").length - 1;
  if (replacements <= Math.max(2, decoded.length / 1000)) return { encoding: "utf-8", skip: 0, assumed: false };
  if (controlShare(sample) > 0.01) return undefined;
  let best: { encoding: TextEncoding; merit: number } | undefined;
  for (const encoding of EIGHT_BIT) {
    const score = scoreVietnamese(decodeWith(sample, encoding));
    const judged = score.valid + score.invalid;
    if (judged < MIN_JUDGED || score.score < MIN_SCORE) continue;
    const merit = score.valid - score.invalid - score.odd;
    if (best === undefined || merit > best.merit) best = { encoding, merit };
  }
  return best === undefined ? undefined : { encoding: best.encoding, skip: 0, assumed: true };
}

const EIGHT_BIT = ["windows-1258", "tcvn3", "vni"] as const;

/** Decodes text input in `sniff`'s encoding (UTF-8 when undefined); the 8-bit code pages come out NFC. */
export function decodeWithSniff(bytes: Uint8Array, sniff: TextSniff | undefined): string {
  return decodeWith(bytes.subarray(sniff?.skip ?? 0), sniff?.encoding ?? "utf-8");
}

function decodeWith(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case "tcvn3":
      return restoreCapitals(Array.from(bytes, tcvn3Char).join("")).normalize("NFC");
    case "vni":
      return decodeVni(bytes);
    case "windows-1258":
      // Windows-1258 writes most tones as combining marks after the letter: NFC makes them one letter.
      return new TextDecoder(encoding).decode(bytes).normalize("NFC");
    default:
      // Unicode input is left as it is: the normaliser composes it and reports what it repaired.
      return new TextDecoder(encoding).decode(bytes);
  }
}

const ENCODING_NAMES: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little-endian, không có BOM / no BOM)",
  "utf-16be": "UTF-16 (big-endian, không có BOM / no BOM)",
  "windows-1258": "Windows-1258",
  tcvn3: "TCVN3 (ABC)",
  vni: "VNI Windows",
};

/** The note saying which encoding was assumed, when it was not declared. */
export function encodingNote(sniff: TextSniff | undefined): PlacedDiagnostic[] {
  if (sniff === undefined || !sniff.assumed) return [];
  const name = ENCODING_NAMES[sniff.encoding];
  return [
    {
      code: "text-encoding-assumed",
      severity: "info",
      message: `Tệp văn bản được đọc theo bảng mã ${name}.`,
      messageEn: `The text file was read as ${name}.`,
    },
  ];
}

/**
 * TCVN3 has no toned capitals: they were typed in the .VnTimeH font at the lower-case bytes, so in
 * plain bytes `ỦY BAN`, `KẾ HOẠCH` read `ủY BAN`, `Kế HOạCH`. Such a word was set in capitals when a
 * capital follows its first letter, or when a word beside it is a Vietnamese syllable in capitals
 * (not an acronym: `Số: /KH-UBND` stays); a line that begins with one began with a capital.
 */
function restoreCapitals(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const parts = line.split(/(\p{L}+)/u);
      const lost = (word: string): boolean => /[^a-z\P{Ll}]/u.test(word) && !/[a-z]/.test(word);
      const capitals = (word: string | undefined): boolean => word !== undefined && word.length >= 2 && word === word.toUpperCase() && isVietnameseSyllable(word);
      for (let k = 1; k < parts.length; k += 2) if (lost(parts[k]!) && /[A-Z]/.test(parts[k]!.slice(1))) parts[k] = parts[k]!.toUpperCase();
      for (let k = 1; k < parts.length; k += 2) {
        if (lost(parts[k]!) && (capitals(parts[k - 2]) || capitals(parts[k + 2]))) parts[k] = parts[k]!.toUpperCase();
      }
      return parts.join("").replace(/^(\s*)([^\sa-z\P{Ll}])/u, (_, space: string, letter: string) => space + letter.toUpperCase());
    })
    .join("\n");
}

/**
 * UTF-16 without a mark: text in Latin letters has a zero byte in every other position (the high
 * byte of ASCII characters), on one side only. The decoded text must then be text, not controls.
 */
function utf16WithoutMark(sample: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 8) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const encoding = odd > pairs * 0.3 && even < odd * 0.05 ? "utf-16le" : even > pairs * 0.3 && odd < even * 0.05 ? "utf-16be" : undefined;
  if (encoding === undefined) return undefined;
  const text = new TextDecoder(encoding).decode(sample.subarray(0, pairs * 2));
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return controls <= text.length * 0.01 ? encoding : undefined;
}

/** Share of bytes that are control codes no text file has (tab, line ends and form feed are fine). */
function controlShare(sample: Uint8Array): number {
  let controls = 0;
  for (const byte of sample) if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) controls++;
  return sample.length === 0 ? 0 : controls / sample.length;
}

