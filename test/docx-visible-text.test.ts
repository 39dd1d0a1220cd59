import { describe, expect, it } from 'vitest';
import { parseXml } from '../src/docx/package.js';
import { textPieces, visibleText, wordParagraphs } from '../src/docx/visible-text.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => parseXml(`<w:document ${W}><w:body>${body}</w:body></w:document>`);

describe('visible text of Word paragraphs', () => {
  it.each([
    ['plain runs', '<w:p><w:r><w:t>一、工作</w:t></w:r><w:r><w:t xml:space="preserve">情况 </w:t></w:r></w:p>', '一、工作情况 '],
    ['tab in a run, tab stops ignored', '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r></w:p>', '甲\t乙'],
    ['a deletion is not text, an insertion is', '<w:p><w:r><w:t>开展</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>督查</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>巡察</w:t></w:r></w:ins></w:p>', '开展巡察'],
    [
      'a field shows its result, not its instruction',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      '3',
    ],
    ['breaks and note references add nothing', '<w:p><w:r><w:t>甲</w:t><w:br/><w:footnoteReference w:id="1"/><w:t>乙</w:t></w:r></w:p>', '甲乙'],
    ['content controls and hyperlinks are read through', '<w:p><w:sdt><w:sdtContent><w:r><w:t>单击此处</w:t></w:r></w:sdtContent></w:sdt><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>', '单击此处链接'],
  ])('%s', (_name, xml, expected) => {
    const [p] = wordParagraphs(doc(xml));
    expect(visibleText(p)).toBe(expected);
  });

  it('lists paragraphs in document order, tables and text boxes included, a text box not part of its host', () => {
    const d = doc(
      '<w:p><w:r><w:t>一</w:t></w:r></w:p>' +
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
        '<w:p><w:r><w:t>主</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>',
    );
    const ps = wordParagraphs(d);
    expect(ps.map(visibleText)).toEqual(['一', '格', '主', '框']);
  });

  it('gives each piece its offset and run', () => {
    const [p] = wordParagraphs(doc('<w:p><w:r><w:t>ab</w:t></w:r><w:r><w:t>cd</w:t></w:r></w:p>'));
    expect(textPieces(p).map((x) => [x.text, x.start, x.run?.localName])).toEqual([
      ['ab', 0, 'r'],
      ['cd', 2, 'r'],
    ]);
  });
});
