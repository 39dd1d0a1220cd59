import {
  Document,
  Header,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  CommentRangeStart,
  CommentRangeEnd,
  CommentReference,
} from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotateDocx, type DocxAnnotation, type TrackedChange } from '../src/docx/annotate.js';
import { openPackage } from '../src/docx/package.js';
import { textPieces, visibleText, wordParagraphs } from '../src/docx/visible-text.js';
import { handDocx, HEADER_XML, readComments, structureProblems, W } from './docx-annotate-helpers.js';

const DOC = 'word/document.xml';
const DATE = new Date('2026-12-02T10:00:00Z');

async function texts(buffer: Buffer, part = DOC): Promise<string[]> {
  const pkg = await openPackage(buffer);
  return wordParagraphs(pkg.xml(part)!).map(visibleText);
}

/** The text as it was before the tracked changes: deletions read back, insertions dropped. */
async function rejectedTexts(buffer: Buffer, part = DOC): Promise<string[]> {
  const pkg = await openPackage(buffer);
  return wordParagraphs(pkg.xml(part)!).map((p) => {
    let s = '';
    const all = p.getElementsByTagNameNS(W, '*');
    for (let i = 0; i < all.length; i++) {
      const e = all[i];
      let inIns = false;
      for (let n = e.parentNode; n && n !== p; n = n.parentNode) if ((n as Element).localName === 'ins') inIns = true;
      if (inIns) continue;
      if (e.localName === 't' || e.localName === 'delText') s += e.textContent;
    }
    return s;
  });
}

const note = (part: string, index: number, start: number, end: number, text: string): DocxAnnotation => ({ part, index, start, end, comment: { text } });

/** Each character's formatting: the serialised `w:rPr` of the run it is in. */
async function formatting(buffer: Buffer, index: number): Promise<string[]> {
  const pkg = await openPackage(buffer);
  const p = wordParagraphs(pkg.xml(DOC)!)[index];
  const out: string[] = [];
  for (const piece of textPieces(p)) {
    const rPr = piece.run ? Array.from({ length: piece.run.childNodes.length }, (_, i) => piece.run!.childNodes[i]).find((n) => (n as Element).localName === 'rPr') : undefined;
    for (const _ of piece.text) out.push(rPr ? String(rPr) : '');
  }
  return out;
}

async function unchangedParts(before: Buffer, after: Buffer, changed: string[]): Promise<void> {
  const a = await openPackage(before);
  const b = await openPackage(after);
  for (const name of a.names) {
    if (changed.includes(name)) continue;
    expect(b.bytes(name)?.equals(a.bytes(name)!), `${name} is byte-identical`).toBe(true);
  }
}

