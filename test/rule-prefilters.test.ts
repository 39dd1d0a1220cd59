import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';
import { termDictionary } from '../src/terms.js';
import { typoDictionary } from '../src/typos.js';

/**
 * Rules that skip a paragraph when a cheap test says it cannot match: each
 * boundary case of the test must still be found.
 */

function found(rule: string, text: string, options?: Record<string, unknown>): string[] {
  return lintText(text, { registry: builtinRegistry, format: 'text', rules: { [rule]: { severity: 'error', ...(options ? { options } : {}) } } }).messages.map(
    (m) => `${m.line}:${m.column}-${m.endColumn} ${m.messageId}`,
  );
}

describe('no-placeholder: a paragraph is searched only when it holds a trigger character or 此处', () => {
  it.each([
    ['开展督查×次。', '1:5-6'],
    ['开展督查Ｘ次。', '1:5-6'],
    ['涉及XX单位。', '1:3-5'],
    ['涉及xx单位。', '1:3-5'],
    ['发现问题x个。', '1:5-6'],
    ['○○同志。', '1:1-3'],
    ['〇〇同志。', '1:1-3'],
    ['金额□万元。', '1:3-4'],
    ['负责人＿＿。', '1:4-6'],
    ['负责人__。', '1:4-6'],
    ['负责人***。', '1:4-7'],
    ['【待填】', '1:1-5'],
    ['【本单位】党组。', '1:1-6'],
    ['点击此处输入日期', '1:1-9'],
    ['电话：Click to enter a date.', '1:4-26'],
    ['（此处填写单位）', '1:1-9'],
    ['(此处填写单位)', '1:1-9'],
    ['[单位名称]', '1:1-7'],
  ])('%s', (text, at) => {
    expect(found('no-placeholder', text)).toEqual([`${at} unfilled`]);
  });

  it('finds a user pattern in a paragraph without any trigger character', () => {
    expect(found('no-placeholder', '负责人：请填写。', { extraPatterns: ['请填写'] })).toEqual(['1:5-8 unfilled']);
  });

  it('reports nothing for 此 without 处, or 处 alone', () => {
    expect(found('no-placeholder', '因此，对此处理，此外。')).toEqual([]);
  });
});

describe('canonical-terms: forms found by their first two characters', () => {
  it('finds a form at the very start and end of a paragraph, with full-width digits', () => {
    expect(found('canonical-terms', '４个意识')).toEqual(['1:1-5 nonstandard']);
    expect(found('canonical-terms', '落实一岗两责')).toEqual(['1:3-7 nonstandard']);
  });

  it('finds a verb pairing and the wrong form it overlaps', () => {
    expect(found('canonical-terms', '坚定4个意识。')).toEqual(['1:1-7 nonstandard', '1:3-7 nonstandard']);
  });

  it('finds a one-character user form, and prefers the longer of two forms at one place', () => {
    const dict = termDictionary([
      { correct: '甲', wrong: ['乙'] },
      { correct: '清廉机关', wrong: ['廉洁', '廉洁机关'] },
    ]);
    expect(dict.find('乙，廉洁机关').terms.map((h) => [h.start, h.end, h.form])).toEqual([
      [0, 1, '乙'],
      [2, 6, '廉洁机关'],
    ]);
  });

  it('finds a doubled unit (the paragraph passes the 市市|县县|区区|省省 test)', () => {
    expect(found('canonical-terms', '东莞市市委')).toEqual(['1:1-6 nonstandard']);
    expect(found('canonical-terms', '松川县县政府')).toEqual(['1:1-7 nonstandard']);
  });
});

describe('typo-words: wrong forms found by their first two characters', () => {
  const dict = typoDictionary([
    { correct: '甲', wrong: ['乙'] },
    { correct: '乙丙丁', wrong: ['乙丙戊'], notFollowedBy: ['己'] },
    { correct: '乙丙', wrong: ['乙庚'] },
  ]);
  const hits = (text: string) => dict.find(text).map((h) => `${h.start}-${h.end} ${h.wrong}`);

  it('prefers the longest form at a place, falls back to a shorter one when its context forbids it, down to one character', () => {
    expect(hits('乙丙戊')).toEqual(['0-3 乙丙戊']);
    expect(hits('乙丙戊己')).toEqual(['0-1 乙']);
    expect(hits('乙庚，乙')).toEqual(['0-2 乙庚', '3-4 乙']);
  });

  it('finds a built-in form at the very end of a paragraph', () => {
    expect(found('typo-words', '认真布署')).toEqual(['1:3-5 certain']);
  });
});

describe('no-empty-phrases: phrases found in one pass over the paragraph', () => {
  const messages = (text: string, options?: Record<string, unknown>) =>
    lintText(text, { registry: builtinRegistry, format: 'text', rules: { 'no-empty-phrases': { severity: 'warn', ...(options ? { options } : {}) } } }).messages.map(
      (m) => m.message,
    );

  it('names the phrases longest first, from the first character to the last', () => {
    expect(messages('区委高度重视，精心组织，周密部署，多措并举，扎实推进，狠抓落实，取得了明显成效，营造了浓厚氛围。')).toEqual([
      '本段多为空话套话（95%的字数：取得了明显成效、营造了浓厚氛围、高度重视、精心组织…），缺少具体事实、数字或做法',
    ]);
  });

  it('counts the occurrences of one phrase from the left that do not overlap', () => {
    expect(messages('关于工作情况的报告\n\n区委重视重视重视。', { extraPhrases: ['重视重视'], minChars: 5 })).toEqual([
      '本段多为空话套话（50%的字数：重视重视），缺少具体事实、数字或做法',
    ]);
  });

  it('never reports a paragraph with a digit, full-width ones included', () => {
    expect(messages('区委高度重视，精心组织，周密部署，多措并举，扎实推进，狠抓落实，取得了明显成效，营造了浓厚氛围５。')).toEqual([]);
  });
});
