import { defineRule } from '../src/engine/rule.js';
import { judgeClosing, placement } from '../src/layout/closing.js';
import type { Paragraph } from '../src/model/report.js';
import { fontSpec, profileOf, roleName, roleSegments, wordParagraph } from '../src/layout/roles.js';
import type { Alignment, ParagraphLayout } from '../src/layout/types.js';
import { num, twipsToPt } from '../src/layout/units.js';
import type { Locale } from '../src/types.js';

const REPORT = ['关于2024年度落实全面从严治党主体责任情况的报告', '市委：', '2024年，区委认真履行主体责任。现将有关情况报告如下。', '一、工作开展情况', '区委常委会先后12次专题研究全面从严治党工作。', '中共青山区委', '2025年1月15日'].join('\n');
const REPORT_WITH_PARTS = [
  '关于2024年度落实全面从严治党主体责任情况的报告',
  '市委：',
  '2024年，区委认真履行主体责任。现将有关情况报告如下。',
  '表1　2024年度监督检查情况统计表',
  '区委常委会先后12次专题研究全面从严治党工作。',
  '附件：1.2024年度全面从严治党主体责任清单',
  '2.2024年度监督检查情况汇总表',
  '中共青山区委',
  '2025年1月15日',
  '（联系人：王明，电话：12345678）',
  '抄送：市纪委监委。',
].join('\n');

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
    leftSpace: {
      zh: '{what}应左空{expected}字，实为左空{found}字',
      en: 'The {what} should start {expected} characters from the left margin; it starts {found} in',
    },
    rightSpace: {
      zh: '{what}应右空{expected}字，实为右空{found}字',
      en: 'The {what} should end {expected} characters from the right margin; it ends {found} from it',
    },
  },
  docs: {
    summary: {
      zh: 'Word 文档正文和各级标题首行缩进2字，主送机关顶格，标题居中，署名右空二字、成文日期右空四字，附件说明和附注左空二字，版记左空一字',
      en: 'Word documents: body and headings indented 2 characters, addressee flush left, title centred, signature 2 and date 4 characters from the right, attachment note and notes 2 characters in, distribution lines 1',
    },
    why: {
      zh: 'GB/T 9704 规定：标题居中排布；主送机关在标题下空一行居左顶格；正文每个自然段左空二字；附件说明左空二字，回行与附件名称首字对齐；发文机关署名右空二字，成文日期在其下一行、首字比署名首字右移二字（或右空四字、署名以日期为准居中）；附注居左空二字；版记中抄送机关、印发机关左空一字。首行不缩进、用空格代替缩进、主送机关也缩进、日期顶格或紧贴右边，都是审阅中常见的格式差错。',
      en: 'GB/T 9704: the title is centred; the addressee is flush left below it; every body paragraph starts two characters in; the attachment note starts two characters in, its later lines aligned with the first attachment name; the signature ends two characters from the right margin and the date below it starts two characters right of the signature (or ends four characters in, the signature centred over it); a note starts two characters in; the distribution lines one. No indent, spaces for an indent, an indented addressee, a date at the left or against the right margin are common faults.',
    },
    standard: 'GB/T 9704-2012《党政机关公文格式》7.3.1（标题）、7.3.2（主送机关）、7.3.3（正文）、7.3.4（附件说明）、7.3.5（署名、成文日期）、7.3.7（附注）、7.4（版记）',
    details: {
      zh: '只检查 Word 文档（.docx）。首行缩进按“字符”单位（w:firstLineChars）或按字号折算的磅值判断，标准值和容差取 `layout.firstLineIndent`（默认2±0.25字）；用空格缩进的段落按其前导空格计。标题对齐方式取 `layout.title.align`（`center` 或 `any`）。署名（最后一行）和成文日期按到右边距的字数判断，标准值取 `layout.closing`（默认署名2字、日期4字，容差0.5字）：右对齐时取右缩进（w:rightChars 或磅值）加行尾全角空格；左对齐或居中时按版心宽度、缩进、前导空格和文字宽度（汉字1字、半角字符半字）推算，再多给半字容差。以下三种排法都接受：署名右空二字、日期首字比署名首字右移二字（日期较长时日期右空二字）；日期右空四字、署名以日期为准居中；署名右空二字、日期右空四字。这一项只作警告。附件说明首行、附注左空二字，附件说明回行的各项左空二字或与第一个附件名称对齐（左空五字）；版记左空不超过一字。表题（图题）按惯例居中，不检查缩进；表格、列表、引文、版头、副标题、署名行（讲话）、附件标识和附件标题不检查。',
      en: 'Word documents (.docx) only. The first-line indent is read in characters (w:firstLineChars) or in points converted with the font size, against `layout.firstLineIndent` (2 ± 0.25 characters); a paragraph indented with spaces counts its leading spaces. The title’s alignment comes from `layout.title.align` (`center` or `any`). The last signature line and the date are measured in characters from the right margin against `layout.closing` (signature 2, date 4, tolerance 0.5): right-aligned, by the right indent (w:rightChars or points) plus trailing full-width spaces; left-aligned or centred, from the type area’s width, the indents, leading spaces and the text’s width (a Chinese character 1, a half-width one ½), with half a character more slack. Three layouts are accepted: signature 2 in and the date’s first character two right of the signature’s (the date 2 in when it is the longer); date 4 in with the signature centred over it; signature 2 and date 4 in. That check only warns. The attachment note’s first line and notes start 2 characters in; later lines of the attachment note 2 in or aligned with the first attachment name (5 in); distribution lines at most 1 in. Captions are centred by convention and their indent is not checked; tables, lists, quotations, the header block, subtitles, bylines, attachment labels and titles are not checked.',
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
      layout: { lines: { 6: { align: 'left' }, 7: { align: 'right', rightChars: 0 } } },
      note: { zh: '署名顶格，日期紧贴右边距。', en: 'The signature at the left margin, the date against the right one.' },
      expect: ['6:1 rightSpace', '7:1 rightSpace'],
    },
    {
      valid: REPORT,
      layout: { lines: { 6: { align: 'right', rightChars: 4.5 }, 7: { align: 'right', rightChars: 2 } } },
      note: {
        zh: '7.3.5.2 的排法：成文日期（6.5字）长于署名，日期右空二字，署名首字比日期首字左移二字。',
        en: 'The layout of 7.3.5.2: the date (6.5 characters) is longer than the signature, so it ends 2 characters in and the signature starts two characters left of it.',
      },
    },
    {
      valid: REPORT,
      layout: { lines: { 6: { align: 'left', leftChars: 20 }, 7: { align: 'left', leftChars: 17.5 } } },
      note: { zh: '左对齐加左缩进，排到同样的位置。', en: 'Left-aligned with left indents, to the same places.' },
    },
    {
      valid: REPORT_WITH_PARTS,
      layout: {},
      note: { zh: '附件说明、附注、版记和表题各有排法，不按正文首行缩进判断。', en: 'Attachment note, note, distribution lines and caption have layouts of their own, not the body’s indent.' },
    },
    {
      invalid: REPORT_WITH_PARTS,
      layout: { lines: { 6: { indentChars: 0 }, 7: { indentChars: 0 }, 11: { indentChars: 2 } } },
      expect: ['6:1 leftSpace', '7:1 leftSpace', '11:1 leftSpace'],
    },
  ],
  check(report, context) {
    const layout = report.layout;
    if (!layout) return;
    const profile = profileOf(context.settings);
    const locale = context.locale;
    const zh = locale === 'zh';
    const special = new Set([report.addressee, ...report.signature, report.date].filter((p) => p !== null));
    const seen = new Set<number>();
    const indent = profile.firstLineIndent;
    const bodySize = { value: profile.body.size, tolerance: profile.sizeTolerance };
    for (const seg of roleSegments(report, layout)) {
      if (seen.has(seg.word.index) || special.has(seg.paragraph)) continue;
      seen.add(seg.word.index);
      const kind = seg.paragraph.kind;
      if (seg.role === 'title') {
        if (profile.title.align === 'center' && seg.word.align !== 'center') {
          context.report({ at: seg.paragraph, messageId: 'titleAlign', data: { found: alignName(seg.word.align, locale) } });
        }
        continue;
      }
      // Captions are centred by convention, and GB/T 9704 sets nothing for them (nor for the header block and the like).
      if (seg.role === 'caption' || seg.role === 'other') continue;
      const size = { value: fontSpec(profile, seg.role).size, tolerance: profile.sizeTolerance };
      const start = indentChars(seg.word, size) + leftChars(seg.word, size);
      if (seg.role === 'distribution') {
        // 7.4: 抄送机关 and 印发机关 one character in; flush left is common and accepted.
        if (start > 1 + indent.tolerance) context.report({ at: seg.paragraph, messageId: 'leftSpace', data: { what: zh ? '版记' : 'distribution line', expected: zh ? '一' : 1, found: num(start, 1) } });
        continue;
      }
      if (kind === 'attachment-note' || kind === 'note') {
        // 7.3.4: 附件说明 two characters in, later lines aligned with the first name after 附件：; 7.3.7: 附注 two in.
        const accepted = kind === 'note' || /^附\s*件/.test(seg.paragraph.content.text) ? [indent.value] : [indent.value, indent.value + 3];
        if (!accepted.some((v) => Math.abs(start - v) <= indent.tolerance)) {
          const what = kind === 'note' ? (zh ? '附注' : 'note') : zh ? '附件说明' : 'attachment note';
          context.report({ at: seg.paragraph, messageId: 'leftSpace', data: { what, expected: zh ? cn(indent.value) : num(indent.value), found: num(start, 1) } });
        }
        continue;
      }
      const chars = indentChars(seg.word, size);
      if (Math.abs(chars - indent.value) > indent.tolerance) {
        context.report({ at: seg.paragraph, messageId: 'firstLine', data: { role: roleName(seg.role, locale), expected: num(indent.value), found: num(chars, 1) } });
      }
    }
    if (report.addressee) {
      const word = wordParagraph(layout, report.addressee);
      if (word && !word.inTable) {
        const chars = indentChars(word, bodySize) + leftChars(word, bodySize);
        if (Math.abs(chars) > indent.tolerance) context.report({ at: report.addressee, messageId: 'addressee', data: { found: num(chars, 1) } });
      }
    }
    const sigPara = report.signature[report.signature.length - 1] ?? null;
    const at = (p: Paragraph | null) => {
      const word = p && wordParagraph(layout, p);
      return word && !word.inTable ? placement(layout, word, bodySize) : null;
    };
    for (const v of judgeClosing(at(sigPara), at(report.date), profile)) {
      const p = v.what === 'date' ? report.date! : sigPara!;
      const what = v.what === 'date' ? (zh ? '成文日期' : 'date') : zh ? '发文机关署名' : 'signature';
      const found = Math.round(v.found * 2) / 2;
      context.report({ at: p, messageId: 'rightSpace', warnOnly: true, data: { what, expected: zh ? cn(v.expected) : num(v.expected), found: num(found, 1) } });
    }
  },
});

