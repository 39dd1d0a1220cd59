import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { builtinRegistry } from '../rules/index.js';
import { formatNumber, Numbering } from '../src/docx/numbering.js';
import { parseXml } from '../src/docx/package.js';
import { readDocx } from '../src/docx/reader.js';
import { lintText } from '../src/engine/lint.js';
import { readBytes } from '../src/files/read.js';
import type { LineHint } from '../src/model/hints.js';
import { buildReport } from '../src/model/build.js';
import { buildArabicListDocx, buildShapesDocx, buildWrongNumberingDocx } from './word-fixtures.js';

const EMPTY = Buffer.alloc(0);
/** Section paths of the Word fixtures, as JSON: the snapshot a reader change must keep (or update knowingly). */
const EXPECTED_SECTIONS = JSON.parse(readFileSync(new URL('./expected/word-sections.json', import.meta.url), 'utf8')) as Record<string, string[]>;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** Lines of a read document with the hint fields a test looks at. */
async function read(bytes: Buffer) {
  const { text, hints } = await readDocx(bytes);
  const lines = text.split('\n').slice(0, -1);
  return { text, hints, lines, hint: (line: string): LineHint => hints.get(lines.indexOf(line) + 1)! };
}

/**
 * The section tree of the body, as paths: the lines the Word reader marks as
 * body flow (no role), read by the model with their hints. (Lines with a role —
 * TOC, notes, headers — are the model's to keep out of the structure.)
 */
function bodySections(text: string, hints: Map<number, LineHint>): string[] {
  const lines = text.split('\n');
  const kept: string[] = [];
  const keptHints = new Map<number, LineHint>();
  lines.forEach((line, i) => {
    const h = hints.get(i + 1);
    if (h?.role && h.role !== 'table-cell' && h.role !== 'caption') return;
    kept.push(line);
    if (h) keptHints.set(kept.length, h);
  });
  return buildReport(kept.join('\n'), 'text', keptHints).allSections.map((s) => s.path.join(' › '));
}

describe('Word numbering formats', () => {
  it.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [11, 'chineseCounting', '十一'],
    [20, 'chineseCounting', '二十'],
    [105, 'chineseCountingThousand', '一百零五'],
    [12, 'chineseCountingThousand', '十二'],
    [3, 'chineseLegalSimplified', '叁'],
    [3, 'ideographTraditional', '丙'],
    [3, 'decimalEnclosedCircle', '③'],
    [3, 'decimalFullWidth', '３'],
    [4, 'upperRoman', 'IV'],
    [28, 'lowerLetter', 'bb'],
    [7, 'decimal', '7'],
    [7, 'someFutureFormat', '7'],
  ])('%i in %s is %s', (n, format, expected) => {
    expect(formatNumber(n, format)).toBe(expected);
  });
});

describe('Word numbering counters', () => {
  const numbering = (abstracts: string, nums: string) => new Numbering(parseXml(`<w:numbering ${W}>${abstracts}${nums}</w:numbering>`));
  const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
  const REPORT = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>`;

  it('counts each level, restarts deeper levels under a new parent, and writes the level text', () => {
    const n = numbering(REPORT, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>');
    expect([n.next('1', 0), n.next('1', 1), n.next('1', 2), n.next('1', 2), n.next('1', 1), n.next('1', 0), n.next('1', 1)].map((d) => d?.marker)).toEqual([
      '一、', '（一）', '1.', '2.', '（二）', '二、', '（一）',
    ]);
  });

  it('lists sharing an abstract definition share their counters; startOverride restarts one', () => {
    const n = numbering(
      REPORT,
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    );
    expect([n.next('1', 0), n.next('2', 0), n.next('3', 0), n.next('3', 0)].map((d) => d?.marker)).toEqual(['一、', '二、', '一、', '二、']);
  });

  it('a level with lvlRestart 0 runs on under a new parent; isLgl shows decimals; an undefined list draws nothing', () => {
    const abstract = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%1.%2', '<w:lvlRestart w:val="0"/><w:isLgl/>')}</w:abstractNum>`;
    const n = numbering(abstract, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>');
    expect([n.next('1', 0), n.next('1', 1), n.next('1', 0), n.next('1', 1)].map((d) => d?.marker)).toEqual(['一、', '1.1 ', '二、', '2.2 ']);
    expect(n.next('9', 0)).toBeNull();
  });

  it('a bare number followed by a tab or space gets a space: the text after it is not glued to it', () => {
    const n = numbering(`<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1')}</w:abstractNum>`, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>');
    expect(n.next('1', 0)?.marker).toBe('一 ');
  });
});

