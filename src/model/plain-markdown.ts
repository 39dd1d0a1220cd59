/**
 * Most Markdown reports use no Markdown beyond `#` headings: paragraphs of Chinese
 * prose separated by blank lines. For those, micromark's tokenizer and the mdast
 * built from it cost about a third of a file's lint time and tell nothing that the
 * lines themselves do not. This module recognises that subset, and only it, from
 * the characters alone: any character that could open another construct sends the
 * whole document back to remark-parse.
 *
 * The subset, line by line (a line ends at `\n` or `\r\n`):
 * - blank: empty, or spaces only;
 * - ATX heading: 1–6 `#`, a space, text (no closing `#`s);
 * - a whole-line HTML comment `<!-- … -->` (where inline directives live);
 * - paragraph text: starts with none of `space tab > - + = ~`, nor with digits and `.` or `)`.
 * Nowhere: `` ` * _ [ ] < \ & | # ``, tabs, NUL, a lone `\r`, or trailing spaces (hard breaks);
 * nor a byte-order mark at the start.
 *
 * `test/plain-markdown.test.ts` holds the units from this path equal to remark's,
 * on the fixtures, the benchmark corpus and generated documents.
 */

export type PlainBlock =
  /** `start`/`end`: the heading's text, without the `#`s; it ends its line. */
  | { kind: 'heading'; depth: number; start: number; end: number }
  | { kind: 'paragraph'; start: number; end: number }
  | { kind: 'html'; start: number; end: number };

// Characters that open a construct wherever they stand.
const ANYWHERE = new Uint8Array(128);
for (const c of '`*_[]<\\&|#\t\0') ANYWHERE[c.charCodeAt(0)] = 1;
// Characters that open a block at the start of a line (after the line's first character, they are prose).
const LINE_START = new Uint8Array(128);
for (const c of ' >-+=~') LINE_START[c.charCodeAt(0)] = 1;

const COMMENT_LINE = /^<!--(?!-?>)(?:(?!--)[^<>\r\n])*-->$/;

/** The document's blocks, or undefined when it uses any Markdown outside the subset. */
export function plainMarkdownBlocks(source: string): PlainBlock[] | undefined {
  // micromark drops a leading byte-order mark, shifting every offset.
  if (source.charCodeAt(0) === 0xfeff) return undefined;
  const blocks: PlainBlock[] = [];
  const n = source.length;
  let paragraph: { kind: 'paragraph'; start: number; end: number } | undefined;
  let lineStart = 0;
  while (lineStart <= n) {
    let nl = source.indexOf('\n', lineStart);
    if (nl === -1) nl = n;
    let lineEnd = nl;
    if (lineEnd > lineStart && source.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const first = lineEnd > lineStart ? source.charCodeAt(lineStart) : -1;

    if (first === -1 || isBlankLine(source, lineStart, lineEnd)) {
      paragraph = undefined;
    } else if (first === 35 /* # */) {
      const heading = atxHeading(source, lineStart, lineEnd);
      if (!heading) return undefined;
      blocks.push(heading);
      paragraph = undefined;
    } else if (first === 60 /* < */) {
      if (!COMMENT_LINE.test(source.slice(lineStart, lineEnd))) return undefined;
      blocks.push({ kind: 'html', start: lineStart, end: lineEnd });
      paragraph = undefined;
    } else {
      if (first < 128 && LINE_START[first]) return undefined;
      if (first >= 48 && first <= 57 && listMarker(source, lineStart, lineEnd)) return undefined;
      if (!plainRun(source, lineStart, lineEnd)) return undefined;
      const last = source.charCodeAt(lineEnd - 1);
      if (last === 32) return undefined;
      if (paragraph) paragraph.end = lineEnd;
      else blocks.push((paragraph = { kind: 'paragraph', start: lineStart, end: lineEnd }));
    }
    lineStart = nl + 1;
  }
  return blocks;
}

/** Spaces only (tabs were refused already; a lone `\r` is refused here). */
function isBlankLine(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (source.charCodeAt(i) !== 32) return false;
  return true;
}

/** True when no character of the run opens a construct (a lone `\r` is an old Mac line ending). */
function plainRun(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c < 128 && ANYWHERE[c]) return false;
    if (c === 13) return false;
  }
  return true;
}

/** `1.` or `12)` followed by a space or the end of the line: an ordered list item. */
function listMarker(source: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && i - from < 10) {
    const c = source.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  const c = source.charCodeAt(i);
  if (c !== 46 && c !== 41) return false;
  return i + 1 >= to || source.charCodeAt(i + 1) === 32;
}

function atxHeading(source: string, from: number, to: number): PlainBlock | undefined {
  let i = from;
  while (i < to && source.charCodeAt(i) === 35) i++;
  const depth = i - from;
  // `#######`, `#标题` and `#` alone are left to remark.
  if (depth > 6 || i >= to || source.charCodeAt(i) !== 32) return undefined;
  while (i < to && source.charCodeAt(i) === 32) i++;
  if (i >= to) return undefined;
  if (!plainRun(source, i, to) || source.charCodeAt(to - 1) === 32) return undefined;
  return { kind: 'heading', depth, start: i, end: to };
}
