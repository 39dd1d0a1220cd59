import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';
import { defaultSettings, type TermEntry } from '../src/settings.js';
import {
  BUILTIN_TERMS_FILE,
  builtinTermsData,
  builtinTermsPath,
  formatTermsProblem,
  mergeTerms,
  parseTermsData,
  termDictionary,
  validateTermsData,
} from '../src/terms.js';
import type { Locale } from '../src/types.js';
import { applyFixesFully } from './helpers.js';

/** The canonical-terms rule: its dictionary file, user terms and speed. */

function lint(text: string, terms: TermEntry[] = [], locale: Locale = 'zh') {
  return lintText(text, {
    registry: builtinRegistry,
    format: 'text',
    locale,
    rules: { 'canonical-terms': { severity: 'warn' } },
    settings: { ...defaultSettings(), terms },
  });
}

function fix(text: string, terms: TermEntry[] = []): string {
  return applyFixesFully(text, (t) => lint(t, terms));
}

const shipped = (() => {
  const file = builtinTermsPath();
  if (!file) throw new Error('package root not found');
  return { file, ...parseTermsData(readFileSync(file, 'utf8')) };
})();

describe('the built-in dictionary', () => {
  it('is found from the package root and has no problems', () => {
    expect(shipped.file.replaceAll('\\', '/').endsWith(BUILTIN_TERMS_FILE)).toBe(true);
    expect(shipped.problems.map((p) => formatTermsProblem(shipped.file, p))).toEqual([]);
    expect(shipped.data.terms.length).toBeGreaterThanOrEqual(40);
    expect(shipped.data.verbs.map((v) => v.term).sort()).toEqual(['两个维护', '四个意识', '四个自信']);
  });

  it('is read once and is what the file says', () => {
    expect(builtinTermsData()).toBe(builtinTermsData());
    expect(builtinTermsData()).toEqual(shipped.data);
  });

  it('has the entries of the catalogue', () => {
    const byCorrect = new Map(shipped.data.terms.map((t) => [t.correct, t.wrong]));
    expect(byCorrect.get('习近平新时代中国特色社会主义思想')).toEqual(
      expect.arrayContaining(['习近平新时代中国特色社会主义理论', '习近平总书记新时代中国特色社会主义思想']),
    );
    expect(byCorrect.get('以习近平同志为核心的党中央')).toContain('以习近平总书记为核心的党中央');
    for (const [correct, wrong] of [
      ['四个意识', '4个意识'],
      ['两个维护', '2个维护'],
      ['四个自信', '4个自信'],
      ['三会一课', '3会1课'],
      ['八项规定', '8项规定'],
      ['四风', '4风'],
      ['一岗双责', '一岗两责'],
    ]) {
      expect(byCorrect.get(correct), correct).toContain(wrong);
    }
  });

  it.each(shipped.data.terms.map((t) => [t.correct, t] as const))('%s: the correct form passes, each wrong form is reported and fixed', (_c, term) => {
    expect(lint(`全体党员围绕${term.correct}开展学习。`).messages).toEqual([]);
    for (const wrong of term.wrong) {
      const text = `全体党员围绕${wrong}开展学习。`;
      const found = lint(text).messages;
      expect(
        found.map((m) => m.messageId),
        wrong,
      ).toEqual(['nonstandard']);
      expect(found[0].column, wrong).toBe(7);
      expect(found[0].endColumn, wrong).toBe(7 + wrong.length);
      expect(found[0].message).toContain(`“${term.correct}”，而非“${wrong}”`);
      if (term.fix) expect(fix(text), wrong).toBe(`全体党员围绕${term.correct}开展学习。`);
    }
  });

  it.each(shipped.data.verbs.map((v) => [v.term, v] as const))('%s: the right verb passes, each wrong verb is reported and fixed', (_t, pairing) => {
    for (const [open, close] of [['“', '”'], ['', ''], ['"', '"'], ['「', '」'], ['‘', '’']]) {
      const term = open + pairing.term + close;
      expect(lint(`党员干部${pairing.verb}${term}。`).messages, term).toEqual([]);
      for (const verb of pairing.wrong) {
        const text = `党员干部${verb}${term}。`;
        const found = lint(text).messages;
        expect(
          found.map((m) => `${m.column}-${m.endColumn} ${m.messageId}`),
          text,
        ).toEqual([`5-${5 + verb.length + term.length} nonstandard`]);
        expect(fix(text)).toBe(`党员干部${pairing.verb}${term}。`);
        // …but not when the verb governs a noun after 的.
        expect(lint(`党员干部${verb}${term}的自觉明显提高。`).messages, text).toEqual([]);
      }
    }
  });
});

