import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';

/**
 * date-format, number-usage and figure-consistency try their patterns only where
 * a match can start (a digit, a 年, a 19/20); these are the boundary cases of those
 * prefilters, each of which must still be found.
 */
function lint(ruleId: string, text: string): string[] {
  const result = lintText(text, { registry: builtinRegistry, format: 'text', rules: { [ruleId]: { severity: 'error' } } });
  return result.messages.map((m) => `${m.line}:${m.column} ${m.messageId}`);
}

describe('date-format prefilters', () => {
  it('finds a two-digit year at the very start of a paragraph (年 at index 2)', () => {
    expect(lint('date-format', '25年底完成整改。')).toEqual(['1:1 shortYear']);
  });
  it('finds a two-digit year in full-width digits, and a 年 after one digit is no candidate', () => {
    expect(lint('date-format', '５年来，截至２５年底完成。')).toEqual(['1:1 fullWidth', '1:7 fullWidth', '1:7 shortYear']);
  });
  it('finds a year without 年 right after a failed 19/20 candidate', () => {
    expect(lint('date-format', '第20项工作2019上半年完成，2020全年推进。')).toEqual(['1:7 missingYear', '1:17 missingYear']);
  });
  it('finds a year without 年 at the very end but one', () => {
    expect(lint('date-format', '开展督查2023一季度')).toEqual(['1:5 missingYear']);
  });
  it('still leaves dates inside a URL alone (protected ranges are built lazily)', () => {
    expect(lint('date-format', '详见https://example.gov.cn/2024.01.05/a.html，2024.1.5印发。')).toEqual(['1:44 numericDate']);
  });
});

describe('number-usage prefilters', () => {
  it('finds an estimate word at the very start of a paragraph', () => {
    expect(lint('number-usage', '约300人左右参加。')).toEqual(['1:1 redundantEstimate']);
  });
  it('finds estimate words right after a numbering marker, each once (大约 is not also 约)', () => {
    expect(lint('number-usage', '（2）近20名左右，大约5次左右，至少3次以上。')).toEqual([
      '1:4 contradictoryEstimate',
      '1:11 redundantEstimate',
      '1:18 redundantEstimate',
    ]);
  });
  it('finds a number at the very start of a paragraph', () => {
    expect(lint('number-usage', '3、4次督查，8～10万元。')).toEqual(['1:1 adjacentEstimate', '1:8 rangeMagnitude']);
  });
});

describe('figure-consistency prefilters', () => {
  const title = '关于2024年度工作情况的报告\n';
  it('finds a measure that starts the paragraph (its number four characters in)', () => {
    expect(lint('figure-consistency', `${title}谈心谈话64人次，覆盖全体干部。\n谈心谈话46人次。`)).toEqual(['3:1 measureTwice']);
  });
  it('finds a measure after an earlier match and a full-width number', () => {
    expect(lint('figure-consistency', `${title}开展专项督查3次，开展专项督查１２３次，组织专项督查3次。`)).toEqual(['2:12 measureTwice']);
  });
  it('finds a total that starts a sentence, and shares sentence by sentence', () => {
    expect(lint('figure-consistency', `${title}全年工作稳步推进。共立案12件，分别为党纪案件5件、政务案件4件。党员占65%。团员占45%，群众占60%。`)).toEqual([
      '2:10 partsShortOfTotal',
      '2:43 sharesExceed',
    ]);
  });
});
