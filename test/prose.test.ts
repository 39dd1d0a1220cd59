import { describe, expect, it } from 'vitest';
import { protectedRanges, rangeGuard } from '../src/text/prose.js';

describe('protected ranges', () => {
  it('finds URLs and e-mail addresses, stopping at Chinese text and a final full stop', () => {
    const text = '详见https://example.gov.cn/a.html下一步，或www.example.cn。联系jw@example.gov.cn.';
    expect(protectedRanges(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'https://example.gov.cn/a.html',
      'www.example.cn',
      'jw@example.gov.cn',
    ]);
  });
});

describe('rangeGuard', () => {
  const hits = rangeGuard([
    [2, 4],
    [3, 10],
    [20, 21],
  ]);
  it.each([
    [0, 2, false],
    [0, 3, true],
    [9, 10, true],
    [10, 20, false],
    [19, 25, true],
    [21, 30, false],
  ])('[%i, %i) → %s, in any order', (start, end, expected) => {
    expect(hits(start, end)).toBe(expected);
  });
  it('is false for no ranges', () => expect(rangeGuard([])(0, 100)).toBe(false));
});