describe('validating a dictionary file', () => {
  const problems = (yaml: string) => parseTermsData(yaml).problems.map((p) => formatTermsProblem('t.yaml', p));

  it('reports a YAML syntax error with its line', () => {
    const found = problems('terms:\n  - correct: 甲\n    wrong: [乙\n');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^t\.yaml:\d+: /);
  });

  it.each([
    ['not a mapping', '- 甲\n', 't.yaml:1: the file must be a mapping with `terms` and `verbs`'],
    ['an unknown top-level key', 'terms: []\nphrases: []\n', 't.yaml:2: phrases: unknown key “phrases”'],
    ['terms that are not a list', 'terms: 甲\n', 't.yaml:1: terms: `terms` must be a list'],
    ['a missing correct form', 'terms:\n  - wrong: [乙]\n', 't.yaml:2: terms[0].correct: `correct` must be a non-empty string without surrounding spaces'],
    ['an empty wrong list', 'terms:\n  - correct: 甲\n    wrong: []\n', 't.yaml:3: terms[0].wrong: `wrong` must be a non-empty list of strings'],
    ['a blank wrong form', 'terms:\n  - correct: 甲\n    wrong: [乙, " "]\n', 't.yaml:3: terms[0].wrong[1]: `wrong`[1] must be a non-empty string without surrounding spaces'],
    ['an unknown key', 'terms:\n  - correct: 甲\n    wrongs: [乙]\n    wrong: [丙]\n', 't.yaml:3: terms[0].wrongs: unknown key “wrongs”'],
    ['a wrong form that is the correct one', 'terms:\n  - correct: 甲\n    wrong: [甲]\n', 't.yaml:3: terms[0].wrong: “甲” is both the correct and a wrong form'],
    ['a note with one language', 'terms:\n  - correct: 甲\n    wrong: [乙]\n    note: { zh: 说明 }\n', 't.yaml:4: terms[0].note: note must be a string or { zh, en } with two non-empty strings'],
    ['fix that is not a boolean', 'terms:\n  - correct: 甲\n    wrong: [乙]\n    fix: yes please\n', 't.yaml:4: terms[0].fix: `fix` must be true or false'],
    [
      'two entries for one correct form',
      'terms:\n  - correct: 甲\n    wrong: [乙]\n  - correct: 甲\n    wrong: [丙]\n',
      't.yaml:4: terms[1].correct: “甲” already has an entry (terms[0])',
    ],
    [
      'a wrong form claimed twice',
      'terms:\n  - correct: 甲\n    wrong: [乙]\n  - correct: 丙\n    wrong: [乙]\n',
      't.yaml:5: terms[1].wrong: “乙” is already a wrong form of terms[0]',
    ],
    [
      'a wrong form that is another correct form',
      'terms:\n  - correct: 甲\n    wrong: [丙]\n  - correct: 丙\n    wrong: [丁]\n',
      't.yaml:3: terms[0].wrong: “丙” is the correct form of terms[1]',
    ],
    ['a verb that is also wrong', 'verbs:\n  - term: 甲\n    verb: 乙\n    wrong: [乙]\n', 't.yaml:4: verbs[0].wrong: “乙” is both the verb and a wrong verb'],
    ['a pairing without its verb', 'verbs:\n  - term: 甲\n    wrong: [乙]\n', 't.yaml:2: verbs[0].verb: `verb` must be a non-empty string without surrounding spaces'],
    [
      'two pairings for one term',
      'verbs:\n  - term: 甲\n    verb: 乙\n    wrong: [丙]\n  - term: 甲\n    verb: 丁\n    wrong: [丙]\n',
      't.yaml:5: verbs[1].term: “甲” already has a pairing (verbs[0])',
    ],
  ])('reports %s', (_what, yaml, expected) => {
    expect(problems(yaml)).toEqual([expected]);
  });

  it('keeps the valid entries of a broken file, so a run never stops', () => {
    const { data, problems: found } = validateTermsData({
      terms: [{ correct: '甲', wrong: [] }, { correct: '丙', wrong: ['丁'], note: '说明' }, 'junk'],
      verbs: [{ term: '戊', verb: '己', wrong: ['庚'] }, { term: '辛' }],
    });
    expect(found).toHaveLength(4);
    expect(data.terms).toEqual([{ correct: '丙', wrong: ['丁'], note: { zh: '说明', en: '说明' }, fix: true, notFollowedBy: [], notPrecededBy: [] }]);
    expect(data.verbs).toEqual([{ term: '戊', verb: '己', wrong: ['庚'] }]);
  });

  it('accepts anchors and aliases for shared notes', () => {
    const { data, problems: found } = parseTermsData(
      'terms:\n  - correct: 甲\n    wrong: [乙]\n    note: &n { zh: 说明, en: why }\n  - correct: 丙\n    wrong: [丁]\n    note: *n\n',
    );
    expect(found).toEqual([]);
    expect(data.terms[1].note).toEqual({ zh: '说明', en: 'why' });
  });
});

