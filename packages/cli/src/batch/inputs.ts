import { glob, readdir, stat } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";

/** File endings picked up when walking a folder or matching a glob (a file named on its own is always tried). */
export const DOCUMENT_EXTENSIONS = new Set([".txt", ".md", ".docx", ".doc", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"]);

/** The name standard input goes by in records, messages and (under --out) its output file. */
export const STDIN_NAME = "stdin";

export interface InputItem {
  /** The path as the user gave or we found it; `-` for standard input. */
  path: string;
  /** Path relative to the inputs' common folder (`a/plan.txt`): what its output under --out mirrors. */
  name: string;
  /** Found by walking a folder or matching a glob, not named on its own (such inputs may be skipped). */
  walked: boolean;
}

export interface CollectedInputs {
  items: InputItem[];
  /** Arguments that name nothing (no such file or folder, a glob matching nothing). */
  missing: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Expands the command line into inputs, in a stable order: files as given, folders walked
 * recursively (sorted), globs matched (sorted), `-` read from standard input (at most once).
 * Names are relative to the common folder of all arguments, so `a/plan.txt b/plan.txt` stay apart.
 */
export async function collectInputs(args: readonly string[]): Promise<CollectedInputs> {
  const found: { path: string; walked: boolean }[] = [];
  const roots: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    if (arg === "-") {
      if (!found.some((f) => f.path === "-")) found.push({ path: "-", walked: false });
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      roots.push(resolve(arg));
      for (const file of await walk(arg)) found.push({ path: file, walked: true });
    } else if (info) {
      roots.push(dirname(resolve(arg)));
      found.push({ path: arg, walked: false });
    } else if (GLOB_CHARS.test(arg)) {
      const matches: string[] = [];
      for await (const match of glob(arg)) matches.push(match);
      const files = [];
      for (const match of matches.sort()) {
        if ((await stat(match).catch(() => null))?.isFile() && DOCUMENT_EXTENSIONS.has(extname(match).toLowerCase())) files.push(match);
      }
      if (files.length === 0) missing.push(arg);
      roots.push(resolve(globBase(arg)));
      for (const file of files) found.push({ path: file, walked: true });
    } else {
      missing.push(arg);
    }
  }
  const base = commonFolder(roots);
  const items = found.map(({ path, walked }) => ({
    path,
    walked,
    name: path === "-" ? STDIN_NAME : base === null ? basename(path) : relative(base, resolve(path)),
  }));
  return { items, missing };
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}

/** The folder part of a glob before its first wildcard segment: `plans/2024/*.pdf` → `plans/2024`. */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed = [];
  for (const part of parts) {
    if (GLOB_CHARS.test(part)) break;
    fixed.push(part);
  }
  if (fixed.length === parts.length) fixed.pop();
  return fixed.length === 0 ? "." : fixed.join(sep) || sep;
}

function commonFolder(folders: readonly string[]): string | null {
  if (folders.length === 0) return null;
  let common = (folders[0] as string).split(sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep);
    let k = 0;
    while (k < common.length && k < parts.length && common[k] === parts[k]) k++;
    common = common.slice(0, k);
  }
  return common.join(sep) || sep;
}
