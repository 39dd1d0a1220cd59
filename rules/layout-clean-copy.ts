import { defineRule } from '../src/engine/rule.js';
import { DOCUMENT_PART } from '../src/layout/document.js';
import type { Leftover } from '../src/layout/types.js';
import type { Paragraph } from '../src/model/report.js';

const REPORT = ['关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '全年开展专项督查4次。', '现将有关情况报告如下。'].join('\n');
const KIND: Record<Leftover['kind'], [string, string]> = {
  comment: ['批注', 'comment'],
  insertion: ['未接受的插入', 'unaccepted insertion'],
  deletion: ['未接受的删除', 'unaccepted deletion'],
  move: ['未接受的移动', 'unaccepted move'],
  'format-change': ['未接受的格式修订', 'unaccepted formatting change'],
  hidden: ['隐藏文字', 'hidden text'],
};

/** A submitted copy carries no comments, tracked changes or hidden text. */
export default defineRule({
  id: 'layout-clean-copy',
  category: 'layout',
  severity: 'warn',
  fixable: false,
  options: {},
  messages: {
    comment: {
      zh: '文档中留有批注：“{text}”',
      en: 'A comment is left in the document: “{text}”',
    },
    revision: {
      zh: '文档中留有{what}：“{text}”，应接受或拒绝全部修订后再报送',
      en: 'An {what} is left in the document: “{text}”; accept or reject all changes before submitting',
    },
    hidden: {
      zh: '文档中有隐藏文字：“{text}”',
      en: 'The document has hidden text: “{text}”',
    },
  },
  docs: {
    summary: {
      zh: 'Word 文档报送前清除批注、修订和隐藏文字',
      en: 'Word documents carry no comments, tracked changes or hidden text when submitted',
    },
    why: {
      zh: '带着批注和未处理的修订报送，打开后满页红线和批注框，既不规范，也可能泄露内部修改意见；隐藏文字打印不出却仍在文件中，容易被复制出来。',
      en: 'A copy submitted with comments and unresolved changes opens full of red lines and balloons, which is improper and may leak internal review remarks; hidden text does not print but stays in the file and gets copied out.',
    },
    details: {
      zh: '只检查 Word 文档（.docx）：批注（含未锚定的）、修订（插入、删除、移动、格式修订）和隐藏文字（w:vanish），每段每类报告一次，位置为其所在段落（不在正文段落中的报告在文首）。只作警告。`--fix` 生成的排版副本不清除它们：接受或拒绝修订是作者的决定。',
      en: 'Word documents (.docx) only: comments (anchored or not), tracked changes (insertions, deletions, moves, formatting changes) and hidden text (w:vanish), once per paragraph and kind, at the paragraph they are in (at the start when outside body paragraphs). Warnings only. The copy `--fix` lays out does not remove them: accepting or rejecting changes is the author’s call.',
    },
  },
  examples: [
    { valid: REPORT, layout: {} },
    {
      invalid: REPORT,
      layout: { leftovers: [{ kind: 'comment', text: '次数请核实', line: 3 }, { kind: 'insertion', text: '专项', line: 3 }, { kind: 'hidden', text: '（内部数据）', line: 4 }] },
      expect: ['3:1 comment', '3:1 revision', '4:1 hidden'],
    },
  ],
  check(report, context) {
    const layout = report.layout;
    if (!layout) return;
    const byIndex = new Map<number, Paragraph>();
    for (const p of report.paragraphs) if (p.hint?.source?.part === DOCUMENT_PART) byIndex.set(p.hint.source.index, p);
    const seen = new Set<string>();
    const zh = context.locale === 'zh';
    for (const l of layout.leftovers) {
      const messageId = l.kind === 'comment' ? 'comment' : l.kind === 'hidden' ? 'hidden' : 'revision';
      const key = `${l.index}\0${l.kind}`;
      if (l.kind !== 'comment' && seen.has(key)) continue;
      seen.add(key);
      const p = l.index === null ? undefined : byIndex.get(l.index);
      const text = l.text.length > 30 ? `${l.text.slice(0, 30)}…` : l.text;
      context.report({
        at: p ?? report.title ?? { start: 0, end: 0 },
        messageId,
        data: { text, what: KIND[l.kind][zh ? 0 : 1] },
      });
    }
  },
});
