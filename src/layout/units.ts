import type { Locale } from '../types.js';

/** Conversions between Word's units and the ones people use: points, millimetres, 字号. */

export const TWIPS_PER_PT = 20;
export const PT_PER_MM = 72 / 25.4;

export const twipsToPt = (twips: number): number => twips / TWIPS_PER_PT;
export const twipsToMm = (twips: number): number => twips / TWIPS_PER_PT / PT_PER_MM;
export const mmToTwips = (mm: number): number => Math.round(mm * PT_PER_MM * TWIPS_PER_PT);
export const ptToTwips = (pt: number): number => Math.round(pt * TWIPS_PER_PT);

/** The Chinese size names (字号) and their points. */
const SIZE_NAMES: [string, string, number][] = [
  ['初号', 'size 0', 42],
  ['小初', 'small 0', 36],
  ['一号', 'size 1', 26],
  ['小一', 'small 1', 24],
  ['二号', 'size 2', 22],
  ['小二', 'small 2', 18],
  ['三号', 'size 3', 16],
  ['小三', 'small 3', 15],
  ['四号', 'size 4', 14],
  ['小四', 'small 4', 12],
  ['五号', 'size 5', 10.5],
  ['小五', 'small 5', 9],
  ['六号', 'size 6', 7.5],
  ['小六', 'small 6', 6.5],
  ['七号', 'size 7', 5.5],
  ['八号', 'size 8', 5],
];

/** `三号（16磅）`, `16.5磅`; English `size 3 (16 pt)`. */
export function sizeName(pt: number, locale: Locale): string {
  const named = SIZE_NAMES.find(([, , p]) => Math.abs(p - pt) < 0.01);
  const points = locale === 'zh' ? `${num(pt)}磅` : `${num(pt)} pt`;
  if (!named) return points;
  return locale === 'zh' ? `${named[0]}（${points}）` : `${named[1]} (${points})`;
}

/** A number with at most two decimals, no trailing zeros. */
export function num(n: number, digits = 2): string {
  return String(Number(n.toFixed(digits)));
}

export function mm(n: number, locale: Locale): string {
  return locale === 'zh' ? `${num(n, 1)}毫米` : `${num(n, 1)} mm`;
}

export function pt(n: number, locale: Locale): string {
  return locale === 'zh' ? `${num(n)}磅` : `${num(n)} pt`;
}
