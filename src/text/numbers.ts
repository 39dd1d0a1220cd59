/**
 * Numbers and dates in Chinese text (GB/T 15835-2011): digit classes, width
 * conversion, Chinese numerals of dates, and calendar checks. Shared by
 * date-format and number-usage; everything here is linear and allocation-light.
 */

import { isAsciiDigit, isAsciiLetter, isFullWidthDigit } from './prose.js';

export { isAsciiDigit, isFullWidthDigit, rangeGuard } from './prose.js';

/** An Arabic digit, half- or full-width. */
export function isDigit(ch: string | undefined): boolean {
  return isAsciiDigit(ch) || isFullWidthDigit(ch);
}

/**
 * The char code of an Arabic digit, half- or full-width (NaN, past the end, is none).
 * Hot loops test `text.charCodeAt(i)`: `text[i]` of a Han character allocates a string.
 */
export function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** An ASCII Latin letter. */
export const isLatinLetter = isAsciiLetter;

/** Full-width digits (and ．／－％) to their half-width forms; other characters unchanged. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
  }
  return out;
}

/** End (exclusive) of the run of Arabic digits starting at `i`. */
export function digitRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isDigitCode(text.charCodeAt(j))) j++;
  return j;
}

/** The value of a run of Arabic digits of either width. */
export function digitValue(digits: string): number {
  return Number(toHalfWidth(digits));
}

/** Digits of a year written in Chinese numerals: 二〇二四 (and the common slips ○ Ｏ 零 for 〇). */
export const CN_YEAR_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const CN_UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_YEAR = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Reads a month or day in Chinese numerals at `text[i]`: 一 … 九, 十, 十一 … 十九,
 * 二十 … 二十九, 三十, 三十一. Returns the value and the end index, or null.
 */
export function readChineseDayNumber(text: string, i: number): { value: number; end: number } | null {
  const digit = (ch: string | undefined): number => (ch && ch !== '〇' && ch !== '零' && ch !== '○' && ch !== 'Ｏ' ? (CN_YEAR_DIGITS[ch] ?? -1) : -1);
  const first = text[i];
  if (first === '十') {
    const ones = digit(text[i + 1]);
    return ones > 0 ? { value: 10 + ones, end: i + 2 } : { value: 10, end: i + 1 };
  }
  const tens = digit(first);
  if (tens < 1) return null;
  if (text[i + 1] === '十' && (tens === 2 || tens === 3)) {
    const ones = digit(text[i + 2]);
    return ones > 0 ? { value: tens * 10 + ones, end: i + 3 } : { value: tens * 10, end: i + 2 };
  }
  return { value: tens, end: i + 1 };
}

/** 2024 → 二〇二四 (digit by digit, as years are read). */
export function chineseYear(year: number): string {
  return String(year)
    .split('')
    .map((d) => CN_YEAR[Number(d)])
    .join('');
}

/** 1 → 一, 10 → 十, 15 → 十五, 21 → 二十一, 30 → 三十 (months and days). */
export function chineseDayNumber(n: number): string {
  if (n < 10) return CN_UNITS[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : CN_UNITS[tens]) + '十' + CN_UNITS[n % 10];
}

/** Digits 1–9 as Chinese numerals (for estimates such as 三四次). */
export function chineseDigit(n: number): string {
  return CN_UNITS[n] ?? '';
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; without a year, February has 29 (the date may be in a leap year). */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether year/month/day (any of them may be missing) can be a real date. */
export function isRealDate(year: number | undefined, month: number | undefined, day: number | undefined): boolean {
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(month, year))) return false;
  return true;
}

/**
 * A decimal number written as digits (`1.5`) multiplied by a power of ten,
 * as a plain digit string without exponent: scaleDecimal('1.5', 3) → '1500'.
 */
export function scaleDecimal(number: string, zeros: number): string {
  const [int, frac = ''] = number.split('.');
  const digits = int + frac.padEnd(zeros, '0');
  const point = int.length + zeros;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}
