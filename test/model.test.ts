import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/model/build.js';
import { matchMarker, parseChineseNumeral } from '../src/model/markers.js';
import { sectionAt, sectionPathText, type Report } from '../src/model/report.js';

const REPORT = [
  '中共青山区委关于2023年度落实全面从严治党主体责任情况的报告',
  '市委：',
  '2023年，区委坚持以习近平新时代中国特色社会主义思想为指导。现将有关情况报告如下。',
  '一、工作开展情况',
  '（一）压实责任链条。区委常委会先后12次研究全面从严治党工作。',
  '1.制定清单。明确责任。',
  '（1）细化到岗。责任到人。',
  '二、存在的问题',
  '有的党组织书记抓党建意识不强。',
  '三、下一步工作打算',
  '持续压实责任。',
  '中共青山区委',
  '2024年1月15日',
].join('\n');

/** The text a span covers. */
const at = (r: Report, span: { start: number; end: number }) => r.source.slice(span.start, span.end);
const pos = (r: Report, offset: number) => {
  const p = r.lines.position(offset);
  return `${p.line}:${p.column}`;
};

describe('markers', () => {
  it.each([
    ['一、工作', 'cn', 1, '一、', true],
    ['十二、工作', 'cn', 12, '十二、', true],
    ['二十、工作', 'cn', 20, '二十、', true],
    ['一.工作', 'cn', 1, '一.', false],
    ['（三）工作', 'cn-paren', 3, '（三）', true],
    ['(三)工作', 'cn-paren', 3, '(三)', false],
    ['（一）、工作', 'cn-paren', 1, '（一）、', false],
    ['12.工作', 'arabic', 12, '12.', true],
    ['1、工作', 'arabic', 1, '1、', false],
    ['（2）工作', 'arabic-paren', 2, '（2）', true],
  ])('%s → %s %i', (line, family, number, raw, canonical) => {
    expect(matchMarker(line)).toMatchObject({ family, number, raw, canonical });
  });

  it.each(['一是加强学习', '1.5亿元', '2024.1.5', '十分重视', '一、', '三会一课', '二〇二四年'])('%s is no marker', (line) => {
    expect(matchMarker(line)).toBeNull();
  });

  it('parses Chinese numerals up to 99', () => {
    expect([parseChineseNumeral('十'), parseChineseNumeral('十一'), parseChineseNumeral('九十九')]).toEqual([10, 11, 99]);
    expect(parseChineseNumeral('十十')).toBeNaN();
  });
});

