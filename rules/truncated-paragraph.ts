import { defineRule } from '../src/engine/rule.js';
import { OPAQUE } from '../src/model/mapped-text.js';
import type { Paragraph, Report } from '../src/model/report.js';

/** Sentence-final marks (GB/T 15834: 句号、问号、叹号、省略号); half-width forms are punctuation-width’s business. */
const FINAL = new Set(['。', '！', '？', '…', '!', '?', '．', '.']);
/** Closing marks that may follow the final mark: 。” ？） …… */
const CLOSERS = new Set(['”', '’', '）', '》', '」', '』', '】', '〕', '〉', ')', '"', "'"]);
/** Marks that announce what follows: accepted before a heading, a list or an enumeration. */
const LEAD_IN = new Set(['：', '；', ':', ';']);
/** A paragraph that starts an enumeration: 一是 二是, 第一，, （1） (1) 1) , ① ⑴ ⒈, 其一, 一方面. */
const ENUMERATION =
  /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、,：:是]|其[一二三四五六七八九十]|[一另]方面|[（(][0-9０-９一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,3}[)）]|[\u2460-\u2473\u2474-\u2487\u2488-\u249b\u2776-\u277f])/u;
const TAIL_LENGTH = 10;

export default defineRule({
  id: 'truncated-paragraph',
  category: 'content',
  severity: 'error',
  fixable: false,
  options: {
    allowColonBeforeList: {
      default: true,
      schema: { type: 'boolean' },
      description: {
        zh: '段落以“：”或“；”结束且其后紧接小标题、列表、表格、引文或以“一是”“（1）”“①”等开头的列举段落时不报告；设为 false 则一律报告。',
        en: 'Accept a paragraph that ends in “：” or “；” when a heading, a list, a table, a quotation or a paragraph opening an enumeration (一是, （1）, ① …) follows it; with false, report it always.',
      },
    },
  },
  messages: {
    truncated: {
      zh: '段落未以句末标点结束：“{tail}”',
      en: 'Paragraph does not end with sentence-final punctuation: “{tail}”',
    },
    dangling: {
      zh: '段落以“{mark}”结束，但其后没有列举内容：“{tail}”',
      en: 'Paragraph ends with “{mark}” but nothing is listed after it: “{tail}”',
    },
  },
  docs: {
    summary: {
      zh: '正文段落须以句末标点结束（防止文字残缺、漏句）',
      en: 'Require body paragraphs to end with sentence-final punctuation (text cut off)',
    },
    why: {
      zh: '段落末尾没有句号、问号、叹号或省略号，多半是修改时删改不全、复制粘贴丢了半句（“……示范点的带动作”），属于审阅中常见的“错漏”。',
      en: 'A paragraph that stops without a full stop, question mark, exclamation mark or ellipsis was usually cut off while editing or pasting (“……示范点的带动作”): one of the slips (错漏) reviewers find most often.',
    },
    standard: 'GB/T 15834-2011《标点符号用法》',
    details: {
      zh: '只检查正文段落（含接排标题的段落）。单独成行的标题、报告标题、主送机关、署名、成文日期、无序列表项、表格单元格和 Markdown 引用块中的段落不检查。句末标点为。！？和……，其后可跟”’）》」』】等后引号、括号。以“：”“；”结束的段落，只有其后紧接小标题、列表、表格、引文或以“一是”“第一，”“（1）”“①”等开头的段落时才不报告（见 allowColonBeforeList）。末尾的 HTML 注释不算正文，在其前最后一个文字处判断；以行内代码或图片结束的段落不检查。',
      en: 'Only body paragraphs are checked, including a run-in heading’s paragraph. Standalone headings, the title, the addressee, signature, date, unordered list items, table cells and paragraphs in a Markdown block quote are exempt. Sentence-final marks are 。！？ and ……, optionally followed by closing quotes or brackets (” ’ ） 》 」 』 】). A paragraph ending in ： or ； passes only when a heading, a list, a table, a quotation or a paragraph opening an enumeration (一是, 第一，, （1）, ① …) follows it (see allowColonBeforeList). A trailing HTML comment is not prose: the last character before it is judged; paragraphs that end with inline code or an image are not checked.',
    },
  },
  examples: [
    {
      valid: [
        '关于2024年度工作情况的报告',
        '全年开展专项督查4次，发现问题12个。',
        '党委书记强调：“要把责任扛在肩上。”',
        '这些成绩来之不易……',
      ].join('\n'),
    },
    {
      valid: [
        '关于2024年度工作情况的报告',
        '市委：',
        '主要做法如下：',
        '一是压实责任，签订责任书32份；',
        '二是强化督导，开展督查4次。',
        '现将有关情况报告如下：',
        '一、工作开展情况',
        '（一）压实责任。全年召开党委会12次。',
      ].join('\n'),
      note: { zh: '“：”“；”后紧接列举或标题。', en: '“：” and “；” followed by an enumeration or a heading.' },
    },
    {
      format: 'markdown',
      valid: [
        '# 关于2024年度工作情况的报告',
        '',
        '重点推进以下工作：',
        '',
        '- 压实责任',
        '- 强化督导',
        '',
        '配置文件为 `reportlint.yaml`',
        '',
        '> 摘自会议纪要，未作改动',
        '',
        '| 项目 | 数量 |',
        '| --- | --- |',
        '| 督查 | 4次 |',
      ].join('\n'),
      note: {
        zh: '列表项、表格、引用块和以行内代码结束的段落不检查。',
        en: 'List items, tables, block quotes and paragraphs ending in inline code are not checked.',
      },
    },
    {
      invalid: ['关于2024年度工作情况的报告', '在全市推广示范经验，充分发挥示范点的带动作', '全年开展专项督查4次。'].join('\n'),
      expect: ['2:21 truncated'],
    },
    {
      invalid: ['关于2024年度工作情况的报告', '全年开展专项督查4次，', '制定印发《责任清单》'].join('\n'),
      expect: ['2:11 truncated', '3:10 truncated'],
    },
    {
      format: 'markdown',
      invalid: ['# 关于2024年度工作情况的报告', '', '全年整改问题12个，<!-- 待补充 -->'].join('\n'),
      expect: ['3:10 truncated'],
      note: { zh: '末尾的 HTML 注释不算，在其前的“，”处报告。', en: 'A trailing HTML comment does not count: the finding is at the “，” before it.' },
    },
    {
      invalid: ['关于2024年度工作情况的报告', '市委：', '主要做法如下：', '全年开展专项督查4次。'].join('\n'),
      expect: ['3:7 dangling'],
    },
    {
      invalid: ['关于2024年度工作情况的报告', '市委：', '主要做法如下：', '一是压实责任；', '二是强化督导。'].join('\n'),
      options: { allowColonBeforeList: false },
      expect: ['3:7 dangling', '4:7 dangling'],
    },
  ],
  check(report, context) {
    const { paragraphs } = report;
    paragraphs.forEach((p, i) => {
      if (p.kind !== 'body' || p.quoted) return;
      const text = p.content.text;
      const start = p.bodyStart ?? 0;
      const end = proseEnd(report, p, start);
      // Nothing to judge: a run-in heading with no body, or the paragraph ends in code.
      if (end === null || !text.slice(start, end).trim()) return;

      const last = text[end - 1];
      let j = end;
      while (j > start && CLOSERS.has(text[j - 1])) j--;
      if (j > start && FINAL.has(text[j - 1])) return;

      if (LEAD_IN.has(last)) {
        if (context.options.allowColonBeforeList && opensList(report, p, paragraphs[i + 1])) return;
        context.report({ at: p.content.span(end - 1, end), messageId: 'dangling', data: { mark: last, tail: tail(text, end) } });
        return;
      }
      context.report({ at: p.content.span(end - 1, end), messageId: 'truncated', data: { tail: tail(text, end) } });
    });
  },
});

