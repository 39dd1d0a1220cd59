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

/** A report whose second part is the problems section, with `problems` as its text. */
function withProblems(problems: string, work = '全年召开党委会12次，专题研究党建工作5次，制定责任清单明确任务31项。'): string {
  return `关于2024年度落实全面从严治党主体责任情况的报告\n一、工作开展情况\n${work}\n二、存在的问题\n${problems}`;
}

describe('saysNothing: a paragraph with five Han characters is taken as substance without stripping it', () => {
  it('still finds a bare negative of four characters, alone or in brackets', () => {
    expect(findings('problems-section', withProblems('暂时没有。'))).toEqual(['4:1 empty']);
    expect(findings('problems-section', withProblems('（暂时没有）'))).toEqual(['4:1 empty']);
  });
  it('takes four Han characters that are not a negative, and five that hold one, as substance', () => {
    expect(findings('problems-section', withProblems('暂无问题。'))).toEqual([]);
    expect(findings('problems-section', withProblems('暂时没有的。'))).toEqual([]);
  });
});

describe('problems-depth', () => {
  it('goes on from the next character after a phrase ruled out by the character before it (不全面完成 › 成效)', () => {
    expect(findings('problems-depth', withProblems('有的支部工作不全面完成效果一般，3个支部按期换届。\n个别支部记录不全。'))).toEqual(['4:1 few-items', '5:1 achievements']);
  });
  it('counts Han characters when the share of the text length falls short, and reports only a share of Han below minShare', () => {
    // The work section: 11 Han characters among 30 digits, so length alone cannot tell.
    const work = `召开党委会研究党建${'1234567890'.repeat(3)}工作。`;
    expect(findings('problems-depth', withProblems('有的支部记录不全需整改。', work), { minShare: 0.5 })).toEqual(['4:1 few-items']);
    expect(findings('problems-depth', withProblems('有的支部记录不全需改。', work), { minShare: 0.5 })).toEqual(['4:1 few-items', '4:1 low-share']);
  });
});

describe('punctuation-forms: runs of 。 are searched apart from the other triggers', () => {
  it('finds a run of three at the end of the paragraph and runs right after other marks', () => {
    expect(findings('punctuation-forms', `${TITLE}加强学习。。。`)).toEqual(['2:5 ellipsis']);
    expect(findings('punctuation-forms', `${TITLE}加强学习…。。。完善制度......。。。落实`)).toEqual(['2:5 ellipsis', '2:6 ellipsis', '2:13 ellipsis', '2:19 ellipsis']);
  });
  it('leaves runs of two and of seven alone', () => {
    expect(findings('punctuation-forms', `${TITLE}加强学习。。完善制度。。。。。。。落实`)).toEqual([]);
  });
});

describe('paired-punctuation: the scan starts after the numbering marker; protected ranges are found when a mark is past it', () => {
  it('finds a mark right after the marker, and none in the marker itself', () => {
    expect(findings('paired-punctuation', `${TITLE}（一）“加强学习。`)).toEqual(['2:4 unclosed']);
    expect(findings('paired-punctuation', `${TITLE}（一）加强学习）。`)).toEqual(['2:8 unopened']);
    expect(findings('paired-punctuation', `${TITLE}（一）加强学习。`)).toEqual([]);
  });
  it('leaves a bracket inside a URL out of the pairing', () => {
    expect(findings('paired-punctuation', `${TITLE}见https://a.gov.cn/x(1，加强学习）`)).toEqual(['2:27 unopened']);
    expect(findings('paired-punctuation', `${TITLE}见a.gov.cn/x(1，加强学习）`)).toEqual([]);
  });
});

describe('stray-whitespace: only paragraphs with a space after their first character are scanned', () => {
  it('finds a space at the second character and one near the end', () => {
    expect(findings('stray-whitespace', `${TITLE}党 支部建设。`)).toEqual(['2:1 spaceBetweenChinese']);
    expect(findings('stray-whitespace', `${TITLE}党支部建设，“ 加强”。`)).toEqual(['2:8 spaceInsideBrackets']);
    expect(findings('stray-whitespace', `${TITLE}党支部建设，加强\u3000学习`)).toEqual(['2:9 fullwidthSpace']);
  });
});
