import { defineRule, type RuleContext } from '../src/engine/rule.js';
import type { Paragraph } from '../src/model/report.js';
import { isChinese, isHan, isLatinOnly, protectedRanges, rangeGuard } from '../src/text/prose.js';
import { contiguousSpan, isDigit, isLatinLetter } from '../src/text/forms.js';

/** Characters of malformed ellipses: half- and full-width points, 。, the midline ⋯, middle dots. */
const POINTS = '.．';
const MIDDLE_DOTS = '·・';
/** Dash-like characters: hyphen-minus, full-width hyphen, en dash, em dash, horizontal bar, box-drawing line. */
const DASHES = '-－–—―─';
/** Dash-like characters that may stand between two numbers as a range. */
const HYPHENS = '-－–―─';
/** Words before `1-2` that make it the number of an item (附件1-2, 见表2-3), not a range. */
const NUMBERED_ITEM = ['附件', '附表', '附图', '编号', '序号', '型号', '代码', '见表', '见图', '如表', '如图', '详见表', '详见图'];
/** Tildes that stand for the wave dash ～ of a range. */
const TILDES = '~〜';
/**
 * Every character a check starts from: ellipses, points, dots, dashes, tildes and 、. Not 。: a
 * single one ends most sentences, and only runs of three or more are looked for (ELLIPSIS_OF_STOPS).
 */
const TRIGGERS = new RegExp(
  `[${['…⋯、', POINTS, MIDDLE_DOTS, DASHES, TILDES].join('').replace(/[-\\\]^]/g, '\\$&')}]`,
  'g',
);
/** The fewest 。 that make an ellipsis. */
const ELLIPSIS_OF_STOPS = '。。。';
/** After `……等`: 等 starting one of these words (等级, 等同, 等于 …) is not the redundant 等. */
const DENG_WORDS = '级次同待于额量候价距效比值号分速温位身';
/** Words that, after `北京—上海`, name a route: the single — is then a connector (连接号). */
const ROUTE_WORDS = ['高速', '铁路', '公路', '航线', '专线', '班列', '快车', '列车', '方向', '区间', '干线', '管道', '通道'];
/** Time words before or after a single — (三月—五月, 周一—周五): a range of time, not a dash. */
const TIME_CHARS = '一二三四五六七八九十〇零两年月日时周期季';
/** Sequence words of GB/T 15834 §4.5.3.3 (and 一是…十是) that take ， not 、 at the head of a clause. */
const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ORDER_WORDS = [
  '首先',
  '其次',
  '再次',
  '最后',
  ...CN_ORDINALS.map((n) => `${n}是`),
  ...CN_ORDINALS.map((n) => `其${n}`),
  ...CN_ORDINALS.map((n) => `第${n}`),
];
/** What may stand before a sequence word at the head of a clause. */
const CLAUSE_BREAK = '。！？；：，!?;:';
/** Parallel items in these marks take no 顿号 between them (GB/T 15834 §4.5.3.5). */
const QUOTED_PAIRS: Record<string, string> = { '》': '《', '”': '“', '’': '‘' };

function countRun(text: string, i: number, chars: string): number {
  let j = i;
  while (j < text.length && chars.includes(text[j])) j++;
  return j - i;
}

/** A number at text[start…): digits, an optional decimal part and an optional %. */
function readNumberForward(text: string, start: number): { end: number; digits: string; value: number } | null {
  let j = start;
  while (j < text.length && isDigit(text[j])) j++;
  if (j === start) return null;
  const intEnd = j;
  if (text[j] === '.' && isDigit(text[j + 1])) {
    j++;
    while (j < text.length && isDigit(text[j])) j++;
  }
  const value = Number(text.slice(start, j));
  if (text[j] === '%') j++;
  return { end: j, digits: text.slice(start, intEnd), value };
}

