import type { CstElement, CstNode, IToken } from "chevrotain";

/**
 * Keeps Chevrotain's CST shapes inside the parser package: helpers the builder reads the tree with. Nodes
 * are read through the CST types generated from the grammar (`grammar/cst.ts`), so a renamed rule or token
 * is a compile error here, not a silent `undefined`.
 */
export function isToken(element: CstElement): element is IToken {
  return (element as IToken).image !== undefined;
}

/** All tokens under a node, in document order. */
export function tokensOf(node: CstNode): IToken[] {
  const tokens: IToken[] = [];
  collect(node, tokens);
  return tokens.sort((a, b) => a.startOffset - b.startOffset);
}

function collect(node: CstNode, into: IToken[]): void {
  for (const elements of Object.values(node.children)) {
    for (const element of elements) {
      if (isToken(element)) {
        if (!Number.isNaN(element.startOffset)) into.push(element);
      } else collect(element, into);
    }
  }
}

/** Exclusive end offset of a token (Chevrotain's `endOffset` is inclusive). */
export function endOf(token: IToken): number {
  return token.startOffset + token.image.length;
}

/**
 * Start and exclusive end of a node, from the location Chevrotain records while parsing, or null for
 * a node that matched no token. A line's closing newline is left out.
 */
export function extentOf(node: CstNode): { start: number; end: number } | null {
  const location = node.location;
  // A node that matched nothing has no finite start, or an end before its start.
  if (!location || !Number.isFinite(location.startOffset) || !Number.isFinite(location.endOffset)) return null;
  if (location.startOffset < 0 || (location.endOffset as number) < location.startOffset) return null;
  let end = (location.endOffset as number) + 1;
  const lineEnd = node.children["lineEnd"]?.[0];
  if (lineEnd && !isToken(lineEnd) && lineEnd.location && Number.isFinite(lineEnd.location.startOffset)) {
    end = Math.min(end, lineEnd.location.startOffset);
  }
  return end > location.startOffset ? { start: location.startOffset, end } : null;
}
