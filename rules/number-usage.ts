import { defineRule, type RuleContext } from '../src/engine/rule.js';
import { matchMarker } from '../src/model/markers.js';
import { isChinese, isHan, isLatinOnly, protectedRanges } from '../src/text/prose.js';
import { chineseDigit, digitRunEnd, isAsciiDigit, isDigit, isDigitCode, isLatinLetter, rangeGuard, scaleDecimal, toHalfWidth } from '../src/text/numbers.js';
import type { Span } from '../src/types.js';

/** Connectors of a range (GB/T 15835: ～ or —; 至 and 到 read the same way). */
const RANGE_CONNECTORS = '～~〜—–－-至到';
/** Signs that must be written on both ends of a range. */
const PERCENT = '%％‰';
const MAGNITUDE = '万亿';

/** Words in which 千 or 百 after a number is part of a unit or a fixed word, not a numeral. */
const QIAN_BAI_WORDS = ['千米', '千克', '千瓦', '千伏', '千帕', '千赫', '千焦', '千卡', '千兆', '千字节', '千牛', '千升', '百分'];

/** Measure words after two adjacent numbers that make them an estimate (三四次), not a list (3、4月). */
const ESTIMATE_MEASURES = [
  '小时', '分钟', '公里', '万', '亿', '次', '个', '人', '名', '天', '件', '项', '家', '条', '起', '位', '种', '场', '篇', '户',
  '座', '辆', '台', '份', '本', '遍', '趟', '周', '岁', '倍', '成', '米', '元', '亩', '吨', '斤', '年',
];
/** Words after the measure that turn it back into a name or an ordinal: 3、4年级. */
const NOT_ESTIMATE_AFTER = ['年级', '年度', '个月'];
/** A clause with these words lists values one by one: 两组分别开展3、4次. */
const ENUMERATING = ['分别', '依次', '各自'];
const CN_DIGITS = '一二三四五六七八九';

type EstimateGroup = 'approx' | 'near' | 'atLeast' | 'over';
/** Estimate words and the characters before them that make them part of another word (节约, 最近). */
const TRIGGERS: Array<{ word: string; group: EstimateGroup; notAfter?: string; start?: string }> = [
  { word: '约', group: 'approx', notAfter: '大节制简俭契条公预签违邀相特婉践履守赴隐失爽毁解续合誓盟租密和立订缔如集', start: '为有占达计合是在' },
  { word: '大约', group: 'approx', start: '为有占达计合是在' },
  { word: '大概', group: 'approx', start: '为有占达计合是在' },
  { word: '大致', group: 'approx', start: '为有占达计合是在' },
  { word: '近', group: 'near', notAfter: '将接逼几最附靠亲贴就邻浅易', start: '有达' },
  { word: '将近', group: 'near', start: '有达' },
  { word: '接近', group: 'near', start: '有达' },
  { word: '至少', group: 'atLeast' },
  { word: '最少', group: 'atLeast' },
  { word: '不少于', group: 'atLeast' },
  { word: '不低于', group: 'atLeast' },
  { word: '超过', group: 'over', notAfter: '不未没' },
  { word: '多于', group: 'over', notAfter: '不' },
  { word: '高于', group: 'over', notAfter: '不' },
  { word: '大于', group: 'over', notAfter: '不' },
];
/** For each first character of a trigger word (by char code), 1 + the index of its first trigger: one pass finds them all. */
const TRIGGER_FIRST = (() => {
  const table = new Uint8Array(0x10000);
  TRIGGERS.forEach((t, k) => {
    const c = t.word.charCodeAt(0);
    if (table[c] === 0) table[c] = k + 1;
  });
  return table;
})();
/** What each group says about 左右 and 以上 after the number. */
const VERDICT: Record<EstimateGroup, { 左右?: 'redundantEstimate' | 'contradictoryEstimate'; 以上?: 'redundantEstimate' | 'contradictoryEstimate' }> = {
  approx: { 左右: 'redundantEstimate' },
  near: { 左右: 'contradictoryEstimate', 以上: 'contradictoryEstimate' },
  atLeast: { 以上: 'redundantEstimate', 左右: 'contradictoryEstimate' },
  over: { 以上: 'redundantEstimate', 左右: 'contradictoryEstimate' },
};
/** Characters of a number in an estimate: digits and Chinese numerals. */
const NUMBER_CHARS = '0123456789０１２３４５６７８９.零〇一二两三四五六七八九十百千万亿几半';
/** Measure words and units between the number and 左右/以上 (not 级 or 处: 1名处级以上 is not an estimate). */
const UNIT_CHARS = '人次名个项件家条起位种批场篇户座所辆台份本遍趟周岁倍成年月日天小时分钟秒元万亿千百米克吨亩公里平方斤%％‰余多来点期轮届只张套笔间栋数';
const MAX_GAP = 6;
const MAX_UNIT = 5;

