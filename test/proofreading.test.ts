import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';
import { defaultSettings } from '../src/settings.js';
import { applyFixesFully } from './helpers.js';

/** The proofreader's tier (issue 14): fixes and the cases the rule examples do not show. */

function lint(rule: string, text: string, options?: Record<string, unknown>) {
  return lintText(text, { registry: builtinRegistry, format: 'text', rules: { [rule]: { severity: 'warn', options } }, settings: defaultSettings() });
}
const found = (rule: string, text: string, options?: Record<string, unknown>) =>
  lint(rule, text, options).messages.map((m) => `${m.line}:${m.column} ${m.messageId}`);
const fixed = (rule: string, text: string) => applyFixesFully(text, (t) => lint(rule, t));
const TITLE = '关于2024年度工作情况的报告\n';

describe('canonical-terms: formulations added for issue 14', () => {
  it('inserts the 顿号 of 党中央、国务院 and restores the name of the thought', () => {
    expect(fixed('canonical-terms', '落实党中央国务院部署，以总书记新时代中国特色社会主义思想为指导。')).toBe(
      '落实党中央、国务院部署，以习近平新时代中国特色社会主义思想为指导。',
    );
  });

  it('writes plenary sessions with Chinese numerals, and leaves the correct forms alone', () => {
    expect(fixed('canonical-terms', '学习党的19届6中全会和二十届3中全会精神。')).toBe('学习党的十九届六中全会和二十届三中全会精神。');
    expect(found('canonical-terms', '学习习近平总书记重要讲话和重要指示批示精神，铸牢中华民族共同体意识，党中央、国务院。')).toEqual([]);
  });
});

describe('date-format: date wording', () => {
  it('fixes 号, a missing 年 and 截止 before a time; reports a two-digit year without a fix', () => {
    const text = '4月1号召开全会，2023上半年开展督查，截止去年底完成，截至25年底整改。';
    expect(found('date-format', text)).toEqual(['1:1 dayAsHao', '1:10 missingYear', '1:22 jiezhi', '1:32 shortYear']);
    expect(fixed('date-format', text)).toBe('4月1日召开全会，2023年上半年开展督查，截至去年底完成，截至25年底整改。');
  });

  it('does not report a length of time, a building number or a document number', () => {
    expect(found('date-format', '工作25年以上，住3号楼，印发1号文件，5月1号文件已下发，截止日期为6月30日。')).toEqual([]);
  });

  it('reports a full-width digit once: with its date, or on its own', () => {
    expect(found('date-format', '２０２４年共处置问题线索１２件。')).toEqual(['1:1 fullWidth', '1:13 fullWidthDigit']);
  });
});

describe('guiding-thought-list', () => {
  it('takes the date of the document when the title has no year', () => {
    const text = '关于工作情况的报告\n坚持以邓小平理论、“三个代表”重要思想、科学发展观为指导。\n中共某委\n2016年1月5日';
    expect(found('guiding-thought-list', text)).toEqual([]);
    expect(found('guiding-thought-list', text.replace('2016年', '2018年'))).toEqual(['2:21 incomplete']);
  });
});

describe('figure-consistency', () => {
  it('does not add changes, comparisons or bracketed figures to the parts', () => {
    expect(found('figure-consistency', TITLE + '共处置问题线索20件，其中谈话函询12件（含函询3件）、初步核实6件，比上年增加15件。')).toEqual([]);
  });

  it('reports parts short of the total when 其余 makes them exhaustive', () => {
    expect(found('figure-consistency', TITLE + '共处置问题线索20件，其中谈话函询12件，其余5件予以了结。')).toEqual(['2:1 partsShortOfTotal']);
  });
});

describe('repeated-passage', () => {
  it('reports the second place only, and not a stock phrase used twice', () => {
    const once = '区委常委会先后12次专题研究全面从严治党工作，推动责任落实落细。';
    expect(found('repeated-passage', TITLE + once + '\n开展督查。\n' + once)).toEqual(['4:1 repeated']);
    expect(found('repeated-passage', TITLE + '深入学习贯彻习近平新时代中国特色社会主义思想。\n深入学习贯彻习近平新时代中国特色社会主义思想。')).toEqual([]);
  });
});

describe('relative-time: the explicit form to write', () => {
  const message = (text: string) => lint('relative-time', text).messages.map((m) => `${m.column} ${m.message}`);
  it.each([
    ['今年以来，开展督查4轮。', '1 “今年”是相对时间，报告中应写明具体时间（如“2024年以来”）'],
    ['比去年同期增加2件。', '2 “去年”是相对时间，报告中应写明具体时间（如“2023年同期”）'],
    ['截至去年底，整改完成。', '3 “去年”是相对时间，报告中应写明具体时间（如“2023年底”）'],
    ['今年上半年开展督查。', '1 “今年”是相对时间，报告中应写明具体时间（如“2024年上半年”）'],
    ['明年将开展巡察。', '1 “明年”是相对时间，报告中应写明具体时间（如“2025年”）'],
    ['下半年开展巡察。', '1 “下半年”是相对时间，报告中应写明具体时间（如“2024年下半年”）'],
    ['近日召开专题会。', '1 “近日”是相对时间，报告中应写明具体时间（如“3月5日”）'],
    ['截至今年底，问题全部整改。', '3 “今年”是相对时间，报告中应写明具体时间（如“2024年底”）'],
  ])('%s', (sentence, expected) => {
    expect(message(TITLE + sentence)).toEqual([expected]);
  });

  it.each([
    '2024年以来开展督查4轮。',
    '2024年上半年开展督查。',
    '今年（2024年）开展督查。',
    '今年(2024年)开展督查。',
    '过去年度的问题已整改。',
    '问题至今年均未反弹。',
    '迄今年度考核均为优秀。',
    '当今年轻干部成长快。',
    '如今年轻干部成长快。',
    '群众说“今年变化大”。',
    '印发《今年工作要点》。',
    '本年度上半年开展督查。',
    '说明年度目标。',
    '节假日前开展提醒，5日前完成。',
  ])('quiet: %s', (sentence) => {
    expect(found('relative-time', TITLE + sentence)).toEqual([]);
  });

  it('names the year of the date when the title has none', () => {
    expect(message('关于巡察整改情况的报告\n今年5月开展回访。\n中共某县委\n2023年7月12日')).toEqual([
      '1 “今年”是相对时间，报告中应写明具体时间（如“2023年”）',
    ]);
  });
});

describe('genre gates', () => {
  it('relative-time and no-request-in-report judge reports, not a 请示 or a news item', () => {
    expect(found('relative-time', '关于增设派驻纪检监察组的请示\n近日，县委召开会议。')).toEqual([]);
    expect(found('relative-time', TITLE + '近日，县委召开会议。')).toEqual(['2:1 relative']);
  });

  it('request-form leaves a report alone', () => {
    expect(found('request-form', TITLE + '县委、县政府：\n全年开展督查4次。')).toEqual([]);
  });
});
