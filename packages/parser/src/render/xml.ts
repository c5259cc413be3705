/** Text and attribute values as XML: the five special characters, and characters XML 1.0 cannot carry dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

type Attributes = Record<string, string>;

/** An indented XML writer: elements opened and closed in order, attribute values escaped here. */
export class Xml {
  private readonly out: string[] = [];
  private depth = 0;

  raw(markup: string): void {
    this.out.push(`${"  ".repeat(this.depth)}${markup}`);
  }

  open(name: string, attributes: Attributes = {}): void {
    this.raw(`<${name}${attrs(attributes)}>`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.raw(`</${name}>`);
  }

  empty(name: string, attributes: Attributes = {}): void {
    this.raw(`<${name}${attrs(attributes)}/>`);
  }

  /** An element on one line whose content is already markup (escaped text, inline elements). */
  leaf(name: string, attributes: Attributes, content: string): void {
    this.raw(`<${name}${attrs(attributes)}>${content}</${name}>`);
  }

  toString(): string {
    return `${this.out.join("\n")}\n`;
  }
}

function attrs(attributes: Attributes): string {
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
}
