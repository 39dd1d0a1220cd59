import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { width } from '../src/formatters/terminal-text.js';

/** width() counts common report text itself; it must agree with string-width on everything. */
describe('terminal width', () => {
  it('agrees with string-width on every character of the ranges it counts itself, and on the ones it does not', () => {
    const ranges = [
      [0x20, 0x7e],
      [0x3000, 0x303f],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xff00, 0xff61],
      [0xffe0, 0xffe7],
      [0x2010, 0x2030],
      [0xb0, 0xbf],
    ];
    for (const [a, b] of ranges) {
      for (let c = a; c <= b; c++) {
        const ch = String.fromCharCode(c);
        expect(width(ch), `U+${c.toString(16)}`).toBe(stringWidth(ch));
      }
    }
  });

  it.each([
    ['全年开展专项督查4次，覆盖率100%。', 33],
    ['“两个维护”……', 12],
    ['a\u0301bc', 3],
    ['👍🏽报告', 6],
    ['\u200b零宽', 4],
  ])('%s is %i columns, as string-width says', (text, columns) => {
    expect(width(text)).toBe(columns);
    expect(stringWidth(text)).toBe(columns);
  });
});
