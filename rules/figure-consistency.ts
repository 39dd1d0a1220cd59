import { defineRule } from '../src/engine/rule.js';
import type { Paragraph } from '../src/model/report.js';
import { isDigitCode, toHalfWidth } from '../src/text/numbers.js';
import { enclosed, masked, sentences } from '../src/text/sentences.js';
import type { Span } from '../src/types.js';

const PROSE = new Set<Paragraph['kind']>(['body', 'list-item']);

/** Counting units of the figures compared (longest first, so 人次 is not 人). */
const UNITS = '人次|万元|亿元|元|人|次|件|个|项|家|条|名|起|场|期|篇|户|批|所|处|份|本|份';
const NUM = '[0-9０-９]+(?:[.．][0-9０-９]+)?';
/** 共(计|有)?120件 / 总计120件 / 合计120件. */
const TOTAL = new RegExp(`(?:共计|共有|总计|合计|(?<![公总])共(?![同产建享治识性商青]))[\\u4e00-\\u9fff]{0,10}?(${NUM})(${UNITS})`, 'gu');
const ANY_TOTAL = new RegExp(TOTAL.source, 'u');
const PART = new RegExp(`(${NUM})(${UNITS})`, 'gu');
/** A number after these is a change or a comparison, not a part. */
const NOT_A_PART = /(?:增加|减少|增长|下降|上升|多|少|比|较|同比|环比|超过|不足|达到|以上|以下)[^，、；。]{0,3}$/u;
/** 占45% / 占比45% / 占总数的45%. */
const SHARE = new RegExp(`占(?:比|比为|总数的|全部的|总量的)?(${NUM})[%％]`, 'gu');
const ANY_SHARE = new RegExp(SHARE.source, 'u');
/** A measure stated as a figure: four Han characters right before a number and its unit, at the start of a clause's object. */
const MEASURE = new RegExp(`(?<=^|[，、；：。]|开展|组织|完成|召开|处置|受理|办理|查处|立案|约谈|培训|新增|累计)([\\u4e00-\\u9fff]{4})(${NUM})(${UNITS})(?=[，、；。）]|$)`, 'uy');
/** A clause that speaks of a part of the year, a subset or a comparison: its figures are not the report's totals. */
const SCOPED = /其中|上半年|下半年|季度|[0-9０-９一二三四五六七八九十]+月|同比|环比|去年|上年|今年|累计|平均|人均|每|各|分别|部分|个别|有的|以上|以下|以来|期间/u;

const value = (s: string) => Number(toHalfWidth(s));

