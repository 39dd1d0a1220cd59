import { defineRule } from '../src/engine/rule.js';
import { OPAQUE } from '../src/model/mapped-text.js';
import { bodyText, sectionParagraphs, type Paragraph, type Section } from '../src/model/report.js';
import { findProblemsProse, findProblemsSections, saysNothing, type ProblemsProse } from '../src/problems.js';
import { countHan } from '../src/text/han.js';
import type { Span } from '../src/types.js';

/** Stock phrases that admit a shortcoming without saying what it is. */
const STOCK =
  /有待(?:进一步)?(?:加强|提高|提升|改进|完善|增强|深化|加大|规范|强化)|(?:还|仍|尚)需(?:要)?(?:进一步)?(?:加强|提高|提升|改进|完善|增强|深化|加大|规范|强化|努力)|亟待(?:进一步)?(?:加强|提高|提升|改进|完善)|需要进一步(?:加强|提高|提升|改进|完善)|(?:还有|存在|仍有)(?:一定)?(?:的)?差距|不够到位|不够深入|不够扎实|不够有力|不够系统|有所欠缺|仍有不足|还不够好/gu;

/**
 * Something concrete: a number (12, ５, 3%), a Chinese count (三个支部, 两名干部), an example
 * (例如, 比如, ：如……) or a named case (个别支部, 有的党员, 少数干部).
 */
const EVIDENCE = new RegExp(
  [
    String.raw`[0-9０-９]`,
    String.raw`[两三四五六七八九十百千万][一二两三四五六七八九十百千万]*(?:个|名|次|起|件|项|家|所|人|笔|户|条|份|处|批|场|期|篇|天|年|月|成|倍)`,
    String.raw`例如|比如|譬如|诸如|[，：；（]如[^期何实果此今同若常]`,
    String.raw`(?:个别|有的|少数)(?:党支部|支部|党组织|单位|部门|科室|股室|干部|党员|村|社区|企业|学校|项目|班子成员|同志|领导|基层|乡镇|镇|街道|院系|窗口|网格|人员|职工|教师)`,
  ].join('|'),
  'u',
);

/**
 * Achievements: what a problems section should not be made of. Not after 需/待/要/须/应 or a negation
 * (NOT_ACHIEVEMENT_AFTER), so that 还需进一步提高 (a stock admission) is not read as 进一步提高 (a result),
 * nor 未取得明显成效 as 取得. `achievementsIn` checks that character by hand: as a look-behind, V8 tried
 * it at every position before the phrases, which took twice as long.
 */
const NOT_ACHIEVEMENT_AFTER = '需待要须应该未没无不';
const ACHIEVEMENT =
  /(?:取得|成效|成绩|圆满完成|顺利完成|全面完成|超额完成|显著提升|显著提高|显著增强|明显提升|明显提高|明显增强|明显好转|明显改善|大幅提升|大幅提高|进一步提高|进一步提升|进一步增强|不断增强|不断提升|持续向好|稳步提升|有效提升|好评|走在前列|位居前列|获评|荣获)/gu;

/** Words that state a shortcoming. */
const SHORTCOMING =
  /不足|问题|差距|不够|不强|不高|不严|不实|不力|不到位|不明显|不平衡|不充分|不规范|不及时|不完善|不健全|不彻底|不深入|不扎实|不均衡|不顺畅|薄弱|短板|欠缺|滞后|缺乏|缺少|没有|未|仍然|依然|仍有|风险|漏洞|盲区|偏差|失范|违纪|违规|违法|反弹|回潮|弱化|虚化|淡化|形式主义|官僚主义|有待|还需|仍需|亟待/gu;

/**
 * Enumeration inside a paragraph: 一是……二是……, 其一……其二……, 第一，……第二，…… at the start of the
 * paragraph or after a stop, a semicolon, a colon or a comma (主要表现在：一是……，二是……).
 */
const ENUMERATOR = /(?:^|(?<=[。；;！？：:，,]))\s*(?:[一二三四五六七八九十]{1,3}是|其[一二三四五六七八九十]{1,2}[，、是：]|第[一二三四五六七八九十]{1,3}[，、：]|有的|有些|此外[，,]|另外[，,])/gu;

