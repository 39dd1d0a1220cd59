import { defineRule, type RuleContext } from '../src/engine/rule.js';
import type { Paragraph } from '../src/model/report.js';
import { isLatinOnly, protectedRanges, rangeGuard } from '../src/text/prose.js';

/** How the names of documents, books, laws, papers and articles end: these belong in 《》. */
const DOCUMENT_ENDINGS = [
  // Laws, regulations and Party rules.
  '法', '条例', '规定', '办法', '细则', '准则', '规则', '章程', '守则', '规程', '规范', '标准', '制度', '决定', '决议', '议定书',
  // Official documents.
  '意见', '通知', '通报', '通告', '公告', '公报', '报告', '请示', '批复', '函', '纪要', '方案', '规划', '计划', '纲要', '要点',
  '清单', '指引', '指南', '说明', '讲话', '宣言', '建议', '答复', '目录', '名录', '大纲', '提纲', '白皮书',
  // Books, collections, papers and periodicals.
  '选编', '汇编', '读本', '文选', '文集', '选集', '全集', '文库', '问答', '手册', '教材', '释义', '解读', '辅导', '论', '集', '史', '传', '志', '录',
  '报', '杂志', '期刊', '周刊', '月刊', '学报',
];

/** Words right after 》 that say the name is an activity, a campaign or a meeting. */
const ACTIVITY_AFTER = [
  '创建', '活动', '行动', '专项', '会议', '大会', '评选', '评比', '竞赛', '比赛', '大赛', '主题', '宣传月', '宣传周', '教育月', '宣讲',
  '建设', '工程', '培训班', '读书班', '研讨班', '专题班', '研讨会', '座谈会', '论坛', '晚会', '征文', '演讲', '知识竞赛', '品牌', '示范点',
];

/** Verbs right before 《 that say what follows is an event. */
const EVENT_BEFORE = ['开展', '举办', '召开', '举行', '启动', '创建', '争创', '推进'];

/** How activity names end when they carry the activity word inside the marks: 《清廉机关创建》. */
const ACTIVITY_ENDINGS = ['创建', '活动', '行动', '会议', '大会', '评选', '评比', '竞赛', '比赛', '大赛', '主题教育', '宣传月', '宣传周', '教育月', '党日', '论坛', '晚会'];

/** Only documents are issued on trial or as drafts: 《……（试行）》 is a document whatever its last word. */
const DOCUMENT_STATUS = /[（(](?:试行|暂行|草案|征求意见稿|送审稿|修订稿|修订|修正)[）)]$/;
/** A trailing note in brackets (a period, an edition) says nothing about the kind: 规划纲要（2021—2025年）. */
const TRAILING_NOTE = /(?:[（(][^（）()]{1,24}[）)])+$/;

/** `tail`: the last characters of the name (enough for every ending above). */
function isDocumentName(tail: string): boolean {
  if (DOCUMENT_STATUS.test(tail)) return true;
  const core = tail.replace(TRAILING_NOTE, '');
  return DOCUMENT_ENDINGS.some((w) => core.endsWith(w));
}

/** Names quoted in messages are cut to this many characters: a crafted nest of marks must not fill memory. */
const QUOTE_LIMIT = 24;
/** Enough of a name's end for every ending and trailing note. */
const TAIL = 64;

function quoted(text: string, from: number, to: number): string {
  return to - from <= QUOTE_LIMIT ? text.slice(from, to) : `${text.slice(from, from + QUOTE_LIMIT)}…`;
}

