import { defineRule } from '../src/engine/rule.js';

/** Blanks that templates leave for the writer to fill in. */
const BUILTIN = [
  // × ×× ××× and full-width Ｘ, but not multiplication between numbers (3×4), a
  // multiplication by a percentage (完成数÷总数×100%), nor Ｘ光.
  String.raw`(?:(?<![0-9０-９]\s?)[×Ｘ]+|[×Ｘ]+(?!\s?[0-9０-９]))(?![×Ｘ]*\s?[0-9０-９]+(?:\.[0-9]+)?\s?[%％‰])(?![光射])`,
  // XX, xxx: two or more Latin x that are not part of a word.
  String.raw`(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])`,
  // A single X/x beside Chinese text (x次, 2024年x月), but not X光 or X射线 (数字化X光机).
  String.raw`(?<![A-Za-z0-9])[Xx](?![A-Za-z0-9])(?![光射])(?:(?<=[\u4e00-\u9fff%][Xx])|(?=[\u4e00-\u9fff%]))`,
  // ○○ 〇〇, but not the zeros of a year written in numerals (二〇〇八).
  String.raw`(?<![一二三四五六七八九〇零○])[○〇]{2,}(?![一二三四五六七八九〇零○年])`,
  String.raw`□+`,
  String.raw`＿{2,}|_{2,}`,
  String.raw`\*{3,}`,
  String.raw`【[^】\n]{0,12}(?:待填|待补|待定|填写|补充)[^】\n]{0,12}】`,
  // A bracketed prompt naming what to fill in: 【本单位】, 【单位名称】, 【姓名】.
  String.raw`【(?:本单位|本部门|本地区|本系统|[^】\n]{0,10}(?:名称|姓名|日期|时间|金额|人数|数量|职务))】`,
  // Word's content-control prompts, left when nothing was typed in.
  String.raw`(?:单击或点击|单击|点击)此处输入(?:文字|日期)。?|Click (?:or tap )?(?:here )?to enter (?:text|a date)\.?`,
  String.raw`[（(]此处[^）)\n]{0,30}[）)]`,
  String.raw`\[[^\]\n]{0,12}(?:名称|姓名|单位|日期|时间|数字|金额|人数)\]`,
];
const BUILTIN_PATTERN = new RegExp(BUILTIN.join('|'), 'gu');
/**
 * Every match of BUILTIN holds one of these characters (× Ｘ X x ○ 〇 □ ＿ _ * 【 [, C of
 * “Click”) or 此处 (单击此处输入…, （此处…）): a paragraph without any cannot match.
 */