/** A number ending just before text[end]: digits, an optional decimal part and an optional %. */
function readNumberBackward(text: string, end: number): { start: number; digits: string; value: number } | null {
  let j = end;
  if (text[j - 1] === '%') j--;
  const numEnd = j;
  while (j > 0 && isDigit(text[j - 1])) j--;
  if (j === numEnd) return null;
  if (text[j - 1] === '.' && isDigit(text[j - 2])) {
    j--;
    while (j > 0 && isDigit(text[j - 1])) j--;
  }
  const literal = text.slice(j, numEnd);
  const dot = literal.indexOf('.');
  return { start: j, digits: dot === -1 ? literal : literal.slice(0, dot), value: Number(literal) };
}

/** Characters that make a number part of a code, a standard number or a date rather than a range end. */
function isCodeNeighbour(ch: string | undefined): boolean {
  return ch !== undefined && (isLatinLetter(ch) || isDigit(ch) || '-－–―─/\\._:#+&=＿@'.includes(ch));
}

/**
 * Judges `A-B` (or A~B) around the range mark at `i`. Returns what the range
 * should read, or null when it is not a range to touch (a phone number, a date,
 * a standard number like GB/T 9704-2012, a score 3-1, a code 2024-001).
 */
function judgeRange(text: string, i: number): { start: number; end: number; mark: string } | null {
  const a = readNumberBackward(text, i);
  const b = readNumberForward(text, i + 1);
  if (!a || !b) return null;
  const before = text[a.start - 1];
  const after = text[b.end];
  if (isCodeNeighbour(before) || isCodeNeighbour(after)) return null;
  // 附件1-2, 表2-3, 编号3-5: a numbered item, not a range.
  if (NUMBERED_ITEM.some((w) => text.endsWith(w, a.start))) return null;
  if ('表图'.includes(before) && !isHan(text[a.start - 2])) return null;
  // GB/T 9704-2012, ISO 9001-2015: a Latin word and a space before the number.
  if (before === ' ' && isCodeNeighbour(text[a.start - 2])) return null;
  // Leading zeros (0571-, 2024-01), long numbers (phones, serials) and descending pairs are not ranges.
  if (/^0\d/.test(a.digits) || /^0\d/.test(b.digits)) return null;
  if (a.digits.length > 4 || b.digits.length > 4) return null;
  if (!(a.value < b.value)) return null;
  if (!isHan(before) && !isHan(after)) return null;
  return { start: a.start, end: b.end, mark: rangeMark(text, b.end, a, b) };
}

/** — for a span of time (2023—2024年, 3—5月, 1—5日), ～ for a range of values (5～10人, 3～5年). */
function rangeMark(text: string, end: number, a: { digits: string; value: number }, b: { digits: string; value: number }): string {
  const isInt = (n: { digits: string; value: number }) => String(n.value) === n.digits;
  if (!isInt(a) || !isInt(b)) return '～';
  const unit = text.slice(end, end + 2);
  const years = a.digits.length === 4 && b.digits.length === 4 && a.value >= 1900 && b.value <= 2100;
  if (years && (unit[0] === '年' || unit === '学年' || unit === '财年' || unit === '赛季')) return '—';
  if (unit[0] === '月' && b.value <= 12) return '—';
  if (unit[0] === '日' && b.value <= 31) return '—';
  if (unit[0] === '时' && b.value <= 24) return '—';
  if (unit === '季度' && b.value <= 4) return '—';
  if (unit === '世纪') return '—';
  return '～';
}

/**
 * A single — followed by a place name and a route word (长沙—湘潭段, 北京—上海特别快车):
 * the connector of GB/T 15834 §4.13, not a dash. 段/线 count only right after a
 * two- or three-character name, so that 问题线索 far down the clause does not.
 */
