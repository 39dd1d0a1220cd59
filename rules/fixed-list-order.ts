import { defineRule } from '../src/engine/rule.js';
import type { Paragraph } from '../src/model/report.js';

const PROSE = new Set<Paragraph['kind']>(['body', 'list-item', 'heading']);

/** Fixed lists whose order is part of the formulation; each item with the forms it may take. */
const LISTS: { name: string; items: string[][]; suffix?: string }[] = [
  { name: '四个意识', items: [['政治意识'], ['大局意识'], ['核心意识'], ['看齐意识']] },
  { name: '四个自信', items: [['道路自信'], ['理论自信'], ['制度自信'], ['文化自信']] },
  // 道路、理论、制度、文化自信: the short form shares one 自信.
  { name: '四个自信', items: [['道路'], ['理论'], ['制度'], ['文化']], suffix: '自信' },
  { name: '四风', items: [['形式主义'], ['官僚主义'], ['享乐主义'], ['奢靡之风']] },
  { name: '三会一课', items: [['支部党员大会', '党员大会'], ['支部委员会会议', '支部委员会', '支委会'], ['党小组会'], ['党课']] },
  { name: '五位一体', items: [['经济建设'], ['政治建设'], ['文化建设'], ['社会建设'], ['生态文明建设']] },
  { name: '四个全面', items: [['全面建设社会主义现代化国家', '全面建成小康社会'], ['全面深化改革'], ['全面依法治国'], ['全面从严治党']] },
];

interface Compiled {
  name: string;
  pattern: RegExp;
  /** The first character of every form of every item (char codes). */
  firstChars: ReadonlySet<number>;
  forms: Map<string, number>;
  suffix?: string;
  canonical: string[];
}

const COMPILED: Compiled[] = LISTS.map((l) => {
  const forms = new Map<string, number>();
  l.items.forEach((item, i) => item.forEach((f) => forms.set(f, i)));
  const alt = [...forms.keys()].sort((a, b) => b.length - a.length).join('|');
  // Three or more items joined by 、 (the last may follow 和/及); the suffix, if any, right after the last.
  const pattern = new RegExp(`(?:${alt})(?:(?:、|和|及|以及)(?:${alt})){2,}${l.suffix ?? ''}`, 'gu');
  const firstChars = new Set([...forms.keys()].map((f) => f.charCodeAt(0)));
  return { name: l.name, pattern, forms, firstChars, suffix: l.suffix, canonical: l.items.map((i) => i[0]) };
});

/**
 * The char codes that follow a joiner in `text`, in order. A list the patterns match has three
 * items or more: at least two joiners, each followed by the first character of one of its forms.
 */
function afterJoiners(text: string): number[] {
  const after: number[] = [];
  // Most paragraphs have no joiner at all, and includes() is faster than a loop over char codes.
  if (!text.includes('、') && !text.includes('和') && !text.includes('及')) return after;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    // 、 和 及: the last character of every joiner (以及 ends in 及).
    if (c === 0x3001 || c === 0x548c || c === 0x53ca) after.push(text.charCodeAt(i + 1));
  }
  return after;
}

/** Whether at least two of `codes` are in `set`. */
function twoIn(codes: readonly number[], set: ReadonlySet<number>): boolean {
  let seen = 0;
  for (const c of codes) if (set.has(c) && ++seen === 2) return true;
  return false;
}

export default defineRule({
  id: 'fixed-list-order',
  category: 'content',
  severity: 'warn',
  fixable: false,
  options: {},
  messages: {
    order: {
      zh: '“{name}”各项的顺序是固定的：应为“{expected}”，实为“{actual}”',
      en: 'The items of {name} come in a fixed order: expected “{expected}”, found “{actual}”',
    },
  },
  docs: {
    summary: {
      zh: '固定提法各项的顺序（四个意识、四个自信、四风、三会一课、五位一体、四个全面）',
      en: 'Keep the order of fixed lists (四个意识, 四个自信, 四风, 三会一课, 五位一体, 四个全面)',
    },
    why: {
      zh: '“政治意识、大局意识、核心意识、看齐意识”“道路自信、理论自信、制度自信、文化自信”“形式主义、官僚主义、享乐主义、奢靡之风”等是中央文件的固定表述，顺序不能随意调换；顺序颠倒是审阅中常见的规范性差错。',
      en: 'Lists such as 政治意识、大局意识、核心意识、看齐意识 or 形式主义、官僚主义、享乐主义、奢靡之风 are fixed by central documents, order included; a reversed order is a common slip reviewers mark.',
    },
    standard: '党的十八大以来中央文件的规范表述',
    details: {
      zh: '检查由顿号（最后一项前可为“和”“及”）连接、至少三项的列举：四个意识（政治意识、大局意识、核心意识、看齐意识），四个自信（道路自信、理论自信、制度自信、文化自信，或“道路、理论、制度、文化自信”），四风（形式主义、官僚主义、享乐主义、奢靡之风），三会一课（支部党员大会、支部委员会会议、党小组会、党课），五位一体（经济建设、政治建设、文化建设、社会建设、生态文明建设），四个全面（全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党）。只列其中几项时，这几项的先后也应与固定顺序一致；两项的列举不检查。',
      en: 'Checks lists of three or more items joined by 、 (和 or 及 before the last): 四个意识 (政治意识、大局意识、核心意识、看齐意识), 四个自信 (道路自信、理论自信、制度自信、文化自信, or 道路、理论、制度、文化自信), 四风 (形式主义、官僚主义、享乐主义、奢靡之风), 三会一课 (支部党员大会、支部委员会会议、党小组会、党课), 五位一体 (经济建设、政治建设、文化建设、社会建设、生态文明建设), 四个全面 (全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党). A list of some of the items keeps them in the fixed order too; lists of two are not checked.',
    },
  },
  examples: [
    {
      valid: '增强政治意识、大局意识、核心意识、看齐意识，坚定道路、理论、制度、文化自信，纠治形式主义、官僚主义和享乐主义，坚持官僚主义、形式主义两手抓。',
    },
    {
      invalid: '增强政治意识、核心意识、大局意识、看齐意识，坚决纠治官僚主义、形式主义、享乐主义和奢靡之风。',
      expect: ['1:3 order', '1:27 order'],
    },
  ],
  check(report, context) {
    for (const p of report.paragraphs) {
      if (!PROSE.has(p.kind) || p.quoted) continue;
      const text = p.content.text;
      const after = afterJoiners(text);
      if (after.length < 2) continue;
      for (const list of COMPILED) {
        if (!twoIn(after, list.firstChars)) continue;
        for (const m of text.matchAll(list.pattern)) {
          const body = list.suffix ? m[0].slice(0, -list.suffix.length) : m[0];
          const parts = body.split(/、|以及|和|及/u).filter(Boolean);
          const order = parts.map((s) => list.forms.get(s)!);
          if (new Set(order).size !== order.length) continue;
          if (order.every((v, i) => i === 0 || order[i - 1] < v)) continue;
          const sorted = [...parts].sort((a, b) => list.forms.get(a)! - list.forms.get(b)!);
          // Rebuild the expected text with the joiners as written.
          const joiners = body.match(/、|以及|和|及/gu) ?? [];
          const expected = sorted.map((s, i) => s + (joiners[i] ?? '')).join('') + (list.suffix ?? '');
          context.report({ at: p.content.span(m.index, m.index + m[0].length), messageId: 'order', data: { name: list.name, expected, actual: m[0] } });
        }
      }
    }
  },
});