describe('report model, plain text', () => {
  const r = buildReport(REPORT, 'text');

  it('finds title, addressee, signature and date', () => {
    expect(r.title?.content.text).toBe('中共青山区委关于2023年度落实全面从严治党主体责任情况的报告');
    expect(r.addressee?.content.text).toBe('市委：');
    expect(r.signature.map((p) => p.content.text)).toEqual(['中共青山区委']);
    expect(r.date?.content.text).toBe('2024年1月15日');
    expect(r.opening.map((p) => p.kind)).toEqual(['body']);
  });

  it('builds the section tree with levels, styles and paths', () => {
    expect(r.allSections.map((s) => [s.level, s.style, s.title, sectionPathText(s)])).toEqual([
      [1, 'standalone', '工作开展情况', '一、工作开展情况'],
      [2, 'run-in', '压实责任链条', '一、工作开展情况 › （一）压实责任链条'],
      [3, 'run-in', '制定清单', '一、工作开展情况 › （一）压实责任链条 › 1.制定清单'],
      [4, 'run-in', '细化到岗', '一、工作开展情况 › （一）压实责任链条 › 1.制定清单 › （1）细化到岗'],
      [1, 'standalone', '存在的问题', '二、存在的问题'],
      [1, 'standalone', '下一步工作打算', '三、下一步工作打算'],
    ]);
    expect(r.sections.map((s) => s.children.length)).toEqual([1, 0, 0]);
  });

  it('gives exact spans for heading, title and marker', () => {
    const s = r.allSections[1];
    expect(at(r, s.headingSpan)).toBe('（一）压实责任链条。');
    expect(at(r, s.titleSpan)).toBe('压实责任链条');
    expect(at(r, s.markerSpan!)).toBe('（一）');
    expect(pos(r, s.headingSpan.start)).toBe('5:1');
    expect(s.paragraphs[0].bodyStart).toBe(10);
    // A section runs to the end of its last descendant.
    expect(pos(r, r.sections[0].span.end)).toBe('7:14');
  });

  it('maps the innermost section of an offset', () => {
    const offset = r.source.indexOf('明确责任');
    expect(sectionAt(r, offset)?.title).toBe('制定清单');
    expect(sectionAt(r, r.source.indexOf('2023年，'))).toBeNull();
  });

  it('does not take a lead-in for the addressee, nor a closing formula for the signature', () => {
    const r2 = buildReport('关于某项工作的报告\n主要做法如下：\n一是加强学习。\n特此报告\n中共某某委员会\n2024年1月5日\n', 'text');
    expect(r2.addressee).toBeNull();
    expect(r2.signature.map((p) => p.content.text)).toEqual(['中共某某委员会']);
    expect(r2.opening.map((p) => p.content.text)).toEqual(['主要做法如下：', '一是加强学习。', '特此报告']);
  });

  it('keeps lines and columns exact with CRLF and a BOM', () => {
    const crlf = buildReport('\uFEFF' + REPORT.replace(/\n/g, '\r\n'), 'text');
    expect(crlf.source.startsWith('中共')).toBe(true);
    const p = crlf.allSections[2];
    expect(pos(crlf, p.headingSpan.start)).toBe('6:1');
    expect(pos(crlf, p.headingSpan.end)).toBe('6:8');
    expect(crlf.allSections.map((s) => s.title)).toEqual(r.allSections.map((s) => s.title));
    // No \r in paragraph text, and spans end before it.
    expect(crlf.paragraphs.every((x) => !x.content.text.includes('\r'))).toBe(true);
    expect(at(crlf, crlf.date!.span)).toBe('2024年1月15日');
  });
});