interface NumberToken {
  start: number;
  end: number;
  text: string;
}

/** A number written with Arabic digits at `i` (3, 3.5); null when `i` is inside a number or a code. */
function readNumber(text: string, i: number): NumberToken | null {
  const before = text[i - 1];
  if (isDigit(before) || isLatinLetter(before) || before === '_' || before === '/') return null;
  if ((before === '.' || before === '．') && isDigit(text[i - 2])) return null;
  let end = digitRunEnd(text, i);
  if ((text[end] === '.' || text[end] === '．') && isDigit(text[end + 1])) end = digitRunEnd(text, end + 1);
  return { start: i, end, text: text.slice(i, end) };
}

function value(n: NumberToken): number {
  return Number(toHalfWidth(n.text));
}

function startsWithAny(text: string, i: number, words: readonly string[]): string | undefined {
  return words.find((w) => text.startsWith(w, i));
}

const MAX_CLAUSE = 60;

/** The start of the clause holding `i`: after the last sentence or clause mark before it (at most MAX_CLAUSE back). */
function clauseStart(text: string, i: number): number {
  let k = i;
  const stop = Math.max(0, i - MAX_CLAUSE);
  while (k > stop && !'，。；：！？,;:!?\n'.includes(text[k - 1])) k--;
  return k;
}

/** 3千, 1.5千, 3百, and chains such as 3千5百: the text, its value, and whether it is one simple pair. */
function readQianBai(text: string, n: NumberToken): { end: number; expected: string; simple: boolean; unit: string } | null {
  const unit = text[n.end];
  if (unit !== '千' && unit !== '百') return null;
  if (startsWithAny(text, n.end, QIAN_BAI_WORDS)) return null;
  const unitValue = unit === '千' ? 1000 : 100;
  const next = text[n.end + 1];
  if (!isDigit(next)) {
    return { end: n.end + 1, expected: scaleDecimal(toHalfWidth(n.text), unitValue === 1000 ? 3 : 2), simple: true, unit };
  }
  // A chain: 3千5百, 1千2百3十4, 3千5 (read as Chinese numerals are: 三千五 = 3500).
  if (n.text.includes('.')) return { end: n.end + 1, expected: scaleDecimal(toHalfWidth(n.text), unitValue === 1000 ? 3 : 2), simple: false, unit };
  let total = value(n) * unitValue;
  let last = unitValue;
  let i = n.end + 1;
  for (;;) {
    const e = digitRunEnd(text, i);
    if (e === i) break;
    const digits = Number(toHalfWidth(text.slice(i, e)));
    const u = text[e];
    const uv = u === '百' ? 100 : u === '十' ? 10 : 0;
    if (uv && uv < last) {
      total += digits * uv;
      last = uv;
      i = e + 1;
      continue;
    }
    if (text[e] === '.' || text[e] === '．') break; // 3千5.5: leave the decimal out of the chain
    total += e - i === 1 && last > 10 ? digits * (last / 10) : digits;
    i = e;
    break;
  }
  return { end: i, expected: String(total), simple: false, unit };
}

