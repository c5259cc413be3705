import { corruptFile } from "./errors.ts";
import { children, parseXml, type XmlElement } from "./xml.ts";
import type { ZipArchive } from "./zip.ts";

/**
 * Finds the parts of a WordprocessingML package through its relationships (OPC), falling back to
 * the usual `word/…` names, and parses the ones the text needs. Headers and footers are never read:
 * page numbers and running heads are not part of the plan's text.
 */
export interface WordPackage {
  document: XmlElement;
  styles: XmlElement | undefined;
  numbering: XmlElement | undefined;
  footnotes: XmlElement | undefined;
  endnotes: XmlElement | undefined;
}

export function openWordPackage(zip: ZipArchive): WordPackage {
  const mainPath = relationshipTargets(zip, "", "officeDocument")[0] ?? "word/document.xml";
  const mainBytes = zip.read(mainPath) ?? zip.read("word/document.xml");
  if (mainBytes === undefined) throw corruptFile("thiếu word/document.xml / no word/document.xml");
  const document = parseXml(mainBytes, mainPath);
  if (document.name !== "w:document") throw corruptFile(`${mainPath}: không phải văn bản Word / not a Word document`);

  const part = (type: string, fallback: string): XmlElement | undefined => {
    const path = relationshipTargets(zip, mainPath, type)[0] ?? fallback;
    const bytes = zip.read(path);
    return bytes === undefined ? undefined : parseXml(bytes, path);
  };
  return {
    document,
    styles: part("styles", "word/styles.xml"),
    numbering: part("numbering", "word/numbering.xml"),
    footnotes: part("footnotes", "word/footnotes.xml"),
    endnotes: part("endnotes", "word/endnotes.xml"),
  };
}

/** Internal targets of `source`'s relationships whose type ends in `/typeSuffix`, as package paths. */
function relationshipTargets(zip: ZipArchive, source: string, typeSuffix: string): string[] {
  const slash = source.lastIndexOf("/");
  const folder = slash === -1 ? "" : source.slice(0, slash + 1);
  const relsPath = `${folder}_rels/${source.slice(slash + 1)}.rels`;
  const bytes = zip.read(relsPath);
  if (bytes === undefined) return [];
  const rels = parseXml(bytes, relsPath);
  const out: string[] = [];
  for (const rel of children(rels, "pr:Relationship")) {
    const type = rel.attrs["Type"] ?? "";
    const target = rel.attrs["Target"];
    if (target === undefined || rel.attrs["TargetMode"] === "External") continue;
    if (type.endsWith(`/${typeSuffix}`)) out.push(resolvePath(folder, target));
  }
  return out;
}

function resolvePath(folder: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : folder + target;
  const parts: string[] = [];
  for (const segment of decodeURIComponentSafe(raw).split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") parts.pop();
    else parts.push(segment);
  }
  return parts.join("/");
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
