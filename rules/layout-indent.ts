import { defineRule } from '../src/engine/rule.js';
import { bodyWidthPt } from '../src/layout/metrics.js';
import { profileOf, roleName, roleSegments, wordParagraph } from '../src/layout/roles.js';
import type { Alignment, ParagraphLayout } from '../src/layout/types.js';
import { num, twipsToPt } from '../src/layout/units.js';
import type { Locale } from '../src/types.js';

const REPORT = ['关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '2024年，区委认真履行主体责任。现将有关情况报告如下。', '一、工作开展情况', '区委常委会先后12次专题研究全面从严治党工作。', '中共青山区委', '2025年1月15日'].join('\n');

const ALIGN: Record<Alignment, [string, string]> = {
  left: ['左对齐', 'left-aligned'],
  center: ['居中', 'centred'],
  right: ['右对齐', 'right-aligned'],
  both: ['两端对齐', 'justified'],
  distribute: ['分散对齐', 'distributed'],
};

/** Indents and alignment: body 2 characters in, addressee flush left, title centred, signature and date on the right. */
export default defineRule({
  id: 'layout-indent',
  category: 'layout',
  severity: 'error',
  fixable: false,
  options: {},
  messages: {
    firstLine: {
      zh: '{role}首行应缩进{expected}字，实为{found}字',
      en: 'The {role} should have a first-line indent of {expected} characters; it has {found}',
    },
    addressee: {
      zh: '主送机关应顶格，实为缩进{found}字',
      en: 'The addressee should be flush left; it is indented {found} characters',
    },
    titleAlign: {
      zh: '标题应居中，实为{found}',
      en: 'The title should be centred; it is {found}',
    },
    closing: {
      zh: '{what}应排在右侧（右空二字或四字），实为{found}',
      en: 'The {what} should stand on the right (two or four characters from the margin); it is {found}',
    },
  },
  docs: {
    summary: {
      zh: 'Word 文档正文和各级标题首行缩进2字，主送机关顶格，标题居中，署名和成文日期居右',
      en: 'Word documents: body and headings indented 2 characters, addressee flush left, title centred, signature and date on the right',
    },
    why: {
      zh: 'GB/T 9704 规定：标题居中排布；主送机关在标题下空一行居左顶格；正文每个自然段左空二字；发文机关署名和成文日期右空二字、四字编排。首行不缩进、用空格代替缩进、主送机关也缩进、日期顶格，都是审阅中常见的格式差错。',
      en: 'GB/T 9704: the title is centred; the addressee is flush left below it; every body paragraph starts two characters in; signature and date stand two or four characters from the right margin. No indent, spaces for an indent, an indented addressee or a date at the left are common faults.',
    },
    standard: 'GB/T 9704-2012《党政机关公文格式》7.3.1（标题）、7.3.2（主送机关）、7.3.3（正文）、7.3.5（署名、成文日期）',
    details: {
      zh: '只检查 Word 文档（.docx）。首行缩进按“字符”单位（w:firstLineChars）或按字号折算的磅值判断，标准值和容差取 `layout.firstLineIndent`（默认2±0.25字）；用空格缩进的段落按其前导空格计。标题对齐方式取 `layout.title.align`（`center` 或 `any`）。署名和成文日期右对齐、或左缩进超过版心宽度一半即视为居右；这一项只作警告。表格、列表、引文不检查。',
      en: 'Word documents (.docx) only. The first-line indent is read in characters (w:firstLineChars) or in points converted with the font size, against `layout.firstLineIndent` (2 ± 0.25 characters); a paragraph indented with spaces counts its leading spaces. The title’s alignment comes from `layout.title.align` (`center` or `any`). Signature and date count as on the right when right-aligned or indented past half the type area; that check only warns. Tables, lists and quotations are not checked.',
    },
  },
  examples: [
    { valid: REPORT, layout: {} },
    {
      invalid: REPORT,
      layout: { lines: { 3: { indentChars: 0 }, 5: { indentPt: 21 } } },
      expect: ['3:1 firstLine', '5:1 firstLine'],
    },
    {
      invalid: REPORT,
      layout: { lines: { 1: { align: 'left' }, 2: { indentChars: 2 } } },
      expect: ['1:1 titleAlign', '2:1 addressee'],
    },
    {
      invalid: REPORT,
      layout: { lines: { 6: { align: 'left' }, 7: { align: 'left' } } },
      expect: ['6:1 closing', '7:1 closing'],
    },
  ],
  check(report, context) {
    const layout = report.layout;
    if (!layout) return;
    const profile = profileOf(context.settings);
    const locale = context.locale;
    const special = new Set([report.addressee, ...report.signature, report.date].filter((p) => p !== null));
    const seen = new Set<number>();
    for (const seg of roleSegments(report, layout)) {
      if (seen.has(seg.word.index) || special.has(seg.paragraph)) continue;
      seen.add(seg.word.index);
      if (seg.role === 'title') {
        if (profile.title.align === 'center' && seg.word.align !== 'center') {
          context.report({ at: seg.paragraph, messageId: 'titleAlign', data: { found: alignName(seg.word.align, locale) } });
        }
        continue;
      }
      const chars = indentChars(seg.word);
      const { value, tolerance } = profile.firstLineIndent;
      if (Math.abs(chars - value) > tolerance) {
        context.report({ at: seg.paragraph, messageId: 'firstLine', data: { role: roleName(seg.role, locale), expected: num(value), found: num(chars, 1) } });
      }
    }
    if (report.addressee) {
      const word = wordParagraph(layout, report.addressee);
      if (word && !word.inTable) {
        const chars = indentChars(word) + leftChars(word);
        if (Math.abs(chars) > profile.firstLineIndent.tolerance) context.report({ at: report.addressee, messageId: 'addressee', data: { found: num(chars, 1) } });
      }
    }
    for (const p of [...report.signature, report.date]) {
      if (!p) continue;
      const word = wordParagraph(layout, p);
      if (!word || word.inTable) continue;
      const section = layout.sections[word.section];
      const width = section ? bodyWidthPt(section) : null;
      const left = twipsToPt(word.indent.left + Math.max(0, word.indent.firstLine)) + leadingSpaces(word) * sizeOf(word);
      const onRight = word.align === 'right' || (width !== null && left > width / 2);
      if (!onRight) {
        const what = p === report.date ? (locale === 'zh' ? '成文日期' : 'date') : locale === 'zh' ? '发文机关署名' : 'signature';
        context.report({ at: p, messageId: 'closing', warnOnly: true, data: { what, found: alignName(word.align, locale) } });
      }
    }
  },
});

function alignName(align: Alignment, locale: Locale): string {
  return ALIGN[align][locale === 'zh' ? 0 : 1];
}

function sizeOf(p: ParagraphLayout): number {
  const run = p.runs.find((r) => p.text.slice(r.start, r.end).trim());
  return (run ?? p.base).halfPoints / 2;
}

/** Spaces typed at the start, in characters (a full-width space is one, two half-width spaces are one). */
function leadingSpaces(p: ParagraphLayout): number {
  const lead = /^[ \u3000\t]*/.exec(p.text)![0];
  let n = 0;
  for (const c of lead) n += c === '\u3000' ? 1 : c === '\t' ? 2 : 0.5;
  return n;
}

/** First-line indent in characters: Word's character units when set, else twips over the font size, plus typed spaces. */
function indentChars(p: ParagraphLayout): number {
  const own = p.indent.firstLineChars !== null ? p.indent.firstLineChars / 100 : twipsToPt(p.indent.firstLine) / sizeOf(p);
  return own + leadingSpaces(p);
}

function leftChars(p: ParagraphLayout): number {
  return p.indent.leftChars !== null ? p.indent.leftChars / 100 : twipsToPt(p.indent.left) / sizeOf(p);
}
