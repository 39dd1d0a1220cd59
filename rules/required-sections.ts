import { defineRule } from '../src/engine/rule.js';
import type { Report, Section } from '../src/model/report.js';
import { findProblemsProse, isProblemsTitle, isWorkOrNextSteps, problemsPatterns, saysNothing } from '../src/problems.js';
import { chooseProfile, findProfileSections, mainParts } from '../src/profiles.js';

export default defineRule({
  id: 'required-sections',
  category: 'structure',
  severity: 'error',
  fixable: false,
  genres: ['report'],
  options: {
    profile: {
      default: '',
      schema: { type: 'string' },
      description: {
        zh: '本规则使用的报告类型（profile），覆盖共享设置 profile：auto、none 或类型名称；留空（默认）则使用共享设置。可在 overrides 中按文件指定。',
        en: 'The report kind (profile) for this rule, overriding the shared `profile` setting: auto, none or a profile name; empty (the default) uses the shared setting. Useful in `overrides` to pick a kind per file pattern.',
      },
    },
  },
  messages: {
    missing: {
      zh: '报告缺少“{name}”部分，内容不全（{profile}应有：{required}）',
      en: 'The report has no “{name}” section: incomplete ({profile} needs {required})',
    },
    order: {
      zh: '“{name}”部分位置不对，各部分应依次为：{required}',
      en: 'The “{name}” section is out of order: the sections should come as {required}',
    },
    'unknown-profile': {
      zh: '未知的报告类型“{profile}”，无法检查必备部分（可用：{known}）',
      en: 'Unknown report profile “{profile}”: required sections cannot be checked (known: {known})',
    },
  },
  docs: {
    summary: {
      zh: '报告须包含其类型要求的各个部分（如主体责任报告的工作情况、存在问题、下一步打算）',
      en: 'Require the sections a kind of report must have (for a 主体责任 report: work done, problems, next steps)',
    },
    why: {
      zh: '落实全面从严治党主体责任情况的报告应当讲清做了什么、存在什么问题、下一步怎么办。缺少其中任何一部分，就是审阅意见中的“内容不全”；把问题或打算略去不写，往往正是“只讲成绩不提问题”的表现。',
      en: 'A report on fulfilling the 全面从严治党主体责任 must say what was done, what the problems are and what comes next. A report missing one of these parts is what reviewers call incomplete (内容不全); leaving out the problems or the next steps is often a way of reporting only achievements (只讲成绩不提问题).',
    },
    standard: '《党委（党组）落实全面从严治党主体责任规定》（2020）',
    details: {
      zh: '报告类型（profile）由共享设置 profile 决定：auto（默认）按报告标题识别，none 不检查，或写类型名称。内置类型 zhuti-zeren（主体责任报告）在标题含“全面从严治党……主体责任”时自动识别，要求依次有：工作开展情况（工作开展情况、主要工作、主要做法、履行……责任……情况、做法、成效）、存在的问题（与 problems-section 相同的标题写法）、下一步工作打算（下一步、今后……打算/计划/方向、工作打算、整改措施、改进措施）。用户可在 profiles 中新增类型或按名称替换内置类型（未写 detect 时沿用内置类型的识别规则）；每个部分可给出标题正则 pattern 和同义词 synonyms，ordered 为 true 时检查先后顺序。\n\n标题中紧跟在“针对”“补齐”“解决”“着力”“整改”等整改用语之后的说法不算（“补齐薄弱环节”不是问题部分，“巩固整改成效”不是工作情况）。\n\n先在一级标题中查找各部分；只有报告仅有一个一级标题（或没有）时，才在更深层级中查找（层级浅者优先）。缺少的部分在报告标题处报告（无标题时在第1行第1列），每缺一个报告一次；顺序不对的部分在其标题处报告。没有识别出类型时本规则不报告；指定了不存在的类型时报告一次 unknown-profile。本规则的 profile 选项可按文件覆盖共享设置。',
      en: 'The report kind (profile) comes from the shared `profile` setting: `auto` (the default) detects it from the report title, `none` turns the check off, or name a profile. The built-in profile `zhuti-zeren` (主体责任 report) is detected when the title contains 全面从严治党……主体责任 and requires, in this order: work done (工作开展情况, 主要工作, 主要做法, 履行……责任……情况, 做法, 成效), problems (the same titles as problems-section) and next steps (下一步, 今后……打算/计划/方向, 工作打算, 整改措施, 改进措施). Add profiles or replace a built-in one by name with the `profiles` setting (a replacement without `detect` keeps the built-in detection); each section has a title `pattern` (regular expression) and optional `synonyms`; `ordered: true` checks the order.\n\nA phrase right after a remedy verb such as 针对, 补齐, 解决, 着力 or 整改 does not count (补齐薄弱环节 is not the problems section, 巩固整改成效 is not the work done).\n\nTop-level sections are searched first; deeper ones only when the report has a single top-level section or none (shallower first). Each missing section is reported at the report title (or at 1:1 when there is none); a section out of order is reported at its heading. With no profile detected the rule is silent; a profile name that does not exist gives one unknown-profile finding. The rule’s own `profile` option overrides the shared setting per file.',
    },
  },
  examples: [
    {
      valid: [
        '中共青山区委关于2024年度落实全面从严治党主体责任情况的报告',
        '一、主要做法和成效',
        '全年召开常委会12次，专题研究党建工作5次。',
        '二、存在的主要问题',
        '有3个支部未按期换届。',
        '三、今后工作打算',
        '督促未换届支部在一季度完成换届。',
      ].join('\n'),
      note: { zh: '同义写法：主要做法和成效、存在的主要问题、今后工作打算。', en: 'Synonyms: 主要做法和成效, 存在的主要问题, 今后工作打算.' },
    },
    {
      valid: ['中共青山区委关于2024年度党建工作情况的报告', '一、工作开展情况', '全年召开常委会12次，专题研究党建工作5次。'].join('\n'),
      note: { zh: '标题未识别出报告类型，不检查。', en: 'No profile is detected from the title: nothing is checked.' },
    },
    {
      valid: ['中共青山区委关于2024年度落实全面从严治党主体责任情况的报告', '一、工作开展情况', '全年召开常委会12次，专题研究党建工作5次。'].join('\n'),
      options: { profile: 'none' },
      note: { zh: 'profile 为 none 时不检查。', en: 'With profile none nothing is checked.' },
    },
    {
      valid: [
        '中共青山区委关于2024年度落实全面从严治党主体责任情况的报告',
        '一、主体责任落实情况',
        '（一）工作开展情况。全年召开常委会12次，专题研究党建工作5次。',
        '（二）存在的问题。有3个支部未按期换届。',
        '（三）下一步工作打算。督促未换届支部在一季度完成换届。',
      ].join('\n'),
      note: {
        zh: '只有一个一级标题时，在其下级标题中查找。',
        en: 'With a single top-level section, its subsections are searched.',
      },
    },
    {
      invalid: [
        '中共青山区委关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开常委会12次，专题研究党建工作5次。',
        '二、巡察整改落实情况',
        '对反馈的11个问题逐项整改，已完成9个。',
      ].join('\n'),
      expect: ['1:1 missing', '1:1 missing'],
      note: {
        zh: '缺少“存在的问题”和“下一步工作打算”；“巡察整改落实情况”不是下一步打算。',
        en: 'The problems and next-steps sections are missing; 巡察整改落实情况 is not a next-steps section.',
      },
    },
    {
      format: 'markdown',
      invalid: [
        '# 中共青山区委关于2024年度落实全面从严治党主体责任情况的报告',
        '',
        '## 一、工作开展情况',
        '',
        '全年召开常委会12次，专题研究党建工作5次。',
        '',
        '## 二、下一步工作打算',
        '',
        '督促未换届支部在一季度完成换届。',
        '',
        '## 三、存在的问题',
        '',
        '有3个支部未按期换届。',
      ].join('\n'),
      expect: ['11:4 order'],
    },
    {
      invalid: ['中共青山区委关于2024年度党建工作情况的报告', '一、工作开展情况', '全年召开常委会12次，专题研究党建工作5次。'].join('\n'),
      options: { profile: 'nianzhong-zongjie' },
      expect: ['1:1 unknown-profile'],
    },
    {
      invalid: ['2024年度个人述职报告', '一、履职情况', '认真履行分管领域全面从严治党责任，全年带队督查8次。', '二、存在的不足', '调查研究还不够深入，全年只走访基层单位6个。'].join('\n'),
      settings: {
        profiles: {
          shuzhi: {
            title: '述职报告',
            detect: '述职报告$',
            sections: [
              { id: 'work', name: '履职情况', pattern: '履职' },
              { id: 'problems', name: '存在的不足', pattern: '不足|问题' },
              { id: 'next', name: '努力方向', pattern: '努力方向|下一步' },
            ],
          },
        },
      },
      note: {
        zh: '配置中自定义的报告类型，按标题识别。',
        en: 'A report kind defined in the config, detected from the title.',
      },
      expect: ['1:1 missing'],
    },
  ],
  check(report, context) {
    const name = context.options.profile || context.settings.profile;
    const choice = chooseProfile(context.settings, report.title?.content.text ?? null, name);
    const at = report.title ?? { start: 0, end: 0 };
    if (choice.kind === 'none') return;
    if (choice.kind === 'unknown') {
      context.report({ at, messageId: 'unknown-profile', data: { profile: choice.name, known: choice.known.join('、') } });
      return;
    }

    const { profile } = choice;
    const found = findProfileSections(report, profile);
    const required = profile.sections.map((s) => `“${s.name}”`).join('、');
    for (const part of profile.sections) {
      if (found.get(part.id) || presentInSubstance(report, part.id, found, context.isEnabled('problems-section'))) continue;
      // “主体责任情况报告应有…”; a user profile without a title is named by its id.
      const kind = profile.title ?? (context.locale === 'zh' ? `“${choice.name}”类报告` : `a “${choice.name}” report`);
      context.report({ at, messageId: 'missing', data: { name: part.name, profile: kind, required } });
    }

    if (!profile.ordered) return;
    const present = profile.sections.flatMap((part) => {
      const section = found.get(part.id);
      return section ? [{ name: part.name, section }] : [];
    });
    const keep = longestInOrder(present.map((p) => p.section));
    present.forEach((p, i) => {
      if (!keep.has(i)) context.report({ at: p.section.headingSpan, messageId: 'order', data: { name: p.name, required } });
    });
  },
});