/** An estimate word, then a number, a measure word and 左右/以上 in one clause. */
function readEstimate(text: string, t: number, trigger: (typeof TRIGGERS)[number]): { end: number; second: '左右' | '以上' } | null {
  if (trigger.notAfter && t > 0 && trigger.notAfter.includes(text[t - 1])) return null;
  let i = t + trigger.word.length;
  const first = text[i];
  if (!first) return null;
  if (trigger.start !== undefined && !NUMBER_CHARS.includes(first) && !trigger.start.includes(first)) return null;
  if (first === '.') return null;
  // Up to MAX_GAP Chinese characters before the number (约占总数的30%左右).
  let gap = 0;
  while (i < text.length && !NUMBER_CHARS.includes(text[i])) {
    if (!isHan(text[i]) || ++gap > MAX_GAP) return null;
    i++;
  }
  const numberStart = i;
  while (i < text.length && NUMBER_CHARS.includes(text[i])) i++;
  if (i === numberStart || text[numberStart] === '.') return null;
  // 高于市场均价12%以上: a comparison base stands between 超过/高于 and the number, which is
  // then the margin over it, and 以上 bounds the margin: idiomatic, not doubled. (超过总数的30%以上
  // names a share of the base, not a margin: still doubled.)
  const comparedWith = trigger.group === 'over' && gap > 0 && text[numberStart - 1] !== '的';
  // At most MAX_UNIT measure or unit characters, then 左右 or 以上 (300人次左右, 2个百分点以上).
  for (let u = 0; u <= MAX_UNIT && i < text.length; u++) {
    if (text.startsWith('左右', i)) return { end: i + 2, second: '左右' };
    if (text.startsWith('以上', i)) return comparedWith ? null : { end: i + 2, second: '以上' };
    if (u === MAX_UNIT || !UNIT_CHARS.includes(text[i])) return null;
    i++;
  }
  return null;
}