const QUOTE_LENGTH = 12;
const PHRASE_LENGTH = 10;

interface Item {
  at: Span;
  /** The item's text, title included for a subsection. */
  text: string;
  /** Its first characters, for the message. */
  quote: string;
}

export default defineRule({
  id: 'problems-depth',
  category: 'content',
  severity: 'warn',
  fixable: false,
  genres: ['report'],
  options: {
    minItems: {
      default: 2,
      schema: { type: 'integer', minimum: 1 },
      description: {
        zh: '问题部分至少应列出的问题条数（不计写成绩的条目）；默认 2：只查摆一条问题很难说剖析深入。',
        en: 'The fewest problems the section should list (items that report achievements do not count); 2 by default: a single problem is hardly a thorough self-examination.',
      },
    },
    minShare: {
      default: 0.1,
      schema: { type: 'number', minimum: 0, maximum: 1 },
      description: {
        zh: '问题部分汉字数占全部各节正文汉字数的最低比例；默认 0.10。规范的主体责任报告中问题部分一般占 15%～25%。',
        en: 'The smallest share of the Han characters of all sections’ text that the problems section should have; 0.10 by default. In sound 主体责任 reports the problems section is usually 15% to 25% of the text.',
      },
    },
    aliases: {
      default: [] as string[],
      schema: { type: 'array', items: { type: 'string', format: 'regex' } },
      description: {
        zh: '额外的问题部分标题正则表达式，与 problems-section 的 aliases 取相同的值，两条规则才能找到同一部分。',
        en: 'Extra title patterns for the problems section; give it the same value as problems-section’s `aliases` so that both rules find the same section.',
      },
    },
  },
  messages: {
    'few-items': {
      zh: '“{title}”只列出{count}条问题（少于{min}条），剖析不深入',
      en: 'The problems section “{title}” names only {count} problem(s) (fewer than {min}): not examined in depth',
    },
    'low-share': {
      zh: '“{title}”只占各部分正文的{percent}（少于{min}），问题查摆篇幅过少',
      en: 'The problems section “{title}” is only {percent} of the text of all sections (less than {min})',
    },
    boilerplate: {
      zh: '问题“{item}”只有套话（“{phrase}”），没有具体事实、数字或事例',
      en: 'The problem “{item}” is a stock phrase (“{phrase}”) with no fact, number or example',
    },
    achievements: {
      zh: '问题部分的“{item}”写的是成绩（“{phrase}”）而不是问题，有回避问题之嫌',
      en: '“{item}” in the problems section reports achievements (“{phrase}”), not a problem',
    },
  },
  docs: {
    summary: {
      zh: '问题部分须剖析具体、篇幅相称，不能以套话或成绩代替问题',
      en: 'Require a problems section that names real problems in proportion, not stock phrases or achievements',
    },
    why: {
      zh: '问题部分只有一两句“还有待进一步加强”“还需进一步提高”，或者篇幅寥寥、甚至写成了成绩，是审阅意见中“剖析不深入”“刻意回避”的典型表现。查摆问题要讲事实、举例子、有数据，才能为整改提供依据。',
      en: 'A problems section of one or two stock sentences (“还有待进一步加强”, “还需进一步提高”), one that is a sliver of the report, or one that slides back into achievements is what reviewers call shallow (剖析不深入) or evasive (刻意回避). Problems need facts, examples and numbers to be put right.',
    },
    standard: '《党委（党组）落实全面从严治党主体责任规定》（2020）',
    details: {
      zh: '问题部分的查找方法与 problems-section 相同；问题部分为空或只写“无”时由 problems-section 报告，本规则不再报告。\n\n“条目”的定义：问题部分有下级小标题时，每个下级小节（连同其标题）为一条；没有时，每个正文段落为一条，段落中用“一是……二是……”“其一……”“第一，……”列举两项以上时，每项为一条；以“：”结尾的引导段落不算。\n\n逐条检查：含“有待进一步加强”“还需进一步提高”“仍需加强”“还有差距”“不够到位”“不够深入”等套话，又没有任何数字、汉字计数（三个支部、两名干部）、“例如/比如/如……”举例或“个别/有的/少数+支部、单位、干部……”等具体指向的，报告“只有套话”；“取得”“成效”“圆满完成”“明显提高”“明显好转”等成绩用语多于问题用语（不足、差距、不够、薄弱、风险……）的，报告“写的是成绩”。写成绩的条目不计入问题条数。\n\n整体检查：问题条数少于 minItems（默认 2）时报告；问题部分的汉字数占各节正文汉字总数（不计标题、开头段、署名）的比例低于 minShare（默认 0.10）时报告。这两项在问题部分标题处报告，逐条的问题在该条开头处报告并引用其开头文字。',
      en: 'The problems section is found as problems-section finds it; when it is empty or only says 无, problems-section reports it and this rule says nothing.\n\nWhat an item is: when the problems section has subsections, each subsection (with its title) is an item; otherwise each body paragraph is, and a paragraph that enumerates two or more points with 一是……二是……, 其一…… or 第一，…… gives one item per point. A lead-in paragraph ending in ： is not an item.\n\nEach item is checked: one that has a stock phrase (有待进一步加强, 还需进一步提高, 仍需加强, 还有差距, 不够到位, 不够深入 …) and nothing concrete (no number, no Chinese count such as 三个支部, no example with 例如/比如/如, no pointer such as 个别/有的/少数 + 支部, 单位, 干部 …) is reported as boilerplate; one in which achievement words (取得, 成效, 圆满完成, 明显提高, 明显好转 …) outnumber words of shortcoming (不足, 差距, 不够, 薄弱, 风险 …) is reported as achievements, and does not count as a problem.\n\nThe section as a whole: fewer problems than `minItems` (2 by default) is reported, and so is a section whose Han characters are less than `minShare` (0.10 by default) of those of all sections’ text (headings, opening and signature excluded). These two are reported at the section heading; the item findings at the start of the item, quoting its first characters.',
    },
  },
  examples: [
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次，制定责任清单明确任务31项。',
        '二、存在的问题',
        '（一）责任传导不够到位。有3个支部书记述职时讲业务多、讲党建少，2个支部未按期换届。',
        '（二）作风问题仍有反弹。全年查处违规吃喝问题4起，其中2起发生在下属单位。',
        '三、下一步工作打算',
        '督促未换届支部在一季度完成换届，对下属单位开展作风专项检查。',
      ].join('\n'),
      note: {
        zh: '“不够到位”之后有数字和事实，不是套话。',
        en: '不够到位 is followed by numbers and facts: not boilerplate.',
      },
    },
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次，制定责任清单明确任务31项。',
        '二、存在的问题',
        '一是理论学习还有差距，个别支部以读文件代替研讨；二是监督还不够有力，比如对下属单位的财务检查只覆盖了一半。',
      ].join('\n'),
      note: {
        zh: '段内的“一是……二是……”各算一条；“个别支部”“比如”是具体指向。',
        en: 'Each of 一是……二是…… is an item; 个别支部 and 比如 make them concrete.',
      },
    },
    {
      valid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次，制定责任清单明确任务31项。',
        '二、存在的问题',
        '作风专项行动未取得明显成效，群众反映的14个问题中有5个至今没有解决。',
        '整改成效还不够稳固，巡察反馈的2个问题出现反弹。',
      ].join('\n'),
      note: {
        zh: '“未取得明显成效”“整改成效还不够稳固”讲的是问题，不算写成绩。',
        en: '未取得明显成效 and 整改成效还不够稳固 state problems, not achievements.',
      },
    },
    {
      valid: ['关于2024年度工作情况的报告', '一、工作开展情况', '全年召开党委会12次。', '二、存在的问题', '暂无。'].join('\n'),
      note: {
        zh: '问题部分为空或只写“暂无”，由 problems-section 报告。',
        en: 'An empty problems section, or one that only says 暂无, is problems-section’s finding.',
      },
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次。',
        '二、存在的问题',
        '理论学习还有待进一步加强，学习的系统性和针对性还需进一步提高。',
        '作风建设不够扎实，有2个支部“三会一课”记录不全。',
      ].join('\n'),
      expect: ['5:1 boilerplate'],
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '全年召开党委会12次，专题研究党建工作5次。',
        '二、存在的问题',
        '有3个支部未按期换届，个别班子成员对分管领域党风廉政建设过问不多。',
        '同时也要看到，作风专项行动取得了明显成效，群众满意度进一步提高。',
      ].join('\n'),
      expect: ['4:1 few-items', '6:1 achievements'],
    },
    {
      invalid: [
        '关于2024年度落实全面从严治党主体责任情况的报告',
        '一、工作开展情况',
        '（一）压实责任。全年召开党委会12次，专题研究党建工作5次，制定责任清单明确任务31项，签订责任书46份。',
        '（二）强化监督。班子成员结合分管领域开展督导检查36人次，推动解决问题22个，约谈提醒干部9人。',
        '二、存在的问题',
        '有3个支部未按期换届。',
        '个别班子成员过问分管领域党建不多。',
      ].join('\n'),
      options: { minShare: 0.3 },
      expect: ['5:1 low-share'],
    },
  ],
  check(report, context) {
    const { minItems, minShare, aliases } = context.options;
    const sections = findProblemsSections(report, aliases).filter((s) => !saysNothing(s));
    const prose = sections.length ? [] : findProblemsProse(report);
    if (sections.length === 0 && prose.length === 0) return;
    // Where the part-level findings go: the problems heading, or the lead-in of the prose.
    const first = sections.length
      ? { at: sections[0].headingSpan, title: sections[0].title }
      : { at: prose[0].paragraph.content.span(0, prose[0].start), title: prose[0].paragraph.content.text.slice(prose[0].paragraph.bodyStart ?? 0, prose[0].start).replace(/[：:，,。\s]+$/u, '') };
    const items = sections.length ? sections.flatMap(itemsOf) : prose.flatMap(proseItems);

    let problems = 0;
    for (const item of items) {
      const achievement = readsAsAchievement(item.text);
      if (achievement !== null) {
        context.report({ at: item.at, messageId: 'achievements', data: { item: item.quote, phrase: achievement } });
        continue;
      }
      problems++;
      const stock = onlyStock(item.text);
      if (stock !== null) context.report({ at: item.at, messageId: 'boilerplate', data: { item: item.quote, phrase: stock } });
    }
    if (problems < minItems) {
      context.report({ at: first.at, messageId: 'few-items', data: { title: first.title, count: problems, min: minItems } });
    }

    // Prose problems may stand in the opening of a report without headings: count it then.
    const counted: Paragraph[] = [];
    for (const s of report.sections) sectionParagraphs(s, counted);
    if (!sections.length) counted.push(...report.opening);
    const own = sections.length ? sections.reduce((n, s) => n + hanCount(s), 0) : items.reduce((n, item) => n + countHan(item.text), 0);
    // The text has at least as many characters as Han characters: when the share of its length is met, so is the share of Han.
    const length = counted.reduce((n, p) => n + p.content.text.length - (p.bodyStart ?? 0), 0);
    if (length > 0 && own / length >= minShare) return;
    const total = counted.reduce((n, p) => n + countHan(bodyText(p)), 0);
    if (total > 0 && own / total < minShare) {
      context.report({ at: first.at, messageId: 'low-share', data: { title: first.title, percent: percent(own / total), min: percent(minShare) } });
    }
  },
});

