import type { CustomPatternMatcherFunc } from "chevrotain";

/**
 * The `Amount` token: a figure with dots for thousands and an optional decimal comma
 * (`9.753.000.000`, `1.234,5`), not followed by a digit or by `.digit`, nor preceded by a digit or `digit.`. What
 * /\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])(?!\.\d)/ matches, by hand, because that regex is quadratic
 * through the lexer: on a run of groups broken at its end (`1.111.111…111.1`) it fails only at the
 * end, Number then takes one group, and Amount starts again on the next group. The matcher remembers
 * the run it last failed on and fails at once inside it.
 */

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `.ddd` at `i`. */
function isGroup(text: string, i: number): boolean {
  return (
    text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))
  );
}

/** Neither a digit nor `.digit` at `i`: the figure may end there. */
function endsHere(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return !isDigit(code) && !(code === 46 && isDigit(text.charCodeAt(i + 1)));
}

export function amountMatcher(): CustomPatternMatcherFunc {
  let failedText: string | undefined;
  let failedFrom = -1;
  let failedTo = -1;
  return (text, offset) => {
    if (text === failedText && offset > failedFrom && offset <= failedTo) return null;
    // A figure starts a number: after `digit.` it is the tail of another number written in groups
    // (a phone number `0912.345.678`, whose first group of four is no thousands group).
    if (offset > 0 && (isDigit(text.charCodeAt(offset - 1)) || (text.charCodeAt(offset - 1) === 46 && isDigit(text.charCodeAt(offset - 2))))) return null;
    let i = offset;
    while (i < text.length && i - offset < 3 && isDigit(text.charCodeAt(i))) i++;
    if (i === offset || !isGroup(text, i)) return null;
    while (isGroup(text, i)) i += 4;
    // Only the longest run of groups can end the figure: a shorter one is followed by `.digit`.
    if (text.charCodeAt(i) === 44 && isDigit(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (isDigit(text.charCodeAt(j))) j++;
      if (endsHere(text, j)) return [text.slice(offset, j)];
    }
    if (endsHere(text, i)) return [text.slice(offset, i)];
    // Every start up to `i` inside this run reaches the same end and fails the same way.
    failedText = text;
    failedFrom = offset;
    failedTo = i;
    return null;
  };
}