describe('annotateDocx: comments', () => {
  it('anchors one comment per finding on exactly its text in plain paragraphs, and changes nothing else', async () => {
    const input = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('一、工作开展情况'), new Paragraph('今年共开展××次监督检查。')] }] }),
    );
    const out = await annotateDocx(input, [note(DOC, 0, 2, 4, '标题用语\nrule-a'), note(DOC, 1, 5, 7, '模板占位符“××”未填写（no-placeholder）')], [], { date: DATE });
    expect(out).toMatchObject({ comments: 2, moved: 0, changes: 0, skipped: [] });
    const comments = [...(await readComments(out.buffer)).values()];
    expect(comments.map((c) => [c.anchored, c.text, c.author, c.initials])).toEqual([
      ['工作', '标题用语\nrule-a', 'reportlint', 'RL'],
      ['××', '模板占位符“××”未填写（no-placeholder）', 'reportlint', 'RL'],
    ]);
    expect(await texts(out.buffer)).toEqual(await texts(input));
    expect(await structureProblems(out.buffer)).toEqual([]);
    const pkg = await openPackage(out.buffer);
    expect(pkg.text('word/_rels/document.xml.rels')).toMatch(/Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/comments" Target="comments.xml"/);
    expect(pkg.text('[Content_Types].xml')).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    expect(pkg.text('word/comments.xml')).toContain('w:date="2026-12-02T10:00:00Z"');
    await unchangedParts(input, out.buffer, [DOC, 'word/_rels/document.xml.rels', '[Content_Types].xml']);
  });

  it('anchors across three runs of different formatting, splitting the outer runs and keeping every character’s w:rPr', async () => {
    const input = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({
                children: [new TextRun('压实主体'), new TextRun({ text: '责任，', bold: true }), new TextRun({ text: '层层传导压力', italics: true, color: 'FF0000' })],
              }),
            ],
          },
        ],
      }),
    );
    // “体责任，层层”: the last character of run 1, all of run 2, the first two of run 3.
    const out = await annotateDocx(input, [note(DOC, 0, 3, 9, 'm')], [], { date: DATE });
    const [c] = (await readComments(out.buffer)).values();
    expect(c.anchored).toBe('体责任，层层');
    expect(await texts(out.buffer)).toEqual(['压实主体责任，层层传导压力']);
    expect(await formatting(out.buffer, 0)).toEqual(await formatting(input, 0));
    expect(await structureProblems(out.buffer)).toEqual([]);
    const xml = (await openPackage(out.buffer)).text(DOC)!;
    expect(xml).toMatch(/<w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">体<\/w:t><\/w:r><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">责任，<\/w:t><\/w:r><w:r><w:rPr><w:i\/>/);
  });

  it('anchors inside a table cell (the cell’s paragraph by its index among all w:p)', async () => {
    const table = new Table({
      rows: [
        new TableRow({ children: [new TableCell({ children: [new Paragraph('项目')] }), new TableCell({ children: [new Paragraph('完成情况')] })] }),
        new TableRow({ children: [new TableCell({ children: [new Paragraph('专项检查')] }), new TableCell({ children: [new Paragraph('已完成×项')] })] }),
      ],
    });
    const input = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('表1'), table, new Paragraph('正文')] }] }));
    const before = await texts(input);
    const index = before.indexOf('已完成×项');
    const out = await annotateDocx(input, [note(DOC, index, 3, 4, '占位符')], [], { date: DATE });
    const [c] = (await readComments(out.buffer)).values();
    expect(c.anchored).toBe('×');
    expect(await texts(out.buffer)).toEqual(before);
    expect(await structureProblems(out.buffer)).toEqual([]);
    const pkg = await openPackage(out.buffer);
    const start = pkg.xml(DOC)!.getElementsByTagNameNS(W, 'commentRangeStart')[0];
    expect((start.parentNode!.parentNode as Element).localName).toBe('tc');
  });

  it('puts a comment on header text at the body’s start, naming the header and quoting the text (Word shows no comment anchored in a header)', async () => {
    const input = await Packer.toBuffer(
      new Document({
        sections: [{ headers: { default: new Header({ children: [new Paragraph('××县纪委监委')] }) }, children: [new Paragraph('一、总体情况'), new Paragraph('正文')] }],
      }),
    );
    const pkg = await openPackage(input);
    const header = pkg.names.find((n) => /^word\/header\d*\.xml$/.test(n))!;
    const out = await annotateDocx(input, [note(header, 0, 0, 2, '模板占位符“××”未填写')], [], { date: DATE });
    expect(out).toMatchObject({ comments: 1, moved: 1, skipped: [] });
    const [c] = (await readComments(out.buffer)).values();
    expect(c.text).toBe('〔页眉〕“××”\n模板占位符“××”未填写');
    expect(c.anchored).toBeNull();
    const outPkg = await openPackage(out.buffer);
    expect(outPkg.bytes(header)!.equals(pkg.bytes(header)!)).toBe(true);
    // The reference mark opens the first body paragraph.
    const first = wordParagraphs(outPkg.xml(DOC)!)[0];
    expect(first.getElementsByTagNameNS(W, 'commentReference').length).toBe(1);
    expect(await texts(out.buffer)).toEqual(await texts(input));
    expect(await structureProblems(out.buffer, [DOC, header])).toEqual([]);
  });

  it('extends an existing comments.xml with ids that collide with none, keeping the writer’s comment', async () => {
    const input = await Packer.toBuffer(
      new Document({
        comments: { children: [{ id: 0, author: '张三', date: DATE, children: [new Paragraph('请补充数据')] }] },
        sections: [
          {
            children: [
              new Paragraph({ children: [new CommentRangeStart(0), new TextRun('全年开展'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] }), new TextRun('××次检查')] }),
            ],
          },
        ],
      }),
    );
    const relsBefore = (await openPackage(input)).text('word/_rels/document.xml.rels')!;
    const out = await annotateDocx(input, [note(DOC, 0, 4, 6, '占位符')], [], { date: DATE });
    const comments = await readComments(out.buffer);
    expect([...comments.values()].map((c) => [c.author, c.anchored, c.text])).toEqual([
      ['张三', '全年开展', '请补充数据'],
      ['reportlint', '××', '占位符'],
    ]);
    expect(new Set(comments.keys()).size).toBe(2);
    const pkg = await openPackage(out.buffer);
    expect(pkg.text('word/_rels/document.xml.rels')).toBe(relsBefore);
    expect(await structureProblems(out.buffer)).toEqual([]);
    await unchangedParts(input, out.buffer, [DOC, 'word/comments.xml']);
  });

  it('keeps the comments part well-formed when a message holds control characters', async () => {
    const input = await handDocx('<w:p><w:r><w:t>甲乙</w:t></w:r></w:p>');
    const out = await annotateDocx(input, [note(DOC, 0, 0, 1, 'a\u0001b\u000Bc<&>')], [], { date: DATE });
    const [c] = (await readComments(out.buffer)).values();
    expect(c.text).toBe('abc<&>');
  });

  it('makes a zero-length finding a point comment, also at the end of a paragraph and in an empty one', async () => {
    const input = await handDocx('<w:p><w:r><w:t>第一段</w:t></w:r></w:p><w:p/>');
    const out = await annotateDocx(input, [note(DOC, 0, 1, 1, 'a'), note(DOC, 0, 3, 3, 'b'), note(DOC, 1, 0, 0, 'c')], [], { date: DATE });
    expect([...(await readComments(out.buffer)).values()].map((c) => c.anchored)).toEqual([null, null, null]);
    expect(await texts(out.buffer)).toEqual(['第一段', '']);
    expect(await structureProblems(out.buffer)).toEqual([]);
  });

  it('anchors through tabs, hyperlinks, inserted runs and field results, keeping the reference mark out of revisions', async () => {
    const body =
      '<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>' +
      '<w:ins w:id="7" w:author="a" w:date="2026-01-01T00:00:00Z"><w:r><w:t>插入</w:t></w:r></w:ins>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const input = await handDocx(body);
    const [text] = await texts(input);
    expect(text).toBe('甲\t乙链接文字插入12');
    const ranges: [number, number][] = [
      [0, 3],
      [1, 5],
      [4, 9],
      [8, 10],
      [9, 11],
    ];
    const out = await annotateDocx(input, ranges.map(([s, e], i) => note(DOC, 0, s, e, `n${i}`)), [], { date: DATE });
    expect([...(await readComments(out.buffer)).values()].map((c) => c.anchored)).toEqual(ranges.map(([s, e]) => text.slice(s, e)));
    expect(await texts(out.buffer)).toEqual([text]);
    expect(await structureProblems(out.buffer)).toEqual([]);
  });

  it('anchors a comment whose text is off its offsets on the nearest place the text is', async () => {
    const input = await handDocx('<w:p><w:r><w:t>共××次，××项</w:t></w:r></w:p>');
    // Offsets shifted by one (as a reader that trimmed a leading space would give).
    const out = await annotateDocx(input, [{ ...note(DOC, 0, 6, 8, 'm'), expected: '××' }, { ...note(DOC, 0, 8, 10, 'n'), expected: '××' }], [], { date: DATE });
    expect(out).toMatchObject({ comments: 2, moved: 0, skipped: [] });
    const xml = (await openPackage(out.buffer)).text(DOC)!;
    expect(xml).toMatch(/共××次，<\/w:t><\/w:r><w:commentRangeStart w:id="\d+"\/><w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">××<\/w:t>/);
    expect([...(await readComments(out.buffer)).values()].map((c) => c.anchored)).toEqual(['××', '××']);
  });

  it('moves a comment whose text is not where the finding says to the paragraph’s start, quoting the text', async () => {
    const input = await handDocx('<w:p><w:r><w:t>全年开展检查</w:t></w:r></w:p>');
    const out = await annotateDocx(input, [{ ...note(DOC, 0, 0, 2, 'm'), expected: '××' }], [], { date: DATE });
    expect(out.moved).toBe(1);
    const [c] = (await readComments(out.buffer)).values();
    expect([c.anchored, c.text]).toEqual([null, '“××”\nm']);
  });

  it('reports what it cannot place: a missing part, a paragraph past the end, offsets past the text', async () => {
    const input = await handDocx('<w:p><w:r><w:t>短</w:t></w:r></w:p>');
    const out = await annotateDocx(input, [note('word/footnotes.xml', 0, 0, 1, 'a'), note(DOC, 5, 0, 1, 'b'), note(DOC, 0, 0, 2, 'c')], [], { date: DATE });
    expect(out.skipped.map((s) => s.reason)).toEqual(['no-part', 'out-of-range', 'no-paragraph']);
    expect(out.comments).toBe(0);
  });

  it('keeps anchors exact for any split of a paragraph into runs (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ text: fc.stringMatching(/^[一二三甲乙丙 ×\t]{1,5}$/), bold: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { minLength: 1, maxLength: 4 }),
        async (runs, spans) => {
          const xml = runs
            .map((r) => `<w:r>${r.bold ? '<w:rPr><w:b/></w:rPr>' : ''}${r.text.split(/(\t)/).filter(Boolean).map((t) => (t === '\t' ? '<w:tab/>' : `<w:t xml:space="preserve">${t}</w:t>`)).join('')}</w:r>`)
            .join('');
          const input = await handDocx(`<w:p>${xml}</w:p>`);
          const [text] = await texts(input);
          const ranges = spans.map(([a, b]) => [Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1)].sort((x, y) => x - y));
          const out = await annotateDocx(input, ranges.map(([s, e]) => note(DOC, 0, s, e, 'x')), [], { date: DATE });
          const anchored = [...(await readComments(out.buffer)).values()].map((c) => c.anchored);
          expect(anchored).toEqual(ranges.map(([s, e]) => (s === e ? null : text.slice(s, e))));
          expect(await texts(out.buffer)).toEqual([text]);
          expect(await formatting(out.buffer, 0)).toEqual(await formatting(input, 0));
          expect(await structureProblems(out.buffer)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('annotateDocx: tracked changes', () => {
  const change = (index: number, start: number, end: number, replacement: string, expected?: string): TrackedChange => ({ part: DOC, index, start, end, replacement, expected });

  it('writes replacements, deletions and insertions as w:del/w:ins by reportlint that accept to the fixed text and reject to the original', async () => {
    const input = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('2023年'), new TextRun({ text: '共开展检查12次,', bold: true }), new TextRun('发现问题')] }),
              new Paragraph('多余的的字'),
              new Paragraph('缺句号'),
            ],
          },
        ],
      }),
    );
    const out = await annotateDocx(
      input,
      [note(DOC, 0, 13, 14, '应使用全角逗号')],
      [change(0, 13, 14, '，', ','), change(1, 3, 4, ''), change(2, 3, 3, '。')],
      { date: DATE },
    );
    expect(out).toMatchObject({ comments: 1, changes: 3, skipped: [] });
    expect(await texts(out.buffer)).toEqual(['2023年共开展检查12次，发现问题', '多余的字', '缺句号。']);
    expect(await rejectedTexts(out.buffer)).toEqual(await texts(input));
    expect(await structureProblems(out.buffer)).toEqual([]);
    const pkg = await openPackage(out.buffer);
    const xml = pkg.text(DOC)!;
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="reportlint" w:date="2026-12-02T10:00:00Z"><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:delText xml:space="preserve">,<\/w:delText><\/w:r><\/w:del><w:ins w:id="\d+" w:author="reportlint" w:date="2026-12-02T10:00:00Z"><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">，<\/w:t>/);
    // The comment covers the deletion and the insertion.
    const [c] = (await readComments(out.buffer)).values();
    expect(c.anchored).toBe('，');
  });

  it('writes tracked changes in a header too (Word tracks changes there)', async () => {
    const input = await handDocx('<w:p><w:r><w:t>正文</w:t></w:r></w:p>', {
      parts: { 'word/header1.xml': HEADER_XML('2023年度报告,') },
      rels: '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>',
    });
    const out = await annotateDocx(input, [], [{ part: 'word/header1.xml', index: 0, start: 8, end: 9, replacement: '，', expected: ',' }], { date: DATE });
    expect(out.changes).toBe(1);
    expect(await texts(out.buffer, 'word/header1.xml')).toEqual(['2023年度报告，']);
    expect(await rejectedTexts(out.buffer, 'word/header1.xml')).toEqual(['2023年度报告,']);
    expect(await structureProblems(out.buffer, ['word/header1.xml'])).toEqual([]);
    expect((await openPackage(out.buffer)).bytes(DOC)!.equals((await openPackage(input)).bytes(DOC)!)).toBe(true);
  });

  it('refuses a change that would delete more than text, cross a field, overlap another, or replace other text than expected', async () => {
    const input = await handDocx(
      '<w:p><w:r><w:t>甲乙</w:t><w:br/><w:t>丙丁</w:t></w:r></w:p>' +
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
        '<w:p><w:r><w:t>一二三四</w:t></w:r></w:p>',
    );
    const out = await annotateDocx(
      input,
      [],
      [change(0, 1, 3, 'X'), change(1, 0, 1, '3'), change(2, 0, 2, 'A'), change(2, 1, 3, 'B'), change(2, 3, 4, 'C', '五')],
      { date: DATE },
    );
    expect(out.skipped.map((s) => [s.item.index, s.item.start, s.reason])).toEqual([
      [0, 1, 'unsafe'],
      [1, 0, 'unsafe'],
      [2, 1, 'overlap'],
      [2, 3, 'text-mismatch'],
    ]);
    expect(await texts(out.buffer)).toEqual(['甲乙丙丁', '12', 'A三四']);
    expect(await structureProblems(out.buffer)).toEqual([]);
  });

  it('gives revisions ids that collide with no existing w:id', async () => {
    const input = await handDocx('<w:p><w:bookmarkStart w:id="41" w:name="b"/><w:r><w:t>一二</w:t></w:r><w:bookmarkEnd w:id="41"/></w:p>');
    const out = await annotateDocx(input, [note(DOC, 0, 0, 1, 'x')], [change(0, 1, 2, '三')], { date: DATE });
    const xml = (await openPackage(out.buffer)).text(DOC)!;
    const ids = [...xml.matchAll(/<w:(?:del|ins|commentRangeStart) w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids.length).toBe(3);
    expect(ids.every((id) => id > 41)).toBe(true);
  });
});