/** The items of a problems section (see the docs): its subsections, or its paragraphs and their enumerated points. */
function itemsOf(section: Section): Item[] {
  // `二、存在的问题` › `（一）监督和作风方面` › `1.` `2.`: a single group heading holds the items.
  if (section.children.length === 1 && section.children[0].children.length && !section.paragraphs.length) return itemsOf(section.children[0]);
  if (section.children.length) {
    return section.children.map((child) => {
      const body = sectionParagraphs(child).map(bodyText).join('');
      // A numbered sentence has no title: quote its words.
      return { at: child.headingSpan, text: child.title + body, quote: quote(child.title || body) };
    });
  }
  const items: Item[] = [];
  for (const p of section.paragraphs) {
    if (p.kind !== 'body' && p.kind !== 'list-item') continue;
    const start = p.bodyStart ?? 0;
    const text = p.content.text.slice(start);
    const core = text.replaceAll(OPAQUE, '').trim();
    if (!core || /[：:]$/u.test(core)) continue;
    items.push(...splitEnumeration(p, start, text));
  }
  return items;
}

/** The items of problems written as prose: the points after the lead-in, and the paragraphs that carry on its list. */
function proseItems(prose: ProblemsProse): Item[] {
  const { paragraph, start } = prose;
  const items = splitEnumeration(paragraph, start, paragraph.content.text.slice(start));
  for (const p of prose.followers) items.push(...splitEnumeration(p, p.bodyStart ?? 0, p.content.text.slice(p.bodyStart ?? 0)));
  return items;
}

