import { corruptFile, tooLarge } from "./errors.ts";

/**
 * A small XML reader for the parts of a Word package. Linear time (every scan moves forward with
 * indexOf or one character at a time; no backtracking regexes), no external entities, no DTD
 * expansion: only the five predefined entities and character references are decoded.
 *
 * Names are namespace-resolved to fixed prefixes (`w:p`, `r:id`, `mc:Choice`…), so a file that binds
 * WordprocessingML to another prefix, or uses ISO 29500 Strict namespaces, reads the same.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Deeper than any real Word document; guards the recursive walkers against stack overflow. */
const MAX_DEPTH = 512;
/**
 * Elements per part: a 1,000-page table-heavy document has well under a million. The tree costs a few
 * hundred bytes per element, so this bounds memory where the inflate limit alone (200 MB of `<a/>`)
 * would not.
 */
const MAX_ELEMENTS = 3_000_000;

const CANONICAL_PREFIX: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
  "http://schemas.openxmlformats.org/package/2006/relationships": "pr",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
  "http://purl.oclc.org/ooxml/officeDocument/math": "m",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": "wps",
  "urn:schemas-microsoft-com:vml": "v",
};

/** In-scope namespace bindings, with a cache of names already resolved under them. */
interface Scope {
  uris: Map<string, string>;
  resolved: Map<string, string>;
}

const EMPTY_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const EMPTY_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

/** Parses one XML part; throws KehoachInputError("corrupt-file") when it is not well-formed. */
export function parseXml(bytes: Uint8Array, partName: string): XmlElement {
  return parseXmlText(decode(bytes), partName);
}

function decode(bytes: Uint8Array): string {
  // Word writes UTF-8; UTF-16 parts (with a byte-order mark) are legal OPC, so accept them too.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}

export function parseXmlText(s: string, partName: string): XmlElement {
  const fail = (what: string): never => {
    throw corruptFile(`${partName}: XML hỏng (${what}) / malformed XML (${what})`);
  };
  const root: XmlElement = { name: "#document", attrs: EMPTY_ATTRS, children: [] };
  const stack: XmlElement[] = [root];
  const rawNames: string[] = [""];
  const scopes: Scope[] = [{ uris: new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]), resolved: new Map() }];
  // Attribute names and values of the tag being read; reused to spare the garbage collector.
  const attrNames: string[] = [];
  const attrValues: string[] = [];
  const n = s.length;
  let i = 0;
  let sawRoot = false;
  let elements = 0;

  while (i < n) {
    const lt = s.indexOf("<", i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i && stack.length > 1) addText(stack[stack.length - 1]!, decodeEntities(s.slice(i, textEnd)));
    if (lt === -1) break;
    const next = s.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (s.startsWith("<!--", lt)) {
        const end = s.indexOf("-->", lt + 4);
        if (end === -1) fail("unterminated comment");
        i = end + 3;
      } else if (s.startsWith("<![CDATA[", lt)) {
        const end = s.indexOf("]]>", lt + 9);
        if (end === -1) fail("unterminated CDATA");
        if (stack.length > 1) addText(stack[stack.length - 1]!, s.slice(lt + 9, end));
        i = end + 3;
      } else {
        i = skipDeclaration(s, lt, fail);
      }
    } else if (next === 0x3f /* ? */) {
      const end = s.indexOf("?>", lt + 2);
      if (end === -1) fail("unterminated processing instruction");
      i = end + 2;
    } else if (next === 0x2f /* / */) {
      const gt = s.indexOf(">", lt + 2);
      if (gt === -1) fail("unterminated end tag");
      const name = s.slice(lt + 2, gt).trim();
      if (stack.length <= 1 || rawNames[rawNames.length - 1] !== name) fail(`unexpected </${name}>`);
      stack.pop();
      rawNames.pop();
      scopes.pop();
      i = gt + 1;
    } else {
      // Start tag: scan name and attributes by hand, honouring quotes.
      let j = lt + 1;
      while (j < n && !isNameEnd(s.charCodeAt(j))) j++;
      const rawName = s.slice(lt + 1, j);
      if (rawName === "") fail("empty tag name");
      attrNames.length = 0;
      attrValues.length = 0;
      let selfClosing = false;
      for (;;) {
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) fail("unterminated start tag");
        const c = s.charCodeAt(j);
        if (c === 0x3e /* > */) {
          j++;
          break;
        }
        if (c === 0x2f /* / */ && s.charCodeAt(j + 1) === 0x3e) {
          selfClosing = true;
          j += 2;
          break;
        }
        const nameStart = j;
        while (j < n && !isNameEnd(s.charCodeAt(j)) && s.charCodeAt(j) !== 0x3d /* = */) j++;
        const attrName = s.slice(nameStart, j);
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (attrName === "" || s.charCodeAt(j) !== 0x3d) fail(`bad attribute in <${rawName}>`);
        j++;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        const quote = s.charCodeAt(j);
        if (quote !== 0x22 && quote !== 0x27) fail(`unquoted attribute in <${rawName}>`);
        const valueEnd = s.indexOf(quote === 0x22 ? '"' : "'", j + 1);
        if (valueEnd === -1) fail("unterminated attribute value");
        attrNames.push(attrName);
        attrValues.push(decodeEntities(s.slice(j + 1, valueEnd)));
        j = valueEnd + 1;
      }
      i = j;
      if (stack.length === 1) {
        if (sawRoot) fail("more than one root element");
        sawRoot = true;
      }

      let scope = scopes[scopes.length - 1]!;
      let attrs = EMPTY_ATTRS;
      for (let k = 0; k < attrNames.length; k++) {
        const attrName = attrNames[k]!;
        if (attrName === "xmlns" || attrName.startsWith("xmlns:")) {
          if (scope === scopes[scopes.length - 1]) scope = { uris: new Map(scope.uris), resolved: new Map() };
          scope.uris.set(attrName === "xmlns" ? "" : attrName.slice(6), attrValues[k]!);
        }
      }
      for (let k = 0; k < attrNames.length; k++) {
        const attrName = attrNames[k]!;
        if (attrName === "xmlns" || attrName.startsWith("xmlns:") || attrName === "__proto__") continue;
        if (attrs === EMPTY_ATTRS) attrs = {};
        attrs[resolve(attrName, scope, false)] = attrValues[k]!;
      }
      if (++elements > MAX_ELEMENTS) throw tooLarge(`${partName}: hơn ${MAX_ELEMENTS} phần tử XML / more than ${MAX_ELEMENTS} XML elements`);
      const element: XmlElement = { name: resolve(rawName, scope, true), attrs, children: selfClosing ? EMPTY_CHILDREN : [] };
      stack[stack.length - 1]!.children.push(element);
      if (!selfClosing) {
        if (stack.length > MAX_DEPTH) fail("nested too deeply");
        stack.push(element);
        rawNames.push(rawName);
        scopes.push(scope);
      }
    }
  }
  if (stack.length > 1) fail(`unclosed <${rawNames[rawNames.length - 1]}>`);
  const top = root.children.find((child): child is XmlElement => typeof child !== "string");
  if (top === undefined) fail("no root element");
  return top!;
}

