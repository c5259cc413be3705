/** Inputs the bench makes from the seed plans: a plan grown to any size, and a folder of varied plans. */
import { readFileSync } from "node:fs";

export const ROOT = new URL("../", import.meta.url);
export const SEED_IDS = ["000", "001", "002", "003", "004"] as const;

export function seedText(id: string): string {
  return readFileSync(new URL(`fixtures/seeds/${id}.txt`, ROOT), "utf8");
}

/**
 * Seed 000 with its body (sections I…III, from `I. MỤC ĐÍCH` to just before the closing formula
 * `Căn cứ nội dung Kế hoạch này…`) repeated `repeats` times. Header, title, legal bases, closing,
 * recipients and signature stay where they are, once: a valid plan whose section list is `repeats`
 * times the seed's (the labels repeat: I. II. II. III. I. II. …, as a long plan's would not, but the
 * label patterns allow no more than ~80 roman numerals).
 */
export function grownPlan(repeats: number): string {
  const text = seedText("000");
  const start = text.search(/^ ?I\. MỤC ĐÍCH/m);
  const end = text.indexOf("Căn cứ nội dung Kế hoạch này");
  if (start < 0 || end < 0) throw new Error("seed 000 changed: cannot find its body");
  const body = text.slice(start, end);
  // Read back from its bytes, as a file would be: concatenated, it would be a rope V8 flattens on first
  // read, and the parse would be charged for that copy.
  return new TextDecoder().decode(new TextEncoder().encode(text.slice(0, start) + body.repeat(Math.max(1, repeats)) + text.slice(end)));
}

/** Repeats needed for a grown plan of about `bytes` UTF-8 bytes. */
export function repeatsFor(bytes: number): number {
  const one = Buffer.byteLength(grownPlan(1));
  const two = Buffer.byteLength(grownPlan(2));
  return Math.max(1, Math.round((bytes - one) / (two - one)) + 1);
}

/**
 * `count` plans made from the five seeds, no two alike: plan i is seed i mod 5 with its own number,
 * year and (for a third of them) one body paragraph written twice, another third cut before its
 * last tenth of lines (a plan with no signature, as drafts come).
 */
export function variedPlans(count: number): string[] {
  const seeds = SEED_IDS.map(seedText);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = seeds[i % seeds.length] as string;
    text = text.replace(/(Số:\s*)\d*(\s*\/)/, `$1${(i % 997) + 1}$2`);
    text = text.replace(/năm (20\d\d)/g, (_, year: string) => `năm ${2000 + ((Number(year) + i) % 30)}`);
    const lines = text.split("\n");
    if (i % 3 === 1) {
      const at = Math.floor(lines.length / 3) + (i % Math.max(1, Math.floor(lines.length / 3)));
      lines.splice(at, 0, lines[at] ?? "");
    } else if (i % 3 === 2) {
      lines.length = Math.max(10, lines.length - Math.ceil(lines.length / 10) - (i % 7));
    }
    out.push(lines.join("\n"));
  }
  return out;
}
