import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, Header, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotateDocx, type AnnotateOutcome } from '../src/docx/annotate.js';
import { openPackage } from '../src/docx/package.js';
import { visibleText, wordParagraphs } from '../src/docx/visible-text.js';
import { handDocx, HAS_SOFFICE, readComments, readOdt, sofficeConvert, structureProblems } from './docx-annotate-helpers.js';

/**
 * The annotated copy read by a real consumer: LibreOffice converts it to ODT
 * and back to .docx, and the comments must survive with their anchored text,
 * the text must be unchanged, and the tracked changes must be seen as such.
 * Skipped, with a notice, where `soffice` is absent (`.ci/run` installs it).
 */

if (!HAS_SOFFICE) console.warn('[docx-annotate.soffice.test] SKIPPED: soffice not found; install LibreOffice (apt-get install libreoffice-writer) to run the round trip of annotated Word files.');

const DOC = 'word/document.xml';
const DATE = new Date('2026-12-02T10:00:00Z');

describe.skipIf(!HAS_SOFFICE)('annotated Word copies through LibreOffice', () => {
  let input: Buffer;
  let out: AnnotateOutcome;
  let header: string;
  let cellIndex: number;

  beforeAll(async () => {
    const table = new Table({
      rows: [
        new TableRow({ children: [new TableCell({ children: [new Paragraph('项目')] }), new TableCell({ children: [new Paragraph('完成情况')] })] }),
        new TableRow({ children: [new TableCell({ children: [new Paragraph('专项检查')] }), new TableCell({ children: [new Paragraph('已完成×项')] })] }),
      ],
    });
    input = await Packer.toBuffer(
      new Document({
        comments: { children: [{ id: 0, author: '张三', date: DATE, children: [new Paragraph('请补充数据')] }] },
        sections: [
          {
            headers: { default: new Header({ children: [new Paragraph('××县纪委监委')] }) },
            children: [
              new Paragraph({ children: [new TextRun('压实主体'), new TextRun({ text: '责任，', bold: true }), new TextRun({ text: '层层传导压力', italics: true })] }),
              new Paragraph({ children: [new CommentRangeStart(0), new TextRun('全年开展'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] }), new TextRun('××次检查')] }),
              table,
              new Paragraph({ children: [new TextRun('2023年共开展检查12次'), new TextRun({ text: ',', bold: true }), new TextRun('发现问题')] }),
            ],
          },
        ],
      }),
    );
    const pkg = await openPackage(input);
    header = pkg.names.find((n) => /^word\/header\d*\.xml$/.test(n))!;
    cellIndex = wordParagraphs(pkg.xml(DOC)!).map(visibleText).indexOf('已完成×项');
    out = await annotateDocx(
      input,
      [
        { part: DOC, index: 0, start: 3, end: 9, comment: { text: '跨三段' } },
        { part: DOC, index: 1, start: 4, end: 6, comment: { text: '占位符' } },
        { part: DOC, index: cellIndex, start: 3, end: 4, comment: { text: '表格' } },
        { part: header, index: 0, start: 0, end: 2, comment: { text: '页眉占位符' } },
        { part: DOC, index: cellIndex + 1, start: 13, end: 14, comment: { text: '全角逗号' } },
      ],
      [{ part: DOC, index: cellIndex + 1, start: 13, end: 14, replacement: '，', expected: ',' }],
      { date: DATE },
    );
    expect(out.skipped).toEqual([]);
    expect(await structureProblems(out.buffer)).toEqual([]);
  });

  it('ODT: every comment survives with its author and anchored text; the text is the original with the fix applied; the fix is a tracked change', async () => {
    const odt = await readOdt(sofficeConvert(out.buffer, 'odt'));
    const annotations = odt.annotations.map((a) => [a.creator, a.anchored, a.text]);
    expect(annotations).toEqual(
      expect.arrayContaining([
        ['reportlint', null, '〔页眉〕“××”\n页眉占位符'],
        ['reportlint', '体责任，层层', '跨三段'],
        ['张三', '全年开展', '请补充数据'],
        ['reportlint', '××', '占位符'],
        ['reportlint', '×', '表格'],
        ['reportlint', '，', '全角逗号'],
      ]),
    );
    expect(annotations).toHaveLength(6);
    const original = (await openPackage(input)).xml(DOC)!;
    const expected = wordParagraphs(original).map(visibleText);
    expected[cellIndex + 1] = '2023年共开展检查12次，发现问题';
    expect(odt.paragraphs.filter((p) => p !== '')).toEqual(expected.filter((p) => p !== ''));
    expect(odt.trackedChanges).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('docx → docx: LibreOffice writes the comments back to Word’s format with their anchored text', async () => {
    const again = sofficeConvert(out.buffer, 'docx');
    const comments = [...(await readComments(again)).values()].map((c) => [c.author, c.anchored, c.text]);
    expect(comments).toEqual(
      expect.arrayContaining([
        ['reportlint', '体责任，层层', '跨三段'],
        ['reportlint', '××', '占位符'],
        ['reportlint', '×', '表格'],
        ['张三', '全年开展', '请补充数据'],
      ]),
    );
    const xml = (await openPackage(again)).text(DOC)!;
    expect(xml).toMatch(/<w:del [^>]*w:author="reportlint"/);
    expect(xml).toMatch(/<w:ins [^>]*w:author="reportlint"/);
  }, 120_000);

  it('ODT: anchors that cross a hyperlink, an earlier insertion and a field result survive too', async () => {
    const doc = await handDocx(
      '<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r><w:hyperlink w:anchor="x"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>' +
        '<w:ins w:id="7" w:author="张三" w:date="2026-01-01T00:00:00Z"><w:r><w:t>插入</w:t></w:r></w:ins>' +
        '<w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>',
    );
    const [text] = wordParagraphs((await openPackage(doc)).xml(DOC)!).map(visibleText);
    // The field's cached result is what LibreOffice computes again (page 1), so the text survives as it is.
    expect(text).toBe('甲\t乙链接文字插入第1页');
    const ranges: [number, number][] = [[1, 5], [4, 9], [8, 10], [9, 12]];
    const annotated = await annotateDocx(doc, ranges.map(([start, end], i) => ({ part: DOC, index: 0, start, end, comment: { text: `n${i}` } })), [], { date: DATE });
    expect(await structureProblems(annotated.buffer)).toEqual([]);
    const odt = await readOdt(sofficeConvert(annotated.buffer, 'odt'));
    expect(odt.annotations.map((a) => [a.text, a.anchored])).toEqual(ranges.map(([s, e], i) => [`n${i}`, text.slice(s, e)]));
    expect(odt.paragraphs).toEqual([text]);
  }, 120_000);
});
