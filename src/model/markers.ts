/**
 * Heading numbering markers of GB/T 9704-2012 §7.3.3: 一、 → （一） → 1. → （1）.
 * The recogniser is tolerant (it also knows `一.`, `(一)`, `1、` …) so that the
 * model still sees the structure of a badly formatted report; `canonical` says
 * whether the marker is written as the standard wants.
 */

export type MarkerFamily = 'cn' | 'cn-paren' | 'arabic' | 'arabic-paren';

export const FAMILY_LEVEL: Record<MarkerFamily, 1 | 2 | 3 | 4> = {
  cn: 1,
  'cn-paren': 2,
  arabic: 3,
  'arabic-paren': 4,
};

/** How each family is written: used in messages and fixes. */
export const FAMILY_EXAMPLE: Record<MarkerFamily, string> = {
  cn: '一、',
  'cn-paren': '（一）',
  arabic: '1.',
  'arabic-paren': '（1）',
};

export interface Marker {
  family: MarkerFamily;
  level: 1 | 2 | 3 | 4;
  number: number;
  /** The marker as written, e.g. `(一)、` or `1.` (without following spaces). */
  raw: string;
  /** The marker as the standard writes it, e.g. `（一）`. */
  canonicalRaw: string;
  /** Characters consumed from the line start, including spaces after the marker. */
  length: number;
  /** raw === canonicalRaw, or an enclosed form (㈠ ⑴) that stands for it. */
  canonical: boolean;
  /** ㈠ or ⑴: the whole marker in one character. */
  enclosed?: boolean;
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Parses 一 … 九十九; returns NaN for anything else. */
export function parseChineseNumeral(s: string): number {
  if (s.length === 1) return s === '十' ? 10 : (CN_DIGITS[s] ?? NaN);
  const ten = s.indexOf('十');
  if (ten === -1 || s.indexOf('十', ten + 1) !== -1) return NaN;
  const tensPart = s.slice(0, ten);
  const onesPart = s.slice(ten + 1);
  const tens = tensPart === '' ? 1 : tensPart.length === 1 ? (CN_DIGITS[tensPart] ?? NaN) : NaN;
  const ones = onesPart === '' ? 0 : onesPart.length === 1 ? (CN_DIGITS[onesPart] ?? NaN) : NaN;
  if (tens === 0 || ones === 0 && onesPart !== '') return NaN;
  return tens * 10 + ones;
}

const CN_NUMS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function toChineseNumeral(n: number): string {
  if (n < 10) return CN_NUMS[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : CN_NUMS[tens]) + '十' + CN_NUMS[n % 10];
}

export function markerText(family: MarkerFamily, n: number): string {
  switch (family) {
    case 'cn':
      return `${toChineseNumeral(n)}、`;
    case 'cn-paren':
      return `（${toChineseNumeral(n)}）`;
    case 'arabic':
      return `${n}.`;
    case 'arabic-paren':
      return `（${n}）`;
  }
}

// Sticky, anchored patterns: each runs once per line, with no nested quantifiers.
const CN_RE = /^([一二三四五六七八九十]{1,3})([、.．，,]|[ \u3000]+(?=\S))/;
const CN_PAREN_RE = /^([（(])[ \u3000]?([一二三四五六七八九十]{1,3})[ \u3000]?([）)])([、.．，,])?/;
const ARABIC_RE = /^([0-9０-９]{1,3})([.．、](?![0-9０-９]))/;
const ARABIC_PAREN_RE = /^([（(])[ \u3000]?([0-9０-９]{1,3})[ \u3000]?([）)])([、.．，,])?/;

function toAscii(d: string): string {
  return d.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function finish(family: MarkerFamily, number: number, raw: string, line: string): Marker | null {
  if (!Number.isFinite(number) || number < 1) return null;
  let length = raw.length;
  while (length < line.length && (line[length] === ' ' || line[length] === '\u3000' || line[length] === '\t')) length++;
  const canonicalRaw = markerText(family, number);
  return { family, level: FAMILY_LEVEL[family], number, raw, canonicalRaw, length, canonical: raw === canonicalRaw };
}

/** ㈠ … ㈩ (U+3220–3229) and ⑴ … ⒇ (U+2474–2487): one-character forms of （一） and （1）. */
const ENCLOSED_CN_FIRST = 0x3220;
const ENCLOSED_CN_LAST = 0x3229;
const ENCLOSED_ARABIC_FIRST = 0x2474;
const ENCLOSED_ARABIC_LAST = 0x2487;

function enclosed(line: string): Marker | null {
  const c = line.charCodeAt(0);
  let family: MarkerFamily;
  let number: number;
  if (c >= ENCLOSED_CN_FIRST && c <= ENCLOSED_CN_LAST) {
    family = 'cn-paren';
    number = c - ENCLOSED_CN_FIRST + 1;
  } else if (c >= ENCLOSED_ARABIC_FIRST && c <= ENCLOSED_ARABIC_LAST) {
    family = 'arabic-paren';
    number = c - ENCLOSED_ARABIC_FIRST + 1;
  } else return null;
  const marker = finish(family, number, line[0], line);
  // The same marker in one character, as Word's symbol fonts draw it: not a fault of punctuation.
  if (marker) {
    marker.canonical = true;
    marker.enclosed = true;
  }
  return marker;
}

/**
 * Recognises a numbering marker at the start of `line` (already trimmed on the left).
 * A marker must be followed by text: `一、` alone is not a heading.
 */
export function matchMarker(line: string): Marker | null {
  const c = line.charCodeAt(0);
  let m: RegExpExecArray | null;
  let marker: Marker | null = null;
  if (c === 0xff08 || c === 0x28) {
    if ((m = CN_PAREN_RE.exec(line))) {
      marker = finish('cn-paren', parseChineseNumeral(m[2]), m[0], line);
    } else if ((m = ARABIC_PAREN_RE.exec(line))) {
      marker = finish('arabic-paren', Number(toAscii(m[2])), m[0], line);
    }
  } else if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) {
    if ((m = ARABIC_RE.exec(line))) marker = finish('arabic', Number(toAscii(m[1])), m[0], line);
  } else if ((m = CN_RE.exec(line))) {
    marker = finish('cn', parseChineseNumeral(m[1]), m[0].trimEnd(), line);
  } else {
    marker = enclosed(line);
  }
  if (!marker || marker.length >= line.length) return null;
  return marker;
}
