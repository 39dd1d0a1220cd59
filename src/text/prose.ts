/**
 * Character classes and protected ranges shared by the format rules. Rules
 * scan paragraph text; these tell them what is Chinese and what must be left
 * alone (URLs, e-mail addresses, inline code stand-ins).
 */
import { OPAQUE } from '../model/mapped-text.js';

/** A Han character (CJK Unified Ideographs and Extension A, compatibility ideographs). */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** Full-width punctuation of Chinese text (GB/T 15834): ，。、；：？！“”‘’（）《》〈〉【】〔〕……——～ */
export const CJK_PUNCTUATION = '，。、；：？！“”‘’（）《》〈〉【】〔〕…—～·「」『』';

export function isCjkPunctuation(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && CJK_PUNCTUATION.includes(ch);
}

/** Han or Chinese punctuation: what makes a neighbour "Chinese". */
export function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunctuation(ch);
}

/** A paragraph with no Han character at all (an English sentence, a code-like line). */
export function isLatinOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isHan(text[i])) return false;
  return true;
}

const URL = /\b(?:https?|ftp):\/\/[^\s\u3000-\u303f\uff00-\uffef"'<>，。；：！？“”‘’（）《》、]+|\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s\u3000-\u303f\uff00-\uffef"'<>，。；：！？“”‘’（）《》、]*/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * Ranges of `text` that no format rule may touch: URLs, e-mail addresses, and
 * the stand-ins for inline code and HTML. Sorted, as [start, end) pairs.
 */
export function protectedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (text.includes('://') || text.includes('www.')) {
    for (const m of text.matchAll(URL)) {
      // A sentence's final full stop is not part of the URL.
      const end = m.index + m[0].replace(/[.,;:!?)]+$/, '').length;
      out.push([m.index, end]);
    }
  }
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) out.push([m.index, m.index + m[0].length]);
  for (let i = text.indexOf(OPAQUE); i !== -1; i = text.indexOf(OPAQUE, i + 1)) out.push([i, i + 1]);
  return out.sort((a, b) => a[0] - b[0]);
}

/** Whether [start, end) overlaps one of the ranges. */
export function overlaps(ranges: Array<[number, number]>, start: number, end = start + 1): boolean {
  for (const [a, b] of ranges) {
    if (a >= end) return false;
    if (b > start) return true;
  }
  return false;
}