const MAY_MATCH = /[×ＸXx○〇□＿_*【C[]|此处/u;
/** Compiled patterns with a user's extraPatterns, by their source. */
const withExtras = new Map<string, RegExp>();

/** The pattern list, compiled once per distinct extraPatterns. */
function placeholderPattern(extra: readonly string[]): RegExp {
  if (!extra.length) return BUILTIN_PATTERN;
  const source = [...BUILTIN, ...extra].join('|');
  let pattern = withExtras.get(source);
  if (!pattern) withExtras.set(source, (pattern = new RegExp(source, 'gu')));
  return pattern;
}

export default defineRule({
  id: 'no-placeholder',
  category: 'content',
  severity: 'error',
  fixable: false,
  options: {
    extraPatterns: {
      default: [] as string[],
      schema: { type: 'array', items: { type: 'string', format: 'regex' } },
      description: {
        zh: '额外的占位符正则表达式（JavaScript 语法），如单位自用模板中的“【请填写】”。',
        en: 'Extra placeholder patterns (JavaScript regular expressions), e.g. your own template’s “【请填写】”.',
      },
    },
  },
  messages: {
    unfilled: { zh: '模板占位符“{text}”未填写', en: 'Unfilled template placeholder “{text}”' },
  },
  docs: {
    summary: {
      zh: '禁止保留未填写的模板占位符（×次、××市、×××万元）',
      en: 'Disallow template placeholders left unfilled (×次, ××市, ×××万元)',
    },
    why: {
      zh: '套用模板后未填写的“×”“××”“【待填】”等是审阅中最常见的“错漏”之一，说明材料未经认真核对，直接影响报告的严肃性。',
      en: 'Blanks such as “×”, “××” or “【待填】” left over from a template are among the slips (错漏) reviewers find most often; they show the report was not checked before it was sent.',
    },
    details: {
      zh: '识别 ×、Ｘ、XX/xx、与中文或单位相邻的单个 X/x、○○/〇〇、□、＿＿/__、***、与汉字相邻的 * 和 **（中共*县委、会议**次）、【待填】、【本单位】【单位名称】等写明应填内容的方括号提示、（此处填写……）、[单位名称]，以及 Word 内容控件的提示文字“单击或点击此处输入文字。”“Click or tap here to enter text.”。数字之间的乘号（3×4）、乘以百分数的乘号（×100%）、拉丁单词、年份中的“〇”（二〇〇八年）和 X光 不报。Markdown 的强调已由解析器去掉；CommonMark 未解析、内侧紧贴标点的 `**……**`（如 `**（一）标题。**正文`）视为强调，不报。代码与 HTML 注释不检查。Word 文档中仍显示提示文字的内容控件视为未填写，无论提示文字是什么。',
      en: 'Finds ×, Ｘ, XX/xx, a single X/x beside Chinese text or a unit, ○○/〇〇, □, ＿＿/__, ***, * and ** beside a Chinese character (中共*县委, 会议**次), 【待填】, bracketed prompts that name what to fill in (【本单位】, 【单位名称】), （此处填写……）, [单位名称], and Word’s content-control prompt (单击或点击此处输入文字。, Click or tap here to enter text.). Multiplication between numbers (3×4), a multiplication by a percentage (×100%), Latin words, the zeros of a year (二〇〇八年) and X光 are not reported. Markdown emphasis has been removed by the parser; a `**……**` pair that CommonMark leaves literal, with punctuation at its inner edge (`**（一）标题。**正文`), is emphasis and is not reported. Code and HTML comments are not checked. In a Word document, a content control still showing its prompt is an unfilled blank, whatever the prompt says.',
    },
  },
  examples: [
    { valid: '全年开展专项督查4次，挽回经济损失120万元。' },
    { valid: '会议室面积为3×4平方米，2008年（二〇〇八年）投入使用。' },
    { valid: '采购数字化X光机2台，配备Ｘ光安检设备。' , note: { zh: 'X光、Ｘ光不是占位符。', en: 'X光 (X-ray) is not a placeholder.' } },
    { valid: '整改完成率=已完成数÷问题总数×100%。', note: { zh: '乘以百分数的乘号不是占位符。', en: 'A multiplication by a percentage is not a placeholder.' } },
    {
      valid: '开展**“清廉机关”**创建活动。\n\n**（一）压实责任。**全年召开专题会议4次。',
      format: 'markdown',
      note: { zh: 'Markdown 强调（包括 CommonMark 未解析、紧贴标点的 `**……**`）不是占位符。', en: 'Markdown emphasis, including a `**……**` pair that CommonMark leaves literal beside punctuation, is not a placeholder.' },
    },
    { invalid: '全年开展专项督查×次。', expect: ['1:9 unfilled'] },
    { invalid: '中共*县委召开常委会会议**次。', expect: ['1:3 unfilled', '1:13 unfilled'] },
    { invalid: '中共*县委召开常委会会议**次。', format: 'markdown', expect: ['1:3 unfilled', '1:13 unfilled'] },
    { invalid: '【本单位】党组召开会议，【单位名称】负责人参加。', expect: ['1:1 unfilled', '1:13 unfilled'] },
    { invalid: '联系人：单击或点击此处输入文字。电话：Click or tap here to enter text.', expect: ['1:5 unfilled', '1:20 unfilled'] },
    { invalid: '××市纪委监委于2024年×月×日进驻。', expect: ['1:1 unfilled', '1:14 unfilled', '1:16 unfilled'] },
    { invalid: '挽回经济损失×××万元，涉及XX单位。', expect: ['1:7 unfilled', '1:15 unfilled'] },
    { invalid: '○○同志任【待填】职务。', expect: ['1:1 unfilled', '1:6 unfilled'] },
    {
      invalid: '发现问题x个，已整改。',
      options: { extraPatterns: ['请填写'] },
      expect: ['1:5 unfilled'],
    },
    { invalid: '负责人：请填写。', options: { extraPatterns: ['请填写'] }, expect: ['1:5 unfilled'] },
  ],
  check(report, context) {
    const pattern = placeholderPattern(context.options.extraPatterns);
    // User patterns may match anything: the prefilter only stands for the built-in ones.
    const prefilter = pattern === BUILTIN_PATTERN;
    for (const paragraph of report.paragraphs) {
      const { text } = paragraph.content;
      const found: { start: number; end: number }[] = [];
      if (!prefilter || MAY_MATCH.test(text)) {
        for (const m of text.matchAll(pattern)) {
          if (!m[0]) continue;
          const at = paragraph.content.span(m.index, m.index + m[0].length);
          found.push(at);
          context.report({ at, messageId: 'unfilled', data: { text: m[0] } });
        }
      }
      for (const [start, end] of starBlanks(text)) {
        const at = paragraph.content.span(start, end);
        found.push(at);
        context.report({ at, messageId: 'unfilled', data: { text: text.slice(start, end) } });
      }
      // A Word content control still showing its prompt is a blank, whatever the prompt says.
      const blanks = paragraph.hint?.blanks;
      if (!blanks) continue;
      const lineStart = report.lines.lineStart(report.lines.position(paragraph.span.start).line);
      for (const b of blanks) {
        const at = { start: lineStart + b.start, end: lineStart + b.end };
        if (found.some((f) => f.start < at.end && at.start < f.end)) continue;
        context.report({ at, messageId: 'unfilled', data: { text: report.source.slice(at.start, at.end) } });
      }
    }
  },
});

const HAN = /\p{Script=Han}/u;
/** Punctuation at the inner edge of a `**……**` pair: CommonMark leaves such emphasis literal (`**（一）标题。**正文`). */
const EDGE_PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * `*` and `**` used as blanks (`中共*县委`, `会议**次`): a run of one or two
 * asterisks beside a Chinese character. In Markdown the model has already
 * removed real emphasis, and text files have none; what is left of a pair is
 * emphasis only in the shape CommonMark leaves literal, with punctuation at its
 * inner edge (`**“清廉机关”**建设`, `**（一）标题。**`). Runs of three or more are
 * caught by the pattern list.
 */
function starBlanks(text: string): Array<[number, number]> {
  if (!text.includes('*')) return [];
  const runs: Array<[number, number]> = [];
  for (const m of text.matchAll(/\*+/gu)) runs.push([m.index, m.index + m[0].length]);
  const out: Array<[number, number]> = [];
  for (let r = 0; r < runs.length; r++) {
    const [start, end] = runs[r];
    if (end - start > 2) continue;
    const next = runs[r + 1];
    if (next && next[1] - next[0] === end - start && next[0] > end) {
      const inner = text.slice(end, next[0]);
      if (!/\s/u.test(inner[0]) && !/\s/u.test(inner[inner.length - 1]) && (EDGE_PUNCTUATION.test(inner[0]) || EDGE_PUNCTUATION.test(inner[inner.length - 1]))) {
        r++;
        continue;
      }
    }
    if (HAN.test(text[start - 1] ?? '') || HAN.test(text[end] ?? '')) out.push([start, end]);
  }
  return out;
}
