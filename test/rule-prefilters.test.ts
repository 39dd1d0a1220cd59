import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';

/** A title line, so that a short line after it is read as body text. */
const TITLE = '关于2025年度工作情况的报告\n';

/**
 * The rules skip paragraphs that cannot hold a finding (a cheap test before the real scan).
 * Each prefilter must be complete: these are its boundary cases, which must still be found.
 */
function findings(id: string, text: string, options?: Record<string, unknown>, format: 'text' | 'markdown' = 'text'): string[] {
  const result = lintText(text, { registry: builtinRegistry, format, rules: { [id]: { severity: 'error', options } } });
  return result.messages.map((m) => `${m.line}:${m.column} ${m.messageId}`);
}

describe('punctuation-width: only paragraphs with one of the checked marks are scanned', () => {
  it('finds a lone mark at the very end of the paragraph', () => {
    expect(findings('punctuation-width', '全年开展集中学习12次!')).toEqual(['1:12 halfWidth']);
  });
  it('finds a lone mark at the very start of the paragraph', () => {
    expect(findings('punctuation-width', '"清廉机关建设全面推进。')).toEqual(['1:1 openingQuote']);
  });
  it('looks for the marks of the option, not the default ones', () => {
    expect(findings('punctuation-width', '全年开展集中学习12次.专题研讨4次', { marks: '.' })).toEqual(['1:12 halfWidth']);
    expect(findings('punctuation-width', '全年开展集中学习12次,专题研讨4次', { marks: '.' })).toEqual([]);
  });
});

describe('fixed-list-order: only lists with two joiners, each before a first character of the list, are matched', () => {
  it('finds a list whose joiners are 以及 and 和, and one of three items at the end of the paragraph', () => {
    expect(findings('fixed-list-order', `${TITLE}坚决纠治享乐主义以及官僚主义和形式主义`)).toEqual(['2:5 order']);
  });
  it('finds the short list that shares one 自信', () => {
    expect(findings('fixed-list-order', `${TITLE}坚定理论、道路、制度、文化自信。`)).toEqual(['2:3 order']);
  });
  it('does not stop at a joiner followed by a character that starts no item', () => {
    expect(findings('fixed-list-order', `${TITLE}和谐、团结及政治意识、核心意识、大局意识。`)).toEqual(['2:7 order']);
  });
});
