import { defineRule } from '../src/engine/rule.js';
import type { Paragraph } from '../src/model/report.js';
import { isHan, protectedRanges } from '../src/text/prose.js';
import {
  CN_YEAR_DIGITS,
  chineseDayNumber,
  chineseYear,
  digitRunEnd,
  digitValue,
  isDigit,
  isDigitCode,
  isFullWidthDigit,
  isLatinLetter,
  isRealDate,
  rangeGuard,
  readChineseDayNumber,
  toHalfWidth,
} from '../src/text/numbers.js';
import type { Edit } from '../src/types.js';

/** A run of Arabic digits that is the year, month or day of a date (indexes into the paragraph text). */
interface Part {
  start: number;
  end: number;
  digits: string;
  value: number;
}

/** A date written with Arabic numerals: 2024年1月5日, 2024年1月, 1月5日, 2024年, 5日, or 2024.1.5. */
interface ArabicDate {
  start: number;
  end: number;
  year?: Part;
  month?: Part;
  day?: Part;
  /** The separator of a numeric date (2024.1.5, 2024-1-5, 2024/1/5). */
  separator?: string;
}

/** A full date in Chinese numerals: 二〇二四年一月五日. */
interface ChineseDate {
  start: number;
  end: number;
  year: number;
  month: number;
  day: number;
  /** [start, end) of the year, month and day numerals. */
  parts: Array<[number, number]>;
}

