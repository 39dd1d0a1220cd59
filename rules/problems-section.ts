import { defineRule } from '../src/engine/rule.js';
import { findProblemsProse, findProblemsSections, saysNothing } from '../src/problems.js';

export default defineRule({
  id: 'problems-section',
  category: 'structure',
  severity: 'error',
  fixable: false,
  genres: ['report'],
  options: {
    aliases: {
      default: [] as string[],
      schema: { type: 'array', items: { type: 'string', format: 'regex' } },
      description: {
        zh: '额外的问题部分标题正则表达式（JavaScript 语法），如“需要改进的方面”。',
        en: 'Extra title patterns for the problems section (JavaScript regular expressions), e.g. “需要改进的方面”.',
      },
    },
  },
  messages: {
    missing: {
      zh: '报告没有“存在的问题”部分，只讲成绩不提问题',
      en: 'The report has no problems section: achievements only, no problems',
    },
    empty: {
      zh: '“{title}”部分是空的或只写了“无”“暂无”，未查摆具体问题',
      en: 'The problems section “{title}” is empty or only says “无/暂无”: no problem is named',
    },
  },
  docs: {
    summary: {
      zh: '报告须有内容实在的“存在的问题”部分',
      en: 'Require a problems section (存在的问题) with real content',
    },
    why: {
      zh: '只讲成绩不提问题、问题部分空着或只写“无”“暂无”，是上级审阅主体责任报告时点名批评的典型问题，说明查摆问题流于形式。',
      en: 'A report that lists achievements but no problems (只讲成绩不提问题), or whose problems section is empty or just says “无/暂无”, is what reviewers of these reports single out first: the self-examination was a formality.',
    },
    standard: '《党委（党组）落实全面从严治党主体责任规定》（2020）',
    details: {
      zh: '小标题与“存在的（主要/突出）问题”“主要问题”“问题与不足/原因/困难”“短板/差距和不足”“存在（的）不足”“不足之处”“薄弱环节”“困难和问题”之一相符，即视为问题部分（可用 aliases 增加写法，如“问题清单”）。按以下顺序查找，前一步找到即止：（1）报告的一级标题（只有一个一级标题时，连同它的下一级标题）中，标题只讲问题的；（2）其中问题与措施并提的，如“存在的问题及整改措施”；（3）更深层级的小标题，但位于“工作开展情况”“主要做法”“下一步工作打算”“整改措施”等部分之下的不算，除非标题本身就是问题标题（如“（四）存在的问题”）。“补齐薄弱环节”“针对存在的问题抓整改”“着力解决……”等整改措施中的说法在任何层级都不算问题部分。没有问题部分时在报告标题处报告（无标题时在第1行第1列）；有但其中及其下级各节都没有正文，或正文只有“无”“暂无”“没有”等（可带标点）时，在该部分标题处报告。只有下级小标题而无正文也算空。“暂未发现问题”之类不在此列，问题写得是否深入由 problems-depth 检查。',
      en: 'A section counts as the problems section when its title matches 存在的（主要/突出）问题, 主要问题, 问题与不足/原因/困难, 短板/差距和不足, 存在（的）不足, 不足之处, 薄弱环节 or 困难和问题 (add your own with `aliases`, e.g. 问题清单). It is looked for in this order, stopping at the first step that finds one: (1) the report’s top-level sections (with only one top-level section, that section and its subsections) whose title is about problems only; (2) those that name problems and measures together, such as 存在的问题及整改措施; (3) deeper sections, except those inside the work-done or next-steps section (工作开展情况, 主要做法, 下一步工作打算, 整改措施 …) unless their title is the problems heading and nothing else (such as （四）存在的问题). A phrase that names what a measure targets (补齐薄弱环节, 针对存在的问题抓整改, 着力解决……) never counts. Without a problems section, the finding is at the report title (or at 1:1 when there is no title). When the section and its subsections hold no body text, or only a bare negative such as 无, 暂无 or 没有 (with or without punctuation), the finding is at that section’s heading; subheadings without body text count as empty. Longer wording such as 暂未发现问题 is left to problems-depth, which judges how deep the section goes.',
    },
  },
  examples: [
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次。',
        '二、存在的问题',
        '基层党组织书记抓党建意识不强，有3个支部未按期换届。',
        '三、下一步工作打算',
        '督促未换届支部在一季度完成换届。',
      ].join('\n'),
    },
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、主要做法和成效',
        '全年召开党委会12次，专题研究党建工作5次。',
        '（一）问题与不足。有3个支部未按期换届，个别班子成员一岗双责落实不到位。',
      ].join('\n'),
      note: { zh: '问题部分可以在任一层级，也可以是接排标题。', en: 'The problems section may sit at any level and may be a run-in heading.' },
    },
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、需要改进的方面',
        '有3个支部未按期换届，个别班子成员一岗双责落实不到位。',
      ].join('\n'),
      options: { aliases: ['需要改进的方面'] },
    },
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次。',
        '二、主要问题',
        '基层党组织书记抓党建意识不强，有3个支部未按期换届。',
        '三、下一步工作打算',
        '督促未换届支部在一季度完成换届。',
      ].join('\n'),
      note: { zh: '“主要问题”也是问题部分的标题。', en: '主要问题 is a problems title too.' },
    },
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次。',
        '二、问题清单',
        '有3个支部未按期换届，个别班子成员一岗双责落实不到位。',
      ].join('\n'),
      options: { aliases: ['问题清单'] },
      note: { zh: '“问题清单”不是内置写法，需用 aliases 加上。', en: '问题清单 is not built in: add it with aliases.' },
    },
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次。',
        '（一）存在的问题。有3个支部未按期换届，个别班子成员一岗双责落实不到位。',
        '二、下一步工作打算',
        '督促未换届支部在一季度完成换届。',
      ].join('\n'),
      note: {
        zh: '位于工作部分之下、标题本身就是问题标题的小节，仍算问题部分。',
        en: 'A subsection titled as the problems section counts even inside the work-done section.',
      },
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次。',
        '二、下一步工作打算',
        '持续压实基层党建责任。',
      ].join('\n'),
      expect: ['1:1 missing'],
    },
    {
      format: 'markdown',
      invalid: ['# 关于2024年度落实全面从严治党主体责任情况的报告', '', '## 一、工作开展情况', '', '全年召开党委会12次，专题研究党建工作5次。'].join('\n'),
      expect: ['1:3 missing'],
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次。',
        '二、存在的主要问题',
        '三、下一步工作打算',
        '持续压实基层党建责任。',
      ].join('\n'),
      expect: ['4:1 empty'],
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次。',
        '二、存在的问题',
        '暂无。',
      ].join('\n'),
      expect: ['4:1 empty'],
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '（一）压实责任。全年召开党委会12次，专题研究党建工作5次。',
        '（二）存在的问题。无。',
      ].join('\n'),
      expect: ['4:1 empty'],
      note: { zh: '接排标题后只写“无。”同样算没有内容。', en: 'A run-in heading followed only by 无。 is no better.' },
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次。',
        '二、下一步工作打算',
        '（一）补齐基层党建薄弱环节。督促3个未换届支部在一季度完成换届。',
        '（二）针对存在的问题抓整改。逐项建立整改台账，明确责任人和时限。',
      ].join('\n'),
      expect: ['1:1 missing'],
      note: {
        zh: '“补齐薄弱环节”“针对存在的问题抓整改”是整改措施，不是问题部分。',
        en: '补齐薄弱环节 and 针对存在的问题抓整改 are measures, not the problems section.',
      },
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '（一）压实责任。全年召开党委会12次，专题研究党建工作5次。',
        '（二）问题清单。有3个支部未按期换届。',
        '二、下一步工作打算',
        '督促未换届支部在一季度完成换届。',
      ].join('\n'),
      expect: ['1:1 missing'],
      note: { zh: '没有 aliases 时，“问题清单”不算问题部分。', en: 'Without aliases, 问题清单 is not a problems title.' },
    },
  ],
  check(report, context) {
    const found = findProblemsSections(report, context.options.aliases);

    if (found.length === 0) {
      // 存在的主要问题：一是…… in a paragraph is a problems part in substance; problems-depth judges it.
      if (findProblemsProse(report).length) return;
      context.report({ at: report.title ?? { start: 0, end: 0 }, messageId: 'missing' });
      return;
    }

    for (const section of found) {
      // Empty, or nothing but bare negatives (无、暂无。、（没有）); 暂未发现问题 and the like are problems-depth’s.
      if (saysNothing(section)) {
        context.report({ at: section.headingSpan, messageId: 'empty', data: { title: section.title } });
      }
    }
  },
});
