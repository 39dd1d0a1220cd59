import { defineRule } from '../src/engine/rule.js';
import type { Paragraph } from '../src/model/report.js';
import { enclosed, masked } from '../src/text/sentences.js';

const PROSE = new Set<Paragraph['kind']>(['body', 'list-item', 'heading', 'addressee']);

/**
 * 你局, 你委, 你们 …: how one addresses a subordinate or an equal, never the body a
 * report goes up to. 你们 is left alone inside quotation marks (a leader's words).
 */
const ADDRESS = /你(?:们|局|委|部|厅|办|院|处|科|市|区|县|省|镇|乡|单位|公司|校)/gu;

export default defineRule({
  id: 'superior-address',
  category: 'content',
  severity: 'warn',
  fixable: false,
  genres: ['report', 'request'],
  options: {},
  messages: {
    peer: {
      zh: '上行文不用“{text}”称呼上级机关，应写上级机关的全称或规范简称（如“市委”“市纪委监委”）',
      en: 'An upward document does not call the superior “{text}”; name the body in full or by its standard short name (市委, 市纪委监委)',
    },
  },
  docs: {
    summary: {
      zh: '报告中不用“你局”“你们”称呼上级机关',
      en: 'Do not address the superior as 你局 or 你们 in a report',
    },
    why: {
      zh: '报告是上行文。“你局”“你们”是对下级或平级的称谓，用来称呼上级机关既不合公文体例，也显得不够庄重，审阅时会被指出。',
      en: 'A report goes up. 你局 and 你们 are how one addresses a subordinate or an equal; using them for the superior breaks the conventions of official writing and reads as disrespectful.',
    },
    standard: '《党政机关公文处理工作条例》（2012）第十五条（向上级机关行文）',
    details: {
      zh: '检查正文、列表项、标题和主送机关中的“你们”“你局”“你委”“你部”“你厅”“你办”“你院”“你处”“你市”“你单位”等。引号、书名号内的文字（引用领导讲话）和 Markdown 引用块不检查。',
      en: 'Checks body text, list items, headings and the addressee for 你们, 你局, 你委, 你部, 你厅, 你办, 你院, 你处, 你市, 你单位 and the like. Text in quotation marks or 《》 (a leader’s words quoted) and Markdown block quotes are not checked.',
    },
  },
  examples: [
    {
      valid: ['关于2024年度工作情况的报告', '市纪委监委：', '按照市纪委监委要求，现将有关情况报告如下。书记在会上强调：“你们要把责任扛在肩上。”'].join('\n'),
    },
    {
      invalid: ['关于2024年度工作情况的报告', '市纪委监委：', '按照你委要求，现将有关情况报告如下。感谢你们的指导。'].join('\n'),
      expect: ['3:3 peer', '3:21 peer'],
    },
  ],
  check(report, context) {
    for (const p of report.paragraphs) {
      if (!PROSE.has(p.kind) || p.quoted) continue;
      const raw = p.content.text;
      if (!raw.includes('你')) continue;
      const text = masked(raw, [...enclosed(raw, '“', '”'), ...enclosed(raw, '「', '」'), ...enclosed(raw, '《', '》')]);
      for (const m of text.matchAll(ADDRESS)) {
        context.report({ at: p.content.span(m.index, m.index + m[0].length), messageId: 'peer', data: { text: m[0] } });
      }
    }
  },
});
