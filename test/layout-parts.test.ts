import { AlignmentType, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';
import { exampleLayout, type ExampleLayout } from '../src/layout/example.js';
import { LAYOUT_RULES, lintDocx } from './layout-lint.js';

/**
 * Parts of a 公文 that are not body text keep layouts of their own: a caption
 * is centred by convention, the 附件说明 and the 附注 start two characters in
 * (the attachment note's later lines under the first name), the 版记 is 4号
 * and at most one character in, table cells are the table's. No layout rule
 * may judge them by the body's indent, face or line pitch.
 */

const REPORT = [
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
const CAPTION = 4;
const ATTACHMENT = 6;
const NOTE = 10;
const DISTRIBUTION = 11;

function lint(layout: ExampleLayout, locale: 'zh' | 'en' = 'zh') {
  return lintText(REPORT, {
    ...exampleLayout(REPORT, layout),
    registry: builtinRegistry,
    format: 'text',
    locale,
    rules: Object.fromEntries(LAYOUT_RULES.map((id) => [id, { severity: builtinRegistry.get(id)!.severity }])),
  }).messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity} ${m.message}`);
}

describe('parts with layouts of their own', () => {
  it('the parts laid out as GB/T 9704 and convention ask give no finding', () => {
    expect(lint({})).toEqual([]);
  });

  const own: [string, ExampleLayout][] = [
    ['a caption centred in 黑体 小三, no indent, single-spaced', { lines: { [CAPTION]: { align: 'center', indentChars: 0, font: '黑体', size: 15, lineRule: 'exact', line: 20 } } }],
    ['a caption in 宋体 with the body’s indent', { lines: { [CAPTION]: { font: '宋体', indentChars: 2 } } }],
    ['附件： with a hanging indent, its later line under the first name', { lines: { [ATTACHMENT]: { leftChars: 5, indentChars: -3 }, [ATTACHMENT + 1]: { leftChars: 5, indentChars: 0 } } }],
    ['附件说明 set like the body', { lines: { [ATTACHMENT]: { indentChars: 2 }, [ATTACHMENT + 1]: { indentChars: 2 } } }],
    ['附注 two characters in by a left indent', { lines: { [NOTE]: { leftChars: 2, indentChars: 0 } } }],
    ['版记 flush left', { lines: { [DISTRIBUTION]: { leftChars: 0, indentChars: 0 } } }],
    ['版记 single-spaced', { lines: { [DISTRIBUTION]: { lineRule: 'exact', line: 20 } } }],
  ];
  it.each(own)('%s: no finding', (_name, layout) => {
    expect(lint(layout)).toEqual([]);
  });

  const faults: [string, ExampleLayout, string[]][] = [
    ['附件说明 flush left', { lines: { [ATTACHMENT]: { indentChars: 0 } } }, [`${ATTACHMENT}:1 layout-indent 2 附件说明应左空二字，实为左空0字`]],
    ['附件说明’s later line four characters in', { lines: { [ATTACHMENT + 1]: { indentChars: 4 } } }, [`${ATTACHMENT + 1}:1 layout-indent 2 附件说明应左空二字，实为左空4字`]],
    ['附注 flush left', { lines: { [NOTE]: { indentChars: 0 } } }, [`${NOTE}:1 layout-indent 2 附注应左空二字，实为左空0字`]],
    ['版记 with the body’s indent', { lines: { [DISTRIBUTION]: { leftChars: 0, indentChars: 2 } } }, [`${DISTRIBUTION}:1 layout-indent 2 版记应左空一字，实为左空2字`]],
    ['版记 in 3号 宋体', { lines: { [DISTRIBUTION]: { font: '宋体', size: 16 } } }, [`${DISTRIBUTION}:1 layout-fonts 2 版记字体应为仿宋_GB2312、仿宋、FangSong，实为宋体`, `${DISTRIBUTION}:1 layout-fonts 1 版记字号应为四号（14磅），实为三号（16磅）`]],
    ['附注 in 宋体', { lines: { [NOTE]: { font: '宋体' } } }, [`${NOTE}:1 layout-fonts 2 正文字体应为仿宋_GB2312、仿宋、FangSong，实为宋体`]],
  ];
  it.each(faults)('%s', (_name, layout, expected) => {
    expect(lint(layout)).toEqual(expected);
  });

  it('table cells set as tables are (centred, no indent, single-spaced, 宋体 小四) give no finding', async () => {
    const body = { font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: 32, characterSpacing: -5 };
    const p = (text: string, opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; font?: string; size?: number } = {}) =>
      new Paragraph({
        alignment: opts.align ?? AlignmentType.JUSTIFIED,
        indent: opts.indent === false ? { firstLine: 0, firstLineChars: 0 } : undefined,
        children: [new TextRun({ text, font: opts.font ? { eastAsia: opts.font } : undefined, size: opts.size })],
      });
    const cell = (text: string) =>
      new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO }, indent: { firstLine: 0, firstLineChars: 0 }, children: [new TextRun({ text, font: { eastAsia: '宋体' }, size: 24 })] })] });
    const doc = new Document({
      styles: { default: { document: { run: body, paragraph: { spacing: { line: 579, lineRule: LineRuleType.EXACT }, indent: { firstLineChars: 200, firstLine: 640 } } } } },
      sections: [
        {
          properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
          children: [
            p('关于2024年度落实全面从严治党主体责任情况的报告', { align: AlignmentType.CENTER, indent: false, font: '方正小标宋简体', size: 44 }),
            p('市委：', { align: AlignmentType.LEFT, indent: false }),
            p('2024年，区委认真履行主体责任。现将有关情况报告如下。'),
            p('表1　2024年度监督检查情况统计表', { align: AlignmentType.CENTER, indent: false, font: '黑体' }),
            new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ children: [cell('检查项目'), cell('发现问题（个）')] }), new TableRow({ children: [cell('专项检查'), cell('12')] })] }),
            p('区委常委会先后12次专题研究全面从严治党工作。'),
          ],
        },
      ],
    });
    const r = await lintDocx(await Packer.toBuffer(doc), LAYOUT_RULES.filter((id) => id !== 'layout-page-number'));
    expect(r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
  });
});
