import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  SequentialIdentifier,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
} from 'docx';
import yazl from 'yazl';
import { openPackage } from '../src/docx/package.js';

/**
 * Word documents built in code for the reader's tests, one for each shape a
 * real report has: automatic numbering at four levels, a table with its
 * caption, a TOC, a footnote, a header and a footer, a tracked change, a
 * comment and a content control showing its placeholder.
 */

const REPORT_LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
  { level: 3, format: LevelFormat.DECIMAL, text: '（%4）' },
];

const numbered = (level: number, text: string, reference = 'report') => new Paragraph({ numbering: { reference, level }, children: [new TextRun(text)] });
const plain = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const cell = (text: string) => new TableCell({ children: [plain(text)] });

/** The full report: every shape the reader knows. */
export async function buildShapesDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: { config: [{ reference: 'report', levels: REPORT_LEVELS }] },
    footnotes: { 1: { children: [plain('数据来源：××县统计局。')] } },
    comments: { children: [{ id: 0, author: '审核人', children: [plain('请补充具体案例。')] }] },
    features: { trackRevisions: true },
    sections: [
      {
        headers: { default: new Header({ children: [plain('中共××县委办公室文件')] }) },
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun('第 '), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' 页')] })] }) },
        children: [
          plain('中共青山县委关于2024年度落实全面从严治党主体责任情况的报告'),
          new TableOfContents('目录', {
            cachedEntries: [
              { title: '一、工作开展情况', level: 1, page: 1 },
              { title: '二、存在的问题', level: 1, page: 2 },
            ],
          }),
          plain('市委：'),
          plain('现将我县2024年度落实全面从严治党主体责任情况报告如下。'),
          numbered(0, '工作开展情况'),
          numbered(1, '压实责任链条'),
          new Paragraph({ children: [new TextRun('县委常委会全年专题研究全面从严治党工作12次。'), new FootnoteReferenceRun(1)] }),
          numbered(2, '制定责任清单。明确责任事项56项。'),
          numbered(2, '开展述责述廉。组织26名单位负责人述责述廉。'),
          new Paragraph({ children: [new TextRun('表'), new SequentialIdentifier('表'), new TextRun(' 2024年度审计项目统计表')] }),
          new Table({
            rows: [
              new TableRow({ children: [cell('项目'), cell('数量')] }),
              new TableRow({ children: [cell('审计项目'), cell('12')] }),
              new TableRow({ children: [cell('整改问题'), cell('35')] }),
            ],
          }),
          numbered(1, '强化监督执纪'),
          new Paragraph({
            children: [
              new TextRun('县纪委监委开展'),
              new DeletedTextRun({ id: 1, author: '审核人', date: '2025-01-05T10:00:00Z', text: '督查' }),
              new InsertedTextRun({ id: 2, author: '审核人', date: '2025-01-05T10:00:00Z', text: '巡察' }),
              new TextRun('8次。'),
            ],
          }),
          plain('CONTENT-CONTROL'),
          numbered(0, '存在的问题'),
          numbered(1, '责任传导不够到位'),
          new Paragraph({
            children: [new CommentRangeStart(0), new TextRun('个别单位压力传导层层递减。'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })],
          }),
          plain('中共青山县委'),
          plain('2025年1月10日'),
        ],
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  // The docx package writes no plain-text content control: put one in, showing its placeholder as Word does.
  return patchPart(bytes, 'word/document.xml', (xml) =>
    xml.replace(
      /<w:p>(?:(?!<w:p>).)*?CONTENT-CONTROL.*?<\/w:p>/s,
      '<w:p><w:r><w:t>责任人：</w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt></w:p>',
    ),
  );
}

/**
 * A report whose lists are defined wrongly: the top level draws `一.`, and the
 * second level is a list of its own that runs on under the next heading (（三） under 二、).
 */
export async function buildWrongNumberingDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'top', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1.' }] },
        { reference: 'sub', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '（%1）' }] },
      ],
    },
    sections: [
      {
        children: [
          plain('关于2024年度工作情况的报告'),
          numbered(0, '工作开展情况', 'top'),
          numbered(0, '压实责任链条', 'sub'),
          plain('县委常委会全年专题研究全面从严治党工作12次。'),
          numbered(0, '强化监督执纪', 'sub'),
          plain('县纪委监委开展巡察8次。'),
          numbered(0, '存在的问题', 'top'),
          numbered(0, '责任传导不够到位', 'sub'),
          plain('个别单位压力传导层层递减。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Lists in the lower formats only: 1. and （1）, as many unit reports number them. */
export async function buildArabicListDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'arabic',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
            { level: 1, format: LevelFormat.DECIMAL, text: '（%2）' },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          plain('关于2024年度工作情况的报告'),
          numbered(0, '压实责任链条', 'arabic'),
          numbered(1, '制定责任清单。明确责任事项56项。', 'arabic'),
          numbered(1, '开展述责述廉。组织26名单位负责人述责述廉。', 'arabic'),
          numbered(0, '强化监督执纪', 'arabic'),
          plain('县纪委监委开展巡察8次。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Rewrites one part of a package (the others are copied as they are). */
export async function patchPart(bytes: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const pkg = await openPackage(bytes);
  const zip = new yazl.ZipFile();
  for (const name of pkg.names) {
    const data = name === part ? Buffer.from(edit(pkg.text(name)!), 'utf8') : pkg.bytes(name)!;
    zip.addBuffer(data, name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A one-page PDF; `text` in Helvetica, or no text at all (a scan has only images). */
export function pdf(text: string | null): Buffer {
  const stream = text === null ? '' : `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