/** `<!DOCTYPE …>` and friends: skipped (never expanded), including an internal subset in brackets. */
function skipDeclaration(s: string, lt: number, fail: (what: string) => never): number {
  let depth = 0;
  let quote = 0;
  for (let j = lt + 2; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x5b /* [ */) depth++;
    else if (c === 0x5d /* ] */) depth--;
    else if (c === 0x3e /* > */ && depth <= 0) return j + 1;
  }
  return fail("unterminated declaration");
}

function resolve(rawName: string, scope: Scope, isElement: boolean): string {
  const colon = rawName.indexOf(":");
  // Unprefixed attributes are in no namespace; unprefixed elements take the default namespace.
  if (colon === -1 && !isElement) return rawName;
  const cached = scope.resolved.get(rawName);
  if (cached !== undefined) return cached;
  const prefix = colon === -1 ? "" : rawName.slice(0, colon);
  const local = colon === -1 ? rawName : rawName.slice(colon + 1);
  const uri = scope.uris.get(prefix);
  const canonical = uri === undefined ? undefined : CANONICAL_PREFIX[uri];
  const name = canonical !== undefined ? `${canonical}:${local}` : rawName;
  // Bounded: a hostile part could use millions of distinct names.
  if (scope.resolved.size < 10_000) scope.resolved.set(rawName, name);
  return name;
}

function addText(parent: XmlElement, text: string): void {
  const last = parent.children.length - 1;
  const previous = parent.children[last];
  if (typeof previous === "string") parent.children[last] = previous + text;
  else parent.children.push(text);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 0x3e /* > */ || c === 0x2f /* / */;
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  // Bounded alternatives, no nested quantifiers: linear.
  return text.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|[a-zA-Z]{1,10});/g, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body.startsWith("#x") ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "\uFFFD";
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

// ——— Small helpers for walking the tree ———

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (element === undefined) return undefined;
  for (const node of element.children) if (typeof node !== "string" && node.name === name) return node;
  return undefined;
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  if (element === undefined) return [];
  const out: XmlElement[] = [];
  for (const node of element.children) if (typeof node !== "string" && node.name === name) out.push(node);
  return out;
}

/** `w:val` of a child such as `<w:ilvl w:val="2"/>`. */
export function childVal(element: XmlElement | undefined, name: string): string | undefined {
  return child(element, name)?.attrs["w:val"];
}

export function intAttr(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** OOXML on/off properties: present without `w:val`, or with a true-ish value, mean "on". */
export function isOn(element: XmlElement | undefined): boolean {
  if (element === undefined) return false;
  const value = element.attrs["w:val"];
  return value === undefined || !(value === "0" || value === "false" || value === "off");
}
