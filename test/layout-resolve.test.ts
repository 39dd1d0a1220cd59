import { describe, expect, it } from 'vitest';
import { openPackage } from '../src/docx/package.js';
import { documentLayout } from '../src/layout/document.js';
import type { DocumentLayout } from '../src/layout/types.js';
import { documentXml, numberingXml, relsXml, stylesXml, themeXml, zipParts } from './layout-package.js';

async function layoutOf(parts: { body: string; styles?: string; numbering?: string; theme?: [string, string]; extra?: Record<string, string> }): Promise<DocumentLayout> {
  const files: Record<string, string> = { 'word/document.xml': documentXml(parts.body) };
  if (parts.styles !== undefined) files['word/styles.xml'] = stylesXml(parts.styles);
  if (parts.numbering !== undefined) files['word/numbering.xml'] = numberingXml(parts.numbering);
  if (parts.theme) files['word/theme/theme1.xml'] = themeXml(...parts.theme);
  Object.assign(files, parts.extra);
  return documentLayout(await openPackage(await zipParts(files)));
}

const run = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t>${text}</w:t></w:r>`;
const para = (runs: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
const defaults = (rPr: string, pPr = '') => `<w:docDefaults><w:rPrDefault><w:rPr>${rPr}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>${pPr}</w:pPr></w:pPrDefault></w:docDefaults>`;
const pStyle = (id: string, inner: string, extra = '') => `<w:style w:type="paragraph" w:styleId="${id}"${extra}><w:name w:val="${id}"/>${inner}</w:style>`;
const cStyle = (id: string, inner: string) => `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${id}"/>${inner}</w:style>`;

