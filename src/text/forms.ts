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

/** ASCII digit and letter (shared with the other format rules). */
export { isAsciiDigit as isDigit, isAsciiLetter as isLatinLetter } from './prose.js';

/**
 * Horizontal white space inside a line: space, tab, no-break space, the
 * typographic spaces U+2000–U+200A, U+202F, U+205F and the ideographic space U+3000.
 */
export function isInlineSpace(ch: string | undefined): boolean {
  return !!ch && isInlineSpaceCode(ch.charCodeAt(0));
}

/** isInlineSpace for a char code: a scan over every character need not make a string of each. */
export function isInlineSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** The same characters as a pattern: a native search finds the first one faster than a loop. */
const INLINE_SPACE = /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;

/** Index of the first inline space at or after `from`, or -1. */
export function indexOfInlineSpace(text: string, from = 0): number {
  INLINE_SPACE.lastIndex = from;
  return INLINE_SPACE.exec(text)?.index ?? -1;
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