/**
 * A part that no heading names but that the report has all the same:
 * - `problems`: written as prose (存在的主要问题：一是……), or left to problems-section,
 *   which reports a missing problems part itself (one finding for one fault);
 * - `work`: the main parts before the problems and next steps are the work done,
 *   whatever their titles (一、突出政治建设，从严落实主体责任 …).
 */
function presentInSubstance(report: Report, id: string, found: Map<string, Section | null>, problemsRuleOn: boolean): boolean {
  if (id === 'problems') return problemsRuleOn || findProblemsProse(report).length > 0;
  if (id !== 'work') return false;
  const claimed = [...found.values()].filter((s): s is Section => s !== null);
  const bound = Math.min(...claimed.map((s) => s.span.start), Number.POSITIVE_INFINITY);
  const claimedSet = new Set(claimed);
  return mainParts(report).some(
    (s) => !claimedSet.has(s) && s.span.start < bound && !isProblemsTitle(s.title, problemsPatterns()) && !isWorkOrNextSteps(s) && !saysNothing(s),
  );
}

/**
 * The indexes of a longest subsequence of `sections` that is in document order: the sections
 * outside it are the ones out of place. (Profiles have a handful of sections: quadratic is fine.)
 * Two parts matched by the same section (存在的问题及整改措施) are in order.
 */
function longestInOrder(sections: Section[]): Set<number> {
  const n = sections.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (sections[j].span.start <= sections[i].span.start && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
  }
  // Of the longest, keep the one that ends earliest: the part found last in the document is the one out of place.
  let best = -1;
  for (let i = 0; i < n; i++) {
    if (best === -1 || length[i] > length[best] || (length[i] === length[best] && sections[i].span.start < sections[best].span.start)) best = i;
  }
  const keep = new Set<number>();
  for (let i = best; i !== -1; i = previous[i]) keep.add(i);
  return keep;
}