function looksLikeRoute(text: string, from: number): boolean {
  let j = from;
  while (j < text.length && j - from < 8 && isHan(text[j])) j++;
  const run = text.slice(from, j);
  if ('段线'.includes(run[2] ?? '\0') || '段线'.includes(run[3] ?? '\0')) return true;
  return ROUTE_WORDS.some((w) => run.indexOf(w, 2) !== -1);
}

/** A single — between Han characters that is a connector (连接号), not a broken dash. */
function isConnector(text: string, i: number): boolean {
  // Spans of time (三月—五月, 周一—周五), China and a partner (中国—东盟), routes (长沙—湘潭段).
  return TIME_CHARS.includes(text[i - 1]) || TIME_CHARS.includes(text[i + 1]) || text.endsWith('中国', i) || looksLikeRoute(text, i + 1);
}

export default defineRule({
  id: 'punctuation-forms',
  category: 'format',
  severity: 'warn',
  fixable: true,
  options: {},
  messages: {
    ellipsis: {
      zh: '省略号应为“……”，实为“{actual}”',
      en: 'An ellipsis is written “……”, found “{actual}”',
    },
    ellipsisEtc: {
      zh: '省略号与“{etc}”不连用：“……{etc}”中的“{etc}”多余',
      en: 'An ellipsis already means “and so on”: “{etc}” after “……” is redundant',
    },
    dash: {
      zh: '破折号应为“——”，实为“{actual}”',
      en: 'A dash is written “——”, found “{actual}”',
    },
    range: {
      zh: '表示范围应为“{expected}”，实为“{actual}”',
      en: 'A range is written “{expected}”, found “{actual}”',
    },
    orderComma: {
      zh: '序次语后用逗号：应为“{expected}”，实为“{actual}”',
      en: 'A sequence word takes a comma: expected “{expected}”, found “{actual}”',
    },
    quotedListComma: {
      zh: '并列的书名号或引号之间不用顿号：应为{expected}，实为{actual}',
      en: 'No enumeration comma between items already in book-title marks or quotes: expected {expected}, found {actual}',
    },
  },
  docs: {
    summary: {
      zh: '省略号、破折号、连接号、序次语和并列书名号（引号）的标点用规范形式',
      en: 'Ellipses, dashes, range marks, sequence words and lists of titles or quotes use the standard punctuation forms',
    },
    why: {
      zh: '“...”“--”“2023-2024年”“首先、”“《条例》、《规定》”是从键盘、网页或其他软件带进报告的非规范标点，在正式公文中显得不严谨，也是审阅和校对中常被改动的地方。',
      en: '“...”, “--”, “2023-2024年”, “首先、” and “《条例》、《规定》” are non-standard forms carried in from the keyboard, web pages or other software; in an official report they look careless and are among the things proofreaders correct most.',
    },
    standard: 'GB/T 15834-2011 §4.11 省略号、§4.9 破折号、§4.13 连接号、§4.5.3.3 逗号（序次语）、§4.5.3.5 顿号',
    details: {
      zh: [
        '省略号：与中文相邻的“...”“。。。”“⋯⋯”“···”和单个“…”改为“……”；“……”与“等”“等等”连用时报告“等”多余，“等”后面是“等级”“等同”“等于”之类的词时只报告不修复。',
        '破折号：与中文相邻的“--”“－－”“――”等改为“——”。夹在两个汉字之间的单个“—”报告但不自动修复，因为它也可能是连接号：“长沙—湘潭段”“北京—上海特别快车”这样的路线、“中国—东盟”、“三月—五月”这样的时间起止可以识别，不报告，其他情况由作者判断。三个及以上的“———”视为分隔线，不报告。',
        '范围：紧挨中文的“数字-数字”中的短横线改为连接号：年份、月、日、时、季度的起止用一字线“—”（2023—2024年、3—5月），数值范围用浪纹线“～”（5～10人、3～5年、15%～30%）；半角“~”和“〜”改为“～”。电话号码（0571-87654321）、日期（2024-01-05）、标准编号（GB/T 9704-2012）、COVID-19 之类的代号、文号（2024-001）、附件或图表编号（附件1-2、见表2-3）、前大后小的比分（3-1）和多于四位的数字一律不动。已写作“—”或“～”的范围不报告。',
        '序次语：分句开头的“首先、其次、再次、最后、一是……十是、其一……其十、第一……第十”后面的顿号改为逗号；后面紧接另一个序次语或数字（“第一、二季度”“一是、二是”）时视为并列，不报告。',
        '并列书名号、引号：“《条例》、《规定》”““四个意识”、“四个自信””之间的顿号删去；书名号、引号后还有括注等其他成分时（“《条例》（2018年修订）、《规定》”）不报告。',
        '网址、电子邮箱、行内代码、代码块、HTML 注释、YAML 前言和纯英文段落不检查。',
      ].join('\n\n'),
      en: [
        'Ellipsis: “...”, “。。。”, “⋯⋯”, “···” and a single “…” beside Chinese text become “……”; “等” or “等等” after “……” is reported as redundant, and when 等 begins a word (等级, 等同, 等于 …) it is reported without a fix.',
        'Dash: “--”, “－－”, “――” and the like beside Chinese text become “——”. A single “—” between two Han characters is reported without a fix, since it may be a connector: routes (长沙—湘潭段, 北京—上海特别快车), 中国—东盟 and spans of time (三月—五月) are recognised and pass; anything else is for the writer to judge. A run of three or more “—” is taken as a rule line and left alone.',
        'Ranges: the hyphen in “number-number” next to Chinese text becomes a range mark: “—” for years, months, days, hours and quarters (2023—2024年, 3—5月), “～” for ranges of values (5～10人, 3～5年, 15%～30%); a half-width “~” or “〜” becomes “～”. Phone numbers (0571-87654321), dates (2024-01-05), standard numbers (GB/T 9704-2012), codes such as COVID-19, serials (2024-001), numbered attachments and tables (附件1-2, 见表2-3), descending pairs such as scores (3-1) and numbers of more than four digits are left alone. A range already written with — or ～ passes.',
        'Sequence words: the 、 after 首先, 其次, 再次, 最后, 一是 … 十是, 其一 … 其十 or 第一 … 第十 at the head of a clause becomes ，; when another sequence word or a numeral follows (第一、二季度, 一是、二是) it is a list and is not reported.',
        'Lists of titles or quotes: the 、 in “《条例》、《规定》” and ““四个意识”、“四个自信”” is removed; when something else stands between the marks (“《条例》（2018年修订）、《规定》”) it is not reported.',
        'URLs, e-mail addresses, inline code, code blocks, HTML comments, front matter and Latin-only paragraphs are not checked.',
      ].join('\n\n'),
    },
  },
  examples: [
    {
      valid:
        '关于2024年度工作情况的报告\n区纪委监委开展专项监督8次……其中发现问题12个。\n坚持问题导向——对照检查发现问题并限期整改。\n2023—2024年连续获评先进，每组配备5～10人，增幅为0.8%～1.5%。\n首先，完善制度；其次，强化监督。\n严格执行《条例》《规定》，增强“四个意识”“四个自信”。',
    },
    {
      valid:
        '关于2024年度工作情况的报告\n联系电话0571-87654321，按GB/T 9704-2012排版，会议于2024-01-05召开，涉及COVID-19防控。\n文号为2024-001号，比分为3-1，详见附件1-2，长沙—湘潭段已通车，中国—东盟博览会期间，三月—五月为集中整治期。\n1.制定责任清单。人均学习3.5小时。\n第一、二季度完成投资3.5亿元。\n严格执行《条例》（2018年修订）、《规定》。',
      note: {
        zh: '电话、标准编号、日期、代号、文号、比分、路段起止、并列序数和括注都不报告。',
        en: 'Phone numbers, standard numbers, dates, codes, serials, scores, route connectors, listed ordinals and bracketed notes pass.',
      },
    },
    {
      format: 'markdown',
      valid:
        '---\ntitle: 2023-2024年...\n---\n\n# 关于2024年度工作情况的报告\n\n网址为 https://example.gov.cn/a--b/2023-2024.html ，邮箱为 a--b@example.gov.cn 。\n\n导出字段按 `2023-2024...` 命名。\n\n<!-- 2023-2024年... -->\n\n```\n5-10人...\n```\n\nSee pages 5-10... and the --fix option.\n\n| 项目 | 人数 |\n| --- | --- |\n| 专项检查 | 5～10人 |\n',
      note: {
        zh: '前言、网址、邮箱、行内代码、HTML 注释、代码块和纯英文段落不检查。',
        en: 'Front matter, URLs, e-mail, inline code, HTML comments, code blocks and Latin-only paragraphs are skipped.',
      },
    },
    {
      invalid: '开展主题党日、专题组织生活会、志愿服务...活动形式丰富。\n问题整改。。。正在推进。\n覆盖机关、社区…等各个领域。',
      expect: ['1:20 ellipsis', '2:5 ellipsis', '3:8 ellipsis'],
      output: '开展主题党日、专题组织生活会、志愿服务……活动形式丰富。\n问题整改……正在推进。\n覆盖机关、社区……各个领域。',
      note: {
        zh: '修复后“……等”在下一遍中报告。',
        en: 'Once fixed, “……等” is reported on the next pass.',
      },
    },
    {
      invalid: '涉及机关、学校、医院……等单位。\n评为优秀、良好……等级。',
      expect: ['1:13 ellipsisEtc', '2:10 ellipsisEtc'],
      output: '涉及机关、学校、医院……单位。\n评为优秀、良好……等级。',
      note: {
        zh: '“等级”中的“等”是词的一部分，只报告不修复。',
        en: 'In 等级 the 等 is part of a word: reported without a fix.',
      },
    },
    {
      invalid: '坚持问题导向--对照检查发现问题。\n加强监督—发现问题线索。',
      expect: ['1:7 dash', '2:5 dash'],
      output: '坚持问题导向——对照检查发现问题。\n加强监督—发现问题线索。',
      note: {
        zh: '单个“—”可能是连接号，只报告不修复。',
        en: 'A single “—” may be a connector: reported without a fix.',
      },
    },
    {
      invalid: '局机关党委2023-2024年度连续获评先进。\n每个检查组配备5-10人，压减经费15%-30%，集中整治安排在3-5月。\n完成时限为1~2个月。',
      expect: ['1:6 range', '2:8 range', '2:18 range', '2:33 range', '3:6 range'],
      output: '局机关党委2023—2024年度连续获评先进。\n每个检查组配备5～10人，压减经费15%～30%，集中整治安排在3—5月。\n完成时限为1～2个月。',
    },
    {
      invalid: '关于2024年度工作情况的报告\n首先、完善监管制度，其次、强化日常监督；最后、严肃追责问责。\n一是、加强学习教育。',
      expect: ['2:1 orderComma', '2:11 orderComma', '2:21 orderComma', '3:1 orderComma'],
      output: '关于2024年度工作情况的报告\n首先，完善监管制度，其次，强化日常监督；最后，严肃追责问责。\n一是，加强学习教育。',
    },
    {
      invalid: '认真学习《中国共产党章程》、《中国共产党纪律处分条例》。\n增强“四个意识”、坚定“四个自信”、做到“两个维护”，落实“三会一课”、“主题党日”制度。',
      expect: ['1:13 quotedListComma', '2:35 quotedListComma'],
      output: '认真学习《中国共产党章程》《中国共产党纪律处分条例》。\n增强“四个意识”、坚定“四个自信”、做到“两个维护”，落实“三会一课”“主题党日”制度。',
    },
  ],
  check(report, context) {
    for (const paragraph of report.paragraphs) checkParagraph(paragraph, context);
  },
});

