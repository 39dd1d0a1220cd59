import { defineRule } from '../src/engine/rule.js';
import { minimalEdit } from '../src/text/edits.js';
import { protectedRanges, rangeGuard } from '../src/text/prose.js';
import { typoDictionary } from '../src/typos.js';

export default defineRule({
  id: 'typo-words',
  category: 'content',
  severity: 'error',
  fixable: true,
  options: {
    suspect: {
      default: true,
      schema: { type: 'boolean' },
      description: {
        zh: '是否报告“疑似”条目（警告，不自动修正）。',
        en: 'Report the “suspect” entries (warnings, never fixed).',
      },
    },
  },
  messages: {
    certain: {
      zh: '错别字：“{wrong}”应为“{correct}”{note}',
      en: 'Wrong character: “{wrong}” should be “{correct}”{note}',
    },
    suspect: {
      zh: '疑似用词错误：“{wrong}”，是否应为“{correct}”{note}',
      en: 'Possibly the wrong word: “{wrong}”; did you mean “{correct}”{note}',
    },
  },
  docs: {
    summary: {
      zh: '错别字与易错词（布署 → 部署、再接再励 → 再接再厉、截止目前 → 截至目前）',
      en: 'Wrong characters and easily confused words (布署 → 部署, 再接再励 → 再接再厉, 截止目前 → 截至目前)',
    },
    why: {
      zh: '错别字是公文审核中最常见的“错漏”。“布署”“再接再励”“既往不究”“其它”“做出决定”这类错误，每一处都会被审阅者圈出，说明材料未经认真校对。',
      en: 'Wrong characters are the commonest slips (错漏) reviewers mark in official documents. 布署, 再接再励, 既往不究, 其它 or 做出决定 each get circled, and show the text was never proofread.',
    },
    standard: '《通用规范汉字表》（2013）；《第一批异形词整理表》（GF 1001-2001）；《党政机关公文处理工作条例》（2012）第十九条（公文起草“文字精炼”“用字规范”）',
    details: {
      zh: [
        '词典来自 rules/data/typos.yaml，分两级：certain（必错，报错误；只有唯一改法时可自动修正，只改有差别的字）和 suspect（疑似，报警告，从不自动修正，须结合语境判断，如“以至造成”“精减”）。条目可带 notPrecededBy / notFollowedBy（前后是这些字时不算错），以免误伤含有该字串的正确词语。',
        '在配置文件中用 `typos:` 增加条目：`- { correct: 正确写法, wrong: [错误写法, …], tier: certain|suspect, notPrecededBy: […], notFollowedBy: […], note: 说明 }`；用户条目列出的错误写法取代内置条目中的同一写法（可借此改变其级别或上下文条件）。选项 suspect 为 false 时不报告疑似条目。',
        '行内代码、网址和电子邮箱不检查；日期中的“截止2024年”由 date-format 报告，规范提法（习近平新时代中国特色社会主义思想等）由 canonical-terms 报告。',
      ].join('\n\n'),
      en: [
        'The dictionary is rules/data/typos.yaml, in two tiers: certain (an error; fixed when there is one correction, changing only the characters that differ) and suspect (a warning, never fixed, as the context decides: 以至造成, 精减). Entries may carry notPrecededBy / notFollowedBy, strings that make the match part of a correct word.',
        'Add entries with `typos:` in a config file: `- { correct: right form, wrong: [wrong form, …], tier: certain|suspect, notPrecededBy: […], notFollowedBy: […], note: why }`; a wrong form listed by a user entry replaces the same form of the built-in entries (to change its tier or its context). Set the option suspect to false to drop the suspect entries.',
        'Inline code, URLs and e-mail addresses are not checked; 截止 before a date is date-format’s, and political formulations are canonical-terms’.',
      ].join('\n\n'),
    },
  },
  examples: [
    {
      valid: [
        '关于2024年度工作情况的报告',
        '局党组研究部署全年工作，对其他单位的经验再接再厉、一如既往地学习借鉴，截至目前已作出决定12项，建立问题台账。',
        '布置会场，按步骤推进，权利义务对等，依法保障党员民主权利。',
      ].join('\n'),
    },
    {
      invalid: '局党组认真布署，再接再励，做出决定3项，其它问题已建立台帐。',
      expect: ['1:6 certain', '1:9 certain', '1:14 certain', '1:21 certain', '1:28 certain'],
      output: '局党组认真部署，再接再厉，作出决定3项，其他问题已建立台账。',
    },
    {
      invalid: '因监督缺位，以至造成国有资产流失。',
      expect: ['1:7 suspect'],
      note: { zh: '疑似条目：警告，不自动修正。', en: 'A suspect entry: a warning, never fixed.' },
    },
    { valid: '因监督缺位，以至造成国有资产流失。', options: { suspect: false } },
    {
      invalid: '一但发现问题立即整改，严格执行差旅费报消制度，相关事项已报区纪委备按。',
      expect: ['1:1 certain', '1:16 certain', '1:31 certain'],
      output: '一旦发现问题立即整改，严格执行差旅费报销制度，相关事项已报区纪委备案。',
      note: {
        zh: '“一但”“报消”“备按”单独出现时可能是正确词语的一部分（统一但、喜报消息、准备按时），只在常见搭配中报告。',
        en: '一但, 报消 and 备按 alone can be parts of correct words (统一但, 喜报消息, 准备按时); they are reported only in their usual phrases.',
      },
    },
    { valid: '标准统一但发现差异，喜报消息传来，准备按时完成，表彰现场气氛热烈。' },
    {
      invalid: '深入开展廉洁机关创建。',
      settings: { typos: [{ correct: '清廉机关', wrong: ['廉洁机关'] }] },
      expect: ['1:5 certain'],
      output: '深入开展清廉机关创建。',
      note: { zh: '配置中 typos 添加的条目与内置词典合并。', en: 'Entries added with `typos:` join the built-in dictionary.' },
    },
  ],
  check(report, context) {
    const dict = typoDictionary(context.settings.typos);
    const { locale } = context;
    for (const p of report.paragraphs) {
      const text = p.content.text;
      if (!text) continue;
      const hits = dict.find(text);
      if (!hits.length) continue;
      const guarded = rangeGuard(protectedRanges(text));
      for (const hit of hits) {
        if (guarded(hit.start, hit.end)) continue;
        const { entry } = hit;
        if (entry.tier === 'suspect' && !context.options.suspect) continue;
        const note = entry.note ? (locale === 'zh' ? `（${entry.note.zh}）` : ` (${entry.note.en})`) : '';
        const fix = entry.tier === 'certain' && entry.fix ? minimalEdit(report, p, hit.start, hit.end, entry.correct) : null;
        context.report({
          at: p.content.span(hit.start, hit.end),
          messageId: entry.tier,
          data: { wrong: hit.wrong, correct: entry.correct, note },
          ...(entry.tier === 'suspect' ? { warnOnly: true } : {}),
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
