import { defineRule } from '../src/engine/rule.js';
import type { ReportDescriptor } from '../src/engine/rule.js';
import type { Paragraph, Report } from '../src/model/report.js';
import type { MappedText } from '../src/model/mapped-text.js';

/** Sentence and clause punctuation that a title never ends with (GB/T 9704-2012 §7.3.1). */
const TRAILING = new Set(['。', '，', '；', '：', '！', '？', '、', '.', ',', ';', ':', '!', '?']);
/** A draft mark after the kind: （征求意见稿）, （送审稿）, （讨论稿）. */
const DRAFT = /[（(](?:征求意见稿|送审稿|讨论稿|审议稿|代拟稿|修改稿|草稿|初稿|草案)[）)]$/u;
/** Kinds that stack when written side by side: 请示报告, 报告请示, 总结报告. */
const STACKABLE = ['请示', '报告', '汇报', '通报', '通知', '总结', '批复'];
/** What may join a stacked pair to a further kind: 请示报告暨工作汇报. Anything else after the pair makes it a name (请示报告制度). */
const JOINERS = ['暨', '和', '及', '与', '、', '/', '／'];
/** The other kinds of 《条例》 第八条: a title that ends with one of them is not a report. */
const OTHER_KINDS = ['请示', '批复', '通知', '意见', '决定', '决议', '命令', '公报', '公告', '通告', '议案', '纪要', '函'];
const MAX_TITLE = 80;