const SEPARATORS = '.．/／-－';
/** Characters that glue a number to a code, a version or a file name. */
const CODE_BEFORE = /[A-Za-z0-9０-９_.．/／\\:#@]/;
const CODE_AFTER = /[A-Za-z0-9０-９_/／\\:#@%‰％]/;

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\u3000';
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

function part(text: string, start: number, end: number): Part {
  const digits = text.slice(start, end);
  return { start, end, digits, value: digitValue(digits) };
}

/** Digits at `i`, then optional spaces, then `unit`: the part and the index after the unit. */
function readPart(text: string, i: number, unit: string): { part: Part; next: number } | null {
  const end = digitRunEnd(text, i);
  if (end === i) return null;
  const u = skipSpaces(text, end);
  return text[u] === unit ? { part: part(text, i, end), next: u + 1 } : null;
}

/** 2024.1.5, 2024-01-05, 2024/1/5 (same separator twice), not part of a version, a code or a path. */
function readNumericDate(text: string, i: number, yearEnd: number): ArabicDate | null {
  if (yearEnd - i !== 4) return null;
  const sep = text[yearEnd];
  if (!sep || !SEPARATORS.includes(sep)) return null;
  const monthEnd = digitRunEnd(text, yearEnd + 1);
  if (monthEnd - yearEnd - 1 < 1 || monthEnd - yearEnd - 1 > 2 || text[monthEnd] !== sep) return null;
  const dayEnd = digitRunEnd(text, monthEnd + 1);
  if (dayEnd - monthEnd - 1 < 1 || dayEnd - monthEnd - 1 > 2) return null;

  const before = text[i - 1];
  if (before !== undefined && CODE_BEFORE.test(before)) return null;
  if ((before === '-' || before === '－') && isLatinLetter(text[i - 2])) return null;
  const after = text[dayEnd];
  if (after !== undefined && CODE_AFTER.test(after)) return null;
  if ((after === sep || after === '.' || after === '．') && (isDigit(text[dayEnd + 1]) || isLatinLetter(text[dayEnd + 1]))) return null;

  const year = part(text, i, yearEnd);
  const month = part(text, yearEnd + 1, monthEnd);
  const day = part(text, monthEnd + 1, dayEnd);
  // Anything that cannot be a month or a day of some month is not a date at all.
  if (year.value < 1900 || year.value > 2100 || month.value < 1 || month.value > 12 || day.value < 1 || day.value > 31) return null;
  return { start: i, end: dayEnd, year, month, day, separator: sep };
}

/** Every date written with Arabic numerals in the text, in order. */
function arabicDates(text: string): ArabicDate[] {
  const out: ArabicDate[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const runEnd = digitRunEnd(text, i);
    const before = text[i - 1];
    // The fraction of a decimal (3.5年) or the number of a code (V2年) is no date part.
    if (((before === '.' || before === '．') && isDigit(text[i - 2])) || isLatinLetter(before)) {
      i = runEnd;
      continue;
    }
    const numeric = readNumericDate(text, i, runEnd);
    if (numeric) {
      out.push(numeric);
      i = numeric.end;
      continue;
    }
    const u = skipSpaces(text, runEnd);
    const unit = text[u];
    if (unit !== '年' && unit !== '月' && unit !== '日') {
      i = runEnd;
      continue;
    }
    const first = part(text, i, runEnd);
    const date: ArabicDate = { start: i, end: u + 1 };
    let next = u + 1;
    if (unit === '年') {
      date.year = first;
      const m = readPart(text, skipSpaces(text, next), '月');
      if (m) {
        date.month = m.part;
        next = m.next;
      }
    } else if (unit === '月') {
      date.month = first;
    } else {
      date.day = first;
    }
    if (date.month) {
      const d = readPart(text, skipSpaces(text, next), '日');
      if (d) {
        date.day = d.part;
        next = d.next;
      }
    }
    date.end = next;
    out.push(date);
    i = next;
  }
  return out;
}

/** Every full date in Chinese numerals (二〇二四年一月五日), in order. */
function chineseDates(text: string): ChineseDate[] {
  const out: ChineseDate[] = [];
  for (let y = text.indexOf('年', 4); y !== -1; y = text.indexOf('年', y + 1)) {
    const start = y - 4;
    let year = 0;
    let ok = !(text[start - 1] in CN_YEAR_DIGITS);
    for (let k = start; ok && k < y; k++) {
      const d = CN_YEAR_DIGITS[text[k]];
      if (d === undefined) ok = false;
      else year = year * 10 + d;
    }
    if (!ok) continue;
    const month = readChineseDayNumber(text, y + 1);
    if (!month || text[month.end] !== '月') continue;
    const day = readChineseDayNumber(text, month.end + 1);
    if (!day || text[day.end] !== '日') continue;
    out.push({
      start,
      end: day.end + 1,
      year,
      month: month.value,
      day: day.value,
      parts: [
        [start, y],
        [y + 1, month.end],
        [month.end + 1, day.end],
      ],
    });
  }
  return out;
}

function usesFullWidth(p: Part | undefined): boolean {
  if (!p) return false;
  for (const ch of p.digits) if (isFullWidthDigit(ch)) return true;
  return false;
}

function leadingZeros(p: Part | undefined): number {
  if (!p || p.digits.length < 2 || p.value === 0) return 0;
  let n = 0;
  while (n < p.digits.length - 1 && (p.digits[n] === '0' || p.digits[n] === '０')) n++;
  return n;
}

/** The date as it should be written: half-width digits, no leading zeros, the rest as it is. */
function normalized(text: string, date: ArabicDate): string {
  if (date.separator) return `${date.year!.value}年${date.month!.value}月${date.day!.value}日`;
  let out = '';
  let at = date.start;
  for (const p of [date.year, date.month, date.day]) {
    if (!p) continue;
    out += text.slice(at, p.start) + (p === date.year ? toHalfWidth(p.digits) : String(p.value));
    at = p.end;
  }
  return out + text.slice(at, date.end);
}

/** Whether the date names a month together with a year or a day: only then can it be impossible. */
function canBeChecked(date: ArabicDate): boolean {
  return date.month !== undefined && (date.year !== undefined || date.day !== undefined);
}

export default defineRule({
  id: 'date-format',
  category: 'format',
  severity: 'error',
  fixable: true,
  options: {
    dateStyle: {
      default: 'majority' as 'majority' | 'arabic',
      schema: { enum: ['majority', 'arabic'] },
      description: {
        zh: '全文日期写法的统一方式：majority（默认）按多数写法统一，报告少数写法，两种写法一样多时报告汉字数字写法；arabic 要求一律使用阿拉伯数字，报告每个汉字数字日期。',
        en: 'How the dates of one report are held to one style: majority (default) reports the dates written the less common way (Chinese numerals when both are equally common); arabic reports every date in Chinese numerals.',
      },
    },
  },
  messages: {
    leadingZero: {
      zh: '月、日不编虚位：应为“{expected}”，实为“{actual}”',
      en: 'Month and day take no leading zero: expected “{expected}”, found “{actual}”',
    },
    shortYear: {
      zh: '年份应标全称（四位数字）：实为“{actual}”',
      en: 'Write the year in full (four digits): found “{actual}”',
    },
    numericDate: {
      zh: '日期应写作“×年×月×日”：应为“{expected}”，实为“{actual}”',
      en: 'Write dates with 年, 月 and 日: expected “{expected}”, found “{actual}”',
    },
    fullWidth: {
      zh: '与“年”“月”“日”连用的数字应使用半角阿拉伯数字：应为“{expected}”，实为“{actual}”',
      en: 'Use half-width digits next to 年, 月 and 日: expected “{expected}”, found “{actual}”',
    },
    invalidDate: {
      zh: '日期不存在：“{actual}”',
      en: 'No such date: “{actual}”',
    },
    mixedStyle: {
      zh: '全文日期写法不统一：应为“{expected}”，实为“{actual}”',
      en: 'Dates are written two ways in this report: expected “{expected}”, found “{actual}”',
    },
    dayAsHao: {
      zh: '公文日期用“日”不用“号”：应为“{expected}”，实为“{actual}”',
      en: 'Official dates take 日, not 号: expected “{expected}”, found “{actual}”',
    },
    missingYear: {
      zh: '年份后缺“年”字：应为“{expected}”，实为“{actual}”',
      en: 'The year lacks 年: expected “{expected}”, found “{actual}”',
    },
    fullWidthDigit: {
      zh: '数字应使用半角阿拉伯数字：应为“{expected}”，实为“{actual}”',
      en: 'Use half-width Arabic digits: expected “{expected}”, found “{actual}”',
    },
    jiezhi: {
      zh: '表示“到某时为止”用“截至”：应为“截至{rest}”，实为“截止{rest}”',
      en: 'Before a time, “up to” is 截至: expected “截至{rest}”, found “截止{rest}”',
    },
    dateBlockNumerals: {
      zh: '成文日期应使用阿拉伯数字：应为“{expected}”，实为“{actual}”',
      en: 'The date of the document takes Arabic numerals: expected “{expected}”, found “{actual}”',
    },
  },
  docs: {
    summary: {
      zh: '日期写作“2024年1月5日”：年份四位、月日不编虚位、半角数字、日期真实、全文写法统一；“日”不作“号”，“截至”不作“截止”',
      en: 'Write dates as 2024年1月5日: four-digit year, no leading zeros, half-width digits, a real date, one style per report; 日 not 号, 截至 not 截止',
    },
    why: {
      zh: '成文日期和正文中的日期是公文的要素。“2024年01月05日”“24年1月5日”“2024.1.5”“２０２４年”等写法不合公文格式；“2023年2月29日”这样不存在的日期更是明显的差错；同一份报告里“二〇二四年”与“2024年”混用，则显得材料拼凑、未经统稿。',
      en: 'Dates, above all the date of the document, are part of an official document’s form. 2024年01月05日, 24年1月5日, 2024.1.5 or full-width ２０２４年 break that form; a date that does not exist (2023年2月29日) is a plain error; and a report that writes both 二〇二四年 and 2024年 reads as pieced together and never edited as a whole.',
    },
    standard: 'GB/T 9704-2012 §7.3.5.3（成文日期）；GB/T 15835-2011（年月日的书写、阿拉伯数字的半角书写）',
    details: {
      zh: '检查正文、标题、表格单元格和成文日期中所有用阿拉伯数字写的日期：月、日前补“0”（01月、05日，含“1月5日”“2024年1月”这样不完整的日期）可自动修正为“1月”“5日”；与“年”“月”“日”连用的全角数字（２０２４年、５日）可自动修正为半角；两位数年份（24年1月5日）只报告不修正（世纪无从判断）；含有汉字的段落和成文日期中的“2024.1.5”“2024-1-5”“2024/1/5”可自动修正为“2024年1月5日”；不存在的日期（2023年2月29日、2024年13月1日）只报告不修正。成文日期用汉字数字（二〇二四年一月十五日）的，按 GB/T 9704 改为阿拉伯数字。正文中的完整日期（年月日俱全）有的用汉字数字、有的用阿拉伯数字时，以多数写法为准报告少数写法（警告，不自动修正；一样多时报告汉字数字写法；dateStyle 设为 arabic 则报告所有汉字数字日期）；成文日期不参与这一统计。不检查：版本号和小数（3.5、V2.1.3）、标准编号（GB/T 9704-2012）、网址和电子邮箱、行内代码和代码块、HTML 注释和 Front Matter、不含汉字的段落和表格单元格中的“2024-01-05”（GB/T 15835 允许在数据中使用这种扩展格式）、含“×”的占位日期（由 no-placeholder 检查）。“1月5日”“2024年1月”这样不完整的日期本身不报告。\n\n日期的其他写法：“4月1号”中的“号”改为“日”（“1号楼”“1号文件”不报）；“25年底”“23年上半年”这样的两位数年份只报告；“2023上半年”“2024全年”补“年”字；“截止2024年6月”“截止去年底”中的“截止”改为“截至”（“截止日期”“截止到”不报；“截止目前”由 typo-words 报告）。日期以外的全角数字（“线索１２件”）也改为半角，一处只报一次。',
      en: 'Checks every date written with Arabic numerals in the body, the title, table cells and the date of the document: a leading zero on a month or day (01月, 05日, also in partial dates such as 1月5日 or 2024年1月) is fixed to 1月, 5日; full-width digits next to 年, 月 or 日 (２０２４年, ５日) are fixed to half-width; a two-digit year (24年1月5日) is reported without a fix, since the century would be a guess; 2024.1.5, 2024-1-5 and 2024/1/5 in a paragraph with Chinese text or in the date of the document are fixed to 2024年1月5日; a date that does not exist (2023年2月29日, 2024年13月1日) is reported without a fix. A date of the document in Chinese numerals (二〇二四年一月十五日) is fixed to Arabic numerals, as GB/T 9704 asks. When the report’s full dates (year, month and day) use Chinese numerals in some places and Arabic numerals in others, the less common style is reported as a warning, without a fix (Chinese numerals when both are equally common; with dateStyle: arabic every date in Chinese numerals is reported); the date of the document is not counted. Not checked: version numbers and decimals (3.5, V2.1.3), standard numbers (GB/T 9704-2012), URLs and e-mail addresses, inline code and code blocks, HTML comments and front matter, 2024-01-05 in paragraphs or table cells without Chinese text (GB/T 15835 allows that extended form in data), placeholder dates with × (no-placeholder’s job). Partial dates such as 1月5日 or 2024年1月 are fine as they are.\n\nOther date wording: 号 for 日 (4月1号) is fixed to 日 (1号楼 and 1号文件 pass); a two-digit year before a part of the year (25年底, 23年上半年) is reported; a year without 年 (2023上半年, 2024全年) gets its 年; 截止 right before a time (截止2024年6月, 截止去年底) is fixed to 截至 (截止日期 and 截止到 pass; 截止目前 is typo-words’). Full-width digits outside dates (线索１２件) are made half-width too, with one finding per place.',
    },
  },
  examples: [
    { valid: '关于2024年工作情况的报告\n区委于2024年1月5日召开常委会，12月31日前完成整改，2024年3月起推行。' },
    {
      valid: '全年开展督查3.5轮，V2.1.3版系统上线，按GB/T 9704-2012执行，详见https://example.gov.cn/2024/1/5/a.html。',
      note: { zh: '小数、版本号、标准编号和网址中的数字不是日期。', en: 'Decimals, versions, standard numbers and URLs hold no dates.' },
    },
    {
      format: 'markdown',
      valid: '---\ndate: 2024-01-05\n---\n\n于`2024.1.5`发布。\n\n<!-- 2024年01月05日 -->\n\nReleased 2024-01-05.\n\n| 日期 | 事项 |\n| --- | --- |\n| 2024-01-05 | 召开会议 |\n',
      note: {
        zh: 'Front Matter、行内代码、HTML 注释、不含汉字的句子和表格中的数据日期不检查。',
        en: 'Front matter, inline code, HTML comments, sentences without Chinese and data dates in tables are not checked.',
      },
    },
    { valid: '2024年×月×日召开会议。', note: { zh: '占位日期由 no-placeholder 检查。', en: 'Placeholder dates are no-placeholder’s job.' } },
    {
      valid: '二〇二三年，区委召开会议。二〇二四年一月五日召开全会，二〇二四年三月八日召开推进会。',
      note: { zh: '全文统一用汉字数字。', en: 'Chinese numerals throughout.' },
    },
    {
      invalid: '区委于2024年01月05日召开常委会，08月起推行。',
      expect: ['1:4 leadingZero', '1:21 leadingZero'],
      output: '区委于2024年1月5日召开常委会，8月起推行。',
    },
    { invalid: '24年1月5日召开常委会。', expect: ['1:1 shortYear'] },
    {
      invalid: '整改通知于2024.1.5印发，2024-01-15前报送，2024/3/1起执行。',
      expect: ['1:6 numericDate', '1:17 numericDate', '1:31 numericDate'],
      output: '整改通知于2024年1月5日印发，2024年1月15日前报送，2024年3月1日起执行。',
    },
    {
      invalid: '２０２４年共处置问题线索６件，１月５日召开会议。',
      expect: ['1:1 fullWidth', '1:13 fullWidthDigit', '1:16 fullWidth'],
      output: '2024年共处置问题线索6件，1月5日召开会议。',
      note: {
        zh: '日期中的全角数字随日期报告（fullWidth），其他全角数字单独报告（fullWidthDigit），一处只报一次。',
        en: 'Full-width digits in a date are reported with the date (fullWidth), others on their own (fullWidthDigit); one finding per place.',
      },
    },
    {
      invalid: '于2023年2月29日、2024年13月1日和2024.4.31召开会议。',
      expect: ['1:2 invalidDate', '1:13 invalidDate', '1:24 invalidDate'],
    },
    {
      invalid: '关于2023年度工作情况的报告\n2023年1月5日召开全会，2023年3月8日召开推进会，二〇二三年六月一日召开总结会。',
      expect: ['2:30 mixedStyle'],
    },
    {
      invalid: '二〇二三年一月五日召开全会。',
      options: { dateStyle: 'arabic' },
      expect: ['1:1 mixedStyle'],
    },
    {
      invalid: '关于2023年度工作情况的报告\n区委召开全会，研究部署全年工作。\n中共青山区委\n二〇二四年一月十五日',
      expect: ['4:1 dateBlockNumerals'],
      output: '关于2023年度工作情况的报告\n区委召开全会，研究部署全年工作。\n中共青山区委\n2024年1月15日',
    },
    {
      invalid: '关于2023年度工作情况的报告\n区委召开全会，研究部署全年工作。\n中共青山区委\n2024.01.15',
      expect: ['4:1 numericDate'],
      output: '关于2023年度工作情况的报告\n区委召开全会，研究部署全年工作。\n中共青山区委\n2024年1月15日',
      note: { zh: '成文日期也按同样规则检查。', en: 'The date of the document is checked the same way.' },
    },
    {
      invalid: '2024年4月1号召开全会，截至25年底完成整改，2023上半年开展督查，截止2024年6月共处置线索１２件。',
      expect: ['1:6 dayAsHao', '1:17 shortYear', '1:26 missingYear', '1:38 jiezhi', '1:52 fullWidthDigit'],
      output: '2024年4月1日召开全会，截至25年底完成整改，2023年上半年开展督查，截至2024年6月共处置线索12件。',
      note: {
        zh: '“号”改为“日”；两位数年份只报告；补“年”字；日期前的“截止”改为“截至”；日期以外的全角数字也改为半角。',
        en: '号 becomes 日; a two-digit year is only reported; 年 is added; 截止 before a date becomes 截至; full-width digits outside dates become half-width too.',
      },
    },
    {
      valid: '5月1号文件已印发，3号楼完成改造，报名截止日期为6月30日，截止到2024年底全部完成，工作15年以上的干部有25人。',
      note: { zh: '“1号文件”“3号楼”“截止日期”“截止到”和表示时长的“15年”不报。', en: '1号文件, 3号楼, 截止日期, 截止到 and 15年 as a length of time pass.' },
    },
  ],
  check(report, context) {
    const arabicFull: Array<{ p: Paragraph; date: ArabicDate; text: string }> = [];
    const chineseFull: Array<{ p: Paragraph; date: ChineseDate; text: string }> = [];

    for (const p of report.paragraphs) {
      const { text } = p.content;
      const isDateBlock = p === report.date;
      // Dates are checked in Chinese text and in the date of the document (2024.1.5 alone is data).
      let hasHan = isDateBlock;
      for (let i = 0; !hasHan && i < text.length; i++) hasHan = isHan(text[i]);
      if (!hasHan) continue;
      // Built on first use: most paragraphs have nothing to report, and need no protected ranges.
      let guard: Guard | undefined;
      const guarded: Guard = (a, b) => (guard ??= rangeGuard(protectedRanges(text)))(a, b);
      const at = (a: number, b: number) => p.content.span(a, b);

      const dates = arabicDates(text);
      fullWidthOutsideDates(p, text, dates, guarded, context);
      for (const date of dates) {
        if (guarded(date.start, date.end)) continue;
        const actual = text.slice(date.start, date.end);
        const expected = normalized(text, date);
        if (date.separator) {
          if (!isRealDate(date.year!.value, date.month!.value, date.day!.value)) {
            context.report({ at: at(date.start, date.end), messageId: 'invalidDate', data: { actual } });
          } else {
            context.report({
              at: at(date.start, date.end),
              messageId: 'numericDate',
              data: { expected, actual },
              fix: { range: at(date.start, date.end), text: expected },
            });
          }
          continue;
        }
        const fullYear = date.year && date.year.digits.length === 4 ? date.year.value : undefined;
        if (canBeChecked(date) && !isRealDate(fullYear, date.month?.value, date.day?.value)) {
          context.report({ at: at(date.start, date.end), messageId: 'invalidDate', data: { actual } });
          continue;
        }
        if (date.year && date.month && date.year.digits.length === 2) {
          context.report({ at: at(date.start, date.end), messageId: 'shortYear', data: { actual } });
        }
        const parts = [date.year, date.month, date.day];
        if (parts.some(usesFullWidth)) {
          const edits: Edit[] = [];
          for (const q of parts) {
            if (!q) continue;
            for (let k = q.start; k < q.end; k++) {
              if (isFullWidthDigit(text[k])) edits.push({ range: at(k, k + 1), text: toHalfWidth(text[k]) });
            }
          }
          context.report({ at: at(date.start, date.end), messageId: 'fullWidth', data: { expected, actual }, fix: edits });
        }
        const zeroEdits: Edit[] = [];
        for (const q of [date.month, date.day]) {
          const n = leadingZeros(q);
          if (q && n) zeroEdits.push({ range: at(q.start, q.start + n), text: '' });
        }
        if (zeroEdits.length) {
          context.report({ at: at(date.start, date.end), messageId: 'leadingZero', data: { expected, actual }, fix: zeroEdits });
        }
        if (!isDateBlock && fullYear !== undefined && date.month && date.day) arabicFull.push({ p, date, text: actual });
      }

      for (const date of chineseDates(text)) {
        if (guarded(date.start, date.end)) continue;
        const actual = text.slice(date.start, date.end);
        if (!isRealDate(date.year, date.month, date.day)) {
          context.report({ at: at(date.start, date.end), messageId: 'invalidDate', data: { actual } });
          continue;
        }
        if (isDateBlock) {
          const values = [String(date.year), String(date.month), String(date.day)];
          context.report({
            at: at(date.start, date.end),
            messageId: 'dateBlockNumerals',
            data: { expected: `${date.year}年${date.month}月${date.day}日`, actual },
            fix: date.parts.map(([a, b], k) => ({ range: at(a, b), text: values[k] })),
          });
        } else {
          chineseFull.push({ p, date, text: actual });
        }
      }
      if (!isDateBlock) writtenTimes(p, text, guarded, context);
    }

    // One style per report: the less common one is reported (Chinese numerals on a tie).
    const reportChinese = context.options.dateStyle === 'arabic' || chineseFull.length <= arabicFull.length;
    if (reportChinese) {
      if (context.options.dateStyle !== 'arabic' && arabicFull.length === 0) return;
      for (const { p, date, text } of chineseFull) {
        context.report({
          at: p.content.span(date.start, date.end),
          messageId: 'mixedStyle',
          warnOnly: true,
          data: { expected: `${date.year}年${date.month}月${date.day}日`, actual: text },
        });
      }
    } else {
      for (const { p, date, text } of arabicFull) {
        const { year, month, day } = date as Required<Pick<ArabicDate, 'year' | 'month' | 'day'>>;
        context.report({
          at: p.content.span(date.start, date.end),
          messageId: 'mixedStyle',
          warnOnly: true,
          data: { expected: `${chineseYear(year.value)}年${chineseDayNumber(month.value)}月${chineseDayNumber(day.value)}日`, actual: text },
        });
      }
    }
  },
});

type Guard = (start: number, end?: number) => boolean;
interface Reporter {
  report(d: { at: { start: number; end: number }; messageId: string; data?: Record<string, string | number>; fix?: Edit | Edit[] }): void;
}

const D = '[0-9０-９]';
/** 4月1号 (not 1号楼, 1号文件). */
const HAO = new RegExp(`(${D}{1,2})\\s*月\\s*(${D}{1,2})\\s*号(?![楼院线文令码室房栋机台车位])`, 'gu');
/** 25年底, 23年上半年: a two-digit year before a part of the year (24年1月5日 is shortYear's above). */
const SHORT_YEAR = new RegExp(`(?<![0-9０-９.．第近约共满每前后余多])(${D}{2})年(?=底|初|末|度|上半年|下半年|前三季度|第[一二三四]季度|[一二三四]季度)`, 'uy');
/** 2023上半年: a year with no 年 before a part of the year. */
const NO_YEAR_UNIT = new RegExp(`(?<![0-9０-９.．])((?:19|20)${D}{2})(?=上半年|下半年|全年|前三季度|第[一二三四]季度|[一二三四]季度)`, 'uy');
const CENTURY = /19|20/g;
/** 截止2024年, 截止6月, 截止今年: 截止 right before a time (截止目前 is typo-words'). */
const JIEZHI = new RegExp(`截止(?=\\s*(?:${D}{2,4}\\s*年|${D}{1,2}\\s*月|今年|去年|上年|本年|当年|同年|上月|本周|上周))`, 'gu');

const JIEZHI_TIME = new RegExp(`^\\s*(?:${D}{2,4}\\s*年(?:\\s*${D}{1,2}\\s*月(?:\\s*${D}{1,2}\\s*日)?)?|${D}{1,2}\\s*月(?:\\s*${D}{1,2}\\s*日)?|今年|去年|上年|本年|当年|同年|上月|本周|上周)(?:底|初|末)?`, 'u');

/** Date wording beyond the date itself: 号 for 日, a short or unmarked year, 截止 before a time. */
function writtenTimes(p: Paragraph, text: string, guarded: Guard, context: Reporter): void {
  const at = (a: number, b: number) => p.content.span(a, b);
  if (text.includes('号')) {
    for (const m of text.matchAll(HAO)) {
      const end = m.index + m[0].length;
      if (guarded(m.index, end)) continue;
      const expected = `${toHalfWidth(m[0]).slice(0, -1)}日`;
      context.report({ at: at(m.index, end), messageId: 'dayAsHao', data: { expected, actual: m[0] }, fix: { range: at(end - 1, end), text: '日' } });
    }
  }
  // Every SHORT_YEAR match is two digits and 年: tried (sticky) only two places before each 年.
  for (let y = text.indexOf('年', 2); y !== -1; y = text.indexOf('年', y + 1)) {
    if (!isDigitCode(text.charCodeAt(y - 1)) || !isDigitCode(text.charCodeAt(y - 2))) continue;
    SHORT_YEAR.lastIndex = y - 2;
    const m = SHORT_YEAR.exec(text);
    if (!m || guarded(m.index, m.index + 3)) continue;
    const rest = /^(?:底|初|末|度|上半年|下半年|前三季度|第[一二三四]季度|[一二三四]季度)/u.exec(text.slice(m.index + 3))![0];
    context.report({ at: at(m.index, m.index + 3 + rest.length), messageId: 'shortYear', data: { actual: m[0] + rest } });
  }
  // Every NO_YEAR_UNIT match starts with 19 or 20 (ASCII): found natively, then tried (sticky) there.
  CENTURY.lastIndex = 0;
  for (let c = CENTURY.exec(text); c !== null; c = CENTURY.exec(text)) {
    NO_YEAR_UNIT.lastIndex = c.index;
    const m = NO_YEAR_UNIT.exec(text);
    if (!m) {
      CENTURY.lastIndex = c.index + 1;
      continue;
    }
    const end = m.index + 4;
    CENTURY.lastIndex = end;
    if (guarded(m.index, end)) continue;
    const rest = /^(?:上半年|下半年|全年|前三季度|第[一二三四]季度|[一二三四]季度)/u.exec(text.slice(end))![0];
    context.report({
      at: at(m.index, end + rest.length),
      messageId: 'missingYear',
      data: { expected: `${toHalfWidth(m[0])}年${rest}`, actual: m[0] + rest },
      fix: { range: { start: at(end - 1, end).end, end: at(end - 1, end).end }, text: '年' },
    });
  }
  if (text.includes('截止')) {
    for (const m of text.matchAll(JIEZHI)) {
      if (guarded(m.index, m.index + 2)) continue;
      const rest = JIEZHI_TIME.exec(text.slice(m.index + 2))?.[0] ?? '';
      context.report({ at: at(m.index, m.index + 2), messageId: 'jiezhi', data: { rest }, fix: { range: at(m.index + 1, m.index + 2), text: '至' } });
    }
  }
}

const FULL_WIDTH_DIGIT = /[０-９]/;

/** Full-width digits outside the dates above (those are reported as fullWidth with the date). */
function fullWidthOutsideDates(p: Paragraph, text: string, dates: ArabicDate[], guarded: Guard, context: Reporter): void {
  // The loop below acts on full-width digits only.
  if (!FULL_WIDTH_DIGIT.test(text)) return;
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xff10 || c > 0xff19) continue;
    let end = i + 1;
    while (end < text.length && (isDigit(text[end]) || ((text[end] === '．' || text[end] === '.') && isDigit(text[end + 1])))) end++;
    while (k < dates.length && dates[k].end <= i) k++;
    const inDate = k < dates.length && dates[k].start <= i && (usesFullWidth(dates[k].year) || usesFullWidth(dates[k].month) || usesFullWidth(dates[k].day) || dates[k].separator !== undefined);
    if (!inDate && !guarded(i, end)) {
      const actual = text.slice(i, end);
      const edits: Edit[] = [];
      for (let j = i; j < end; j++) if (isFullWidthDigit(text[j]) || text[j] === '．') edits.push({ range: p.content.span(j, j + 1), text: toHalfWidth(text[j]) });
      context.report({ at: p.content.span(i, end), messageId: 'fullWidthDigit', data: { expected: toHalfWidth(actual), actual }, fix: edits });
    }
    i = end - 1;
  }
}