/** A paragraph as one item, or one item per point when it enumerates two or more (一是……二是……). */
function splitEnumeration(p: Paragraph, start: number, text: string): Item[] {
  const starts = [...text.matchAll(ENUMERATOR)].map((m) => m.index + m[0].length - m[0].trimStart().length);
  if (starts.length < 2) {
    const lead = text.length - text.trimStart().length;
    return [{ at: p.content.span(start + lead, start + text.trimEnd().length), text, quote: quote(text) }];
  }
  return starts.map((from, i) => {
    const to = i + 1 < starts.length ? starts[i + 1] : text.length;
    const part = text.slice(from, to);
    return { at: p.content.span(start + from, start + from + part.trimEnd().length), text: part, quote: quote(part) };
  });
}

/** The stock phrase of an item that has nothing concrete, or null. */
function onlyStock(text: string): string | null {
  const m = text.match(STOCK);
  if (!m || EVIDENCE.test(text)) return null;
  return m[0];
}

/**
 * The first achievement phrase of an item that reads as achievements rather than problems (up to the
 * next punctuation mark, at most PHRASE_LENGTH characters: 取得了明显成效), or null.
 */
function readsAsAchievement(text: string): string | null {
  const achievements = achievementsIn(text);
  if (achievements.length === 0) return null;
  const shortcomings = (text.match(SHORTCOMING) ?? []).length;
  if (achievements.length <= shortcomings || (achievements.length < 2 && shortcomings > 0)) return null;
  const from = achievements[0].index;
  const rest = text.slice(from, from + PHRASE_LENGTH);
  const stop = rest.search(/[\p{P}\s]/u);
  return stop === -1 ? rest : rest.slice(0, stop);
}

