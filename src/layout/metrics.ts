import type { Locale } from '../types.js';
import type { DocumentLayout, ParagraphLayout, SectionLayout } from './types.js';
import { num, twipsToMm, twipsToPt } from './units.js';

/**
 * Line and character pitch as Word lays them out, from the resolved values.
 * Fixed spacing and the document grid are exact; "single" or "1.5 lines"
 * without a grid depends on the font's own height, estimated at 1.3 × size.
 */

const NATURAL = 1.3;

export interface Pitch {
  pt: number;
  /** True when the value depends on font metrics (auto spacing without a grid). */
  approx: boolean;
}

export function gridPitchPt(section: SectionLayout | null): number | null {
  if (!section || section.grid.type === 'default' || !section.grid.linePitch) return null;
  return twipsToPt(section.grid.linePitch);
}

export function linePitch(p: ParagraphLayout, section: SectionLayout | null, sizePt: number): Pitch {
  const natural = sizePt * NATURAL;
  if (p.lineRule === 'exact' && p.line !== null) return { pt: twipsToPt(p.line), approx: false };
  if (p.lineRule === 'atLeast' && p.line !== null) {
    const min = twipsToPt(p.line);
    return min >= natural ? { pt: min, approx: false } : { pt: natural, approx: true };
  }
  const multiple = (p.line ?? 240) / 240;
  const grid = p.snapToGrid ? gridPitchPt(section) : null;
  if (grid) return { pt: multiple * Math.max(grid, Math.ceil(natural / grid) * grid), approx: false };
  return { pt: multiple * natural, approx: true };
}

/** `固定值28.95磅` / `exactly 28.95 pt`, `1.5倍行距（约31.2磅）`. */
export function describeSpacing(p: ParagraphLayout, pitch: Pitch, locale: Locale): string {
  const zh = locale === 'zh';
  const value = num(pitch.pt);
  if (p.lineRule === 'exact') return zh ? `固定值${value}磅` : `exactly ${value} pt`;
  if (p.lineRule === 'atLeast') return zh ? `最小值${num(twipsToPt(p.line ?? 0))}磅` : `at least ${num(twipsToPt(p.line ?? 0))} pt`;
  const m = (p.line ?? 240) / 240;
  const name = zh ? (m === 1 ? '单倍行距' : `${num(m)}倍行距`) : m === 1 ? 'single spacing' : `${num(m)} lines`;
  return zh ? `${name}（${pitch.approx ? '约' : '按网格'}${value}磅）` : `${name} (${pitch.approx ? 'about ' : 'grid, '}${value} pt)`;
}

/** Height of the type area, points. */
export function bodyHeightPt(section: SectionLayout): number | null {
  const { pageHeight } = section;
  const { top, bottom } = section.margins;
  return pageHeight === null || top === null || bottom === null ? null : twipsToPt(pageHeight - top - bottom);
}

export function bodyWidthPt(section: SectionLayout): number | null {
  const { pageWidth } = section;
  const { left, right } = section.margins;
  return pageWidth === null || left === null || right === null ? null : twipsToPt(pageWidth - left - right);
}

/** Whole lines that fit (a hair of slack for rounding in twips). */
export function fit(length: number, pitch: number): number {
  return Math.floor(length / pitch + 0.01);
}

/**
 * Character pitch: the grid's (Normal style's size + `w:charSpace`/4096 pt) when characters snap to it,
 * else the body's advance (font size plus character spacing).
 */
export function charPitchPt(layout: DocumentLayout, section: SectionLayout, advancePt: number): number {
  const { type, charSpace } = section.grid;
  if ((type === 'linesAndChars' || type === 'snapToChars') && charSpace !== null && layout.defaultHalfPoints) {
    return layout.defaultHalfPoints / 2 + charSpace / 4096;
  }
  return advancePt;
}

export const mmOf = (twips: number) => twipsToMm(twips);
