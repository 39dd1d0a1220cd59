import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';
import { exampleLayout, type LineSpec } from '../src/layout/example.js';
import { defaultLayoutProfile, mergeLayout, type DeepPartial, type LayoutProfile } from '../src/layout/profile.js';

/**
 * GB/T 9704 7.3.5: where the signature and the date stand, in characters from
 * the right margin, however the writer got them there (right indent in
 * characters, trailing full-width spaces, leading spaces, a left indent).
 * The type area holds 28.08 characters of the examples' grid.
 */

const head = ['关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '2024年，区委认真履行主体责任。现将有关情况报告如下。'];
const DATE = '2025年1月15日'; // 6.5 characters
const SIG = '中共青山区委'; // 6 characters

function lint(signature: string, date: string, sig: LineSpec, dat: LineSpec, layout?: DeepPartial<LayoutProfile>): string[] {
  const text = [...head, signature, date].join('\n');
  const settings = layout ? { layout: mergeLayout(defaultLayoutProfile(), layout) } : undefined;
  return lintText(text, {
    ...exampleLayout(text, { lines: { 4: sig, 5: dat } }),
    registry: builtinRegistry,
    format: 'text',
    settings,
    rules: { 'layout-indent': { severity: 'error' } },
  }).messages.map((m) => `${m.line} ${m.message}`);
}

const right = (chars: number): LineSpec => ({ align: 'right', rightChars: chars });

describe('signature and date (GB/T 9704 7.3.5)', () => {
  const accepted: [string, string, string, LineSpec, LineSpec, DeepPartial<LayoutProfile>?][] = [
    ['signature 2 and date 4 characters in', SIG, DATE, right(2), right(4)],
    ['7.3.5.2: a longer signature 2 in, the date starting two characters right of it (5.5 in)', '中共青山区纪律检查委员会', DATE, right(2), right(5.5)],
    ['7.3.5.2: a date longer than the signature 2 in, the signature starting two characters left of it', '青山区委', DATE, right(6.5), right(2)],
    ['7.3.5.1: the date 4 in, the signature centred over it', SIG, DATE, right(4.25), right(4)],
    ['trailing full-width spaces on right-aligned lines', SIG + '\u3000\u3000', DATE + '\u3000\u3000\u3000\u3000', right(0), right(0)],
    ['leading full-width spaces on left-aligned lines', '\u3000'.repeat(20) + SIG, '\u3000'.repeat(17) + DATE, { align: 'left' }, { align: 'left' }],
    ['left indents in characters', SIG, DATE, { align: 'left', leftChars: 20 }, { align: 'left', leftChars: 17.5 }],
    ['a profile of 3 and 5 characters', SIG, DATE, right(3), right(5), { closing: { signature: 3, date: 5 } }],
  ];
  it.each(accepted)('%s: no finding', (_name, signature, date, sig, dat, layout) => {
    expect(lint(signature, date, sig, dat, layout)).toEqual([]);
  });

  const faults: [string, string, string, LineSpec, LineSpec, string[], DeepPartial<LayoutProfile>?][] = [
    ['the date against the right margin', SIG, DATE, right(2), right(0), ['5 成文日期应右空四字，实为右空0字']],
    ['half-width trailing spaces hang past the margin in Word', SIG, DATE + '        ', right(2), right(0), ['5 成文日期应右空四字，实为右空0字']],
    ['the signature against the right margin', SIG, DATE, right(0), right(4), ['4 发文机关署名应右空二字，实为右空0字']],
    ['a centred date', SIG, DATE, right(2), { align: 'center', rightChars: 0 }, ['5 成文日期应右空四字，实为右空11字']],
    ['both at the left margin', SIG, DATE, { align: 'left' }, { align: 'left' }, ['4 发文机关署名应右空二字，实为右空22字', '5 成文日期应右空四字，实为右空21.5字']],
    ['2 and 4 against a profile of 3 and 6', SIG, DATE, right(2), right(4), ['4 发文机关署名应右空三字，实为右空2字', '5 成文日期应右空六字，实为右空4字'], { closing: { signature: 3, date: 6 } }],
  ];
  it.each(faults)('%s', (_name, signature, date, sig, dat, expected, layout) => {
    expect(lint(signature, date, sig, dat, layout)).toEqual(expected);
  });
});
