import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  DocumentGridType,
  Footer,
  InsertedTextRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';

/**
 * Word reports generated with the `docx` package: one laid out as GB/T 9704
 * asks, and the same with one fault each. Text only in code, no binaries.
 */

export type LayoutFault =
  | 'letter-paper'
  | 'normal-margins'
  | 'songti-body'
  | 'heiti-title'
  | 'heading-fonts'
  | 'single-spacing'
  | 'no-indent'
  | 'no-page-number'
  | 'centred-page-number'
  | 'leftovers'
  | 'date-flush-right'
  | 'closing-left'
  | 'parts-flush'
  | 'parts-as-body'
  | 'style-font'
  | 'direct-spacing';

export const FAULTS: readonly LayoutFault[] = [
  'letter-paper',
  'normal-margins',
  'songti-body',
  'heiti-title',
  'heading-fonts',
  'single-spacing',
  'no-indent',
  'no-page-number',
  'centred-page-number',
  'leftovers',
  'date-flush-right',
  'closing-left',
  'parts-flush',
  'parts-as-body',
  'style-font',
  'direct-spacing',
];

/** A body paragraph of plain Chinese text without punctuation inside, so that every full line holds exactly the grid's characters. */
const FILLER = '区委坚持把全面从严治党作为重大政治任务常抓不懈认真履行主体责任层层压实各级党组织管党治党政治责任推动形成一级抓一级层层抓落实的工作格局';

export const REPORT_LINES = [
  '中共青山区委关于二〇二四年度落实全面从严治党主体责任情况的报告',
  '市委：',
  '二〇二四年，区委认真履行全面从严治党主体责任。现将有关情况报告如下。',
  '一、工作开展情况',
  '（一）压实责任链条。' + FILLER + '。',
  FILLER + FILLER + '。',
  FILLER + FILLER + FILLER + '。',
  '（二）强化日常监督。' + FILLER + '。',
  FILLER + FILLER + '。',
  '二、存在的问题',
  '一是' + FILLER + '。',
  FILLER + FILLER + FILLER + '。',
  '三、下一步工作打算',
  FILLER + FILLER + '。',
  FILLER + '。',
  '表1　二〇二四年度监督检查情况统计表',
  FILLER + '。',
  '附件：1.二〇二四年度全面从严治党主体责任清单',
  '2.二〇二四年度监督检查情况汇总表',
  '中共青山区委',
  '2025年1月15日',
  '（联系人：王明，电话：12345678）',
  '抄送：市纪委监委。',
];

/** 1-based lines of the parts after the body. */
export const LINE = { caption: 16, attachment: 18, signature: 20, date: 21, note: 22, distribution: 23 } as const;

const MM = 56.6929; // twips per millimetre