export default defineRule({
  id: 'number-usage',
  category: 'format',
  severity: 'warn',
  fixable: true,
  options: {},
  messages: {
    rangePercent: {
      zh: '数值范围两端都应带“{unit}”：应为“{expected}”，实为“{actual}”',
      en: 'Write “{unit}” on both ends of the range: expected “{expected}”, found “{actual}”',
    },
    rangeMagnitude: {
      zh: '数值范围两端都应带“{unit}”，否则可能被误读：应为“{expected}”，实为“{actual}”',
      en: 'Write “{unit}” on both ends of the range, or it may be misread: expected “{expected}”, found “{actual}”',
    },
    adjacentEstimate: {
      zh: '相邻两数连用表示概数应使用汉字数字，中间不用顿号：应为“{expected}”，实为“{actual}”',
      en: 'Two adjacent numbers forming an estimate take Chinese numerals without a 顿号: expected “{expected}”, found “{actual}”',
    },
    mixedNumerals: {
      zh: '阿拉伯数字不能与“{unit}”连用，应写出完整数值：应为“{expected}”，实为“{actual}”',
      en: 'Arabic digits do not combine with “{unit}”; write the whole number: expected “{expected}”, found “{actual}”',
    },
    redundantEstimate: {
      zh: '“{first}”与“{second}”语义重复，应删去其一：“{actual}”',
      en: '“{first}” and “{second}” say the same thing; keep one of them: “{actual}”',
    },
    contradictoryEstimate: {
      zh: '“{first}”与“{second}”语义矛盾，应删去其一：“{actual}”',
      en: '“{first}” and “{second}” contradict each other; keep one of them: “{actual}”',
    },
  },
  docs: {
    summary: {
      zh: '数字用法合乎 GB/T 15835：范围两端都带 % 和万/亿，概数用汉字不加顿号，不写“3千人”，不叠用“约……左右”',
      en: 'Numbers as GB/T 15835 writes them: % and 万/亿 on both ends of a range, estimates in Chinese numerals without a 顿号, no 3千人, no doubled estimates such as 约……左右',
    },
    why: {
      zh: '“15～30%”实为“15～0.3”，“5～10万元”可读作“5元到10万元”，数值范围省略附加符号或“万”“亿”会造成歧义；“3、4次”“3千人”不合数字用法规范；“约300人左右”“至少……以上”叠床架屋，“近……左右”自相矛盾。这些都是审阅中常被指出的文字差错，影响报告的严谨性。',
      en: '15～30% literally reads as 15 to 0.3, and 5～10万元 can be read as 5 yuan to 100,000 yuan: dropping % or 万/亿 from one end of a range makes it ambiguous. 3、4次 and 3千人 break the rules for writing numbers; 约300人左右 and 至少……以上 say the same thing twice, and 近……左右 contradicts itself. Reviewers mark all of these as slips that make a report look careless.',
    },
    standard: 'GB/T 15835-2011（数值范围；概数；阿拉伯数字与汉字数字同时使用）',
    details: {
      zh: '检查正文、标题和表格单元格（表格中写出的“15～30%”与正文中一样有歧义；表头注明单位、单元格只写“15～30”的不报）。可自动修正的：“15～30%”→“15%～30%”、“5～10万元”→“5万～10万元”（前一个数不大于后一个数时；连接号可为～、—、-、至、到），“3千人”→“3000人”、“1.5千”→“1500”。只报告不修正的：“3、4次”（是否表示概数需人工判断，分别列举的“两组分别开展3、4次”及“第3、4次”“3、4月”“3、4年级”不报）、“3千5百人”这样的连写（提示应为“3500人”）、“约……左右”“大约/大概……左右”“至少/不少于……以上”“超过/多于/高于……以上”（重复；“高于市场均价12%以上”这样在“高于”与数字之间有比较基准、数字表示超出幅度的不报）和“近/将近/接近……左右或以上”“至少/超过……左右”（矛盾），删去哪一个由作者决定。“千米”“千克”“千瓦”“百分点”等单位和词语中的“千”“百”不报；“3万”“3亿”合乎规范。不检查：序号“1.”、小数（3.5）、日期（由 date-format 检查）、网址、电子邮箱、行内代码和代码块、HTML 注释、Front Matter 以及不含汉字的段落。',
      en: 'Checks the body, the title and table cells (15～30% in a cell is as ambiguous as in prose; a cell with only 15～30 under a header naming the unit is not reported). Fixed automatically: 15～30% → 15%～30%, 5～10万元 → 5万～10万元 (when the first number is not larger than the second; the connector may be ～, —, -, 至 or 到), 3千人 → 3000人, 1.5千 → 1500. Reported without a fix: 3、4次 (whether it is an estimate needs a human; 两组分别开展3、4次, 第3、4次, 3、4月 and 3、4年级 are not reported), chains such as 3千5百人 (the message names 3500人), and doubled estimates: 约/大约/大概……左右, 至少/不少于……以上 and 超过/多于/高于……以上 say the same thing twice (not when a comparison base stands between 高于 and the number, as in 高于市场均价12%以上, where the number is the margin), 近/将近/接近……左右 or 以上 and 至少/超过……左右 contradict themselves; which word to drop is the writer’s choice. 千 and 百 in units and words such as 千米, 千克, 千瓦 or 百分点 are not reported; 3万 and 3亿 are correct. Not checked: 1. markers, decimals (3.5), dates (date-format’s job), URLs, e-mail addresses, inline code and code blocks, HTML comments, front matter, and paragraphs without Chinese text.',
    },
  },
  examples: [
    { valid: '公用经费压减15%～30%，扣减绩效奖励5万～10万元，每人联系1～2个社区。' },
    { valid: '开展督查三四次，约300人参加，300人左右参会，至少3次，3次以上，3万人，3亿元，5千米，2个百分点。' },
    { valid: '两组分别开展3、4次督查，第3、4次会议，3、4月份，1、2年级。' },
    {
      valid: '1.制定清单。占比3.5%，详见https://example.gov.cn/15~30%25，邮箱a5-10@example.gov.cn。',
      note: { zh: '序号、小数、网址和电子邮箱不检查。', en: '1. markers, decimals, URLs and e-mail addresses are not checked.' },
    },
    {
      format: 'markdown',
      valid: '---\nrange: 15~30%\n---\n\n参数为`5~10万`。\n\n<!-- 约300人左右 -->\n\nSee section 2.1 (appendix), 15-30%.\n\n| 指标 | 增幅（%） |\n| --- | --- |\n| 经费 | 15～30 |\n\n```\n3千人\n```\n',
      note: {
        zh: 'Front Matter、行内代码、HTML 注释、英文句子、代码块和只写数字的表格单元格不检查。',
        en: 'Front matter, inline code, HTML comments, English sentences, code blocks and table cells holding only numbers are not checked.',
      },
    },
    {
      invalid: '公用经费压减15～30%，增幅为0.5至1.5‰。',
      expect: ['1:7 rangePercent', '1:17 rangePercent'],
      output: '公用经费压减15%～30%，增幅为0.5‰至1.5‰。',
    },
    {
      invalid: '扣减绩效奖励5～10万元，投资3—5亿元。',
      expect: ['1:7 rangeMagnitude', '1:16 rangeMagnitude'],
      output: '扣减绩效奖励5万～10万元，投资3亿—5亿元。',
    },
    {
      format: 'markdown',
      invalid: '| 项目 | 投资 |\n| --- | --- |\n| 改造 | 5～10万元 |\n',
      expect: ['3:8 rangeMagnitude'],
      output: '| 项目 | 投资 |\n| --- | --- |\n| 改造 | 5万～10万元 |\n',
      note: { zh: '表格单元格中写出的范围同样检查。', en: 'Ranges written out in table cells are checked too.' },
    },
    { invalid: '每月开展3、4次督查，约谈三、四人。', expect: ['1:5 adjacentEstimate', '1:14 adjacentEstimate'] },
    {
      invalid: '参训3千人次，投入1.5千万元，受益5百户。',
      expect: ['1:3 mixedNumerals', '1:10 mixedNumerals', '1:19 mixedNumerals'],
      output: '参训3000人次，投入1500万元，受益500户。',
    },
    { invalid: '参训3千5百人。', expect: ['1:3 mixedNumerals'], note: { zh: '连写只报告。', en: 'A chain is only reported.' } },
    {
      invalid: '组织党员干部约300人左右参加，至少开展3次以上，超过半数以上的支部参加。',
      expect: ['1:7 redundantEstimate', '1:17 redundantEstimate', '1:26 redundantEstimate'],
    },
    {
      valid: '收购价格高于市场均价12%以上，人均收入超过全省平均水平2个百分点以上。',
      note: { zh: '“高于/超过”与数字之间有比较基准时，数字是超出的幅度，“以上”限定幅度，不算重复。', en: 'With a comparison base between 高于/超过 and the number, the number is the margin over the base and 以上 bounds it: not doubled.' },
    },
    { invalid: '全年发展党员近20名左右，至少10人左右参加。', expect: ['1:7 contradictoryEstimate', '1:14 contradictoryEstimate'] },
  ],
  check(report, context) {
    for (const p of report.paragraphs) {
      const { text } = p.content;
      if (isLatinOnly(text)) continue;
      // Built on first use: most paragraphs have nothing to report, and need no protected ranges.
      let guarded: ((start: number, end?: number) => boolean) | undefined;
      const at = (a: number, b: number): Span => p.content.span(a, b);
      const free = (a: number, b: number): boolean => !(guarded ??= rangeGuard(protectedRanges(text)))(a, b);
      // A numbering marker at the start (1. 3、 （2）) is not a number of the text.
      const marker = matchMarker(text);
      const from = marker ? marker.raw.length : 0;

      checkDigits(text, from, free, at, context);
      checkChineseEstimates(text, from, free, at, context);
      // Every occurrence of every trigger word, found in one pass; reported trigger by trigger, as listed.
      const estimates: Array<{ k: number; t: number; end: number; second: '左右' | '以上' }> = [];
      for (let t = from; t < text.length; t++) {
        const first = TRIGGER_FIRST[text.charCodeAt(t)];
        if (first === 0) continue;
        for (let k = first - 1; k < TRIGGERS.length; k++) {
          const trigger = TRIGGERS[k];
          if (trigger.word.charCodeAt(0) !== text.charCodeAt(t) || !text.startsWith(trigger.word, t)) continue;
          const found = readEstimate(text, t, trigger);
          if (found) estimates.push({ k, t, end: found.end, second: found.second });
        }
      }
      estimates.sort((a, b) => a.k - b.k);
      for (const { k, t, end, second } of estimates) {
        const trigger = TRIGGERS[k];
        if (!free(t, end)) continue;
        const messageId = VERDICT[trigger.group][second];
        if (!messageId) continue;
        context.report({
          at: at(t, end),
          messageId,
          data: { first: trigger.word, second, actual: text.slice(t, end) },
        });
      }
    }
  },
});

