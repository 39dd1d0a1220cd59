/**
 * Small character helpers for the typography rules (punctuation-forms,
 * stray-whitespace, book-title-marks, heading-punctuation), next to the
 * shared ones in prose.ts.
 */
import type { MappedText } from '../model/mapped-text.js';
import type { Span } from '../types.js';

/** Full-width opening brackets and quotes: no space may follow them. */
export const OPENERS = '（《“‘〈【〔「『';
/** Full-width closing brackets and quotes: no space may precede them. */
export const CLOSERS = '）》”’〉】〕」』';

export function isOpener(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && OPENERS.includes(ch);
}

export function isCloser(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && CLOSERS.includes(ch);
}

/** ASCII digit. */
export function isDigit(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

/** ASCII letter. */
export function isLatinLetter(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0) | 0x20;
  return c >= 0x61 && c <= 0x7a;
}

/**
 * Horizontal white space inside a line: space, tab, no-break space, the
 * typographic spaces U+2000–U+200A, U+202F, U+205F and the ideographic space U+3000.
 */
export function isInlineSpace(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c === 0x20 || c === 0x09 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * The source span of text[i, j) when those characters stand side by side in
 * the source (no markup, line break or stand-in between them); null otherwise.
 * A fix may only rewrite a span that passes this test.
 */
export function contiguousSpan(content: MappedText, i: number, j: number): Span | null {
  const span = content.span(i, j);
  if (span.end - span.start !== j - i) return null;
  // The characters must be exactly the source's: an opaque stand-in maps many to one.
  for (let k = i; k < j; k++) if (content.offsetAt(k) !== span.start + (k - i)) return null;
  return span;
}

/**
 * Answers “does [start, end) touch a protected range?” for queries that move
 * left to right, in linear time overall (prose.ts’s `overlaps` scans from the
 * first range on every call, which is quadratic on a long line full of URLs).
 * A query may step back a little (a range found after its end was read).
 */
export class RangeGuard {
  private readonly ranges: Array<[number, number]> = [];
  private index = 0;

  /** `ranges` sorted by start, as `protectedRanges` returns them; overlapping ones are merged. */
  constructor(ranges: ReadonlyArray<readonly [number, number]>) {
    for (const [a, b] of ranges) {
      const last = this.ranges[this.ranges.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else this.ranges.push([a, b]);
    }
  }

  hits(start: number, end = start + 1): boolean {
    const r = this.ranges;
    while (this.index > 0 && r[this.index - 1][1] > start) this.index--;
    while (this.index < r.length && r[this.index][1] <= start) this.index++;
    return this.index < r.length && r[this.index][0] < end;
  }
}
