import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { variedReport } from '../bench/bench-copy.js';
import { normalizeString } from '../src/copy/normalize.js';
import { BUILTIN_STOCK_PATTERNS, formulaMatches } from '../src/copy/stock.js';

/** What a plain scan finds: every match of two units or more, as a flat interval list. */
function scanned(text: string, pattern: RegExp): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(pattern)) if (m[0].length >= 2) out.push(m.index, m.index + m[0].length);
  return out;
}

function expectSameAsScan(text: string): number {
  let found = 0;
  for (const f of BUILTIN_STOCK_PATTERNS) {
    const expected = scanned(text, f.pattern);
    expect(formulaMatches(text, f), `${f.pattern.source.slice(0, 30)} on ${JSON.stringify(text.slice(0, 80))}`).toEqual(expected);
    found += expected.length / 2;
  }
  return found;
}

describe('mandated formulas found from their anchors', () => {
  it('finds what a scan of every position finds, on the fixtures and the benchmark corpus', () => {
    let found = 0;
    for (const file of fg.sync('fixtures/**/*.{md,txt}')) found += expectSameAsScan(normalizeString(readFileSync(file, 'utf8')));
    for (let i = 0; i < 30; i++) found += expectSameAsScan(normalizeString(variedReport(i, 30).text));
    // The formulas occur in the texts, or this proves nothing.
    expect(found).toBeGreaterThan(100);
  });

  // Each formula at its longest lead: the whole text is one match, found from its anchor.
  it.each([
    ['坚持以习近平新时代中国特色社会主义思想为指导深入贯彻党的二十大精神'],
    ['全面学习贯彻党的二十大精神'],
    ['深刻领悟两个确立的决定性意义坚决做到两个维护'],
    ['坚决做到两个维护'],
    ['锲而不舍落实中央八项规定及其实施细则精神'],
    [`按照${'市委'.repeat(29)}要求现将有关情况报告如下`],
    [`根据${'𠀀'.repeat(60)}部署现将有关情况报告如下`],
  ])('%s', (text) => {
    expectSameAsScan(text);
    const whole = BUILTIN_STOCK_PATTERNS.flatMap((f) => formulaMatches(text, f)).filter((v, i, all) => i % 2 === 0 && v === 0 && all[i + 1] === text.length);
    expect(whole).toHaveLength(1);
  });

  it('finds what a scan finds on generated text: anchors near each other, SEP, astral characters', () => {
    // Pieces of the formulas, their anchors alone, and what stands between them.
    const pieces = [
      '坚持', '以习近平新时代中国特色社会主义思想为指导', '深入', '学习', '贯彻', '落实', '党的二十大', '二十届', '精神', '习近平总书记',
      '中央纪委', '深刻领悟', '两个确立', '的决定性意义', '增强', '四个意识', '坚定', '四个自信', '坚决', '做到', '两个维护',
      '严格', '锲而不舍', '中央八项规定', '及其实施细则', '按照', '根据', '市委', '要求', '部署', '现将', '有关情况', '报告如下',
      '汇报如下', '\0', '𠀀', '𠀀𠀁', '\uD840', '工作', '和', '年',
    ];
    let seed = 9704;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    let found = 0;
    for (let doc = 0; doc < 4000; doc++) {
      let text = '';
      const length = 1 + Math.floor(random() * 40);
      for (let i = 0; i < length; i++) {
        const piece = pieces[Math.floor(random() * pieces.length)];
        // Long fillers test the lead of 现将 (up to 60 code points of 按照……要求 before it).
        text += random() < 0.05 ? '说'.repeat(Math.floor(random() * 70)) : piece;
      }
      found += expectSameAsScan(text);
    }
    expect(found).toBeGreaterThan(2000);
  });
});
