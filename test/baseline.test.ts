import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { applyBaseline, createBaseline, parseBaseline, serializeBaseline } from '../src/baseline.js';
import { lintText } from '../src/engine/lint.js';

const lint = (text: string, filePath = '/work/reports/a.txt') =>
  lintText(text, { filePath, registry: builtinRegistry, rules: { 'no-placeholder': { severity: 'error' } } });

const TEXT = '关于某项工作的报告\n一、工作开展情况\n全年开展专项督查×次。\n二、存在的问题\n有××个支部未换届。\n';

describe('baseline', () => {
  const baseline = createBaseline([lint(TEXT)], '/work/reports/.reportlint-baseline.json');

  it('records rule, relative file, section and the text concerned, sorted and counted', () => {
    expect(baseline.entries).toEqual([
      { file: 'a.txt', rule: 'no-placeholder', section: '一、工作开展情况', text: '×', count: 1 },
      { file: 'a.txt', rule: 'no-placeholder', section: '二、存在的问题', text: '××', count: 1 },
    ]);
  });

  it('serialises as stable JSON, one entry per line, that parses back', () => {
    const text = serializeBaseline(baseline);
    expect(text.split('\n')[3]).toBe('    {"file":"a.txt","rule":"no-placeholder","section":"一、工作开展情况","text":"×","count":1},');
    expect(parseBaseline(text)).toEqual(baseline);
    expect(serializeBaseline(createBaseline([lint(TEXT)], '/work/reports/.reportlint-baseline.json'))).toBe(text);
  });

  it('suppresses known findings even after a paragraph is inserted above, and keeps new ones', () => {
    const moved = TEXT.replace('一、工作开展情况\n', '一、工作开展情况\n新增一段说明文字。\n') + '三、下一步工作打算\n计划开展×项工作。\n';
    const { results, suppressed } = applyBaseline([lint(moved)], baseline, '/work/reports/.reportlint-baseline.json');
    expect(suppressed).toBe(2);
    expect(results[0].messages.map((m) => `${m.line}:${m.column} ${m.sectionPath}`)).toEqual(['8:5 三、下一步工作打算']);
    expect(results[0].errorCount).toBe(1);
  });

  it('counts: a second identical finding in the same place is new', () => {
    const twice = TEXT.replace('督查×次。', '督查×次，约谈×人。');
    const { results } = applyBaseline([lint(twice)], baseline, '/work/reports/.reportlint-baseline.json');
    expect(results[0].messages.map((m) => `${m.line}:${m.column}`)).toEqual(['3:14']);
  });

  it('rejects a file that is not a baseline', () => {
    expect(parseBaseline('{"version": 2}')).toMatch(/expected/);
    expect(parseBaseline('not json')).toMatch(/JSON|Unexpected/);
  });
});
