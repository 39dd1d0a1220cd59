import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { applyFixes } from '../src/engine/fix.js';
import { fixText } from '../src/engine/fixer.js';
import { lintText, type RuleRegistry } from '../src/engine/lint.js';
import { defineRule, type Rule } from '../src/engine/rule.js';
import type { Span } from '../src/types.js';

/** A test rule that reports every 错 it finds, and can be told to misbehave. */
function probe(id: string, behaviour: 'ok' | 'throw' | 'out-of-range' | 'fix-undeclared' | 'bad-message' = 'ok', fixable = false): Rule {
  return defineRule({
    id,
    category: 'content',
    severity: 'error',
    fixable,
    options: {},
    messages: { found: { zh: '发现“{text}”', en: 'Found “{text}”' } },
    docs: { summary: { zh: '测试', en: 'test' }, why: { zh: '测试', en: 'test' } },
    examples: [],
    check(report, context) {
      if (behaviour === 'throw') throw new Error('boom');
      for (const p of report.paragraphs) {
        for (const m of p.content.text.matchAll(/错/g)) {
          let at: Span = p.content.span(m.index, m.index + 1);
          if (behaviour === 'out-of-range') at = { start: 0, end: report.source.length + 5 };
          const fix = behaviour === 'fix-undeclared' || fixable ? { range: at, text: '对' } : undefined;
          context.report({ at, messageId: behaviour === 'bad-message' ? 'nope' : 'found', data: { text: '错' }, fix });
        }
      }
    },
  });
}