export default defineRule({
  id: 'figure-consistency',
  category: 'content',
  severity: 'warn',
  fixable: false,
  options: {},
  messages: {
    partsExceedTotal: {
      zh: '分项之和（{sum}{unit}）大于总数“{total}”，请核对数字',
      en: 'The parts add up to {sum}{unit}, more than the total “{total}”; check the figures',
    },
    partsShortOfTotal: {
      zh: '分项之和（{sum}{unit}）小于总数“{total}”，而分项应是全部（“分别为”“其余”），请核对数字',
      en: 'The parts add up to {sum}{unit}, less than the total “{total}”, though they claim to be all of it (分别为, 其余); check the figures',
    },
    sharesExceed: {
      zh: '同一句中各部分所占比例之和为{sum}%，超过100%，请核对数字',
      en: 'The shares given in one sentence add up to {sum}%, more than 100%; check the figures',
    },
    measureTwice: {
      zh: '同一数据前后不一致：此处“{here}”，第{line}行为“{there}”',
      en: 'The same figure is given twice with different numbers: “{here}” here, “{there}” on line {line}',
    },
  },
  docs: {
    summary: {
      zh: '数字前后矛盾：分项之和与总数不符、占比之和超过100%、同一数据两处不一致',
      en: 'Figures that disagree: parts that do not add up to the total, shares over 100%, one figure given twice with different numbers',
    },
    why: {
      zh: '“共处置问题线索120件，其中谈话函询80件、初步核实50件”这样的数字矛盾，审阅者一算便知，说明材料未经核对，直接损害报告的可信度，是“错漏较多”的典型表现。',
      en: 'Figures such as 共处置问题线索120件，其中谈话函询80件、初步核实50件 contradict each other at a glance; they show the report was never checked and undermine it, a typical case of 错漏较多.',
    },
    details: {
      zh: '三种情况，均为警告（读者可能掌握更多情况）：（1）同一句中“共（共计、总计、合计）X件”之后“其中”列出的同一单位的分项之和大于总数；分项以“分别为”列出或含“其余”“其他”时，之和小于总数也报告；括号内的数字和“增加”“同比”等之后的数字不算分项。（2）同一句中“占”“占比”后的百分比之和超过100%。（3）同一个四字的量（谈心谈话、专项督查）以同一单位在报告中两次出现而数字不同，且两处都不带“其中”“上半年”“同比”“累计”等限定时，在第二处报告并指出第一处。',
      en: 'Three cases, all warnings (the reader may know more): (1) in one sentence, parts in the same unit listed after 其中 that add up to more than a preceding 共 (共计, 总计, 合计) X; when the parts are given with 分别为 or include 其余/其他, less than the total too; figures in brackets or after 增加, 同比 and the like are not parts. (2) In one sentence, percentages after 占 or 占比 that add up to more than 100%. (3) A four-character measure (谈心谈话, 专项督查) given twice in the report with the same unit and different numbers, neither place qualified by 其中, 上半年, 同比, 累计 and the like: reported at the second place, naming the first.',
    },
  },
  examples: [
    {
      valid: [
        '关于2024年度工作情况的报告',
        '全年共处置问题线索120件，其中谈话函询45件、初步核实30件，比上年增加12件。党员占65%，群众占35%。',
        '开展谈心谈话64人次，覆盖全体干部。',
        '上半年开展谈心谈话30人次。',
      ].join('\n'),
    },
    {
      invalid: [
        '关于2024年度工作情况的报告',
        '全年共处置问题线索120件，其中谈话函询80件、初步核实50件。',
        '共立案12件，分别为党纪案件5件、政务案件4件。',
        '参训人员中，党员占65%，团员占45%。',
        '开展谈心谈话64人次，覆盖全体干部。',
        '班子成员开展谈心谈话46人次。',
      ].join('\n'),
      expect: ['2:3 partsExceedTotal', '3:1 partsShortOfTotal', '4:9 sharesExceed', '6:7 measureTwice'],
    },
  ],
  check(report, context) {
    const seen = new Map<string, { n: number; text: string; span: Span }>();
    for (const p of report.paragraphs) {
      if (!PROSE.has(p.kind) || p.quoted) continue;
      const raw = p.content.text;
      if (!/[0-9０-９]/.test(raw)) continue;
      // Figures in brackets explain, they do not add up.
      const text = masked(raw, [...enclosed(raw, '（', '）'), ...enclosed(raw, '(', ')')]);
      // No TOTAL or SHARE match crosses a sentence end (they hold only Han, digits and 。-free marks), so a
      // sentence has one only if the whole text has one: else the sentences need not be found at all.
      const hasTotal = ANY_TOTAL.test(text);
      const hasShare = text.includes('占') && ANY_SHARE.test(text);
      if (hasTotal || hasShare) {
        for (const s of sentences(text)) {
          const sentence = text.slice(s.start, s.end);
          if (hasTotal) totals(sentence, s.start);
          if (hasShare) shares(sentence, s.start);
        }
      }
      measures(text);

      function totals(sentence: string, offset: number): void {
        for (const t of sentence.matchAll(TOTAL)) {
          const after = t.index + t[0].length;
          const qi = sentence.indexOf('其中', after);
          const fi = sentence.indexOf('分别为', after);
          const listStart = qi !== -1 && (fi === -1 || qi < fi) ? qi : fi;
          // The parts follow the total closely: 共120件，其中…… / 共12件，分别为……
          if (listStart === -1 || listStart - after > 2) continue;
          const exhaustive = listStart === fi;
          const end = sentence.slice(listStart).search(/[；;]/u);
          const list = sentence.slice(listStart, end === -1 ? sentence.length : listStart + end);
          let sum = 0;
          let count = 0;
          let rest = false;
          for (const m of list.matchAll(PART)) {
            if (m[2] !== t[2] || NOT_A_PART.test(list.slice(0, m.index))) continue;
            if (/其余|其他/u.test(list.slice(Math.max(0, m.index - 6), m.index))) rest = true;
            sum += value(m[1]);
            count++;
          }
          if (count < 2) continue;
          const total = value(t[1]);
          const data = { sum: Math.round(sum * 100) / 100, unit: t[2], total: t[0] };
          const at = p.content.span(offset + t.index, offset + after);
          if (sum > total + 1e-9) context.report({ at, messageId: 'partsExceedTotal', data });
          else if ((exhaustive || rest) && sum < total - 1e-9) context.report({ at, messageId: 'partsShortOfTotal', data });
        }
      }

      function shares(sentence: string, offset: number): void {
        if (!sentence.includes('占')) return;
        const found = [...sentence.matchAll(SHARE)];
        if (found.length < 2) return;
        const sum = found.reduce((a, m) => a + value(m[1]), 0);
        if (sum <= 100 + 1e-9) return;
        context.report({ at: p.content.span(offset + found[0].index, offset + found[found.length - 1].index + found[found.length - 1][0].length), messageId: 'sharesExceed', data: { sum: Math.round(sum * 100) / 100 } });
      }

      function measures(t: string): void {
        // A MEASURE match is four Han characters and a number: it can start only four before a run of digits
        // that follows a non-digit. Each such place is tried (sticky), in order, never inside the last match.
        let lastEnd = 0;
        for (let d = 4; d < t.length; d++) {
          if (!isDigitCode(t.charCodeAt(d)) || isDigitCode(t.charCodeAt(d - 1)) || d - 4 < lastEnd) continue;
          MEASURE.lastIndex = d - 4;
          const m = MEASURE.exec(t);
          if (!m) continue;
          lastEnd = m.index + m[0].length;
          const clauseStart = Math.max(t.lastIndexOf('，', m.index - 1), t.lastIndexOf('。', m.index - 1), t.lastIndexOf('；', m.index - 1)) + 1;
          if (SCOPED.test(t.slice(clauseStart, m.index + m[1].length))) continue;
          const key = m[1] + '\u0000' + m[3];
          const n = value(m[2]);
          const start = m.index;
          const span = p.content.span(start, start + m[0].length);
          const first = seen.get(key);
          if (!first) {
            seen.set(key, { n, text: raw.slice(start, start + m[0].length), span });
          } else if (first.n !== n) {
            context.report({
              at: span,
              messageId: 'measureTwice',
              data: { here: raw.slice(start, start + m[0].length), there: first.text, line: report.lines.position(first.span.start).line },
            });
          }
        }
      }
    }
  },
});