export default defineRule({
  id: 'book-title-marks',
  category: 'format',
  severity: 'warn',
  fixable: false,
  options: {},
  messages: {
    notDocument: {
      zh: '活动、会议名称不用书名号：应为{expected}，实为{actual}',
      en: 'Book-title marks are not for activities or meetings: expected {expected}, found {actual}',
    },
    nestedTitle: {
      zh: '书名号内再用书名号时，里层用单书名号：应为{expected}，实为{actual}',
      en: 'A title inside a title takes single marks: expected {expected}, found {actual}',
    },
  },
  docs: {
    summary: {
      zh: '书名号只用于文件、书籍、法规、报刊、文章的名称，不用于活动和会议；书名号内再用书名号时里层用〈〉',
      en: 'Book-title marks 《》 are for documents, books, laws, papers and articles, not activities or meetings; a title inside a title takes 〈〉',
    },
    why: {
      zh: '把“清廉机关”创建、主题党日等活动名称写成《清廉机关》，是工作报告中常见的标点误用，会让读者误以为是某份文件。书名号嵌套时里外层不分，则看不清哪个名称套在哪个名称里。',
      en: 'Writing the name of a campaign or an event such as “清廉机关” creation as 《清廉机关》 is a common misuse in work reports: readers take it for the title of a document. Titles nested with the same marks make it unclear which name sits inside which.',
    },
    standard: 'GB/T 15834-2011 §4.15 书名号（§4.15.3.1 用途、§4.15.3.5 嵌套）',
    details: {
      zh: '书名号内的名称以文件、法规、书刊的类别词结尾（条例、规定、办法、意见、通知、决定、法、纲要、报告、方案、规划、细则、准则、章程、选编、读本、文选、说明、报、杂志……）时视为文件，不报告；否则，紧跟在》后面的是“创建、活动、行动、专项、会议、评选、建设……”，或紧挨在《前面的是“开展、举办、召开、举行、启动、创建……”，或名称本身以“创建、活动、行动、会议……”结尾时，报告为活动名称，建议改用引号。其他情况（如影视作品《榜样》、文章标题）不报告。书名号内又出现书名号时，报告里层，应改为单书名号〈〉。本规则只报告、不修复：是否为文件名称需要人工判断。网址、行内代码、代码块和纯英文段落不检查。',
      en: 'A name that ends in a kind of document, law or publication (条例, 规定, 办法, 意见, 通知, 决定, 法, 纲要, 报告, 方案, 规划, 细则, 准则, 章程, 选编, 读本, 文选, 说明, 报, 杂志 …) is taken as a document and passes. Otherwise it is reported as an activity, with quotes suggested, when 》 is followed by 创建, 活动, 行动, 专项, 会议, 评选, 建设 …, when 《 follows 开展, 举办, 召开, 举行, 启动, 创建 …, or when the name itself ends in 创建, 活动, 行动, 会议 …. Anything else (a film such as 《榜样》, an article title) passes. A title inside a title is reported at the inner one, which takes the single marks 〈〉. The rule reports without fixing: whether a name is a document takes a human. URLs, inline code, code blocks and Latin-only paragraphs are not checked.',
    },
  },
  examples: [
    {
      valid:
        '关于2024年度工作情况的报告\n认真学习《中国共产党纪律处分条例》，开展《中华人民共和国监察法》宣传周活动。\n组织观看《榜样》专题节目，印发《关于〈条例〉的说明》。\n在局机关开展“清廉机关”创建。\n启动《某市国民经济和社会发展第十四个五年规划纲要（2021—2025年）》宣传活动，开展《机关作风建设考核办法（试行）》宣讲，组织学习《清廉机关建设评价指标（试行）》。',
    },
    {
      format: 'markdown',
      valid: '# 关于2024年度工作情况的报告\n\n字段按 `开展《清廉机关》创建` 命名。\n\n```\n开展《清廉机关》创建\n```\n\n<!-- 开展《清廉机关》创建 -->\n',
      note: { zh: '代码和 HTML 注释不检查。', en: 'Code and HTML comments are skipped.' },
    },
    {
      invalid: '在局机关开展《清廉机关》创建，评选示范科室3个。\n举办《廉洁家风》主题活动2场。\n组织《作风建设主题党日》12次。',
      expect: ['1:7 notDocument', '2:3 notDocument', '3:3 notDocument'],
    },
    {
      invalid: '印发《关于《条例》的说明》，学习《〈规定〉释义》。',
      expect: ['1:6 nestedTitle'],
    },
  ],
  check(report, context) {
    for (const paragraph of report.paragraphs) checkParagraph(paragraph, context);
  },
});

function checkParagraph(paragraph: Paragraph, context: RuleContext<Record<string, never>>): void {
  const { content } = paragraph;
  const text = content.text;
  if (!text.includes('《') || isLatinOnly(text)) return;
  const guarded = rangeGuard(protectedRanges(text));
  // One pass with a stack: each mark is pushed and popped once, and each open pair knows
  // whether another opened inside it, so that nothing is rescanned (40,000 nested levels stay linear).
  const open: number[] = [];
  const hasInner: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '《') {
      if (open.length) hasInner[open.length - 1] = true;
      open.push(i);
      hasInner.push(false);
      continue;
    }
    if (ch !== '》' || open.length === 0) continue;
    const start = open.pop()!;
    const inner = hasInner.pop()!;
    const end = i + 1;
    if (guarded(start, end)) continue;
    if (open.length > 0) {
      const name = quoted(text, start + 1, i);
      context.report({
        at: content.span(start, end),
        messageId: 'nestedTitle',
        data: { expected: `〈${name}〉`, actual: `《${name}》` },
      });
      continue;
    }
    if (inner || i === start + 1) continue;
    const tail = text.slice(Math.max(start + 1, i - TAIL), i);
    if (isDocumentName(tail) || !tail.trim()) continue;
    const after = text.slice(end, end + 5);
    const before = text.slice(Math.max(0, start - 2), start);
    const activity =
      ACTIVITY_AFTER.some((w) => after.startsWith(w)) ||
      EVENT_BEFORE.some((w) => before.endsWith(w)) ||
      ACTIVITY_ENDINGS.some((w) => tail.endsWith(w));
    if (activity) {
      const name = quoted(text, start + 1, i);
      context.report({
        at: content.span(start, end),
        messageId: 'notDocument',
        data: { expected: `“${name}”`, actual: `《${name}》` },
      });
    }
  }
}