describe('user terms', () => {
  it('are merged with the built-in ones; the same correct form replaces the built-in entry', () => {
    const merged = mergeTerms(shipped.data.terms, [
      { correct: '一岗双责', wrong: ['一岗二责'] },
      { correct: '清廉机关', wrong: ['廉洁机关'], note: '本市统一提法' },
    ]);
    expect(merged.length).toBe(shipped.data.terms.length + 1);
    expect(merged.find((t) => t.correct === '一岗双责')?.wrong).toEqual(['一岗二责']);
    expect(merged[merged.length - 1]).toMatchObject({ correct: '清廉机关', note: { zh: '本市统一提法', en: '本市统一提法' }, fix: true });
  });

  it('are reported and fixed, with their note', () => {
    const terms = [{ correct: '清廉机关', wrong: ['廉洁机关'], note: '本市统一提法' }];
    const text = '深入推进廉洁机关建设。';
    expect(lint(text, terms).messages.map((m) => `${m.column} ${m.message}`)).toEqual([
      '5 应使用规范提法“清廉机关”，而非“廉洁机关”：本市统一提法',
    ]);
    expect(lint(text, terms, 'en').messages[0].message).toBe('Use the standard wording “清廉机关”, not “廉洁机关”: 本市统一提法');
    expect(fix(text, terms)).toBe('深入推进清廉机关建设。');
  });

  it('replace a built-in entry, and `wrong: []` switches one off', () => {
    expect(lint('落实一岗两责，落实一岗二责。', [{ correct: '一岗双责', wrong: ['一岗二责'] }]).messages.map((m) => m.column)).toEqual([10]);
    expect(lint('严格落实3会1课制度。', [{ correct: '三会一课', wrong: [] }]).messages).toEqual([]);
    // The verb pairings stay.
    expect(lint('坚定“四个意识”。', [{ correct: '四个意识', wrong: [] }]).messages.map((m) => m.messageId)).toEqual(['nonstandard']);
  });

  it('give no fix when one wrong form has two correct forms', () => {
    const terms = [
      { correct: '清廉机关', wrong: ['廉洁机关'] },
      { correct: '廉洁单位', wrong: ['廉洁机关'] },
    ];
    const found = lint('深入推进廉洁机关建设。', terms).messages;
    expect(found.map((m) => m.message)).toEqual(['应使用规范提法“清廉机关”或“廉洁单位”，而非“廉洁机关”']);
    expect(found[0].fix).toBeUndefined();
  });

  it('compile once per distinct dictionary', () => {
    const terms = [{ correct: '清廉机关', wrong: ['廉洁机关'] }];
    const dict = termDictionary(terms);
    expect(termDictionary(terms)).toBe(dict);
    expect(termDictionary(structuredClone(terms))).toBe(dict);
    expect(termDictionary([{ correct: '清廉机关', wrong: ['廉政机关'] }])).not.toBe(dict);
    expect(termDictionary([])).toBe(termDictionary(defaultSettings().terms));
  });
});

describe('speed', () => {
  const user: TermEntry[] = Array.from({ length: 200 }, (_, i) => ({
    correct: `规范提法第${i}号`,
    wrong: [`错误提法第${i}号`, `不规范写法${i}号`],
  }));
  // About 15 KB: clean prose, with each user wrong form once (five to a paragraph).
  const clean = readFileSync(new URL('../fixtures/clean/district-committee.md', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  const lines: string[] = ['# 关于2024年度工作情况的报告', ''];
  for (let i = 0; i < 40; i++) {
    lines.push(`本段${[0, 1, 2, 3, 4].map((k) => `把错误提法第${i * 5 + k}号`).join('、')}写错了。`, '');
  }
  for (let i = 0; Buffer.byteLength(lines.join('\n')) < 15000; i++) lines.push(clean[i % clean.length], '');
  const text = lines.join('\n');

  it('handles 200 user terms and a 15 KB report quickly', () => {
    let t = performance.now();
    const dict = termDictionary(user);
    const build = performance.now() - t;
    expect(build).toBeLessThan(1000);

    const paragraphs = text.split('\n').filter(Boolean);
    for (let i = 0; i < 5; i++) for (const p of paragraphs) dict.find(p);
    const times: number[] = [];
    for (let run = 0; run < 21; run++) {
      t = performance.now();
      for (const p of paragraphs) dict.find(p);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    // Typically well under a millisecond; the bound leaves room for a busy machine.
    expect(times[10]).toBeLessThan(10);

    const result = lintText(text, {
      registry: builtinRegistry,
      format: 'markdown',
      rules: { 'canonical-terms': { severity: 'warn' } },
      settings: { ...defaultSettings(), terms: user },
    });
    expect(result.messages.filter((m) => m.messageId === 'nonstandard')).toHaveLength(200);
  });
});
