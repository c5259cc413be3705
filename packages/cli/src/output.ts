import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** Writes `<out>/<name>.json` through a temporary file and a rename, so no half-written output is ever left. */
export async function writeJsonAtomically(outDir: string, name: string, value: unknown): Promise<string> {
  const target = join(outDir, `${name}.json`);
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.partial`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temporary, target);
  return target;
}
