import { describe, expect, it } from 'vitest';
import { defaultLayoutProfile, mergeLayout } from '../src/layout/profile.js';
import { mm, sizeName } from '../src/layout/units.js';
import { condensing } from '../src/layout/format.js';

describe('layout profile and units', () => {
  it.each([
    [16, 'zh', '三号（16磅）'],
    [12, 'zh', '小四（12磅）'],
    [22, 'zh', '二号（22磅）'],
    [10.5, 'en', 'size 5 (10.5 pt)'],
    [13, 'zh', '13磅'],
  ] as const)('%s pt in %s is %s', (pt, locale, name) => {
    expect(sizeName(pt, locale)).toBe(name);
  });

  it('millimetres with one decimal', () => {
    expect(mm(25.4, 'zh')).toBe('25.4毫米');
    expect(mm(37.0001, 'en')).toBe('37 mm');
  });

  it('a config changes only what it names; heading levels merge one by one', () => {
    const merged = mergeLayout(defaultLayoutProfile(), { margins: { left: 27, right: 27 }, headings: [{}, { fonts: ['楷体'] }] });
    expect(merged.margins).toEqual({ top: 37, bottom: 35, left: 27, right: 27, tolerance: 1 });
    expect(merged.headings[0].fonts[0]).toBe('黑体');
    expect(merged.headings[1]).toEqual({ fonts: ['楷体'], size: 16 });
    expect(merged.headings).toHaveLength(4);
    expect(defaultLayoutProfile().margins.left).toBe(28);
  });

  it('condenses 3号 just enough for 28 characters in 156 mm, and not at all when they fit', () => {
    expect(condensing(defaultLayoutProfile())).toBe(-5);
    expect(condensing(mergeLayout(defaultLayoutProfile(), { charsPerLine: { value: 26 } }))).toBe(0);
  });
});