/**
 * The matches of ACHIEVEMENT not right after a character of NOT_ACHIEVEMENT_AFTER, as the pattern
 * `(?<![…])(?:取得|…)` finds them: where the character before a match rules it out, the search
 * goes on from the next character, not from the end of the match.
 */
function achievementsIn(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  ACHIEVEMENT.lastIndex = 0;
  for (let m = ACHIEVEMENT.exec(text); m; m = ACHIEVEMENT.exec(text)) {
    if (m.index > 0 && NOT_ACHIEVEMENT_AFTER.includes(text[m.index - 1])) ACHIEVEMENT.lastIndex = m.index + 1;
    else found.push(m);
  }
  return found;
}

function hanCount(section: Section): number {
  let count = 0;
  for (const p of sectionParagraphs(section)) count += countHan(bodyText(p));
  return count;
}

/** The first QUOTE_LENGTH characters (code points) of the item, or all of it; without spreading the whole item. */
function quote(text: string): string {
  const clean = (text.includes(OPAQUE) ? text.replaceAll(OPAQUE, '') : text).trim();
  let count = 0;
  let cut = 0;
  for (const ch of clean) {
    if (count === QUOTE_LENGTH) return clean.slice(0, cut) + '……';
    cut += ch.length;
    count++;
  }
  return clean;
}

function percent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${value}%`;
}
