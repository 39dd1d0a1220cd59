import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';

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