describe('report model, Markdown', () => {
  const md = [
    '# 关于2023年度落实全面从严治党主体责任情况的报告', // 1
    '',
    '市委：', // 3
    '',
    '2023年，区委坚持**以人民为中心**。现将有关情况报告如下。', // 5
    '',
    '## 一、工作开展情况', // 7
    '',
    '（一）压实责任链条。区委常委会先后12次', // 9
    '研究全面从严治党工作。', // 10
    '（二）强化监督。全年开展`code`专项督查。', // 11
    '',
    '1. 制定清单。明确责任。', // 13
    '',
    '- 无序列表项', // 15
    '',
    '> 引用的段落', // 17
    '',
    '| 表头 | 列 |', // 19
    '|---|---|',
    '| 单元格 | 值 |',
    '',
    '二、存在的问题', // 23
    '还有差距。',
    '',
    '```',
    '一、代码中的标题',
    '```',
    '',
    '中共青山区委', // 30
    '2024年1月15日',
    '',
  ].join('\n');
  const r = buildReport(md, 'markdown');

  it('takes the # heading as the title and splits marker lines into their own paragraphs', () => {
    expect(r.title?.content.text).toBe('关于2023年度落实全面从严治党主体责任情况的报告');
    expect(pos(r, r.title!.span.start)).toBe('1:3');
    expect(r.addressee?.content.text).toBe('市委：');
    const kinds = r.paragraphs.map((p) => `${p.kind}@${pos(r, p.span.start)}`);
    expect(kinds).toEqual([
      'title@1:3',
      'addressee@3:1',
      'body@5:1',
      'heading@7:4',
      'body@9:1',
      'body@11:1',
      'body@13:1',
      'list-item@15:3',
      'body@17:3',
      'table-cell@19:3',
      'table-cell@19:8',
      'table-cell@21:3',
      'table-cell@21:9',
      'heading@23:1',
      'body@24:1',
      'signature@30:1',
      'date@31:1',
    ]);
  });

  it('joins wrapped lines, drops markup and stands in for inline code', () => {
    const run = r.paragraphs.find((p) => p.content.text.startsWith('（一）'))!;
    expect(run.content.text).toBe('（一）压实责任链条。区委常委会先后12次研究全面从严治党工作。');
    // The second line maps back to line 10.
    expect(pos(r, run.content.offsetAt(run.content.text.indexOf('研究')))).toBe('10:1');
    expect(r.paragraphs[2].content.text).toBe('2023年，区委坚持以人民为中心。现将有关情况报告如下。');
    expect(r.paragraphs[5].content.text).toBe('（二）强化监督。全年开展\uFFFC专项督查。');
    expect(r.excluded.map((e) => e.kind)).toEqual(['code', 'code']);
  });

  it('treats an ordered Markdown list item as a 1. marker', () => {
    const s = r.allSections.find((x) => x.marker?.family === 'arabic')!;
    expect(s.title).toBe('制定清单');
    expect(s.path).toEqual(['一、工作开展情况', '（二）强化监督', '1.制定清单']);
  });

  it('levels sections by marker, not by # depth, and ignores code blocks', () => {
    expect(r.allSections.map((s) => `${s.level}:${s.label}`)).toEqual([
      '1:一、工作开展情况',
      '2:（一）压实责任链条',
      '2:（二）强化监督',
      '3:1.制定清单',
      '1:二、存在的问题',
    ]);
  });

  it('levels unnumbered Markdown headings by depth', () => {
    const r2 = buildReport('# 标题报告\n\n## 工作情况\n\n### 细节\n\n正文。\n\n## 问题\n\n正文。\n', 'markdown');
    expect(r2.allSections.map((s) => `${s.level}:${s.path.join('/')}`)).toEqual(['1:工作情况', '2:工作情况/细节', '1:问题']);
  });

  const tree = (text: string) =>
    buildReport(text, 'markdown').allSections.map((s) => `${s.level}:${s.path.join('/')}`);

  it('nests unnumbered headings by depth among numbered ones', () => {
    expect(tree('# 报告\n\n## 一、工作\n\n### （一）压实\n\n### 典型经验\n\n### （二）监督\n\n二、问题\n\n正文。\n')).toEqual([
      '1:一、工作',
      '2:一、工作/（一）压实',
      '2:一、工作/典型经验',
      '2:一、工作/（二）监督',
      '1:二、问题',
    ]);
  });

  it('restarts numbering under unnumbered parts', () => {
    expect(tree('# 报告\n\n## 第一部分\n\n### 一、甲\n\n### 二、乙\n\n## 第二部分\n\n### 一、丙\n')).toEqual([
      '1:第一部分',
      '1:第一部分/一、甲',
      '1:第一部分/二、乙',
      '1:第二部分',
      '1:第二部分/一、丙',
    ]);
  });

  it('lets markers decide when every heading has the same depth', () => {
    expect(tree('# 报告\n\n## 一、工作\n\n## （一）压实\n\n（1）细化。正文。\n\n## 二、问题\n')).toEqual([
      '1:一、工作',
      '2:一、工作/（一）压实',
      '4:一、工作/（一）压实/（1）细化',
      '1:二、问题',
    ]);
  });

  it('excludes front matter and parses tables only where a delimiter row exists', () => {
    const r2 = buildReport('---\ntitle: 报告\n---\n\n# 标题报告\n\n正文 | 不是表格。\n', 'markdown');
    expect(r2.excluded.map((e) => [e.kind, e.start, e.end])).toEqual([['frontmatter', 0, 17]]);
    expect(r2.paragraphs.map((p) => p.kind)).toEqual(['title', 'body']);
  });
});
