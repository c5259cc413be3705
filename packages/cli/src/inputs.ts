import { readdir, stat } from "node:fs/promises";
import { extname, join, relative } from "node:path";

/** File endings the CLI picks up when given a folder (a single file is always tried, whatever its name). */
export const DOCUMENT_EXTENSIONS = new Set([".txt", ".md", ".docx", ".doc", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"]);

export interface InputFile {
  path: string;
  /** Path relative to the folder it was found in (or the file name), for naming its output. */
  name: string;
}

/** Expands the command line's files and folders (recursively) into the documents to convert, sorted. */
export async function collectInputs(paths: readonly string[]): Promise<{ files: InputFile[]; missing: string[] }> {
  const files: InputFile[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) {
      missing.push(path);
    } else if (info.isDirectory()) {
      for (const file of await walk(path)) files.push({ path: file, name: relative(path, file) });
    } else {
      files.push({ path, name: path.split(/[\\/]/).pop() ?? path });
    }
  }
  return { files, missing };
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}
