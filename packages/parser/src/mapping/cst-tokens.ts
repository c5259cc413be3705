import type { CstChildrenDictionary, CstElement, CstNode, CstNodeLocation, IToken } from "chevrotain";

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
  return tokensIn(node.children);
}

/** All tokens under a node's children (what a visitor method is handed), in document order. */
export function tokensIn(children: CstChildrenDictionary): IToken[] {
  const tokens: IToken[] = [];
  collect(children, tokens);
  return tokens.sort((a, b) => a.startOffset - b.startOffset);
}

function collect(children: CstChildrenDictionary, into: IToken[]): void {
  for (const key in children) {
    for (const element of children[key] as CstElement[]) {
      if (isToken(element)) {
        if (!Number.isNaN(element.startOffset)) into.push(element);
      } else collect(element.children, into);
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
  return lineExtentOf(node.location, node.children);
}

/**
 * The same extent for a visitor, which is handed a node's children, not the node: their location
 * recomputed the way Chevrotain records it with error recovery on (`setNodeLocationOnlyOffset`). The
 * first element in parsing order sets it (the children's first key and its first element: the parser
 * adds keys as it meets them; an element that matched nothing, at -1, leaves it to the next), and every
 * other one can only move its end on, so their order does not matter.
 */
export function extentOfChildren(children: CstChildrenDictionary): { start: number; end: number } | null {
  let startOffset = -1;
  let endOffset = -1;
  // Loops, not Object.values(…).flat(): a visitor asks this of every line.
  for (const key in children) {
    for (const element of children[key] as CstElement[]) {
      const at = isToken(element) ? element : element.location;
      const start = at ? at.startOffset : NaN;
      const end = at?.endOffset ?? NaN;
      if (startOffset === -1) {
        startOffset = start;
        endOffset = end;
      } else if (endOffset < end) endOffset = end;
    }
  }
  return lineExtentOf({ startOffset, endOffset }, children);
}

function lineExtentOf(location: CstNodeLocation | undefined, children: CstChildrenDictionary): { start: number; end: number } | null {
  // A node that matched nothing has no finite start, or an end before its start.
  if (!location || !Number.isFinite(location.startOffset) || !Number.isFinite(location.endOffset)) return null;
  if (location.startOffset < 0 || (location.endOffset as number) < location.startOffset) return null;
  let end = (location.endOffset as number) + 1;
  const lineEnd = children["lineEnd"]?.[0];
  if (lineEnd && !isToken(lineEnd) && lineEnd.location && Number.isFinite(lineEnd.location.startOffset)) {
    end = Math.min(end, lineEnd.location.startOffset);
  }
  return end > location.startOffset ? { start: location.startOffset, end } : null;
}
