import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import type { LintMessage, LintResult } from '../src/engine/lint.js';
import { github } from '../src/formatters/github.js';
import { stylish } from '../src/formatters/stylish.js';
import { summary } from '../src/formatters/summary.js';
import { visible, wrap } from '../src/formatters/terminal-text.js';
import { lintFiles } from '../src/lint-files.js';
import { ROOT } from './cli-helper.js';

/** Stylish output sized for a terminal, and text that must not act on the terminal. */

const context = (columns?: number, locale: 'zh' | 'en' = 'zh') => ({ locale, color: false, cwd: ROOT, registry: builtinRegistry, columns });

describe('stylish in a terminal', () => {
  let results: LintResult[];
  const load = async () => (results ??= await lintFiles(['fixtures'], { cwd: ROOT, useConfigFiles: false }));

  for (const columns of [80, 120]) {
    it(`fits ${columns} columns: every line, in display columns (snapshot)`, async () => {
      const text = stylish(await load(), context(columns));
      const lines = text.split('\n');
      const over = lines.filter((l) => stringWidth(l) > columns);
      expect(over).toEqual([]);
      await expect(text).toMatchFileSnapshot(`expected/fixtures.stylish.${columns}.txt`);
    });
  }

  it('puts the section path on its own line, once per run of findings in that section', async () => {
    const text = stylish(await load(), context(80));
    const conflation = text.slice(text.indexOf('fixtures/bad/conflation.md'), text.indexOf('fixtures/bad/dodging-problems.md'));
    expect(conflation.match(/§ 一、工作开展情况 › （一）健全责任体系/g)).toHaveLength(1);
    expect(conflation).not.toMatch(/responsibility-conflation .*健全责任体系/);
  });

  it('wraps a long message under itself, keeping the rule id on its first line', async () => {
    const text = stylish(await load(), context(80));
    const i = text.split('\n').findIndex((l) => l.includes('11:7  错误  “全面从严治党'));
    const [first, second] = text.split('\n').slice(i, i + 2);
    expect(first).toMatch(/^ {2}11:7 {2}错误 {2}“全面从严治党.*responsibility-conflation$/);
    // The continuation starts under the message column.
    expect(second.length - second.trimStart().length).toBe(stringWidth(first.slice(0, first.indexOf('“'))));
  });

  it('wraps nothing when not writing to a terminal', async () => {
    const text = stylish(await load(), context(undefined));
    expect(text).toMatch(/^ {2}11:7 {2}错误 {2}“全面从严治党（党风廉政建设）主体责任”.*应写“全面从严治党主体责任” {2}responsibility-conflation$/m);
  });
});

const message = (over: Partial<LintMessage> = {}): LintMessage =>
  ({ ruleId: 'no-placeholder', messageId: 'x', severity: 2, message: '模板占位符“×”未填写', line: 1, column: 1, endLine: 1, endColumn: 2, sectionPath: '', ...over }) as LintMessage;
const result = (filePath: string, messages: LintMessage[], source = '×\n'): LintResult =>
  ({ filePath, messages, source, errorCount: messages.length, warningCount: 0, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 }) as LintResult;

describe('huge messages', () => {
  it('prints (and so measures) at most 400 characters of one', () => {
    const huge = '《〈'.repeat(24_000) + '〉》'.repeat(24_000);
    const text = stylish([result(`${ROOT}/a.md`, [message({ message: huge })])], context(undefined));
    const line = text.split('\n').find((l) => l.includes('《〈'))!;
    expect(Array.from(line.trim().replace(/\s+no-placeholder$/, '').slice('1:1  错误  '.length))).toHaveLength(400);
    expect(line).toContain('…');
  });
});

describe('control characters in file names and text', () => {
  const nasty = `${ROOT}/a\u001b[31mred\u202egpj.md`;
  const r = result(nasty, [message({ message: 'x\u001b]0;title\u0007', sectionPath: '一、\u2066工作' })]);

  it('are escaped in stylish', () => {
    const text = stylish([r], context(80));
    expect(text).not.toMatch(/[\u001b\u0007\u202e\u2066]/);
    expect(text).toContain('a\\x1b[31mred\\u202egpj.md');
    expect(text).toContain('x\\x1b]0;title\\x07');
    expect(text).toContain('§ 一、\\u2066工作');
  });

  it('are escaped in summary', () => {
    const text = summary([r], context(80));
    expect(text).not.toMatch(/[\u001b\u0007\u202e\u2066]/);
    expect(text).toContain('a\\x1b[31mred\\u202egpj.md');
  });

  it('are escaped in github annotations', () => {
    const text = github([r], context());
    expect(text).not.toMatch(/[\u001b\u0007\u202e\u2066]/);
    expect(text).toContain('file=a\\x1b[31mred\\u202egpj.md');
  });

  it('visible() leaves ordinary Chinese text and tabs alone', () => {
    expect(visible('一、工作\t开展（二）“×”')).toBe('一、工作\t开展（二）“×”');
  });
});

describe('wrap', () => {
  it('breaks CJK text by display columns and keeps closing punctuation with its character', () => {
    expect(wrap('一二三四五，六七', 10)).toEqual(['一二三四', '五，六七']);
  });
  it('breaks Latin text at spaces', () => {
    expect(wrap('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
  });
  it('moves a number whole, and never starts a line with closing punctuation', () => {
    expect(wrap('汉字少于60个', 9)).toEqual(['汉字少于', '60个']);
    expect(wrap('汉字（少于60个），内容', 16)).toEqual(['汉字（少于60', '个），内容']);
  });
});