/**
 * Index just past the paragraph’s last prose character: trailing spaces, HTML
 * and footnote references are passed over. Null when it ends in inline code or
 * an image, which cannot be judged.
 */
function proseEnd(report: Report, p: Paragraph, start: number): number | null {
  const text = p.content.text;
  let end = text.length;
  while (end > start) {
    const c = text[end - 1];
    if (/\s/u.test(c)) {
      end--;
    } else if (c === OPAQUE) {
      const offset = p.content.offsetAt(end - 1);
      const html = report.excluded.some((e) => e.kind === 'html' && e.start <= offset && offset < e.end);
      if (!html && !report.source.startsWith('[^', offset)) return null;
      end--;
    } else {
      break;
    }
  }
  return end;
}

/**
 * Whether what follows a paragraph ending in ： or ； is what it announces: a
 * heading, a list, a table, a quotation, an enumeration, or a figure or code block.
 */
function opensList(report: Report, p: Paragraph, next: Paragraph | undefined): boolean {
  const until = next ? next.span.start : report.source.length;
  const block = report.excluded.some(
    (e) => e.start >= p.span.end && e.end <= until && (e.kind === 'code' || (e.kind === 'html' && !report.source.startsWith('<!--', e.start))),
  );
  if (block) return true;
  if (!next) return false;
  if (next.kind === 'heading' || next.heads || next.kind === 'list-item' || next.kind === 'table-cell' || next.kind === 'caption' || next.quoted) return true;
  const text = next.content.text.trimStart();
  return next.kind === 'body' && (ENUMERATION.test(text) || !text.replaceAll(OPAQUE, '').trim());
}

/** The last few characters before `end`, for the message. */
function tail(text: string, end: number): string {
  // Show a short paragraph whole rather than cut a few characters off its start.
  const from = end <= TAIL_LENGTH + 4 ? 0 : end - TAIL_LENGTH;
  const shown = text.slice(from, end).replace(/\s+/gu, ' ').replaceAll(OPAQUE, '…');
  return (from > 0 ? '……' : '') + shown;
}
