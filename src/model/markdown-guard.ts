/**
 * When Markdown is read as plain text instead: shapes on which the Markdown
 * parser (micromark) grows faster than n·log n. No real report looks like any
 * of them, so such a file is read as plain text, which is linear, and a note
 * says so. Each limit is measured in `bench/bench-pathological.ts` at n and 4n.
 */

/**
 * Container nesting beyond which the Markdown parser is not used: micromark
 * re-checks every open container on every line, so 1,000 nested list levels
 * take half a minute.
 */
export const MAX_NESTING = 32;

export type GuardReason = 'nesting' | 'emphasis-run' | 'inline-markup';

/** Why `source` is read as plain text, or undefined when it is parsed as Markdown. */
export function plainTextReason(source: string): GuardReason | undefined {
  if (tooDeeplyNested(source) || containerWork(source) > CONTAINER_WORK_BUDGET) return 'nesting';
  if (LONG_EMPHASIS_RUN.test(source)) return 'emphasis-run';
  if (inlineWork(source) > INLINE_WORK_BUDGET) return 'inline-markup';
  return undefined;
}

/**
 * micromark pairs emphasis delimiters (`*`, `_`) and link brackets (`[`, `]`) within a
 * paragraph by looking back over the ones still open, so its inline work grows as the
 * square of their number per paragraph: `党* ` repeated, nested `[`, `[a](` repeated all
 * take minutes at a few hundred KB (measured ~50 ns × d² for d markers in one paragraph).
 * This budget, Σ d² over blocks separated by blank lines (an over-estimate: a heading or a
 * list item ends a paragraph sooner), stops at about 0.2 s of such work. A 15 KB report
 * with 500 bold phrases in one block stays well under it.
 */
export const INLINE_WORK_BUDGET = 4_000_000;

export function inlineWork(source: string): number {
  let work = 0;
  let markers = 0;
  let lineHasText = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) {
      // A blank line ends the block.
      if (!lineHasText) {
        work += markers * markers;
        markers = 0;
      }
      lineHasText = false;
    } else if (c === 42 || c === 95 || c === 91 || c === 93) {
      markers++;
      lineHasText = true;
    } else if (c !== 32 && c !== 9 && c !== 13) lineHasText = true;
  }
  return work + markers * markers;
}

export function readAsPlainText(source: string): boolean {
  return plainTextReason(source) !== undefined;
}

/**
 * Within the 32 levels, micromark still re-checks each open container on each line, at a
 * cost that grows with the square of the depth: 4,000 lines nested up to 30 deep (33 KB)
 * took 3 s, 20,000 such lines 105 s. The work, Σ depth² over lines (depth from markers and
 * indentation), is held to a budget of about half a second; a report of 10,000 lines three
 * levels deep uses under half of it.
 */
export const CONTAINER_WORK_BUDGET = 200_000;

export function containerWork(source: string): number {
  let work = 0;
  let i = 0;
  while (i < source.length) {
    let depth = 0;
    let indent = 0;
    for (;;) {
      const c = source.charCodeAt(i);
      if (c === 32 || c === 9) {
        indent += c === 9 ? 4 : 1;
        i++;
      } else if (c === 62 /* > */) {
        depth++;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) && isSpaceAt(source, i + 1)) {
        depth++;
        i += 2;
      } else break;
    }
    const d = depth + (indent >> 1);
    work += d * d;
    const nl = source.indexOf('\n', i);
    if (nl === -1) break;
    i = nl + 1;
  }
  return work;
}

export function tooDeeplyNested(source: string): boolean {
  // Per line: count the container markers (`>`, `-`, `*`, `+`, `1.`) and the indentation before the text.
  let i = 0;
  while (i < source.length) {
    let depth = 0;
    let indent = 0;
    for (;;) {
      const c = source.charCodeAt(i);
      if (c === 32 || c === 9) {
        indent += c === 9 ? 4 : 1;
        i++;
      } else if (c === 62 /* > */) {
        depth++;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) && isSpaceAt(source, i + 1)) {
        depth++;
        i += 2;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < source.length && j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
        const d = source.charCodeAt(j);
        if ((d === 46 || d === 41) && isSpaceAt(source, j + 1)) {
          depth++;
          i = j + 2;
        } else break;
      } else break;
      // A list level takes two columns at the least.
      if (depth > MAX_NESTING || indent > MAX_NESTING * 2 + 4) return true;
    }
    const nl = source.indexOf('\n', i);
    if (nl === -1) break;
    i = nl + 1;
  }
  return false;
}

function isSpaceAt(source: string, i: number): boolean {
  const c = source.charCodeAt(i);
  return c === 32 || c === 9;
}

/** micromark's emphasis resolution is quadratic in a run of `*` or `_`; no report has a run this long. */
export const LONG_EMPHASIS_RUN = /[*_]{65}/;