describe('reading a Word report as Word shows it', async () => {
  const shapes = await read(await buildShapesDocx());

  it('writes the numbers Word draws, and says so in the hint with the list level and the generated prefix', () => {
    expect(shapes.lines).toContain('一、工作开展情况');
    expect(shapes.lines).toContain('1.制定责任清单。明确责任事项56项。');
    expect(shapes.hint('（二）强化监督执纪')).toMatchObject({ numbering: { marker: '（二）', level: 1 }, source: { part: 'word/document.xml', prefix: 3 } });
    expect(shapes.hint('二、存在的问题').numbering).toEqual({ marker: '二、', level: 0 });
  });

  it('keeps tracked changes as Word shows them, field results not instructions, and a content control’s placeholder text', () => {
    expect(shapes.lines).toContain('县纪委监委开展巡察8次。');
    expect(shapes.text).not.toContain('督查');
    expect(shapes.lines).toContain('责任人：单击或点击此处输入文字。');
    // The control still shows its prompt: a blank, whatever the prompt says.
    expect(shapes.hint('责任人：单击或点击此处输入文字。').blanks).toEqual([{ start: 4, end: 16 }]);
    expect(shapes.hint('县纪委监委开展巡察8次。').blanks).toBeUndefined();
    // A comment's own text is not part of the document; the text it is anchored on is.
    expect(shapes.text).not.toContain('请补充具体案例');
    expect(shapes.lines).toContain('个别单位压力传导层层递减。');
  });

  it('marks the TOC, the caption and the table cells with their roles, and a table is one paragraph', () => {
    expect(shapes.hint('一、工作开展情况\t1').role).toBe('toc');
    expect(shapes.hint('二、存在的问题\t2').role).toBe('toc');
    expect(shapes.hint('表 2024年度审计项目统计表').role).toBe('caption');
    const cells = ['项目', '数量', '审计项目', '12', '整改问题', '35'].map((c) => shapes.hint(c));
    expect(cells.map((h) => [h.role, h.cell!.row, h.cell!.column, h.ordinal])).toEqual([
      ['table-cell', 0, 0, 12],
      ['table-cell', 0, 1, 12],
      ['table-cell', 1, 0, 12],
      ['table-cell', 1, 1, 12],
      ['table-cell', 2, 0, 12],
      ['table-cell', 2, 1, 12],
    ]);
    expect(shapes.hint('（二）强化监督执纪').ordinal).toBe(13);
  });

  it('reads footnotes, headers and footers after the body, each with its role and part; a footnote takes the paragraph number of its reference', () => {
    const tail = shapes.lines.slice(-3);
    expect(tail).toEqual(['数据来源：××县统计局。', '中共××县委办公室文件', '第  页']);
    expect(tail.map((l) => shapes.hint(l))).toEqual([
      { role: 'footnote', source: { part: 'word/footnotes.xml', index: 2, prefix: 0 }, ordinal: shapes.hint('县委常委会全年专题研究全面从严治党工作12次。').ordinal },
      { role: 'header', source: { part: 'word/header1.xml', index: 0, prefix: 0 } },
      { role: 'footer', source: { part: 'word/footer1.xml', index: 0, prefix: 0 } },
    ]);
  });

  it('numbers paragraphs as the writer counts them: non-empty ones, a table as one', () => {
    const ordinals = shapes.lines.map((l) => shapes.hint(l)?.ordinal).slice(0, 25);
    expect(ordinals).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 12, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it.each([
    ['shapes.docx', buildShapesDocx],
    ['arabic-list.docx', buildArabicListDocx],
    ['wrong-numbering.docx', buildWrongNumberingDocx],
  ] as const)('%s: the body’s section tree from Word’s numbering matches test/expected/word-sections.json', async (name, build) => {
    const { text, hints } = await read(await build());
    expect(bodySections(text, hints)).toEqual(EXPECTED_SECTIONS[name]);
  });

  it('every source index points at the paragraph whose text the line holds, after the generated prefix', async () => {
    const { wordParagraphs, visibleText } = await import('../src/docx/visible-text.js');
    const { openPackage } = await import('../src/docx/package.js');
    const pkg = await openPackage(await buildShapesDocx());
    shapes.lines.forEach((line, i) => {
      const h = shapes.hints.get(i + 1)!;
      const p = wordParagraphs(pkg.xml(h.source!.part)!)[h.source!.index];
      expect(line.slice(h.source!.prefix)).toBe(visibleText(p));
    });
  });
});

describe('auto-numbered headings are judged with their list level, and get no fix', async () => {
  const { text, hints } = await readDocx(await buildWrongNumberingDocx());
  const result = lintText(text, { filePath: 'wrong.docx', format: 'text', lineHints: hints, registry: builtinRegistry });
  const numbering = result.messages.filter((m) => m.ruleId === 'heading-punctuation' || m.ruleId === 'heading-numbering');

  it('reports the 一. list format and the second level that runs on, naming the level', () => {
    expect(numbering.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId} ${m.message}`)).toEqual([
      '2:1 heading-punctuation autoMarkerPunctuation Word 自动编号（第 1 级列表）的序号应为“一、”，实为“一.”；请在 Word 中修改该级编号格式',
      '7:1 heading-punctuation autoMarkerPunctuation Word 自动编号（第 1 级列表）的序号应为“二、”，实为“二.”；请在 Word 中修改该级编号格式',
      '8:1 heading-numbering autoNumbering Word 自动编号（第 1 级列表）：本级序号应从头编起：期望“（一）”，实际为“（三）”；请在 Word 中调整编号（重新开始编号、继续编号或修改编号格式）',
    ]);
    expect(numbering.map((m) => m.messageId)).toEqual(['autoMarkerPunctuation', 'autoMarkerPunctuation', 'autoNumbering']);
    expect(numbering.every((m) => m.fix === undefined)).toBe(true);
  });

  it('a content control showing its prompt is reported as an unfilled blank, once', async () => {
    const doc = await readDocx(await buildShapesDocx());
    const r = lintText(doc.text, { filePath: 'shapes.docx', format: 'text', lineHints: doc.hints, registry: builtinRegistry });
    const blank = r.messages.filter((m) => m.ruleId === 'no-placeholder' && m.line === 20);
    expect(blank.map((m) => [m.column, m.endColumn, m.message])).toEqual([[5, 17, '模板占位符“单击或点击此处输入文字。”未填写']]);
  });

  it('in English too', () => {
    const en = lintText(text, { filePath: 'wrong.docx', format: 'text', lineHints: hints, registry: builtinRegistry, locale: 'en' });
    expect(en.messages.find((m) => m.messageId === 'autoNumbering')?.message).toBe(
      'Word automatic numbering (list level 1): Numbering should start again at this level: expected “（一）”, found “（三）”; change it in Word (restart or continue the list, or its number format)',
    );
  });

  it('the same marker typed as text is fixed as before', () => {
    const typed = lintText('关于2024年度工作情况的报告\n一.工作开展情况\n', { filePath: 'typed.txt', registry: builtinRegistry });
    const m = typed.messages.find((x) => x.ruleId === 'heading-punctuation')!;
    expect([m.messageId, m.fix?.text]).toEqual(['markerPunctuation', '一、']);
  });
});

/** A package from raw parts: document.xml (body content), and optionally styles.xml and numbering.xml. */
async function rawDocx(body: string, styles?: string, numbering?: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(`<w:document ${W}><w:body>${body}</w:body></w:document>`), 'word/document.xml');
  if (styles) zip.addBuffer(Buffer.from(`<w:styles ${W}>${styles}</w:styles>`), 'word/styles.xml');
  if (numbering) zip.addBuffer(Buffer.from(`<w:numbering ${W}>${numbering}</w:numbering>`), 'word/numbering.xml');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('numbering that comes with a heading style', () => {
  const styles =
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style>';
  const numbering =
    '<w:abstractNum w:abstractNumId="0">' +
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="1"/></w:lvl>' +
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>' +
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
  const p = (style: string, text: string, extra = '') => `<w:p><w:pPr><w:pStyle w:val="${style}"/>${extra}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

  it('a heading style linked to a list draws its number (level from the list’s pStyle or the style), and numId 0 takes it away', async () => {
    const bytes = await rawDocx(
      p('1', '工作开展情况') + p('2', '压实责任') + p('2', '强化监督') + p('1', '存在的问题') + p('1', '附件', '<w:numPr><w:numId w:val="0"/></w:numPr>') + p('Caption', '表1 统计表'),
      styles,
      numbering,
    );
    const { lines, hint } = await read(bytes);
    expect(lines).toEqual(['一、工作开展情况', '（一）压实责任', '（二）强化监督', '二、存在的问题', '附件', '表1 统计表']);
    expect(['一、工作开展情况', '（一）压实责任', '附件'].map((l) => hint(l).headingDepth)).toEqual([1, 2, 1]);
    expect(hint('表1 统计表').role).toBe('caption');
  });

  it('a TOC field without a content control: its result paragraphs are the TOC, the paragraph after its end is body', async () => {
    const run = (inner: string) => `<w:r>${inner}</w:r>`;
    const body =
      `<w:p>${run('<w:fldChar w:fldCharType="begin"/>')}${run('<w:instrText> TOC \\o "1-3" </w:instrText>')}${run('<w:fldChar w:fldCharType="separate"/>')}${run('<w:t>一、工作开展情况</w:t>')}</w:p>` +
      `<w:p>${run('<w:t>二、存在的问题</w:t>')}${run('<w:fldChar w:fldCharType="end"/>')}</w:p>` +
      `<w:p>${run('<w:t>正文开始。</w:t>')}</w:p>`;
    const { lines, hint } = await read(await rawDocx(body));
    expect(lines.map((l) => [l, hint(l).role])).toEqual([
      ['一、工作开展情况', 'toc'],
      ['二、存在的问题', 'toc'],
      ['正文开始。', undefined],
    ]);
  });
});

describe('damaged and hostile packages', () => {
  const stamp = { mtimeMs: 0, size: 0 };

  it('a zip with too many parts is refused as a zip bomb, in one line', async () => {
    const zip = new yazl.ZipFile();
    for (let i = 0; i < 5001; i++) zip.addBuffer(EMPTY, `p${i}.xml`, { compress: false });
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    const out = await readBytes(Buffer.concat(chunks), 'bomb.docx', {}, stamp);
    expect(out).toMatchObject({ kind: 'skipped', fatal: true, messageId: 'docxTooLarge', data: { reason: '5001 entries, more than 5000' } });
  });

  it('a package without word/document.xml is damaged', async () => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('<x/>'), '[Content_Types].xml');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    expect(await readBytes(Buffer.concat(chunks), 'empty.docx', {}, stamp)).toMatchObject({ kind: 'skipped', messageId: 'docxCorrupt' });
  });
});
