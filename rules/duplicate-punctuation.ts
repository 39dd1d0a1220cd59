import { defineRule } from '../src/engine/rule.js';
import { blockedMask, charEdit } from '../src/text/punctuation.js';
import type { Edit } from '../src/types.js';

/**
 * Sentence and clause marks (点号) and how strong each is: a sentence-final
 * mark ends more than ；or ：, which end more than ，, which ends more than 、.
 */
const RANK: Record<string, number> = { '。': 4, '？': 4, '！': 4, '；': 3, '：': 3, '，': 2, '、': 1 };
const isPoint = (ch: string): boolean => RANK[ch] !== undefined;
const isQuery = (ch: string): boolean => ch === '？' || ch === '！';
const TWO_POINTS = /[。？！；：，、]{2}/;

export default defineRule({
  id: 'duplicate-punctuation',
  category: 'format',
  severity: 'error',
  fixable: true,
  options: {
    maxQuestionExclamation: {
      default: 3,
      schema: { type: 'integer', minimum: 1 },
      description: {
        zh: '问号、叹号最多可连用几个（GB/T 15834 允许叠用至三个，表示强烈的疑问或感情）。',
        en: 'How many question or exclamation marks may stand in a row (GB/T 15834 allows up to three, for strong doubt or feeling).',
      },
    },
  },
  messages: {
    repeated: {
      zh: '标点重复：应为“{expected}”，实为“{actual}”',
      en: 'Repeated punctuation: expected “{expected}”, found “{actual}”',
    },
    mixed: {
      zh: '标点连用：应为“{expected}”，实为“{actual}”',
      en: 'Punctuation marks stacked: expected “{expected}”, found “{actual}”',
    },
    mixedUnclear: {
      zh: '标点连用：“{actual}”只应保留其一，请手动修改',
      en: 'Punctuation marks stacked: keep only one of “{actual}” (fix by hand)',
    },
    tooMany: {
      zh: '问号、叹号连用不应超过 {max} 个，实为“{actual}”',
      en: 'No more than {max} question or exclamation marks in a row; found “{actual}”',
    },
  },
  docs: {
    summary: {
      zh: '禁止点号重复或连用（。。，，、、；；，。。，），问号、叹号连用不超过三个',
      en: 'Disallow repeated or stacked sentence and clause marks (。。 ，， 、、 ；； ，。 。，) and more than three ？ or ！ in a row',
    },
    why: {
      zh: '“。。”“，，”“，。”之类的重复、连用标点，多是修改句子时删改不净留下的，属于审阅中常见的文字“错漏”。一处停顿只用一个点号；问号、叹号叠用只用于强烈的感情，且不超过三个，工作报告中本不宜使用。',
      en: 'Doubled or stacked marks such as 。。, ，， or ，。 are leftovers of editing, one of the slips (错漏) reviewers find most often. One pause takes one mark; question and exclamation marks are stacked only for strong feeling, never more than three, and hardly belong in a work report.',
    },
    standard: 'GB/T 15834-2011 §4.1–4.7（句号、问号、叹号、逗号、顿号、分号、冒号）',
    details: {
      zh: '检查连续出现的点号（。？！；：，、）。同一点号重复的，保留一个（“。。”改为“。”）；不同点号连用的，保留作用最强的一个（句末点号＞分号、冒号＞逗号＞顿号，如“，。”“。，”都改为“。”），最强者不唯一时（如“。？”“：；”）只报告、不修改。问号、叹号可以连用（“？！”），但不得超过 maxQuestionExclamation 个（默认三个）；超出的全为同一符号时删去多余的，否则只报告。三个及以上的“。。。”是误写的省略号，由 punctuation-forms 检查；省略号“……”和破折号“——”本是两个字符，不报告。段首序号（“一、”）不参与判断。半角标点先由 punctuation-width 改为全角，再在下一轮修复中检查。代码、网址不检查。',
      en: 'Looks at runs of sentence and clause marks (。？！；：，、). A mark repeated keeps one (。。 → 。); different marks keep the strongest (sentence-final > ； and ： > ， > 、, so both ，。 and 。， become 。); when the strongest is not unique (。？, ：；) the run is reported without a fix. Question and exclamation marks may stand together (？！) but no more than maxQuestionExclamation (three by default); extra marks are removed when they are all the same, otherwise only reported. Three or more 。 (。。。) are a misspelt ellipsis: punctuation-forms’ job; the ellipsis …… and the dash —— are two characters by design and are not reported. The numbering marker at the start of a paragraph (一、) takes no part. Half-width marks are punctuation-width’s: once it has made them full-width, the next fix pass checks them here. Code and URLs are not checked.',
    },
  },
  examples: [
    { valid: '全年开展专项督查4次，发现问题12个。这些成绩来之不易……我们要再接再厉——决不松懈！' },
    { valid: '难道这些问题还不够严重吗？！这样的作风要不得！！！' },
    {
      format: 'markdown',
      valid: '---\nnote: 草稿。。待定\n---\n\n一、工作开展情况\n\n按`。。`格式填写。\n\n| 项目 | 说明 |\n| --- | --- |\n| 督查 | 4次。 |\n\n```\n重复。。\n```\n\n<!-- 备注：，。 -->\n\n工作开展情况。。。详见附件。\n',
      note: { zh: 'front matter、行内代码、代码块、HTML 注释不检查；“。。。”归 punctuation-forms。', en: 'Front matter, inline code, code blocks and HTML comments are not checked; 。。。 is punctuation-forms’.' },
    },
    {
      invalid: '党员干部运用理论指导实践的能力进一步提升。。组织开展集中学习12次，，专题研讨4次、、覆盖全体党员；；',
      expect: ['1:21 repeated', '1:34 repeated', '1:42 repeated', '1:50 repeated'],
      output: '党员干部运用理论指导实践的能力进一步提升。组织开展集中学习12次，专题研讨4次、覆盖全体党员；',
    },
    {
      invalid: '全年发展党员9名，其中一线职工占78%，。各支部开展主题党日。，活动形式丰富多样、，',
      expect: ['1:20 mixed', '1:31 mixed', '1:41 mixed'],
      output: '全年发展党员9名，其中一线职工占78%。各支部开展主题党日。活动形式丰富多样，',
    },
    {
      invalid: '关于2024年度工作情况的报告\n一、、工作开展情况\n二、，存在的问题',
      expect: ['2:3 repeated', '3:3 mixed'],
      output: '关于2024年度工作情况的报告\n一、工作开展情况\n二、存在的问题',
      note: { zh: '序号的顿号保留，删去其后多余的点号。', en: 'The marker’s 、 stays; the extra mark after it goes.' },
    },
    {
      invalid: '这样的作风还能要吗。？今后要坚决纠正：；',
      expect: ['1:10 mixedUnclear', '1:19 mixedUnclear'],
      note: { zh: '最强的点号不唯一，不自动修改。', en: 'No single strongest mark: no fix.' },
    },
    {
      invalid: '这样的作风要不得！！！！难道还不改吗？！？！',
      expect: ['1:9 tooMany', '1:19 tooMany'],
      output: '这样的作风要不得！！！难道还不改吗？！？！',
    },
    {
      invalid: '这样的作风要不得！！',
      options: { maxQuestionExclamation: 1 },
      expect: ['1:9 tooMany'],
      output: '这样的作风要不得！',
    },
  ],
  check(report, context) {
    const { maxQuestionExclamation: max } = context.options;
    const { source } = report;

    for (const paragraph of report.paragraphs) {
      const text = paragraph.content.text;
      // Most paragraphs have no two marks in a row: a native search rules them out first.
      if (!TWO_POINTS.test(text)) continue;
      let mask: Uint8Array | null = null;
      for (let i = 0; i < text.length - 1; i++) {
        if (!isPoint(text[i]) || !isPoint(text[i + 1])) continue;
        mask ??= blockedMask(paragraph);
        if (mask[i + 1]) continue;
        // A run may start with the last character of the paragraph's marker (一、、): that one stays.
        const fromMarker = mask[i] === 1;
        let end = i + 1;
        while (end < text.length && isPoint(text[end]) && !mask[end]) end++;
        checkRun(i, end, fromMarker);
        i = end - 1;
      }

      /** One run text[start, end) of two or more marks; `fixed` says text[start] belongs to the marker. */
      function checkRun(start: number, end: number, fixed: boolean): void {
        const run = text.slice(start, end);
        const at = paragraph.content.span(fixed ? start + 1 : start, end);
        let same = true;
        let queries = true;
        let top = 0;
        for (let k = 0; k < run.length; k++) {
          same &&= run[k] === run[0];
          queries &&= isQuery(run[k]);
          top = Math.max(top, RANK[run[k]]);
        }
        // Keeps text[keep, keep + count) of the run and deletes the rest.
        const keeping = (keep: number, count = 1): Edit[] | undefined => {
          if (fixed && keep !== start) return undefined;
          const edits: Edit[] = [];
          for (const [a, b] of [
            [start, keep],
            [keep + count, end],
          ]) {
            if (a >= b) continue;
            const e = deletion(a, b);
            if (!e) return undefined;
            for (const x of e) edits.push(x);
          }
          return edits;
        };

        if (queries) {
          if (run.length <= max) return;
          context.report({
            at,
            messageId: 'tooMany',
            data: { max, actual: run },
            fix: same ? keeping(start, max) : undefined,
          });
          return;
        }
        if (same) {
          if (run[0] === '。' && run.length >= 3) return; // 。。。: a misspelt ellipsis
          context.report({ at, messageId: 'repeated', data: { expected: run[0], actual: run }, fix: keeping(start) });
          return;
        }
        // The strongest mark, when only one kind of mark is that strong; after a marker, the marker's own.
        let mark = fixed ? run[0] : '';
        let unique = true;
        for (let k = 0; k < run.length; k++) {
          if (fixed || RANK[run[k]] !== top || run[k] === mark) continue;
          unique = mark === '';
          mark = run[k];
          if (!unique) break;
        }
        if (!unique) {
          context.report({ at, messageId: 'mixedUnclear', data: { actual: run } });
          return;
        }
        context.report({ at, messageId: 'mixed', data: { expected: mark, actual: run }, fix: keeping(start + run.indexOf(mark)) });
      }

      /** Edits deleting text[a, b): one when the characters stand together in the source, else one each. */
      function deletion(a: number, b: number): Edit[] | null {
        const span = paragraph.content.span(a, b);
        if (span.end - span.start === b - a && source.slice(span.start, span.end) === text.slice(a, b)) {
          return [{ range: span, text: '' }];
        }
        const edits: Edit[] = [];
        for (let k = a; k < b; k++) {
          const e = charEdit(paragraph, source, k, '');
          if (!e) return null;
          edits.push(e);
        }
        return edits;
      }
    }
  },
});
