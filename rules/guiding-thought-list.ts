import { defineRule } from '../src/engine/rule.js';
import type { Paragraph } from '../src/model/report.js';
import { reportDate, reportYear } from '../src/text/report-year.js';

const PROSE = new Set<Paragraph['kind']>(['body', 'list-item', 'heading']);

/** The Party's guiding thoughts in their fixed order, each with the date it joined the list. */
const THOUGHTS: { name: string; pattern: string; since: [number, number, number] }[] = [
  { name: '马克思列宁主义', pattern: '马克思列宁主义|马列主义', since: [1921, 1, 1] },
  { name: '毛泽东思想', pattern: '毛泽东思想', since: [1945, 6, 11] },
  { name: '邓小平理论', pattern: '邓小平理论', since: [1997, 9, 18] },
  { name: '“三个代表”重要思想', pattern: '[“"]?三个代表[”"]?重要思想', since: [2002, 11, 14] },
  { name: '科学发展观', pattern: '科学发展观', since: [2007, 10, 21] },
  { name: '习近平新时代中国特色社会主义思想', pattern: '习近平新时代中国特色社会主义思想', since: [2017, 10, 24] },
];
const ITEM = new RegExp(THOUGHTS.map((t) => `(${t.pattern})`).join('|'), 'gu');
/** What may stand between two items of one list. */
const JOINER = /^(?:[、，,]|和|及|以及|与)$/u;

/** The latest thought of the list at a date (year only: the thought is taken as current from the next year on). */
function currentAt(date: [number, number, number] | null, year: number | null): number {
  let current = -1;
  THOUGHTS.forEach((t, i) => {
    const [y, m, d] = t.since;
    if (date ? date[0] > y || (date[0] === y && (date[1] > m || (date[1] === m && date[2] >= d))) : year! > y) current = i;
  });
  return current;
}

export default defineRule({
  id: 'guiding-thought-list',
  category: 'content',
  severity: 'warn',
  fixable: false,
  options: {},
  messages: {
    incomplete: {
      zh: '指导思想列举止于“{last}”，未列入“{missing}”；{year}年的报告应完整列举至“{current}”',
      en: 'The list of guiding thoughts stops at “{last}” and leaves out “{missing}”; a report of {year} lists them up to “{current}”',
    },
  },
  docs: {
    summary: {
      zh: '指导思想的列举按报告时间完整（不止于“邓小平理论、‘三个代表’重要思想”）',
      en: 'A list of the guiding thoughts is complete for the report’s date (it does not stop at 邓小平理论、“三个代表”重要思想)',
    },
    why: {
      zh: '“以马克思列宁主义、毛泽东思想、邓小平理论、‘三个代表’重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导”是党章规定的完整表述。照搬旧材料而停在“科学发展观”或更早，是政治性差错。',
      en: 'The Party Constitution lists the guiding thoughts in full, up to 习近平新时代中国特色社会主义思想 since October 2017. A list copied from an old text that stops at 科学发展观 or earlier is a political error.',
    },
    standard: '《中国共产党章程》总纲（2017年10月24日修正案起列入习近平新时代中国特色社会主义思想）',
    details: {
      zh: '在正文、列表项和标题中找由顿号、逗号或“和”“以及”连接的指导思想列举（至少两项，且含“邓小平理论”或其后的一项），与报告的年份比较：年份取标题中的年份（关于2024年度……），没有时取成文日期；两者都没有时不检查。只有年份时，某项自其列入的次年起算作应列入。',
      en: 'Finds lists of the guiding thoughts joined by 、, ，, 和 or 以及 in body text, list items and headings (at least two items, one of them 邓小平理论 or later) and compares them with the report’s year: the year in the title (关于2024年度……), else the date of the document; with neither, nothing is checked. With a year only, a thought counts as current from the year after it joined the list.',
    },
  },
  examples: [
    {
      valid: [
        '关于2024年度工作情况的报告',
        '坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导。',
      ].join('\n'),
    },
    {
      valid: '坚持以邓小平理论、“三个代表”重要思想为指导。',
      note: { zh: '报告没有年份时不检查。', en: 'A report with no year is not checked.' },
    },
    {
      invalid: ['关于2024年度工作情况的报告', '坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想为指导。'].join('\n'),
      expect: ['2:24 incomplete'],
    },
  ],
  check(report, context) {
    const date = reportDate(report);
    const year = date ? date[0] : reportYear(report);
    if (year === null) return;
    const current = currentAt(date, year);
    for (const p of report.paragraphs) {
      if (!PROSE.has(p.kind) || p.quoted) continue;
      const text = p.content.text;
      if (!text.includes('邓小平理论') && !text.includes('三个代表') && !text.includes('科学发展观')) continue;
      let run: { index: number; start: number; end: number }[] = [];
      const flush = () => {
        if (run.length >= 2 && run.some((r) => r.index >= 2)) {
          const last = run[run.length - 1];
          if (last.index < current) {
            context.report({
              at: p.content.span(last.start, last.end),
              messageId: 'incomplete',
              data: { last: THOUGHTS[last.index].name, missing: THOUGHTS[last.index + 1].name, current: THOUGHTS[current].name, year },
            });
          }
        }
        run = [];
      };
      for (const m of text.matchAll(ITEM)) {
        const index = m.slice(1).findIndex((g) => g !== undefined);
        const prev = run[run.length - 1];
        if (prev && !JOINER.test(text.slice(prev.end, m.index).trim())) flush();
        run.push({ index, start: m.index, end: m.index + m[0].length });
      }
      flush();
    }
  },
});