type Ctx = RuleContext<unknown>;

/** Ranges, 3千, and 3、4次: everything that starts with an Arabic number. */
function checkDigits(
  text: string,
  from: number,
  free: (a: number, b: number) => boolean,
  at: (a: number, b: number) => Span,
  context: Ctx,
): void {
  let i = from;
  while (i < text.length) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const n1 = readNumber(text, i);
    if (!n1) {
      i = digitRunEnd(text, i);
      continue;
    }
    i = n1.end;
    const connector = text[n1.end];

    // 15～30% → 15%～30%; 5～10万元 → 5万～10万元.
    if (connector && RANGE_CONNECTORS.includes(connector) && isDigit(text[n1.end + 1])) {
      const n2 = readNumber(text, n1.end + 1);
      if (n2) {
        const isHyphen = connector === '-' || connector === '－';
        const suffixStart = n2.end;
        let suffixEnd = suffixStart;
        if (PERCENT.includes(text[suffixStart] ?? '\0')) suffixEnd = suffixStart + 1;
        else while (suffixEnd < text.length && suffixEnd - suffixStart < 2 && MAGNITUDE.includes(text[suffixEnd])) suffixEnd++;
        // A hyphen joins codes and standard numbers (GB/T 9704-2012): only a range right after Chinese text counts.
        const chain = isHyphen && (text[suffixEnd] === '-' || (n1.start > from && !isChinese(text[n1.start - 1])));
        if (suffixEnd > suffixStart && !chain && free(n1.start, suffixEnd)) {
          const unit = text.slice(suffixStart, suffixEnd);
          const percent = PERCENT.includes(unit);
          const expected = n1.text + unit + connector + text.slice(n2.start, suffixEnd);
          context.report({
            at: at(n1.start, suffixEnd),
            messageId: percent ? 'rangePercent' : 'rangeMagnitude',
            data: { unit, expected, actual: text.slice(n1.start, suffixEnd) },
            fix: value(n1) <= value(n2) ? { range: at(n1.end, n1.end), text: unit } : undefined,
          });
        }
        i = n2.end;
        continue;
      }
    }

    // 3千人 → 3000人.
    const qb = readQianBai(text, n1);
    if (qb && free(n1.start, qb.end)) {
      const asciiOnly = [...text.slice(n1.start, n1.end)].every((ch) => isAsciiDigit(ch) || ch === '.');
      context.report({
        at: at(n1.start, qb.end),
        messageId: 'mixedNumerals',
        data: { unit: qb.unit, expected: qb.expected, actual: text.slice(n1.start, qb.end) },
        fix: qb.simple && asciiOnly ? { range: at(n1.start, qb.end), text: qb.expected } : undefined,
      });
      i = qb.end;
      continue;
    }

    // 3、4次 → 三四次; 30、40人 → 三四十人.
    if (connector === '、' && isDigit(text[n1.end + 1]) && text[n1.start - 1] !== '第' && text[n1.start - 1] !== '、') {
      const n2 = readNumber(text, n1.end + 1);
      if (!n2 || text[n2.end] === '、') continue;
      const a = value(n1);
      const b = value(n2);
      const ones = Number.isInteger(a) && a >= 1 && a <= 8 && b === a + 1;
      const tens = a % 10 === 0 && b % 10 === 0 && a >= 10 && a <= 80 && b === a + 10;
      if (!ones && !tens) continue;
      const measure = startsWithAny(text, n2.end, ESTIMATE_MEASURES);
      if (!measure || startsWithAny(text, n2.end, NOT_ESTIMATE_AFTER)) continue;
      const clause = text.slice(clauseStart(text, n1.start), n1.start);
      if (ENUMERATING.some((w) => clause.includes(w))) continue;
      if (!free(n1.start, n2.end + measure.length)) continue;
      const expected = tens ? `${chineseDigit(a / 10)}${chineseDigit(b / 10)}十${measure}` : `${chineseDigit(a)}${chineseDigit(b)}${measure}`;
      context.report({
        at: at(n1.start, n2.end + measure.length),
        messageId: 'adjacentEstimate',
        data: { expected, actual: text.slice(n1.start, n2.end + measure.length) },
      });
      i = n2.end;
    }
  }
}