describe('effective run formatting', () => {
  const cases: { name: string; body: string; styles?: string; theme?: [string, string]; eastAsia: string | null; ascii?: string | null; halfPoints: number; bold?: boolean }[] = [
    { name: 'nothing set: no font, Word’s 10 pt', body: para(run('正文')), eastAsia: null, ascii: null, halfPoints: 20 },
    {
      name: 'document defaults',
      body: para(run('正文')),
      styles: defaults('<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>'),
      eastAsia: '仿宋_GB2312',
      ascii: 'Times New Roman',
      halfPoints: 32,
    },
    {
      name: 'the default paragraph style applies without w:pStyle',
      body: para(run('正文')),
      styles: defaults('<w:sz w:val="21"/>') + pStyle('Normal', '<w:rPr><w:rFonts w:eastAsia="仿宋"/><w:sz w:val="32"/></w:rPr>', ' w:default="1"'),
      eastAsia: '仿宋',
      halfPoints: 32,
    },
    {
      name: 'basedOn chain: the derived style wins, the base fills in',
      body: para(run('一、标题'), '<w:pStyle w:val="H1"/>'),
      styles: pStyle('Base', '<w:rPr><w:rFonts w:eastAsia="仿宋"/><w:sz w:val="32"/></w:rPr>') + pStyle('H1', '<w:basedOn w:val="Base"/><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr>'),
      eastAsia: '黑体',
      halfPoints: 32,
    },
    {
      name: 'a basedOn loop ends',
      body: para(run('甲'), '<w:pStyle w:val="A"/>'),
      styles: pStyle('A', '<w:basedOn w:val="B"/><w:rPr><w:sz w:val="30"/></w:rPr>') + pStyle('B', '<w:basedOn w:val="A"/><w:rPr><w:sz w:val="28"/></w:rPr>'),
      eastAsia: null,
      halfPoints: 30,
    },
    {
      name: 'character style over paragraph style, direct over both',
      body: para(run('楷', '<w:rStyle w:val="K"/>') + run('宋', '<w:rStyle w:val="K"/><w:rFonts w:eastAsia="宋体"/><w:sz w:val="24"/>'), '<w:pStyle w:val="P"/>'),
      styles: pStyle('P', '<w:rPr><w:rFonts w:eastAsia="仿宋"/><w:sz w:val="32"/></w:rPr>') + cStyle('K', '<w:rPr><w:rFonts w:eastAsia="楷体"/><w:b/></w:rPr>'),
      eastAsia: '楷体',
      halfPoints: 32,
      bold: true,
    },
    {
      name: 'theme east Asian font through a:ea',
      body: para(run('正文', '<w:rFonts w:eastAsiaTheme="minorEastAsia" w:eastAsia="宋体"/>')),
      theme: ['<a:latin typeface="Calibri Light"/><a:ea typeface="黑体"/>', '<a:latin typeface="Calibri"/><a:ea typeface="仿宋"/>'],
      eastAsia: '仿宋',
      halfPoints: 20,
    },
    {
      name: 'theme east Asian font through the Hans script font when a:ea is empty',
      body: para(run('标题', '<w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia"/>')),
      theme: ['<a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:font script="Jpan" typeface="MS Gothic"/><a:font script="Hans" typeface="等线 Light"/>', '<a:latin typeface="Calibri"/>'],
      eastAsia: '等线 Light',
      ascii: 'Calibri Light',
      halfPoints: 20,
    },
    {
      name: 'an explicit font set later replaces a theme font of the style',
      body: para(run('正文', '<w:rFonts w:eastAsia="仿宋_GB2312"/>'), '<w:pStyle w:val="P"/>'),
      styles: pStyle('P', '<w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia"/></w:rPr>'),
      theme: ['<a:latin typeface="x"/>', '<a:latin typeface="Calibri"/><a:ea typeface="等线"/>'],
      eastAsia: '仿宋_GB2312',
      halfPoints: 20,
    },
    {
      name: 'a linked character style carries the heading’s font into a run',
      body: para(run('一、', '<w:rStyle w:val="H1Char"/>'), '<w:pStyle w:val="Normal"/>'),
      styles:
        pStyle('Normal', '<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>', ' w:default="1"') +
        pStyle('H1', '<w:basedOn w:val="Normal"/><w:link w:val="H1Char"/><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr>') +
        `<w:style w:type="character" w:styleId="H1Char"><w:name w:val="标题 1 字符"/><w:link w:val="H1"/><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>`,
      eastAsia: '黑体',
      halfPoints: 32,
    },
    {
      name: 'w:b w:val="0" turns bold off',
      body: para(run('甲', '<w:b w:val="0"/>'), '<w:pStyle w:val="P"/>'),
      styles: pStyle('P', '<w:rPr><w:b/></w:rPr>'),
      eastAsia: null,
      halfPoints: 20,
      bold: false,
    },
  ];
  it.each(cases)('$name', async (c) => {
    const layout = await layoutOf({ body: c.body, styles: c.styles, theme: c.theme });
    const r = layout.paragraphs[0].runs[0];
    expect(r.eastAsiaFont).toBe(c.eastAsia);
    if (c.ascii !== undefined) expect(r.asciiFont).toBe(c.ascii);
    expect(r.halfPoints).toBe(c.halfPoints);
    if (c.bold !== undefined) expect(r.bold).toBe(c.bold);
  });

  it('splits a paragraph into runs at offsets of its visible text', async () => {
    const layout = await layoutOf({ body: para(run('（一）压实责任。', '<w:rFonts w:eastAsia="楷体"/>') + run('区委召开会议。', '<w:rFonts w:eastAsia="仿宋"/>')) });
    const p = layout.paragraphs[0];
    expect(p.text).toBe('（一）压实责任。区委召开会议。');
    expect(p.runs.map((r) => [r.start, r.end, r.eastAsiaFont])).toEqual([
      [0, 8, '楷体'],
      [8, 15, '仿宋'],
    ]);
  });
});

