import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, builtinRules } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';

/**
 * Random and hostile text into lintText: nothing throws, no rule fails
 * (an internal error would be a rule that threw), every range lies inside the text.
 */
const ALL = Object.fromEntries(builtinRules.map((r) => [r.id, { severity: r.severity }]));
const PIECES = [
  '一、', '（一）', '1.', '（1）', '## ', '# ', '> ', '- ', '1. ', '* ', '`', '```\n', '---\n', '|', '|---|\n', '[', ']', '(', ')',
  '<!-- reportlint-disable -->', '<!--', '-->', '<script>', '**', '__', '\\', '\r\n', '\n', '\n\n', ' ', '\u3000', '\t', '\uFEFF',
  '。', '，', '、', '；', '：', '“', '”', '‘', '’', '《', '》', '……', '——', '×', 'XX', '○○', '2024年01月05日', '3.5', '15～30%',
  '全面从严治党主体责任', '党风廉政建设主体责任', '纪委', '存在的问题', '下一步工作打算', '报告', '市委：', '中共某某委员会', '妥否，请批示',
  'https://example.gov.cn/a', 'a@b.cn', '4个意识', '一岗两责', '\u0000', '\uD800', '😀', 'é',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(''));

function check(input: string, format: 'markdown' | 'text'): void {
  const result = lintText(input, { registry: builtinRegistry, format, rules: ALL });
  const source = result.source;
  const lines = source.split('\n');
  for (const m of result.messages) {
    expect(m.messageId, `${m.ruleId}: ${m.message}`).not.toBe('internal-error');
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.endLine).toBeLessThanOrEqual(lines.length);
    expect(m.column).toBeLessThanOrEqual(lines[m.line - 1].length + 1);
    expect(m.endColumn).toBeLessThanOrEqual(lines[m.endLine - 1].length + 1);
    if (m.fix) {
      expect(m.fix.range[0]).toBeGreaterThanOrEqual(0);
      expect(m.fix.range[1]).toBeLessThanOrEqual(source.length);
    }
  }
}

describe('fuzz: lintText', () => {
  it.each(['markdown', 'text'] as const)('random report-like text (%s)', (format) => {
    fc.assert(fc.property(text, (input) => check(input, format)), { numRuns: 300 });
  });

  it('arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (input) => check(input, 'markdown')), { numRuns: 200 });
  });

  it('deep nesting and long runs do not overflow the stack', () => {
    for (const input of ['> '.repeat(5000) + '引用', '- '.repeat(5000) + '项', '*'.repeat(20000) + '强调' + '*'.repeat(20000), '['.repeat(20000), '（'.repeat(20000)]) {
      check(input, 'markdown');
      check(input, 'text');
    }
  });
});