/** 三、四次 → 三四次: adjacent Chinese numerals separated by a 顿号. */
function checkChineseEstimates(
  text: string,
  from: number,
  free: (a: number, b: number) => boolean,
  at: (a: number, b: number) => Span,
  context: Ctx,
): void {
  for (let k = text.indexOf('、', from + 1); k !== -1; k = text.indexOf('、', k + 1)) {
    const a = CN_DIGITS.indexOf(text[k - 1]) + 1;
    const b = CN_DIGITS.indexOf(text[k + 1]) + 1;
    if (!a || b !== a + 1) continue;
    const before = text[k - 2];
    if (before !== undefined && (before === '第' || before === '、' || before === '十' || CN_DIGITS.includes(before))) continue;
    if (k - 1 < from) continue;
    const measure = startsWithAny(text, k + 2, ESTIMATE_MEASURES);
    if (!measure || startsWithAny(text, k + 2, NOT_ESTIMATE_AFTER)) continue;
    const clause = text.slice(clauseStart(text, k - 1), k - 1);
    if (ENUMERATING.some((w) => clause.includes(w))) continue;
    const end = k + 2 + measure.length;
    if (!free(k - 1, end)) continue;
    context.report({
      at: at(k - 1, end),
      messageId: 'adjacentEstimate',
      data: { expected: `${text[k - 1]}${text[k + 1]}${measure}`, actual: text.slice(k - 1, end) },
    });
  }
}