const registry = (...rules: Rule[]): RuleRegistry => new Map(rules.map((r) => [r.id, r]));
const lines = (r: ReturnType<typeof lintText>) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId}`);

describe('rule engine', () => {
  it('reports at exact positions with the message in the chosen locale', () => {
    const result = lintText('标题报告\n有一处错。\n', { registry: registry(probe('p')), format: 'text', locale: 'en' });
    expect(result.messages).toEqual([
      {
        ruleId: 'p',
        messageId: 'found',
        severity: 2,
        message: 'Found “错”',
        line: 2,
        column: 4,
        endLine: 2,
        endColumn: 5,
        sectionPath: '',
        data: { text: '错' },
      },
    ]);
    expect(result.title).toBe('标题报告');
    expect(result.errorCount).toBe(1);
  });

  it.each([
    ['throw', 'boom'],
    ['out-of-range', 'outside the document'],
    ['fix-undeclared', 'not declared fixable'],
    ['bad-message', 'unknown messageId'],
  ] as const)('turns a rule that does "%s" into one internal error and keeps going', (behaviour, reason) => {
    const result = lintText('标题报告\n错。错。\n', {
      registry: registry(probe('bad', behaviour), probe('good')),
      format: 'text',
      locale: 'en',
    });
    expect(lines(result)).toEqual(['1:1 bad internal-error', '2:1 good found', '2:3 good found']);
    expect(result.messages[0].message).toContain(reason);
  });

  it('applies the configured severity and skips rules that are off', () => {
    const reg = registry(probe('a'), probe('b'));
    const result = lintText('标题报告\n错。\n', { registry: reg, format: 'text', rules: { a: { severity: 'warn' }, b: { severity: 'off' } } });
    expect(result.messages.map((m) => [m.ruleId, m.severity])).toEqual([['a', 1]]);
    expect([result.errorCount, result.warningCount]).toEqual([0, 1]);
  });

  it('gives fixes as ESLint does and counts them', () => {
    const result = lintText('标题报告\n错。\n', { registry: registry(probe('f', 'ok', true)), format: 'text' });
    expect(result.messages[0].fix).toEqual({ range: [5, 6], text: '对' });
    expect(result.fixableErrorCount).toBe(1);
    expect(applyFixes(result.source, [result.messages[0].fix!]).output).toBe('标题报告\n对。\n');
  });

  it('names the section path of each finding', () => {
    const text = '标题报告\n一、工作开展情况\n（一）压实责任。有错。\n二、存在的问题\n错。\n';
    const result = lintText(text, { registry: registry(probe('p')), format: 'text' });
    expect(result.messages.map((m) => m.sectionPath)).toEqual(['一、工作开展情况 › （一）压实责任', '二、存在的问题']);
  });
});

describe('fixer', () => {
  /** A fixable rule whose fix turns 。 into a heading break: it would change the section tree. */
  const breaker = defineRule({
    id: 'breaker',
    category: 'format',
    severity: 'error',
    fixable: true,
    options: {},
    messages: { m: { zh: '测试', en: 'test' } },
    docs: { summary: { zh: '测试', en: 'test' }, why: { zh: '测试', en: 'test' } },
    examples: [],
    check(report, context) {
      const i = report.source.indexOf('甲。');
      if (i !== -1) context.report({ at: { start: i, end: i + 2 }, messageId: 'm', fix: { range: { start: i + 1, end: i + 2 }, text: '\n二、乙' } });
    },
  });

  it('applies fixes pass after pass until nothing changes', () => {
    const outcome = fixText('标题报告\n错错。\n', { registry: registry(probe('f', 'ok', true)), format: 'text' });
    expect(outcome.output).toBe('标题报告\n对对。\n');
    expect(outcome.fixed).toEqual({ f: 2 });
    expect(outcome.result.messages).toEqual([]);
  });

  it('holds back a fix that would change the section tree or the lines, leaving the text as it was and saying so', () => {
    const text = '标题报告\n一、工作\n甲。\n';
    const outcome = fixText(text, { registry: registry(breaker), format: 'text' });
    expect(outcome.changed).toBe(false);
    expect(outcome.output).toBe(text);
    expect(outcome.result.messages.map((m) => [m.ruleId, m.messageId, m.severity])).toEqual([
      [null, 'fix-skipped', 0],
      ['breaker', 'm', 2],
    ]);
    expect(outcome.result.messages[0].message).toContain('未应用');
  });

  it('keeps a BOM and CRLF line endings in what it inserts', () => {
    const outcome = fixText('\uFEFF标题报告\r\n错。\r\n', { registry: registry(probe('f', 'ok', true)), format: 'text' });
    expect(outcome.output).toBe('\uFEFF标题报告\r\n对。\r\n');
  });
});

describe('inline directives', () => {
  const reg = registry(probe('a'), probe('b'));
  const run = (text: string) => lines(lintText(text, { registry: reg, format: 'markdown' }));

  it('disables named rules until enabled again', () => {
    const text = ['标题报告', '', '<!-- reportlint-disable a -->', '', '错。', '', '<!-- reportlint-enable a -->', '', '错。'].join('\n');
    expect(run(text)).toEqual(['5:1 b found', '9:1 a found', '9:1 b found']);
  });

  it('a bare disable switches off every rule', () => {
    expect(run('标题报告\n\n<!-- reportlint-disable -->\n\n错。\n')).toEqual([]);
  });

  it('disable-next-line affects only the next line', () => {
    const text = '标题报告\n\n<!-- reportlint-disable-next-line b -->\n错。\n错。\n';
    expect(run(text)).toEqual(['4:1 a found', '5:1 a found', '5:1 b found']);
  });

  it('disable-line affects its own line', () => {
    expect(run('标题报告\n\n错。<!-- reportlint-disable-line a, b -->\n')).toEqual([]);
  });

  it('reports an unknown rule in a directive at its name', () => {
    const result = lintText('标题报告\n\n<!-- reportlint-disable a, nope -->\n', { registry: reg, format: 'markdown' });
    expect(result.messages.map((m) => [m.line, m.column, m.ruleId, m.message])).toEqual([[3, 28, null, '注释指令中的规则“nope”不存在']]);
  });

  it('works in plain text and ignores directives inside code', () => {
    expect(lines(lintText('标题报告\n<!-- reportlint-disable a -->\n错。\n', { registry: reg, format: 'text' }))).toEqual(['3:1 b found']);
    expect(run('标题报告\n\n```\n<!-- reportlint-disable -->\n```\n\n错。\n')).toEqual(['7:1 a found', '7:1 b found']);
  });
});

describe('built-in registry', () => {
  it('runs on an empty document without findings from the core', () => {
    const result = lintText('', { registry: builtinRegistry, rules: {} });
    expect(result.messages).toEqual([]);
  });
});
