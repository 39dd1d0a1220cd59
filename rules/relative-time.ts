import { defineRule } from '../src/engine/rule.js';
import type { Paragraph } from '../src/model/report.js';
import { isCjkPunctuation, isHan } from '../src/text/prose.js';
import { reportYear } from '../src/text/report-year.js';
import { enclosed, masked } from '../src/text/sentences.js';

/** Kinds of paragraph that are the report's prose. */
const PROSE = new Set<Paragraph['kind']>(['body', 'list-item', 'heading']);

interface Word {
  word: string;
  /** Years from the report's year: 今年 0, 去年 −1; undefined for a day (近日). */
  offset?: number;
  /** A half-year: 上半年 → 2024年上半年. */
  half?: boolean;
  /** Characters before it that make it part of another word (过去年度, 至今年均). */
  notAfter?: string;
  /** Only after no Han character or one of these (说明年度 is not 明年). */
  onlyAfter?: string;
  /** Characters after it that make it part of another word (当今年轻干部). */
  notBefore?: string;
}

/** Characters that may stand before a relative word that is easily part of another word. */
const GLUE = '于在到比较与同和及是从自至对为将把等已并均还又也都我局委组';

const WORDS: Word[] = [
  { word: '今年', offset: 0, notAfter: '如当', notBefore: '轻' },
  { word: '去年', offset: -1, notAfter: '过失除离回上出进死抹划减扣', notBefore: '轻' },
  { word: '前年', offset: -2, onlyAfter: GLUE },
  { word: '明年', offset: 1, onlyAfter: GLUE },
  { word: '近日', notAfter: '最接临附靠逼将贴' },
  { word: '日前', onlyAfter: GLUE },
  { word: '上半年', half: true, notAfter: '年度的' },
  { word: '下半年', half: true, notAfter: '年度的' },
];
/** What follows a relative year and belongs in the suggestion: 今年以来 → 2024年以来, 去年同期 → 2023年同期. */
const YEAR_TAIL = /^(?:以来|上半年|下半年|同期|年初|年底|年末|底|初|末)/u;
/** The year already given right after it: 今年（2024年）. */
const YEAR_GIVEN = /^\s*[（(]\s*(?:19|20)[0-9０-９]{2}\s*年/u;
const PATTERN = new RegExp(WORDS.map((w) => w.word).join('|'), 'gu');
const BY_WORD = new Map(WORDS.map((w) => [w.word, w]));

export default defineRule({
  id: 'relative-time',
  category: 'content',
  severity: 'warn',
  fixable: false,
  genres: ['report'],
  options: {
    years: {
      default: true,
      schema: { type: 'boolean' },
      description: {
        zh: '也报告“今年”“去年”“前年”“明年”和不带年份的“上半年”“下半年”（默认开启；设为 false 时只报告“近日”“日前”）。',
        en: 'Also report 今年, 去年, 前年, 明年 and 上半年/下半年 without a year (on by default; set to false to report only 近日 and 日前).',
      },
    },
  },
  messages: {
    relative: {
      zh: '“{word}”是相对时间，报告中应写明具体时间{suggestion}',
      en: '“{word}” is a relative time; a report names the time itself{suggestion}',
    },
  },
  docs: {
    summary: {
      zh: '不用相对时间（今年、去年、近日、日前、不带年份的上半年），写明具体时间',
      en: 'Name the time instead of relative words (今年, 去年, 近日, 日前, 上半年 without a year)',
    },
    why: {
      zh: '报告会被存档、汇编、在第二年被翻阅；“今年”“去年”“近日”脱离成文时间就无从判断所指，审阅中常被要求改为“2024年”“3月5日”这样的确切时间。',
      en: 'Reports are filed, compiled and read again a year later; 今年, 去年 or 近日 mean nothing once the date of writing is lost, and reviewers ask for 2024年 or 3月5日 instead.',
    },
    standard: '《党政机关公文处理工作条例》（2012）第十九条（公文起草“表述准确”）',
    details: {
      zh: '检查报告正文、列表项和标题中的“今年”“去年”“前年”“明年”“近日”“日前”和前面没有年份的“上半年”“下半年”。公文写作规范要求写明年份：“今年以来”应写作“2024年以来”，“去年同期”应写作“2023年同期”（或“上年同期”）；报告标题（或成文日期）含年份时，消息给出应写的形式。“2024年上半年”“今年（2024年）”已写明年份，不报；“过去年度”“至今年均”“迄今年度”“当今年轻干部”“说明年度”“节假日前”“5日前”等另有所指的不报（“截至今年底”仍报告）；引号、书名号内的文字（引语、文件名）不检查。讲话、通知等其他文种不检查。选项 years 设为 false 时只检查“近日”“日前”。成文日期在次年年初而标题未写年份时，“今年”究竟指哪一年有歧义，消息按成文日期的年份提示，应由起草人确认。',
      en: 'Checks body text, list items and headings of a report for 今年, 去年, 前年, 明年, 近日, 日前, and 上半年/下半年 with no year before them. 公文 writing guides ask for the year itself: 今年以来 is written 2024年以来, 去年同期 2023年同期 (or 上年同期); when the title (or the date) of the report names a year, the message gives the form to write. 2024年上半年 and 今年（2024年） already name the year and pass; words that only contain them (过去年度, 至今年均, 迄今年度, 当今年轻干部, 说明年度, 节假日前, 5日前) pass (截至今年底 is still reported); text in quotation marks or 《》 (quotations, document titles) is not checked, nor are other genres (speeches, notices). With the option years set to false only 近日 and 日前 are checked. When the title names no year and the date falls early in the next year, which year 今年 means is ambiguous: the message uses the year of the date, and the drafter should confirm it.',
    },
  },
  examples: [
    {
      valid: [
        '关于2024年度工作情况的报告',
        '2024年以来，区委召开常委会12次，比2023年增加2次；3月5日又召开专题会，2024年上半年完成整改。',
        '今年（2024年）开展督查4轮，过去年度的问题清单至今年均已整改，迄今年度考核均为优秀，当今年轻干部成长快。',
        '节假日前开展廉洁提醒，3月5日前、×月×日前、五日前完成，并对照说明年度目标。',
        '引用群众评价“今年变化大”，学习《关于今年全面从严治党工作的意见》。',
      ].join('\n'),
    },
    {
      invalid: ['关于2024年度工作情况的报告', '今年以来，区委召开常委会12次，比去年增加2次；近日又召开专题会，上半年完成整改。', '截至今年底，问题全部整改。'].join('\n'),
      expect: ['2:1 relative', '2:18 relative', '2:25 relative', '2:34 relative', '3:3 relative'],
      note: {
        zh: '“今年以来”提示写作“2024年以来”，“去年”提示“2023年”，不带年份的“上半年”提示“2024年上半年”。',
        en: '今年以来 names 2024年以来, 去年 names 2023年, and 上半年 without a year names 2024年上半年.',
      },
    },
    {
      invalid: ['关于2024年度工作情况的报告', '今年以来，区委召开常委会12次，比去年增加2次；近日又召开专题会，区纪委日前印发通知。'].join('\n'),
      options: { years: false },
      expect: ['2:25 relative', '2:37 relative'],
      note: { zh: 'years 为 false 时只报告“近日”“日前”。', en: 'With years: false only 近日 and 日前 are reported.' },
    },
  ],
  check(report, context) {
    const year = reportYear(report);
    const zh = context.locale === 'zh';
    for (const p of report.paragraphs) {
      if (!PROSE.has(p.kind) || p.quoted) continue;
      const raw = p.content.text;
      PATTERN.lastIndex = 0;
      const found = PATTERN.test(raw);
      PATTERN.lastIndex = 0; // matchAll starts where test stopped otherwise
      if (!found) continue;
      const text = masked(raw, [...enclosed(raw, '“', '”'), ...enclosed(raw, '《', '》')]);
      for (const m of text.matchAll(PATTERN)) {
        const w = BY_WORD.get(m[0])!;
        if (!context.options.years && (w.offset !== undefined || w.half)) continue;
        const before = text[m.index - 1];
        const rest = text.slice(m.index + m[0].length);
        if (w.notAfter && before && w.notAfter.includes(before)) continue;
        if (w.notBefore && rest[0] !== undefined && w.notBefore.includes(rest[0])) continue;
        if (w.offset !== undefined && YEAR_GIVEN.test(rest)) continue;
        // 至今年均, 迄今年度: 至今 + 年均 / 年度; 截至今年底 is 今年 itself.
        if (w.word === '今年' && (before === '至' || before === '迄') && (rest[0] === '均' || rest[0] === '度')) continue;
        // 日前 after a day (5日前, ×日前, 五日前) is "before the 5th": only at a clause start or after a glue word.
        if (w.onlyAfter && before !== undefined && !isCjkPunctuation(before) && before.trim() !== '' && !w.onlyAfter.includes(before)) continue;
        // 2024年上半年, 今年上半年 (今年 is reported on its own), 本年度上半年.
        if (w.half && (isHan(before) || /[0-9０-９]/.test(before ?? '')) && !'，、；：。在于到至从自'.includes(before!)) continue;
        let suggestion = '';
        if (year !== null && w.offset !== undefined) {
          const form = `${year + w.offset}年${YEAR_TAIL.exec(rest)?.[0] ?? ''}`;
          suggestion = zh ? `（如“${form}”）` : ` (e.g. “${form}”)`;
        }
        else if (year !== null && w.half) suggestion = zh ? `（如“${year}年${w.word}”）` : ` (e.g. “${year}年${w.word}”)`;
        else if (w.offset === undefined && !w.half) suggestion = zh ? '（如“3月5日”）' : ' (e.g. “3月5日”)';
        context.report({ at: p.content.span(m.index, m.index + m[0].length), messageId: 'relative', data: { word: m[0], suggestion } });
      }
    }
  },
});