describe('effective paragraph formatting', () => {
  const cases: { name: string; body: string; styles?: string; numbering?: string; expected: Record<string, unknown> }[] = [
    { name: 'nothing set', body: para(run('甲')), expected: { align: 'left', line: null, lineRule: 'auto', indent: { firstLine: 0, firstLineChars: null, left: 0, leftChars: null } } },
    { name: 'exact line spacing', body: para(run('甲'), '<w:spacing w:line="580" w:lineRule="exact"/>'), expected: { line: 580, lineRule: 'exact' } },
    { name: 'at least', body: para(run('甲'), '<w:spacing w:line="560" w:lineRule="atLeast"/>'), expected: { line: 560, lineRule: 'atLeast' } },
    { name: 'auto when no rule is given', body: para(run('甲'), '<w:spacing w:line="360"/>'), expected: { line: 360, lineRule: 'auto' } },
    {
      name: 'defaults, then style, then direct',
      body: para(run('甲'), '<w:pStyle w:val="P"/><w:jc w:val="both"/>'),
      styles: defaults('', '<w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>') + pStyle('P', '<w:pPr><w:spacing w:line="579" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>'),
      expected: { align: 'both', line: 579, lineRule: 'exact' },
    },
    { name: 'first line in characters wins over twips', body: para(run('甲'), '<w:ind w:firstLine="640" w:firstLineChars="200"/>'), expected: { indent: { firstLine: 640, firstLineChars: 200, left: 0, leftChars: null } } },
    { name: 'a hanging indent is a negative first line', body: para(run('甲'), '<w:ind w:left="420" w:hanging="420"/>'), expected: { indent: { firstLine: -420, firstLineChars: null, left: 420, leftChars: null } } },
    {
      name: 'direct twips replace the style’s characters',
      body: para(run('甲'), '<w:pStyle w:val="P"/><w:ind w:firstLine="0"/>'),
      styles: pStyle('P', '<w:pPr><w:ind w:firstLineChars="200"/></w:pPr>'),
      expected: { indent: { firstLine: 0, firstLineChars: null, left: 0, leftChars: null } },
    },
    { name: 'w:jc="end" is right', body: para(run('甲'), '<w:jc w:val="end"/>'), expected: { align: 'right' } },
    {
      name: 'numbering level indents sit between style and direct formatting',
      body: para(run('甲'), '<w:pStyle w:val="P"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>') + para(run('乙'), '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr><w:ind w:left="0" w:firstLine="640"/>'),
      styles: pStyle('P', '<w:pPr><w:ind w:left="100"/></w:pPr>'),
      numbering:
        '<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:pPr><w:ind w:left="420"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:pPr><w:ind w:left="840" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum>' +
        '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>',
      expected: { indent: { firstLine: -420, firstLineChars: null, left: 840, leftChars: null }, numbering: { numId: '3', level: 1 } },
    },
    { name: 'right indent in characters', body: para(run('甲'), '<w:jc w:val="right"/><w:ind w:right="640" w:rightChars="200"/>'), expected: { align: 'right', indent: { right: 640, rightChars: 200 } } },
    { name: 'w:end is the right indent', body: para(run('甲'), '<w:ind w:end="1280"/>'), expected: { indent: { right: 1280, rightChars: null } } },
    {
      name: 'direct twips replace the style’s right indent in characters',
      body: para(run('甲'), '<w:pStyle w:val="P"/><w:ind w:right="320"/>'),
      styles: pStyle('P', '<w:pPr><w:ind w:rightChars="400"/></w:pPr>'),
      expected: { indent: { right: 320, rightChars: null } },
    },
    {
      name: 'spacing from the style is not the paragraph’s own; the style’s name is kept',
      body: para(run('甲'), '<w:pStyle w:val="P"/>'),
      styles: pStyle('P', '<w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>'),
      expected: { ownSpacing: false, styleId: 'P', styleName: 'P' },
    },
    { name: 'spacing set on the paragraph is its own', body: para(run('甲'), '<w:spacing w:line="360"/>'), expected: { ownSpacing: true } },
    {
      name: 'numbering from the paragraph style',
      body: para(run('甲'), '<w:pStyle w:val="L"/>'),
      styles: pStyle('L', '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'),
      numbering: '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:pPr><w:jc w:val="center"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      expected: { align: 'center', numbering: { numId: '1', level: 0 } },
    },
  ];
  it.each(cases)('$name', async (c) => {
    const layout = await layoutOf({ body: c.body, styles: c.styles, numbering: c.numbering });
    expect(layout.paragraphs[0]).toMatchObject(c.expected);
  });

  it('numbers paragraphs as wordParagraphs does, tables included, and marks table cells', async () => {
    const layout = await layoutOf({ body: para(run('一')) + '<w:tbl><w:tr><w:tc>' + para(run('格')) + '</w:tc></w:tr></w:tbl>' + para(run('二')) });
    expect(layout.paragraphs.map((p) => [p.index, p.text, p.inTable])).toEqual([
      [0, '一', false],
      [1, '格', true],
      [2, '二', false],
    ]);
  });
});

