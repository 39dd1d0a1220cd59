import { defineRule } from '../src/engine/rule.js';
import { bodyText, type Section } from '../src/model/report.js';
import { OPAQUE } from '../src/model/mapped-text.js';
import { mainParts } from '../src/profiles.js';
import { countHan } from '../src/text/han.js';

export default defineRule({
  id: 'section-min-length',
  category: 'structure',
  // The rule's severity is that of its worse finding (a heading with no body); thin sections are warnings.
  severity: 'error',
  fixable: false,
  options: {
    minChars: {
      default: 60,
      schema: { type: 'integer', minimum: 0 },
      description: {
        zh: '报告各主要部分（一级标题；只有一个一级标题时连同其下一级）的正文（含下级各节）至少应有的汉字数，不计小标题、数字、字母和标点；默认 60，约两三句话。设为 0 则不检查主要部分是否过短。',
        en: 'The fewest Han characters that a main part of the report (a top-level section; with a single top-level section, also its subsections) may have in its text, subsections included, not counting headings, digits, Latin letters or punctuation; 60 by default, about two or three sentences. 0 turns the check of main parts off.',
      },
    },
    minSubsectionChars: {
      default: 30,
      schema: { type: 'integer', minimum: 0 },
      description: {
        zh: '更深层级的小节（如“（一）”“1.”）正文至少应有的汉字数；默认 30，约一整句话。小节常常只需一两句话，故低于 minChars。设为 0 则只检查无正文的小标题。',
        en: 'The fewest Han characters a deeper subsection (（一）, 1. …) may have; 30 by default, about one full sentence. A subsection often needs only a sentence or two, hence lower than minChars. 0 checks only subheadings with no text.',
      },
    },
  },
  messages: {
    thin: {
      zh: '“{title}”部分正文只有{count}个汉字（少于{min}个），内容简单',
      en: 'The section “{title}” has only {count} Han characters of text (fewer than {min}): too thin',
    },
    empty: {
      zh: '“{title}”只有标题，其下没有正文',
      en: 'The heading “{title}” has no text under it',
    },
  },
  docs: {
    summary: {
      zh: '各部分正文不能过少，小标题下不能没有正文',
      en: 'Disallow sections with too little text, and headings with no text at all',
    },
    why: {
      zh: '一个部分只写一两句“取得了较好成效”，或者列了小标题却没有内容，是审阅意见中“内容简单”“内容不全”的典型表现：说明情况没有写实，或者材料拼凑后没有补全。',
      en: 'A part of the report that says only “取得了较好成效” in a sentence or two, or a heading with nothing under it, is what reviewers call too simple (内容简单) or incomplete (内容不全): the facts were not written down, or the draft was assembled and never filled in.',
    },
    standard: '《党政机关公文处理工作条例》（2012）',
    details: {
      zh: '每个小标题（任一层级）所辖正文都参加统计：该节自身的段落及其下级各节的段落，接排标题只计标题后的正文，各级小标题本身不计。“字数”指汉字个数（CJK 统一表意文字及扩展 A、兼容表意文字和“〇”），数字、字母、标点和空白不计，因此“全年召开12次”计5个字。报告标题、主送机关、开头段、署名和成文日期不属于任何一节，不检查。\n\n报告的主要部分（一级标题；只有一个一级标题时连同其下一级标题）汉字数少于 minChars（默认 60）、更深层级的小节少于 minSubsectionChars（默认 30）时报告“内容简单”，级别为警告；某节及其下级各节都没有任何正文时报告“只有标题”，级别为错误（本规则默认级别为 error，“内容简单”以警告报告；若把本规则配置为 warn，两者都是警告）。都只在最外层报告：一节已报告后，其下级各节不再报告“内容简单”，但仍会报告其中没有正文的小标题；一节没有正文时，其下级各节不再报告。',
      en: 'Every heading, at any level, is measured by the text it governs: its own paragraphs and those of its subsections; a run-in heading counts only the text after the heading, and headings themselves do not count. “Characters” means Han characters (CJK unified ideographs, extension A, compatibility ideographs and 〇): digits, Latin letters, punctuation and spaces do not count, so 全年召开12次 counts 5. The title, addressee, opening paragraphs, signature and date belong to no section and are not checked.\n\nA main part of the report (a top-level section; with a single top-level section, also its subsections) with fewer than `minChars` (60 by default) Han characters, or a deeper subsection with fewer than `minSubsectionChars` (30 by default), is reported as too thin, as a warning; a heading with no text at all in it or below it is an error. (The rule’s default severity is error and the thin-section finding is reported as a warning; configured as warn, both are warnings.) Only the outermost section is reported: below a thin section only headings with no text are reported, and nothing below a heading with no text.',
    },
  },
  examples: [
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '（一）压实责任。全年召开党委会12次，专题研究党建工作5次，制定责任清单明确任务31项，党委书记与各支部书记逐一签订责任书，班子成员每季度到联系支部督导一次。',
        '（二）强化监督。班子成员结合分管领域开展督导检查36人次，推动解决问题22个，约谈提醒干部9人，对巡察反馈的问题建立整改台账，逐项明确责任领导、整改措施和完成时限。',
        '中共青山区委',
        '2025年1月15日',
      ].join('\n'),
      note: {
        zh: '下级各节的正文计入上级；标题、署名和日期不是节。',
        en: 'Subsections count towards their parent; the title, signature and date are not sections.',
      },
    },
    {
      valid: ['关于2024年度工作情况的报告', '一、工作开展情况', '取得了较好成效。'].join('\n'),
      options: { minChars: 0 },
      note: { zh: 'minChars 为 0 时不检查主要部分是否过短。', en: 'With minChars 0 main parts are not checked for length.' },
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '取得了较好成效。',
        '二、存在的问题',
        '有3个支部未按期换届，2个支部“三会一课”记录不全，个别班子成员一岗双责落实不到位，对分管领域党风廉政建设过问不多，全年只到联系支部调研1次。',
      ].join('\n'),
      expect: ['2:1 thin'],
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '（一）压实责任。全年召开党委会12次，专题研究党建工作5次，制定责任清单明确任务31项，党委书记与各支部书记逐一签订责任书，班子成员每季度到联系支部督导一次。',
        '（二）强化监督。督导检查36人次。',
      ].join('\n'),
      expect: ['4:1 thin'],
      note: {
        zh: '更深层级的小节按 minSubsectionChars（默认 30）衡量。',
        en: 'Deeper subsections are measured against minSubsectionChars (30 by default).',
      },
    },
    {
      format: 'markdown',
      invalid: [
        '# 关于2024年度落实全面从严治党主体责任情况的报告',
        '',
        '## 二、存在的问题',
        '',
        '### （一）理论学习不够系统',
        '',
        '中心组全年集体学习8次，比要求少2次，专题研讨只有1次；有2个党支部全年未组织党员开展交流研讨，学习以读文件为主，党员干部运用理论指导实践的能力还不强。',
        '',
        '### （二）作风建设',
        '',
        '### （三）意识形态阵地管理存在漏洞',
        '',
        '全年有3场演出未按规定报备，1批捐赠图书未经审读直接上架，4个新媒体账号没有落实三审三校制度，对直属单位举办的展览和讲座审核把关不严，阵地管理存在明显漏洞。',
      ].join('\n'),
      expect: ['9:5 empty'],
    },
    {
      invalid: ['关于2024年度工作情况的报告', '一、工作开展情况', '（一）压实责任', '（二）强化监督', '二、存在的问题', '有3个支部未按期换届。'].join('\n'),
      options: { minChars: 5 },
      expect: ['2:1 empty'],
      note: {
        zh: '整节没有正文时只在最外层的标题处报告一次。',
        en: 'A whole branch without text is reported once, at its outermost heading.',
      },
    },
  ],
  check(report, context) {
    const { minChars, minSubsectionChars } = context.options;
    const main = new Set(mainParts(report));
    const counts = new Map<Section, number | null>();
    for (const section of report.sections) measure(section, counts);
    const visit = (section: Section, reportThin: boolean): void => {
      // A numbered sentence is body text of its parent, measured there, not a heading to be filled.
      if (section.style === 'item') return;
      const count = counts.get(section) ?? null;
      if (count === null) {
        context.report({ at: section.headingSpan, messageId: 'empty', data: { title: section.title } });
        return;
      }
      const min = main.has(section) ? minChars : minSubsectionChars;
      const thin = reportThin && count < min;
      if (thin) {
        context.report({ at: section.headingSpan, messageId: 'thin', data: { title: section.title, count, min }, warnOnly: true });
      }
      for (const child of section.children) visit(child, reportThin && !thin);
    };
    for (const section of report.sections) visit(section, true);
  },
});

/**
 * Han characters in each section's body text, its subsections' included (in one pass over the tree);
 * null when there is no body text at all (code and HTML stand-ins alone are not text).
 */
function measure(section: Section, counts: Map<Section, number | null>): number | null {
  let any = false;
  let count = 0;
  for (const p of section.paragraphs) {
    const text = bodyText(p);
    if (!any && text.replaceAll(OPAQUE, '').trim()) any = true;
    count += countHan(text);
  }
  for (const child of section.children) {
    const n = measure(child, counts);
    if (n !== null) {
      any = true;
      count += n;
    }
  }
  const result = any ? count : null;
  counts.set(section, result);
  return result;
}