/** 二, 四: how GB/T 9704 writes a count of characters; other values as digits. */
function cn(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 10 ? '零一二三四五六七八九十'[n] : num(n);
}

function alignName(align: Alignment, locale: Locale): string {
  return ALIGN[align][locale === 'zh' ? 0 : 1];
}

type Size = { value: number; tolerance: number };

/** The size twips are counted in: the text's, or the profile's when the text's is off (that is layout-fonts' finding). */
function sizeOf(p: ParagraphLayout, expected: Size): number {
  const run = p.runs.find((r) => p.text.slice(r.start, r.end).trim());
  const actual = (run ?? p.base).halfPoints / 2;
  return Math.abs(actual - expected.value) > expected.tolerance ? expected.value : actual;
}

/** Spaces typed at the start, in characters (a full-width space is one, two half-width spaces are one). */
function leadingSpaces(p: ParagraphLayout): number {
  const lead = /^[ \u3000\t]*/.exec(p.text)![0];
  let n = 0;
  for (const c of lead) n += c === '\u3000' ? 1 : c === '\t' ? 2 : 0.5;
  return n;
}

/** First-line indent in characters: Word's character units when set, else twips over the font size, plus typed spaces. */
function indentChars(p: ParagraphLayout, size: Size): number {
  const own = p.indent.firstLineChars !== null ? p.indent.firstLineChars / 100 : twipsToPt(p.indent.firstLine) / sizeOf(p, size);
  return own + leadingSpaces(p);
}

function leftChars(p: ParagraphLayout, size: Size): number {
  return p.indent.leftChars !== null ? p.indent.leftChars / 100 : twipsToPt(p.indent.left) / sizeOf(p, size);
}