function checkParagraph(paragraph: Paragraph, context: RuleContext<Record<string, never>>): void {
  const { content } = paragraph;
  const text = content.text;
  if (isLatinOnly(text)) return;
  // Built on the first finding: most paragraphs have none.
  let guarded: ((start: number, end?: number) => boolean) | null = null;
  const markerEnd = paragraph.heads?.marker?.length ?? 0;

  /** Reports text[start, end), fixed to `replacement` when the span is plain source. */
  const report = (start: number, end: number, messageId: string, data: Record<string, string>, replacement?: { start: number; end: number; text: string }): void => {
    guarded ??= rangeGuard(protectedRanges(text));
    if (guarded(start, end)) return;
    const range = replacement ? contiguousSpan(content, replacement.start, replacement.end) : null;
    context.report({
      at: content.span(start, end),
      messageId,
      data,
      fix: range && replacement ? { range, text: replacement.text } : undefined,
    });
  };

  // Visit only the characters this rule is about (a native search), not every character.
  TRIGGERS.lastIndex = 0;
  for (let m = TRIGGERS.exec(text); m; m = TRIGGERS.exec(text)) {
    const i = m.index;
    const ch = text[i];
    const prev = text[i - 1];

    // Ellipses.
    if (ch === '…') {
      const n = countRun(text, i, '…');
      if (n === 2) {
        checkEtc(i + 2);
      } else if (n !== 4) {
        if (isChinese(prev) || isChinese(text[i + n])) {
          report(i, i + n, 'ellipsis', { actual: text.slice(i, i + n) }, n <= 3 ? { start: i, end: i + n, text: '……' } : undefined);
        }
      }
      TRIGGERS.lastIndex = i + n;
      continue;
    }
    if (ch === '⋯' || POINTS.includes(ch) || MIDDLE_DOTS.includes(ch)) {
      const chars = ch === '⋯' ? '⋯' : POINTS.includes(ch) ? POINTS : MIDDLE_DOTS;
      const n = countRun(text, i, chars);
      if (ch === '⋯' ? n <= 3 : n >= 3 && n <= 6) dotsEllipsis(i, n);
      TRIGGERS.lastIndex = i + n;
      continue;
    }

    // Dashes and hyphen ranges.
    if (DASHES.includes(ch)) {
      const n = countRun(text, i, DASHES);
      const run = text.slice(i, i + n);
      const next = text[i + n];
      if (n === 1) {
        if (HYPHENS.includes(ch) && (isDigit(prev) || prev === '%') && isDigit(next)) {
          const range = judgeRange(text, i);
          if (range) {
            report(range.start, range.end, 'range', { expected: text.slice(range.start, i) + range.mark + text.slice(i + 1, range.end), actual: text.slice(range.start, range.end) }, { start: i, end: i + 1, text: range.mark });
          }
        } else if (ch !== '-' && ch !== '－' && isHan(prev) && isHan(next) && !isConnector(text, i)) {
          // A single — may still be a connector we cannot tell (中国—东盟 is one): report, let the writer fix.
          report(i, i + 1, 'dash', { actual: run });
        }
      } else if (run !== '——' && !/^—+$/.test(run)) {
        // `工作 -- 检查`: judge by the characters beyond the spaces.
        let p = i - 1;
        while (p >= 0 && text[p] === ' ') p--;
        let q = i + n;
        while (q < text.length && text[q] === ' ') q++;
        const left = text[p];
        const right = text[q];
        if ((isChinese(left) || isChinese(right)) && !isLatinLetter(left) && !isLatinLetter(right) && !isDigit(left) && !isDigit(right)) {
          report(i, i + n, 'dash', { actual: run }, n <= 4 ? { start: i, end: i + n, text: '——' } : undefined);
        }
      }
      TRIGGERS.lastIndex = i + n;
      continue;
    }
    if (TILDES.includes(ch) && isDigit(text[i + 1]) && (isDigit(prev) || prev === '%')) {
      const range = judgeRange(text, i);
      if (range) {
        report(range.start, range.end, 'range', { expected: text.slice(range.start, i) + '～' + text.slice(i + 1, range.end), actual: text.slice(range.start, range.end) }, { start: i, end: i + 1, text: '～' });
      }
      continue;
    }

    // 顿号 after a sequence word, or between titles and quotes.
    if (ch === '、') {
      const open = QUOTED_PAIRS[prev];
      if (open && text[i + 1] === open) {
        // Quote the two items when they are short enough to read: 《章程》、《条例》.
        let from = i - 2;
        while (from >= 0 && i - from <= 40 && text[from] !== open) from--;
        if (from < 0 || text[from] !== open) from = i - 1;
        let to = i + 2;
        while (to < text.length && to - i <= 40 && text[to] !== prev) to++;
        to = to < text.length && text[to] === prev ? to + 1 : i + 2;
        report(i - 1, i + 2, 'quotedListComma', { expected: text.slice(from, i) + text.slice(i + 1, to), actual: text.slice(from, to) }, { start: i, end: i + 1, text: '' });
        continue;
      }
      const word = orderWordBefore(text, i, markerEnd);
      if (word) report(i - word.length, i + 1, 'orderComma', { expected: `${word}，`, actual: `${word}、` }, { start: i, end: i + 1, text: '，' });
    }
  }

  // Runs of three to six 。, searched apart from the other triggers (no trigger is a 。, so none is skipped).
  for (let i = text.indexOf(ELLIPSIS_OF_STOPS); i !== -1; ) {
    const n = countRun(text, i, '。');
    if (n <= 6) dotsEllipsis(i, n);
    i = text.indexOf(ELLIPSIS_OF_STOPS, i + n);
  }

  /** A run of points, dots or 。 at text[i, i + n) used as an ellipsis: beside Chinese, not between digits, not beside a Latin letter. */
  function dotsEllipsis(i: number, n: number): void {
    const prev = text[i - 1];
    const next = text[i + n];
    if ((isChinese(prev) || isChinese(next)) && !(isDigit(prev) && isDigit(next)) && !isLatinLetter(prev) && !isLatinLetter(next)) {
      report(i, i + n, 'ellipsis', { actual: text.slice(i, i + n) }, { start: i, end: i + n, text: '……' });
    }
  }

  function checkEtc(at: number): void {
    if (text[at] !== '等') return;
    const double = text[at + 1] === '等';
    const etc = double ? '等等' : '等';
    const after = text[at + etc.length];
    // 等 that begins a word (等级, 等同) is not the particle: report, but leave the fix to the writer.
    const partOfWord = !double && after !== undefined && DENG_WORDS.includes(after);
    report(at, at + etc.length, 'ellipsisEtc', { etc }, partOfWord ? undefined : { start: at, end: at + etc.length, text: '' });
  }
}

/** The sequence word before the 、 at `i` when it heads a clause (首先、 after 。 or at the paragraph start). */
function orderWordBefore(text: string, i: number, markerEnd: number): string | null {
  for (const word of ORDER_WORDS) {
    const start = i - word.length;
    if (start < 0 || !text.startsWith(word, start)) continue;
    const before = text[start - 1];
    const atHead = start === 0 || start === markerEnd || (before !== undefined && CLAUSE_BREAK.includes(before));
    if (!atHead) return null;
    // A list of sequence words or numerals (一是、二是, 第一、二季度, 最后、最关键) is not a sequence word in use.
    const after = text[i + 1];
    if (after === undefined) return null;
    if ('一二三四五六七八九十第其最首0123456789'.includes(after)) return null;
    if (ORDER_WORDS.some((w) => text.startsWith(w, i + 1))) return null;
    return word;
  }
  return null;
}
