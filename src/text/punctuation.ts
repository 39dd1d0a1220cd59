/**
 * Helpers shared by the punctuation rules (punctuation-width,
 * duplicate-punctuation, paired-punctuation), next to the general ones in
 * prose.ts: where a paragraph's own numbering marker ends, which characters a
 * rule must leave alone, and safe one-character edits.
 */
import { matchMarker } from '../model/markers.js';
import type { Paragraph } from '../model/report.js';
import type { Edit } from '../types.js';
import { isAsciiDigit, isAsciiLetter, isHan, protectedRanges, rangeGuard } from './prose.js';

/** Length in `content.text` of the numbering marker that opens the paragraph (0 when there is none). */
export function markerLength(paragraph: Paragraph): number {
  const own = paragraph.heads?.marker;
  if (own) return own.raw.length;
  // Paragraphs that do not head a section (a marker line in a block quote) still start with one.
  if (paragraph.kind === 'body' || paragraph.kind === 'list-item') return matchMarker(paragraph.content.text)?.raw.length ?? 0;
  return 0;
}

/**
 * One flag per character of the paragraph's text: 1 where no punctuation rule
 * may look (URLs, e-mail addresses, inline-code and HTML stand-ins, the
 * paragraph's numbering marker). Built in one pass, so lookups are O(1).
 */
export function blockedMask(paragraph: Paragraph): Uint8Array {
  const text = paragraph.content.text;
  const mask = new Uint8Array(text.length);
  for (const [a, b] of protectedRanges(text)) mask.fill(1, a, b);
  mask.fill(1, 0, markerLength(paragraph));
  return mask;
}

/**
 * What blockedMask answers, one position at a time, for a rule that asks about a few positions:
 * the marker is known at once, the protected ranges are found on the first question past it.
 */
export function blockedAt(paragraph: Paragraph, markerEnd = markerLength(paragraph)): (i: number) => boolean {
  let guard: ((start: number) => boolean) | null = null;
  return (i) => i < markerEnd || (guard ??= rangeGuard(protectedRanges(paragraph.content.text)))(i);
}

/**
 * Running counts over the paragraph's text, leaving out masked characters:
 * han[i] and latin[i] count Han characters and ASCII letters in text[0, i),
 * so any slice is counted in O(1); `wordGaps` counts spaces between two Latin letters.
 */
export function scriptCounts(text: string, mask: Uint8Array): { han: Int32Array; latin: Int32Array; wordGaps: number } {
  const han = new Int32Array(text.length + 1);
  const latin = new Int32Array(text.length + 1);
  let wordGaps = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const counted = mask[i] === 0;
    han[i + 1] = han[i] + (counted && isHan(ch) ? 1 : 0);
    latin[i + 1] = latin[i] + (counted && isAsciiLetter(ch) ? 1 : 0);
    if (counted && ch === ' ' && isAsciiLetter(text[i - 1]) && isAsciiLetter(text[i + 1])) wordGaps++;
  }
  return { han, latin, wordGaps };
}

/** Chinese numerals that number items: 一 … 十. */
export function isChineseNumeral(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && '一二三四五六七八九十'.includes(ch);
}

export { isAsciiDigit, isAsciiLetter } from './prose.js';

/** Space inside a line: ASCII space, tab, no-break space, ideographic space. */
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u3000';
}

/** What may stand before an item number inside a sentence: 主要做法：1.… ；2.… */
const ITEM_LEAD = new Set(['：', '；', '。', '，', '、', '！', '？', '（', '）', ':', ';', ',', '(', '\n']);

/**
 * Whether text[from, to) is an item number in running text: 1–3 ASCII digits,
 * Chinese numerals or one Latin letter, at the paragraph start or after a
 * space or one of ：；。，！？（.
 */
export function isItemNumber(text: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 1 || n > 3) return false;
  let digits = true;
  let numerals = true;
  for (let k = from; k < to; k++) {
    digits &&= isAsciiDigit(text[k]);
    numerals &&= isChineseNumeral(text[k]);
  }
  const letter = n === 1 && isAsciiLetter(text[from]);
  if (!digits && !numerals && !letter) return false;
  const before = text[from - 1];
  return before === undefined || isSpace(before) || ITEM_LEAD.has(before);
}

/**
 * An edit that replaces text[i] when that character stands as itself in the
 * source (not a stand-in, not mapped elsewhere); null otherwise.
 */
export function charEdit(paragraph: Paragraph, source: string, i: number, text: string): Edit | null {
  const ch = paragraph.content.text[i];
  const span = paragraph.content.span(i, i + 1);
  if (span.end - span.start !== ch.length || source.slice(span.start, span.end) !== ch) return null;
  return { range: span, text };
}
