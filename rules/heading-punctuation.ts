import { defineRule } from '../src/engine/rule.js';
import { everySection, type Section } from '../src/model/report.js';
import { isHan } from '../src/text/prose.js';
import { contiguousSpan } from '../src/text/forms.js';
import type { Edit } from '../src/types.js';

/** Marks a standalone heading must not end in (GB/T 9704-2012 §7.3.3: 标题末尾不加标点). */
const END_MARKS = new Set(['。', '，', '：', '；', '、', ',', '.', ':', ';']);

/** The marker as the standard (or the option) wants it. */
function expectedMarker(raw: string, canonicalRaw: string, allowFullwidthPoint: boolean): string {
  // 1． is accepted when the option says so: same number, full-width point.
  if (allowFullwidthPoint && canonicalRaw.endsWith('.') && raw.endsWith('．')) return canonicalRaw.slice(0, -1) + '．';
  return canonicalRaw;
}

export default defineRule({
  id: 'heading-punctuation',
  category: 'format',
  severity: 'error',
  fixable: true,
  options: {
    allowFullwidthPoint: {
      default: false,
      schema: { type: 'boolean' },
      description: {
        zh: '接受全角点号的三级序号“1．”（部分单位的排版习惯）；默认只接受“1.”。',
        en: 'Accept a level-3 marker with a full-width point, “1．” (a house style in some offices); by default only “1.” passes.',
      },
    },
  },
  messages: {
    markerPunctuation: {
      zh: '序号应为“{expected}”，实为“{actual}”',
      en: 'Heading marker should be “{expected}”, found “{actual}”',
    },
    headingEndPunctuation: {
      zh: '单独成行的标题末尾不加标点，应删去“{mark}”',
      en: 'A heading on its own line takes no punctuation at its end: remove “{mark}”',
    },
  },
  docs: {
    summary: {
      zh: '标题序号的标点符合“一、（一）1.（1）”的写法，单独成行的标题末尾不加标点',
      en: 'Heading markers are punctuated as 一、 （一） 1. （1）, and a heading on its own line has no end punctuation',
    },
    why: {
      zh: '结构层次序数的写法是公文格式的硬性规定：第一层用“一、”（顿号），第二层用“（一）”（全角括号，后面不再加标点），第三层用“1.”（阿拉伯数字加下脚点），第四层用“（1）”。写成“一.”“一，”“1、”“（一）、”“(一)”，或在单独成行的标题末尾加句号、冒号，是审阅中常被指出的格式问题。',
      en: 'How the numbers of structural levels are written is fixed by the document format: 一、 (with the enumeration comma) at the first level, （一） (full-width brackets, nothing after) at the second, 1. (Arabic digit and a point) at the third, （1） at the fourth. 一. 一， 1、 （一）、 (一), or a full stop or colon at the end of a heading line, are format faults reviewers point out again and again.',
    },
    standard: 'GB/T 9704-2012 §7.3.3（结构层次序数）',
    details: {
      zh: '序号按报告结构模型识别（行首的“一、（一）1.（1）”及其常见误写），误写的序号改为标准写法，数字不变；“二 ”（以空格代替顿号）连同空格一起改为“二、”。Markdown 有序列表的“1. ”中的空格是列表语法的一部分，不报告。单独成行的标题（含 Markdown 标题）末尾的“。，：；、”及半角“,.:;”报告并删除；问号、叹号、省略号和引号、括号不算。接排标题（“（一）压实责任。正文……”）的句号是标题与正文的分隔，不报告。序号是否连续由 heading-numbering 检查。全角数字序号（“１.”）也按标准写法报告。allowFullwidthPoint 为 true 时接受“1．”。',
      en: 'Markers come from the report model (一、 （一） 1. （1） at the start of a line and their usual misspellings). A misspelled marker is replaced by the standard form with the same number; “二 ” (a space instead of 、) is replaced together with its space. The space in a Markdown ordered list item “1. ” belongs to the list syntax and is not reported. At the end of a heading on its own line (Markdown headings included), 。，：；、 and the half-width ,.:; are reported and removed; question and exclamation marks, ellipses, quotes and brackets are not. The full stop of a run-in heading (“（一）压实责任。正文……”) separates heading and body and is fine. Whether the numbers count correctly is heading-numbering’s job. A marker in full-width digits (“１.”) is reported too. With allowFullwidthPoint, “1．” passes.',
    },
  },
  examples: [
    {
      valid:
        '关于2024年度工作情况的报告\n一、工作开展情况\n（一）压实责任链条。区委常委会先后12次研究部署。\n1.制定责任清单。明确责任事项56项。\n（1）逐项明确牵头领导。完成时限均已明确。\n二、存在的问题',
    },
    {
      format: 'markdown',
      valid: '# 关于2024年度工作情况的报告\n\n## 一、工作开展情况\n\n### （一）压实责任链条\n\n1. 制定责任清单。明确责任事项56项。\n2. 开展述责述廉。组织26名负责人述责述廉。\n\n### （二）如何把责任落到实处？\n\n区纪委监委开展专项监督8次。\n\n## See section 2.1.\n',
      note: {
        zh: 'Markdown 有序列表的“1. ”保留空格；标题末尾的问号和纯英文标题不报告。',
        en: 'A Markdown list keeps the space of “1. ”; a question mark at a heading’s end and a Latin-only heading pass.',
      },
    },
    {
      valid: '关于2024年度工作情况的报告\n一、工作开展情况\n1．制定责任清单。明确责任事项56项。',
      options: { allowFullwidthPoint: true },
    },
    {
      invalid: '关于2024年度工作情况的报告\n一.工作开展情况\n二，存在的问题\n三 下一步工作打算',
      expect: ['2:1 markerPunctuation', '3:1 markerPunctuation', '4:1 markerPunctuation'],
      output: '关于2024年度工作情况的报告\n一、工作开展情况\n二、存在的问题\n三、下一步工作打算',
    },
    {
      invalid: '关于2024年度工作情况的报告\n一、工作开展情况\n（一）、压实责任。区委常委会先后12次研究部署。\n(二)强化监督。开展专项监督8次。\n1、制定清单。明确责任事项56项。\n(1)逐项明确牵头领导。完成时限均已明确。',
      expect: ['3:1 markerPunctuation', '4:1 markerPunctuation', '5:1 markerPunctuation', '6:1 markerPunctuation'],
      output: '关于2024年度工作情况的报告\n一、工作开展情况\n（一）压实责任。区委常委会先后12次研究部署。\n（二）强化监督。开展专项监督8次。\n1.制定清单。明确责任事项56项。\n（1）逐项明确牵头领导。完成时限均已明确。',
    },
    {
      invalid: '关于2024年度工作情况的报告\n一、工作开展情况\n1．制定责任清单。明确责任事项56项。',
      expect: ['3:1 markerPunctuation'],
      output: '关于2024年度工作情况的报告\n一、工作开展情况\n1.制定责任清单。明确责任事项56项。',
      note: { zh: '默认不接受全角点号。', en: 'By default the full-width point is not accepted.' },
    },
    {
      invalid: '关于2024年度工作情况的报告\n一、工作开展情况。\n（一）压实责任链条：\n二、存在的问题',
      expect: ['2:9 headingEndPunctuation', '3:10 headingEndPunctuation'],
      output: '关于2024年度工作情况的报告\n一、工作开展情况\n（一）压实责任链条\n二、存在的问题',
    },
    {
      format: 'markdown',
      invalid: '# 关于2024年度工作情况的报告\n\n## 一.工作开展情况\n\n### （一）持续强化监督检查。\n\n区纪委监委开展专项监督8次。\n',
      expect: ['3:4 markerPunctuation', '5:16 headingEndPunctuation'],
      output: '# 关于2024年度工作情况的报告\n\n## 一、工作开展情况\n\n### （一）持续强化监督检查\n\n区纪委监委开展专项监督8次。\n',
    },
  ],
  check(report, context) {
    const { allowFullwidthPoint } = context.options;

    const checkMarker = (section: Section): void => {
      const { marker, markerSpan } = section;
      if (!marker || !markerSpan) return;
      const expected = expectedMarker(marker.raw, marker.canonicalRaw, allowFullwidthPoint);
      // ㈠ and ⑴ are （一） and （1） in one character: the same marker, not a punctuation fault.
      if (marker.raw === expected || marker.enclosed) return;
      const content = section.headingParagraph.content;
      // “二 工作”: the spaces stand for the 顿号 and go with the fix.
      const bare = marker.family === 'cn' && marker.raw.length < marker.length && !/[、.．，,]$/.test(marker.raw);
      const span = contiguousSpan(content, 0, bare ? marker.length : marker.raw.length);
      context.report({
        at: markerSpan,
        messageId: 'markerPunctuation',
        data: { expected, actual: bare ? `${marker.raw} ` : marker.raw },
        fix: span ? { range: span, text: expected } : undefined,
      });
    };

    const checkEnd = (section: Section): void => {
      // A run-in heading's mark ends its title; a numbered item is a sentence, not a heading.
      if (section.style === 'run-in' || section.style === 'item') return;
      const { content } = section.headingParagraph;
      const text = content.text;
      let start = text.length;
      while (start > 0 && END_MARKS.has(text[start - 1])) start--;
      if (start === text.length) return;
      // Latin-only headings (“## Summary.”) and a mark right after the marker are not ours.
      const markerEnd = section.marker ? section.marker.length : 0;
      if (start <= markerEnd) return;
      let hasHan = false;
      for (let i = markerEnd; i < start && !hasHan; i++) hasHan = isHan(text[i]);
      if (!hasHan) return;
      // A point after a digit may be part of a number or a section reference (“附件2.1”): leave it.
      if (text[start] === '.' && /[0-9]/.test(text[start - 1])) return;
      const edits: Edit[] = [];
      const span = contiguousSpan(content, start, text.length);
      if (span) edits.push({ range: span, text: '' });
      context.report({
        at: content.span(start, text.length),
        messageId: 'headingEndPunctuation',
        data: { mark: text.slice(start) },
        fix: edits.length ? edits : undefined,
      });
    };

    for (const section of everySection(report)) {
      checkMarker(section);
      checkEnd(section);
    }
  },
});
