import { defineRule } from '../src/engine/rule.js';

/** Blanks that templates leave for the writer to fill in. */
const BUILTIN = [
  // × ×× ××× and full-width Ｘ, but not multiplication between numbers (3×4).
  String.raw`(?<![0-9０-９]\s?)[×Ｘ]+|[×Ｘ]+(?!\s?[0-9０-９])`,
  // XX, xxx: two or more Latin x that are not part of a word.
  String.raw`(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])`,
  // A single X/x beside Chinese text (x次, 2024年x月), but not X光 or X射线.
  String.raw`(?<![A-Za-z0-9])[Xx](?![A-Za-z0-9])(?:(?<=[\u4e00-\u9fff%][Xx])|(?=[\u4e00-\u9fff%])(?![光射线]))`,
  // ○○ 〇〇, but not the zeros of a year written in numerals (二〇〇八).
  String.raw`(?<![一二三四五六七八九〇零○])[○〇]{2,}(?![一二三四五六七八九〇零○年])`,
  String.raw`□+`,
  String.raw`＿{2,}|_{2,}`,
  String.raw`\*{3,}`,
  String.raw`【[^】\n]{0,12}(?:待填|待补|待定|填写|补充)[^】\n]{0,12}】`,
  String.raw`[（(]此处[^）)\n]{0,30}[）)]`,
  String.raw`\[[^\]\n]{0,12}(?:名称|姓名|单位|日期|时间|数字|金额|人数)\]`,
];

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
      zh: '识别 ×、Ｘ、XX/xx、与中文或单位相邻的单个 X/x、○○/〇〇、□、＿＿/__、***、【待填】、（此处填写……）、[单位名称] 等。数字之间的乘号（3×4）、拉丁单词、年份中的“〇”（二〇〇八年）和 X光 不报。代码与 HTML 注释不检查。Word 文档中仍显示提示文字的内容控件（如“单击或点击此处输入文字。”）视为未填写，无论提示文字是什么。',
      en: 'Finds ×, Ｘ, XX/xx, a single X/x beside Chinese text or a unit, ○○/〇〇, □, ＿＿/__, ***, 【待填】, （此处填写……） and [单位名称]. Multiplication between numbers (3×4), Latin words, the zeros of a year (二〇〇八年) and X光 are not reported. Code and HTML comments are not checked. In a Word document, a content control still showing its prompt (such as 单击或点击此处输入文字。) is an unfilled blank, whatever the prompt says.',
    },
  },
  examples: [
    { valid: '全年开展专项督查4次，挽回经济损失120万元。' },
    { valid: '会议室面积为3×4平方米，2008年（二〇〇八年）投入使用。' },
    { invalid: '全年开展专项督查×次。', expect: ['1:9 unfilled'] },
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
    const pattern = new RegExp([...BUILTIN, ...context.options.extraPatterns].join('|'), 'gu');
    for (const paragraph of report.paragraphs) {
      const { text } = paragraph.content;
      const found: { start: number; end: number }[] = [];
      for (const m of text.matchAll(pattern)) {
        if (!m[0]) continue;
        const at = paragraph.content.span(m.index, m.index + m[0].length);
        found.push(at);
        context.report({ at, messageId: 'unfilled', data: { text: m[0] } });
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