describe('sections, footers and leftovers', () => {
  const sectPr = (inner: string) => `<w:sectPr>${inner}</w:sectPr>`;
  const a4 = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>';

  it('reads page size, margins in twips and the document grid; paragraphs know their section', async () => {
    const layout = await layoutOf({
      body: para(run('甲'), sectPr('<w:pgSz w:w="12240" w:h="15840"/>')) + para(run('乙')) + sectPr(a4 + '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>'),
    });
    expect(layout.sections).toHaveLength(2);
    expect(layout.sections[0]).toMatchObject({ pageWidth: 12240, pageHeight: 15840 });
    expect(layout.sections[1]).toMatchObject({
      pageWidth: 11906,
      pageHeight: 16838,
      margins: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
      grid: { type: 'linesAndChars', linePitch: 579, charSpace: -842 },
    });
    expect(layout.paragraphs.map((p) => p.section)).toEqual([0, 1]);
  });

  it('finds the page number field of each footer, the text around it and its size', async () => {
    const field =
      '<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:rFonts w:ascii="宋体"/><w:sz w:val="28"/></w:rPr><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r>';
    const footer = (jc: string, inner: string) => `<?xml version="1.0"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="${jc}"/></w:pPr>${inner}</w:p></w:ftr>`;
    const layout = await layoutOf({
      body: para(run('甲')) + sectPr(a4 + '<w:footerReference w:type="default" r:id="rF1"/><w:footerReference w:type="even" r:id="rF2"/>'),
      extra: {
        'word/_rels/document.xml.rels': relsXml([
          ['rF1', 'footer', 'footer1.xml'],
          ['rF2', 'footer', 'footer2.xml'],
        ]),
        'word/footer1.xml': footer('right', field),
        'word/footer2.xml': footer('left', '<w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>2</w:t></w:r></w:fldSimple>'),
        'word/settings.xml': `<?xml version="1.0"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:evenAndOddHeaders/></w:settings>`,
      },
    });
    expect(layout.evenAndOddHeaders).toBe(true);
    expect(layout.sections[0].footers).toEqual([
      { type: 'default', part: 'word/footer1.xml', text: '— # —', pageField: true, before: '— ', after: ' —', align: 'right', halfPoints: 28, asciiFont: '宋体' },
      { type: 'even', part: 'word/footer2.xml', text: '#', pageField: true, before: '', after: '', align: 'left', halfPoints: 20, asciiFont: null },
    ]);
  });

  it('lists comments, tracked changes and hidden text with their paragraph', async () => {
    const layout = await layoutOf({
      body:
        para(run('甲')) +
        para('<w:commentRangeStart w:id="0"/>' + run('乙') + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>') +
        para(run('丙') + '<w:ins w:id="1" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>') +
        para(run('丁') + run('隐藏', '<w:vanish/>')),
      extra: { 'word/comments.xml': `<?xml version="1.0"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="a"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment></w:comments>` },
    });
    expect(layout.leftovers.map((l) => [l.kind, l.index, l.text])).toEqual([
      ['comment', 1, '请核实'],
      ['insertion', 2, '新增'],
      ['deletion', 2, '删去'],
      ['hidden', 3, '隐藏'],
    ]);
  });
});
