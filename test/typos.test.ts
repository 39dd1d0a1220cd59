import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintText } from '../src/engine/lint.js';
import { defaultSettings, type TypoEntry } from '../src/settings.js';
import { builtinTypos, mergeTypos, TypoDictionary, validateTypos } from '../src/typos.js';
import { applyFixesFully } from './helpers.js';

/** The typo-words rule: its dictionary file, user entries from config, fixes. */

function lint(text: string, typos?: TypoEntry[]) {
  return lintText(text, {
    registry: builtinRegistry,
    format: 'text',
    rules: { 'typo-words': { severity: 'error' } },
    settings: { ...defaultSettings(), ...(typos ? { typos } : {}) },
  });
}
const shown = (text: string, typos?: TypoEntry[]) => lint(text, typos).messages.map((m) => `${m.column} ${m.messageId} ${m.severity}`);

describe('the built-in dictionary', () => {
  const raw = parse(readFileSync(new URL('../rules/data/typos.yaml', import.meta.url), 'utf8'));

  it('has no problems and several hundred wrong forms in both tiers', () => {
    const { entries, problems } = validateTypos(raw);
    expect(problems).toEqual([]);
    expect(builtinTypos()).toEqual(entries);
    const forms = entries.flatMap((e) => e.wrong);
    expect(forms.length).toBeGreaterThanOrEqual(400);
    expect(entries.filter((e) => e.tier === 'suspect').length).toBeGreaterThanOrEqual(10);
    expect(entries.every((e) => e.tier === 'certain' || !e.fix)).toBe(true);
  });

  it('finds none of its wrong forms in the clean fixtures', () => {
    const dict = new TypoDictionary(builtinTypos());
    const dir = new URL('../fixtures/clean/', import.meta.url);
    for (const f of readdirSync(dir)) {
      expect(dict.find(readFileSync(new URL(f, dir), 'utf8')).map((h) => h.wrong), f).toEqual([]);
    }
  });

  it('reports problems of a broken file', () => {
    expect(validateTypos({ typos: [{ correct: '甲', wrong: ['甲'] }, { correct: '乙', wrong: [] }, { correct: '丙', wrong: ['丁'], tier: 'maybe' }] }).problems).toEqual([
      'typos[0]: “甲” is both correct and wrong',
      'typos[1]: `wrong` must be a non-empty list of strings',
      'typos[2]: `tier` is certain or suspect',
    ]);
    expect(validateTypos([]).problems).toEqual(['the file must be a mapping with a `typos` list']);
  });
});

describe('matching and fixing', () => {
  it('leaves a correct word that contains a wrong form alone (context conditions)', () => {
    expect(shown('以学习贯彻为主线，全部份额已完成，标签定位准确，平安祥和。')).toEqual([]);
    expect(shown('年度任务全部完成份额。')).toEqual([]);
  });

  it('fixes a certain entry with the smallest edit, also when the lengths differ', () => {
    expect(applyFixesFully('整改效果不尽人意，建立台帐。', (t) => lint(t))).toBe('整改效果不尽如人意，建立台账。');
  });

  it('reports a suspect entry as a warning without a fix', () => {
    const [m] = lint('因监管缺位，以至造成损失。').messages;
    expect([m.messageId, m.severity, m.fix]).toEqual(['suspect', 1, undefined]);
  });

  it('lets a user entry take over a built-in form: its tier, its correction', () => {
    expect(shown('认真布署。', [{ correct: '部署', wrong: ['布署'], tier: 'suspect' }])).toEqual(['3 suspect 1']);
    const merged = mergeTypos(builtinTypos(), [
      { correct: '甲', wrong: ['布署'] },
      { correct: '部署', wrong: ['布署', '部暑'] },
    ]);
    expect(merged.filter((e) => e.wrong.includes('布署')).map((e) => e.correct)).toEqual(['部署']);
    expect(merged.filter((e) => e.correct === '甲')).toEqual([]);
  });
});

describe('typos in config', () => {
  let tmp = '';
  afterEach(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  it('merges the entries of the configs that apply, and rejects a bad one with its line', () => {
    tmp = mkdtempSync(join(tmpdir(), 'rl-typos-'));
    writeFileSync(join(tmp, '.reportlintrc.yaml'), 'typos:\n  - { correct: 清廉机关, wrong: [廉洁机关] }\n');
    const settings = new ConfigResolver({ cwd: tmp, registry: builtinRegistry }).forFile(join(tmp, 'a.md')).settings;
    expect(settings.typos).toEqual([{ correct: '清廉机关', wrong: ['廉洁机关'] }]);
    expect(shown('开展廉洁机关创建。', settings.typos)).toEqual(['3 certain 2']);

    writeFileSync(join(tmp, '.reportlintrc.yaml'), 'typos:\n  - { correct: 甲, wrong: [乙], tier: maybe }\n');
    expect(() => new ConfigResolver({ cwd: tmp, registry: builtinRegistry }).forFile(join(tmp, 'a.md'))).toThrow(/\.reportlintrc\.yaml:2.*tier/);
  });
});