export async function buildLayoutDocx(fault?: LayoutFault): Promise<Buffer> {
  // 28 characters of 3号 (16 pt) fill 448 pt, more than the 442 pt of the type area: characters are condensed by 0.25 pt
  // (w:spacing -5 twips), which Word and LibreOffice both honour (LibreOffice's character grid puts a 16 pt character in two cells).
  const body = { font: { eastAsia: fault === 'style-font' ? '宋体' : '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: fault === 'style-font' ? 24 : 32, characterSpacing: -5 };
  const fonts = (eastAsia: string) => ({ eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman' });
  const exact = fault === 'single-spacing' ? { line: 240, lineRule: LineRuleType.AUTO } : { line: 579, lineRule: LineRuleType.EXACT };
  const indent = fault === 'no-indent' ? {} : { firstLineChars: 200, firstLine: 640 };
  type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
  interface Opts {
    font?: string;
    size?: number;
    align?: Align;
    indent?: boolean | { left?: number; hanging?: number; right?: number; firstLine?: number };
    head?: [number, string];
    spacing?: { line: number; lineRule: (typeof LineRuleType)[keyof typeof LineRuleType] };
  }
  const para = (text: string, opts: Opts = {}) => {
    const run = (t: string, font = opts.font) => new TextRun({ text: t, font: font ? fonts(font) : undefined, size: opts.size });
    const children = opts.head ? [run(text.slice(0, opts.head[0]), opts.head[1]), run(text.slice(opts.head[0]))] : [run(text)];
    const ind = opts.indent === false ? { firstLine: 0, firstLineChars: 0 } : typeof opts.indent === 'object' ? { firstLineChars: 0, ...(opts.indent.hanging ? {} : { firstLine: 0 }), ...opts.indent } : undefined;
    return new Paragraph({ alignment: opts.align ?? AlignmentType.JUSTIFIED, indent: ind, spacing: opts.spacing, children });
  };
  // Characters of 3号 in twips: the right indents of signature and date, the attachment note's hanging indent.
  const chars = (n: number) => n * 320;
  const children: Paragraph[] = REPORT_LINES.map((line, i) => {
    const n = i + 1;
    if (i === 0) return para(line, { font: fault === 'heiti-title' ? '黑体' : '方正小标宋简体', size: 44, align: AlignmentType.CENTER, indent: false });
    if (i === 1) return para(line, { indent: false, align: AlignmentType.LEFT });
    if (/^[一二三]、/.test(line)) return para(line, { font: fault === 'heading-fonts' ? '仿宋_GB2312' : '黑体' });
    if (/^（[一二]）/.test(line)) return para(line, { head: [line.indexOf('。') + 1, fault === 'heading-fonts' ? '宋体' : '楷体_GB2312'] });
    // A caption centred in 黑体, as many units set it: GB/T 9704 says nothing of captions.
    if (n === LINE.caption) return para(line, fault === 'parts-as-body' ? {} : { font: '黑体', align: AlignmentType.CENTER, indent: false });
    if (n === LINE.signature || n === LINE.date) {
      if (fault === 'closing-left') return para(line, { align: AlignmentType.LEFT, indent: false });
      const right = n === LINE.date ? (fault === 'date-flush-right' ? 0 : 4) : 2;
      return para(line, { align: AlignmentType.RIGHT, indent: { right: chars(right) } });
    }
    if (n === LINE.attachment || n === LINE.attachment + 1) {
      if (fault === 'parts-flush') return para(line, { indent: false });
      if (fault === 'parts-as-body') return para(line);
      // 附件： two characters in; the later item aligned with the first name, three characters on.
      return para(line, { indent: n === LINE.attachment ? { left: chars(5), hanging: chars(3) } : { left: chars(5) } });
    }
    if (n === LINE.note && fault === 'parts-flush') return para(line, { indent: false });
    if (n === LINE.distribution) return fault === 'parts-as-body' ? para(line) : para(line, { size: 28, align: AlignmentType.LEFT, indent: { left: 280 } });
    if (fault === 'songti-body') return para(line, { font: '宋体', size: 24 });
    if (fault === 'direct-spacing' && n === 6) return para(line, { spacing: { line: 360, lineRule: LineRuleType.AUTO } });
    return para(line);
  });
  if (fault === 'leftovers') {
    children[5] = new Paragraph({
      children: [new CommentRangeStart(0), new TextRun(REPORT_LINES[5].slice(0, 10)), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] }), new TextRun(REPORT_LINES[5].slice(10))],
    });
    children[8] = new Paragraph({
      children: [new TextRun(REPORT_LINES[8]), new InsertedTextRun({ text: '补充', id: 1, author: '审核人', date: '2025-01-10T00:00:00Z' }), new TextRun({ text: '内部备注', vanish: true })],
    });
  }
  const pageNumber = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({ children: [new Paragraph({ alignment: align, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体' }, size: 28 })] })] });
  const footers =
    fault === 'no-page-number'
      ? undefined
      : fault === 'centred-page-number'
        ? { default: pageNumber(AlignmentType.CENTER) }
        : { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) };
  const size = fault === 'letter-paper' ? { width: 12240, height: 15840 } : { width: 11906, height: 16838 };
  const margin =
    fault === 'normal-margins'
      ? { top: 1440, bottom: 1440, left: 1800, right: 1800 }
      : { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
  const doc = new Document({
    evenAndOddHeaderAndFooters: fault !== 'centred-page-number' && fault !== 'no-page-number',
    styles: { default: { document: { run: body, paragraph: { spacing: exact, indent } } } },
    comments:
      fault === 'leftovers'
        ? { children: [{ id: 0, author: '审核人', date: new Date('2025-01-10T00:00:00Z'), children: [new Paragraph({ children: [new TextRun('数据请核实')] })] }] }
        : undefined,
    sections: [
      {
        properties: {
          page: { size, margin: { ...margin, header: Math.round(15 * MM), footer: Math.round(28 * MM - 7 * MM) } },
          grid: fault === 'single-spacing' ? { linePitch: 312, type: DocumentGridType.DEFAULT } : { linePitch: 579, type: DocumentGridType.LINES },
        },
        footers,
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