export default defineRule({
  id: 'report-title',
  category: 'structure',
  severity: 'warn',
  fixable: false,
  genres: ['report'],
  options: {
    kinds: {
      default: ['报告', '通报', '总结', '说明'] as string[],
      schema: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      description: {
        zh: '标题可以结尾的文种。默认“报告”“通报”“总结”“说明”，已包括“情况报告”“工作报告”“自查报告”“工作总结”“情况说明”等。',
        en: 'The document kinds a title may end with. The default 报告, 通报, 总结 and 说明 also cover 情况报告, 工作报告, 自查报告, 工作总结, 情况说明 and the like.',
      },
    },
  },
  messages: {
    missing: {
      zh: '报告没有标题：第一行应为“关于……情况的报告”式的标题',
      en: 'The report has no title: the first line should be a title such as “关于……情况的报告”',
    },
    trailingPunctuation: {
      zh: '标题末尾不加标点：“{mark}”',
      en: 'A title takes no punctuation at its end: “{mark}”',
    },
    noKind: {
      zh: '标题“{title}”未以文种结尾：应以“{kinds}”等文种结尾，如“……情况的报告”',
      en: 'The title “{title}” does not end with a document kind: end it with {kinds}, e.g. “……情况的报告”',
    },
    huibao: {
      zh: '“汇报”不是公文文种：标题应以“报告”结尾',
      en: '“汇报” is not a document kind: end the title with “报告”',
    },
    stackedKinds: {
      zh: '“{text}”文种叠用：一份公文只用一个文种，报告不得夹带请示，应只写“报告”',
      en: '“{text}” stacks two document kinds: a document has one kind, and a report may not double as a request; write “报告” alone',
    },
  },
  docs: {
    summary: {
      zh: '报告须有标题，标题以文种（报告等）结尾、末尾不加标点、不叠用文种',
      en: 'Require a title that ends with a document kind (报告 …), has no end punctuation and stacks no kinds',
    },
    why: {
      zh: '标题由发文机关、事由和文种组成，文种标明公文的性质和行文方向。没有标题、标题以“汇报”“情况”收尾、写成“请示报告”“总结报告”，或在标题末尾加句号，都是审阅中常见的格式差错；“请示报告”更会让上级分不清是否需要批复。',
      en: 'A title is made of the issuing body, the subject and the document kind, and the kind tells the reader what the document is and what is expected of them. A missing title, a title that ends in 汇报 or 情况, stacked kinds such as 请示报告 or 总结报告, or a full stop at the end of the title are slips reviewers see all the time; 请示报告 also leaves the superior unsure whether a reply is expected.',
    },
    standard: '《党政机关公文处理工作条例》（2012）第八条（公文种类）、第九条（标题）；GB/T 9704-2012《党政机关公文格式》7.3.1（标题）',
    details: {
      zh: '标题是报告的第一行（Markdown 中为第一个标题）；纯文本中长标题分两行书写、第一行既无文种也无标点而紧接的短行以文种结尾时，两行合为标题，按第二行的结尾判断。第一行像正文（有句中标点）或以序号开头时，视为没有标题，在第1行第1列报告。文种取 kinds 选项（默认“报告”“通报”“总结”“说明”），按结尾判断，所以“情况报告”“工作报告”“年度报告”“自查报告”都可以；末尾的“（征求意见稿）”“（送审稿）”等稿本标注不影响判断。“汇报”不是《条例》规定的文种，单独报告（单位如确需接受，可把它加入 kinds）。以《条例》规定的其他文种（请示、通知、意见、函……）结尾的，是那一种公文，不按报告检查（本规则和其他报告规则都不适用）。相邻的两个文种（“请示报告”“报告请示”“总结报告”“请示汇报”）位于标题末尾或其后接“暨”“和”“及”等再连另一文种时，报告为文种叠用；其后接其他字词的是名称（“重大事项请示报告制度”），不报告；“意见”“函”不在此列，以免误报“征求意见”之类的词。末尾的句号、逗号、分号、冒号、叹号、问号、顿号（含半角）都报告。',
      en: 'The title is the first line (the first heading in Markdown); in plain text, a long title broken over two lines (a first line with neither a kind nor punctuation at its end, followed by a short line that ends with a kind) is read as one, and its end is judged on the second line. When the first line reads like prose (it has punctuation inside) or starts with a numbering marker, the report has no title and the finding is at 1:1. The kinds come from the `kinds` option (default 报告, 通报, 总结, 说明) and are matched at the end, so 情况报告, 工作报告, 年度报告 and 自查报告 all pass; a draft mark such as （征求意见稿） or （送审稿） after the kind is allowed. 汇报 is not a kind under the 条例 and has its own message (a unit that must accept it can add it to `kinds`). A title that ends with another kind of the 条例 (请示, 通知, 意见, 函 …) makes the document that kind, and it is not checked as a report (neither by this rule nor by the other report rules). Two kinds side by side (请示报告, 报告请示, 总结报告, 请示汇报) at the end of the title, or followed by 暨, 和, 及 … and a further kind, are reported as stacked; followed by other words they are a name (重大事项请示报告制度) and pass; 意见 and 函 are left out so that words such as 征求意见 do not fire. A full stop, comma, semicolon, colon, exclamation or question mark or 顿号 (full- or half-width) at the end is reported.',
    },
  },
  examples: [
    { valid: ['中共青山区委关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '现将有关情况报告如下。'].join('\n') },
    {
      valid: ['关于2024年度党风廉政建设工作情况的通报（征求意见稿）', '全年开展专项督查4次。'].join('\n'),
      note: { zh: '文种后可有稿本标注。', en: 'A draft mark may follow the kind.' },
    },
    {
      valid: ['关于2024年度工作情况的汇报', '全年开展专项督查4次。'].join('\n'),
      options: { kinds: ['报告', '汇报'] },
      note: { zh: '单位内部材料如确需以“汇报”结尾，可把它加入 kinds。', en: 'A unit whose internal papers must end in 汇报 can add it to `kinds`.' },
    },
    {
      invalid: ['市委：', '2024年，区委认真履行主体责任。现将有关情况报告如下。'].join('\n'),
      expect: ['1:1 missing'],
    },
    {
      invalid: ['关于2024年度落实全面从严治党主体责任情况的报告。', '市委：'].join('\n'),
      expect: ['1:26 trailingPunctuation'],
    },
    {
      invalid: ['关于2024年度落实全面从严治党主体责任情况', '市委：'].join('\n'),
      expect: ['1:1 noKind'],
    },
    {
      invalid: ['关于全面从严治党主体责任落实情况的请示报告暨工作汇报。', '市委：'].join('\n'),
      expect: ['1:18 stackedKinds', '1:25 huibao', '1:27 trailingPunctuation'],
    },
    {
      valid: ['中共青山区委关于2024年度落实全面从严治党', '主体责任情况的报告', '市委：', '现将有关情况报告如下。'].join('\n'),
      note: { zh: '纯文本中分两行书写的长标题，以第二行结尾判断。', en: 'A long title broken over two lines of plain text is judged by the end of its second line.' },
    },
    {
      invalid: ['中共青山区委关于2024年度落实全面从严治党', '主体责任情况的报告。', '市委：'].join('\n'),
      expect: ['2:10 trailingPunctuation'],
      note: { zh: '分两行的标题，末尾标点在第二行报告。', en: 'A title over two lines: its end mark is reported on the second line.' },
    },
    {
      valid: ['关于增加2024年度专项经费的请示', '市委：', '妥否，请批示。'].join('\n'),
      note: {
        zh: '标题以“请示”“通知”“函”等其他文种结尾的，是那一种公文，不按报告检查。',
        en: 'A title that ends with another kind (请示, 通知, 函 …) makes the document that kind; it is not checked as a report.',
      },
    },
    {
      valid: ['关于重大事项请示报告制度执行情况的报告', '市委：'].join('\n'),
      note: { zh: '“请示报告制度”是制度名称，不是文种叠用。', en: '请示报告制度 names a rule; it stacks no kinds.' },
    },
    {
      format: 'markdown',
      invalid: ['# 2024年度工作总结报告', '', '全年开展专项督查4次。'].join('\n'),
      expect: ['1:11 stackedKinds'],
    },
  ],
  check(report, context) {
    const kinds = context.options.kinds;
    const found = titleOf(report, kinds);
    if (!found) {
      context.report({ at: { start: 0, end: 0 }, messageId: 'missing' });
      return;
    }
    // A title over several lines is one paragraph of the model; a headline's kind may stand in its subtitle.
    const next = found === report.title ? subtitleWithKind(report, kinds) : null;
    if (next) reportStacked(found.content, found.content.text.trimEnd().length, (d) => context.report(d));
    const { content } = next ?? found;
    const text = content.text;
    let end = text.length;
    while (end > 0 && /\s/u.test(text[end - 1])) end--;

    // Punctuation at the end: report the first mark of the run.
    let core = end;
    while (core > 0 && TRAILING.has(text[core - 1])) core--;
    if (core < end) context.report({ at: content.span(core, core + 1), messageId: 'trailingPunctuation', data: { mark: text[core] } });

    let kindEnd = core;
    const draft = DRAFT.exec(text.slice(0, core));
    if (draft) kindEnd = draft.index;
    const head = text.slice(0, kindEnd).trimEnd();
    kindEnd = head.length;
    reportStacked(content, kindEnd, (d) => context.report(d));

    if (head.endsWith('汇报') && !kinds.includes('汇报')) {
      context.report({ at: content.span(kindEnd - 2, kindEnd), messageId: 'huibao' });
    } else if (!kinds.some((k) => head.endsWith(k))) {
      context.report({
        at: content.span(0, Math.max(1, kindEnd)),
        messageId: 'noKind',
        data: { title: head, kinds: kinds.join('”“') },
      });
    }
  },
});

/** Reports each pair of stacked kinds in content.text[0, kindEnd): at the end, or joined to a further kind by 暨, 和 … */
function reportStacked(content: MappedText, kindEnd: number, report: (d: ReportDescriptor) => void): void {
  const head = content.text;
  for (let i = 0; i < kindEnd; i++) {
    const first = STACKABLE.find((k) => head.startsWith(k, i));
    if (!first) continue;
    const second = STACKABLE.find((k) => k !== first && head.startsWith(k, i + first.length));
    if (!second) continue;
    const after = i + first.length + second.length;
    if (after === kindEnd || (after < kindEnd && JOINERS.some((j) => head.startsWith(j, after)))) {
      report({ at: content.span(i, after), messageId: 'stackedKinds', data: { text: first + second } });
      i = after - 1;
    }
  }
}

/**
 * A headline title with the kind in its subtitle (`坚持严字当头　推动责任落地` /
 * `——……落实主体责任情况的报告`): the subtitle's end is judged.
 */
function subtitleWithKind(report: Report, kinds: string[]): Paragraph | null {
  const title = report.title!.content.text.trim();
  const ends = [...kinds, ...OTHER_KINDS, '汇报'];
  if (ends.some((k) => title.endsWith(k))) return null;
  const next = report.paragraphs[report.paragraphs.indexOf(report.title!) + 1];
  if (!next || next.kind !== 'subtitle') return null;
  const core = next.content.text.trim().replace(/[。；;，,：:！？!?、.\s]+$/u, '').replace(DRAFT, '').trimEnd();
  return ends.some((k) => core.endsWith(k)) ? next : null;
}

/**
 * The title: the model's, or a first line that is one except for its end
 * punctuation (`……的报告：` is read as an addressee, `……的报告。` as prose).
 */
function titleOf(report: Report, kinds: string[]): { content: MappedText } | null {
  if (report.title) return report.title;
  const first: Paragraph | undefined = report.paragraphs[0];
  if (!first || first.heads || first.kind === 'heading' || first.kind === 'list-item' || first.kind === 'table-cell') return null;
  const text = first.content.text.trim();
  if (text.length > MAX_TITLE || /[。；;，,：:！？!?]/u.test(text.replace(/[。；;，,：:！？!?\s]+$/u, ''))) return null;
  if (report.lines.position(first.span.start).line !== 1) return null;
  const core = text.replace(/[。；;，,：:！？!?\s]+$/u, '');
  return core !== text && [...kinds, '汇报'].some((k) => core.endsWith(k)) ? first : null;
}
