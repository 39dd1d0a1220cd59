/**
 * Character classes and protected ranges shared by the format rules. Rules
 * scan paragraph text; these tell them what is Chinese and what must be left
 * alone (URLs, e-mail addresses, inline code stand-ins).
 */
import { OPAQUE } from '../model/mapped-text.js';
import { isHanCode } from './han.js';

/** A Han character (CJK Unified Ideographs and Extension A, compatibility ideographs). */
export function isHan(ch: string | undefined): boolean {
  return !!ch && isHanCode(ch.charCodeAt(0));
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

// A URL ends at white space, Chinese punctuation or a Han character (…/a.html下一步 is not part of it),
// unless more of the path follows the Han characters (https://x.gov.cn/政策,解读.html, …/通知/a).
// The Han run is matched atomically and the look-ahead bounded, so that no input makes this quadratic.
const URL = /\b(?:https?|ftp):\/\/[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef"'<>，。；：！？“”‘’（）《》、]+(?:(?=([\u3400-\u9fff]+))\1(?=[^\s\u3000-\u303f\uff00-\uffef"'<>，。；：！？“”‘’（）《》、]{0,100}?[/?#=&.][A-Za-z0-9])[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef"'<>，。；：！？“”‘’（）《》、]*)*|\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef"'<>，。；：！？“”‘’（）《》、]*/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * Ranges of `text` that no format rule may touch: URLs, e-mail addresses, and
 * the stand-ins for inline code and HTML. Sorted, as [start, end) pairs.
 */
export function protectedRanges(text: string): ReadonlyArray<readonly [number, number]> {
  // Seven rules ask about the same paragraph in turn: the answer is kept for the paragraph's text.
  let ranges = memo.get(text);
  if (!ranges) {
    if (memo.size >= 4096) memo.clear();
    memo.set(text, (ranges = Object.freeze(findProtectedRanges(text))));
  }
  return ranges;
}

const memo = new Map<string, ReadonlyArray<readonly [number, number]>>();

function findProtectedRanges(text: string): Array<[number, number]> {
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

/**
 * Answers “does [start, end) touch one of the ranges?” in O(log n) a query, in
 * any order, so that a line with thousands of URLs or code spans stays linear.
 * `ranges` must be sorted by start, as `protectedRanges` returns them; they may overlap.
 */
export function rangeGuard(ranges: ReadonlyArray<readonly [number, number]>): (start: number, end?: number) => boolean {
  if (ranges.length === 0) return () => false;
  const maxEnd = new Array<number>(ranges.length);
  let max = -Infinity;
  ranges.forEach(([, b], k) => {
    max = Math.max(max, b);
    maxEnd[k] = max;
  });
  return (start, end = start + 1) => {
    // The last range that starts before `end`; some range up to it must end after `start`.
    if (ranges[0][0] >= end) return false;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ranges[mid][0] < end) lo = mid;
      else hi = mid - 1;
    }
    return maxEnd[lo] > start;
  };
}

/** An ASCII digit 0–9. */
export function isAsciiDigit(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

/** A full-width digit ０–９. */
export function isFullWidthDigit(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 0xff10 && c <= 0xff19;
}

/** An ASCII Latin letter. */
export function isAsciiLetter(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0) | 0x20;
  return c >= 0x61 && c <= 0x7a;
}
