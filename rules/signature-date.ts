import { defineRule } from '../src/engine/rule.js';
import { DATE_LINE } from '../src/model/build.js';
import type { Paragraph } from '../src/model/report.js';
import { isRealDate } from '../src/text/numbers.js';

/** The GB/T 9704 form of the date of the document: 2024年1月5日, four-digit year, no leading zeros. */
const STANDARD_DATE = /^([1-9][0-9]{3})年([1-9][0-9]?)月([1-9][0-9]?)日$/u;
/** A date line the model does not take for a date because a part is missing: 2024年1月, 2024年1月5. */
const PARTIAL_DATE = /^[（(]?[0-9０-９〇零○Ｏ一二三四五六七八九]{2,4}\s*年\s*(?:[0-9０-９一二三四五六七八九十]{1,2}\s*月?\s*(?:[0-9０-９一二三四五六七八九十]{1,3}\s*日?)?)?[）)]?$/u;
/** A blank left by a template: 2024年×月×日 is no-placeholder's. */
const PLACEHOLDER = /[×xXＸ]/u;

export default defineRule({
  id: 'signature-date',
  category: 'structure',
  severity: 'warn',
  fixable: false,
  genres: ['report'],
  options: {
    requireSignature: {
      default: true,
      schema: { type: 'boolean' },
      description: {
        zh: '要求成文日期前有发文机关署名。报告随加盖印章的报送函一并报送、正文不署名的单位可设为 false，此时只要求有成文日期。',
        en: 'Require the issuing body’s name before the date. Units whose reports go out under a sealed cover letter and carry no name in the text can set false: then only the date is required.',
      },
    },
  },
  messages: {
    missing: {
      zh: '报告末尾没有发文机关署名和成文日期',
      en: 'The report ends without the issuing body’s name (署名) and the date (成文日期)',
    },
    missingSignature: {
      zh: '成文日期“{date}”前没有发文机关署名',
      en: 'The date “{date}” has no issuing body’s name (署名) before it',
    },
    missingDate: {
      zh: '发文机关署名“{signature}”后没有成文日期',
      en: 'The issuing body’s name “{signature}” is not followed by the date (成文日期)',
    },
    dateFirst: {
      zh: '成文日期“{date}”应在发文机关署名“{signature}”之后',
      en: 'The date “{date}” belongs after the issuing body’s name “{signature}”',
    },
    nonstandardDate: {
      zh: '成文日期“{date}”不是标准写法，应写作“2024年1月5日”这样的真实日期（用阿拉伯数字标全年月日，不编虚位），修改方法见 date-format 规则',
      en: 'The date “{date}” is not in the standard form: write a real date such as “2024年1月5日” (Arabic numerals, year, month and day in full, no leading zeros); the date-format rule shows the fix',
    },
  },
  docs: {
    summary: {
      zh: '报告末尾须有发文机关署名和成文日期，成文日期用“2024年1月5日”的标准写法',
      en: 'Require the issuing body’s name and the date at the end of the report, the date in the form 2024年1月5日',
    },
    why: {
      zh: '发文机关署名和成文日期是公文的必备要素：署名表明由谁负责，成文日期表明何时生效、何时报送。报告末尾漏写署名或日期、日期写在署名之前、日期写成“2024年01月05日”“2024.1.5”、只写到月或根本不存在的日期，都属于审阅中常见的“内容不全”和格式差错。',
      en: 'The issuing body’s name and the date are required parts of an official document: the name says who answers for it, the date when it was made and sent. A report that ends without them, puts the date before the name, or writes the date as 2024年01月05日, 2024.1.5, stops at the month or gives a date that does not exist is incomplete (内容不全) and badly formed.',
    },
    standard: 'GB/T 9704-2012《党政机关公文格式》7.3.5（发文机关署名、成文日期）；《党政机关公文处理工作条例》（2012）第九条',
    details: {
      zh: '报告最后一行是成文日期，其前一至两行短句是发文机关署名（多个机关联合行文时可有两行）。没有日期也没有署名时，在报告最后一个字处报告；只缺一项时在另一项处报告；日期写在署名之前时在日期处报告。成文日期须是用阿拉伯数字标全年、月、日且不编虚位的真实日期（2024年1月5日）；“2024年01月05日”“24年1月5日”“2024.1.5”“二〇二四年一月五日”“2023年2月29日”以及缺日的“2024年1月”等只在这里报告为“不是标准写法”，具体改法和自动修正由 date-format 规则给出，本规则不重复修正。含“×”的占位日期由 no-placeholder 检查，这里不报告。requireSignature 设为 false 时，只有日期而无署名不报告。',
      en: 'The last line of the report is the date of the document and the one or two short lines before it are the issuing body’s name (two when bodies issue jointly). With neither, the finding is at the report’s last character; with one missing, it is at the other; a date placed before the name is reported at the date. The date must be a real date with year, month and day in Arabic numerals and no leading zeros (2024年1月5日); 2024年01月05日, 24年1月5日, 2024.1.5, 二〇二四年一月五日, 2023年2月29日 or a date without its day such as 2024年1月 are reported here only as “not in the standard form”: the date-format rule explains and fixes them, and this rule offers no fix of its own. A placeholder date with × is left to no-placeholder. With requireSignature: false a date without a name passes.',
    },
  },
  examples: [
    {
      valid: ['关于2024年度工作情况的报告', '市委：', '全年开展专项督查4次。', '特此报告。', '中共青山区委', '2024年1月15日'].join('\n'),
    },
    {
      valid: ['关于2024年度工作情况的报告', '全年开展专项督查4次。', '中共青山区委', '青山区人民政府', '2024年1月15日'].join('\n'),
      note: { zh: '联合行文可有两行署名。', en: 'Joint issuers take two lines.' },
    },
    {
      valid: ['关于2024年度工作情况的报告', '全年开展专项督查4次。', '2024年×月×日'].join('\n'),
      options: { requireSignature: false },
      note: { zh: '不要求署名；占位日期由 no-placeholder 检查。', en: 'No name required; a placeholder date is no-placeholder’s job.' },
    },
    {
      invalid: ['关于2024年度工作情况的报告', '市委：', '全年开展专项督查4次。'].join('\n'),
      expect: ['3:11 missing'],
    },
    {
      invalid: ['关于2024年度工作情况的报告', '全年开展专项督查4次。', '2024年1月15日'].join('\n'),
      expect: ['3:1 missingSignature'],
    },
    {
      invalid: ['关于2024年度工作情况的报告', '全年开展专项督查4次。', '中共青山区委'].join('\n'),
      expect: ['3:1 missingDate'],
    },
    {
      invalid: ['关于2024年度工作情况的报告', '全年开展专项督查4次。', '2024年1月15日', '中共青山区委'].join('\n'),
      expect: ['3:1 dateFirst'],
    },
    {
      invalid: ['关于2024年度工作情况的报告', '全年开展专项督查4次。', '中共青山区委', '2024年01月15日'].join('\n'),
      expect: ['4:1 nonstandardDate'],
    },
    {
      invalid: ['关于2024年度工作情况的报告', '全年开展专项督查4次。', '中共青山区委', '2024年1月'].join('\n'),
      expect: ['4:1 nonstandardDate'],
      note: { zh: '成文日期须年、月、日俱全。', en: 'The date needs year, month and day.' },
    },
    {
      invalid: ['关于2024年度工作情况的报告', '全年开展专项督查4次。', '中共青山区委', '2023年2月29日'].join('\n'),
      expect: ['4:1 nonstandardDate'],
      note: { zh: '2023年没有2月29日。', en: '2023 has no 29 February.' },
    },
  ],
  check(report, context) {
    const { signature, date } = report;
    const names = signature.map((p) => p.content.text.trim()).join(' ');

    if (date) {
      const text = date.content.text.trim();
      if (signature.length === 0 && context.options.requireSignature) {
        context.report({ at: date, messageId: 'missingSignature', data: { date: text } });
      }
      if (!PLACEHOLDER.test(text) && !isStandardDate(text)) {
        context.report({ at: date, messageId: 'nonstandardDate', data: { date: text } });
      }
      return;
    }

    if (signature.length > 0) {
      // 2024年1月15日 followed by the name: the date came first.
      const before = report.paragraphs[report.paragraphs.indexOf(signature[0]) - 1];
      const beforeText = before?.content.text.trim() ?? '';
      if (before && before.kind !== 'title' && DATE_LINE.test(beforeText)) {
        context.report({ at: before, messageId: 'dateFirst', data: { date: beforeText, signature: names } });
        return;
      }
      context.report({ at: signature[signature.length - 1], messageId: 'missingDate', data: { signature: names } });
      return;
    }

    // The end of the report itself: not 版记, 附注, notes or an attached document after it.
    const last = [...report.paragraphs].reverse().find((p) => p.appendix === undefined && !AFTER_THE_REPORT.has(p.kind));
    if (!last) {
      context.report({ at: { start: 0, end: 0 }, messageId: 'missing' });
      return;
    }
    const text = last.content.text;
    // 2024年1月 at the end: a date with a part missing, not a missing date.
    if (last.kind !== 'title' && PARTIAL_DATE.test(text.trim())) {
      context.report({ at: last, messageId: 'nonstandardDate', data: { date: text.trim() } });
      return;
    }
    let end = text.length;
    while (end > 1 && /\s/u.test(text[end - 1])) end--;
    context.report({ at: last.content.span(end - 1, end), messageId: 'missing' });
  },
});

const AFTER_THE_REPORT: ReadonlySet<Paragraph['kind']> = new Set(['distribution', 'note', 'footnote', 'header-footer', 'appendix-label', 'appendix-title']);

function isStandardDate(text: string): boolean {
  const m = STANDARD_DATE.exec(text);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
