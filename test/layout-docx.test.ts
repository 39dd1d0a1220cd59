import { describe, expect, it } from 'vitest';
import { buildLayoutDocx, LINE, type LayoutFault } from './layout-fixtures.js';
import { lintDocx } from './layout-lint.js';

const ids = (r: Awaited<ReturnType<typeof lintDocx>>) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId}`);

describe('layout rules on generated Word reports', () => {
  it('a report laid out as GB/T 9704 asks gives no layout finding', async () => {
    const r = await lintDocx(await buildLayoutDocx());
    expect(r.messages).toEqual([]);
  });

  const body = [3, 6, 7, 9, 11, 12, 14, 15, 17, 22];
  const cases: [LayoutFault, string[]][] = [
    ['letter-paper', ['1:1 layout-line-spacing linesPerPage', '1:1 layout-line-spacing charsPerLine', '1:1 layout-page paper']],
    ['normal-margins', ['1:1 layout-line-spacing linesPerPage', '1:1 layout-line-spacing charsPerLine', '1:1 layout-page margin', '1:1 layout-page margin', '1:1 layout-page margin', '1:1 layout-page margin']],
    ['songti-body', body.flatMap((l) => [`${l}:1 layout-fonts font`, `${l}:1 layout-fonts size`])],
    ['heiti-title', ['1:1 layout-fonts font']],
    // Level-1 headings in the Normal style's 仿宋: one finding for the three; the level-2 heads set 宋体 on their own runs.
    ['heading-fonts', ['4:1 layout-fonts styleFont', '5:1 layout-fonts font', '8:1 layout-fonts font']],
    // The Normal style's spacing is wrong: one finding for its 20 paragraphs, at the first.
    ['single-spacing', ['1:1 layout-line-spacing charsPerLine', '2:1 layout-line-spacing styleSpacing']],
    ['no-indent', [...[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17].map((l) => `${l}:1 layout-indent firstLine`), '22:1 layout-indent leftSpace']],
    ['no-page-number', ['1:1 layout-page-number missing']],
    ['centred-page-number', ['1:1 layout-page-number oddEven']],
    ['leftovers', ['6:1 layout-clean-copy comment', '9:1 layout-clean-copy hidden', '9:1 layout-clean-copy revision']],
    ['date-flush-right', [`${LINE.date}:1 layout-indent rightSpace`]],
    ['closing-left', [`${LINE.signature}:1 layout-indent rightSpace`, `${LINE.date}:1 layout-indent rightSpace`]],
    ['parts-flush', [`${LINE.attachment}:1 layout-indent leftSpace`, `${LINE.attachment + 1}:1 layout-indent leftSpace`, `${LINE.note}:1 layout-indent leftSpace`]],
    // Set like the body: the caption and the attachment note pass (GB/T 9704 asks nothing else of them), the 版记 does not.
    ['parts-as-body', [`${LINE.distribution}:1 layout-fonts size`, `${LINE.distribution}:1 layout-indent leftSpace`]],
    [
      'style-font',
      ['2:1 layout-fonts styleFont', '2:1 layout-fonts styleSize', '4:1 layout-fonts styleSize', '5:1 layout-fonts styleSize', `${LINE.distribution}:1 layout-fonts font`],
    ],
    ['direct-spacing', ['6:1 layout-line-spacing spacing']],
  ];
  it.each(cases)('%s', async (fault, expected) => {
    expect(ids(await lintDocx(await buildLayoutDocx(fault)))).toEqual(expected);
  });

  it('says what was expected against what was found, in 字号 and millimetres', async () => {
    const songti = await lintDocx(await buildLayoutDocx('songti-body'));
    expect(songti.messages[1].message).toBe('正文字号应为三号（16磅），实为小四（12磅）');
    expect(songti.messages[0].message).toBe('正文字体应为仿宋_GB2312、仿宋、FangSong，实为宋体');
    const margins = await lintDocx(await buildLayoutDocx('normal-margins'), undefined, 'en');
    expect(margins.messages.map((m) => m.message)).toContain('The top margin should be 37 mm; it is 25.4 mm');
    const spacing = await lintDocx(await buildLayoutDocx('single-spacing'));
    expect(spacing.messages[1].message).toBe('“正文”样式的行距应为固定值28.95磅（每页22行），实为单倍行距（约20.8磅），共20段');
    const direct = await lintDocx(await buildLayoutDocx('direct-spacing'));
    expect(direct.messages[0].message).toBe('行距应为固定值28.95磅（每页22行），实为1.5倍行距（按网格43.42磅）');
    // The odd/even placement is a warning even though the rule is an error.
    const centred = await lintDocx(await buildLayoutDocx('centred-page-number'));
    expect(centred.messages[0].severity).toBe(1);
  });

  it('names the expected and the found place of date, signature, attachment note, note and 版记 in characters', async () => {
    const messages = async (fault: LayoutFault, locale: 'zh' | 'en' = 'zh') => (await lintDocx(await buildLayoutDocx(fault), undefined, locale)).messages.map((m) => `${m.line} ${m.severity} ${m.message}`);
    expect(await messages('date-flush-right')).toEqual([`${LINE.date} 1 成文日期应右空四字，实为右空0字`]);
    expect(await messages('date-flush-right', 'en')).toEqual([`${LINE.date} 1 The date should end 4 characters from the right margin; it ends 0 from it`]);
    expect(await messages('closing-left')).toEqual([`${LINE.signature} 1 发文机关署名应右空二字，实为右空22字`, `${LINE.date} 1 成文日期应右空四字，实为右空21.5字`]);
    expect(await messages('parts-flush')).toEqual([
      `${LINE.attachment} 2 附件说明应左空二字，实为左空0字`,
      `${LINE.attachment + 1} 2 附件说明应左空二字，实为左空0字`,
      `${LINE.note} 2 附注应左空二字，实为左空0字`,
    ]);
    // GB/T 9704 sets the 版记 in 4号 "as a rule": a 3号 版记 warns.
    expect(await messages('parts-as-body')).toEqual([`${LINE.distribution} 1 版记字号应为四号（14磅），实为三号（16磅）`, `${LINE.distribution} 2 版记应左空一字，实为左空2字`]);
    expect((await messages('style-font')).slice(0, 2)).toEqual([
      '2 2 “正文”样式的正文字体应为仿宋_GB2312、仿宋、FangSong，实为宋体，共17段',
      '2 2 “正文”样式的正文字号应为三号（16磅），实为小四（12磅），共17段',
    ]);
  });

  it('holds the document to the profile in force: 25.4 mm margins pass when the config says so', async () => {
    const { defaultSettings } = await import('../src/settings.js');
    const settings = defaultSettings();
    settings.layout!.margins = { top: 25.4, bottom: 25.4, left: 31.75, right: 31.75, tolerance: 1 };
    settings.layout!.linesPerPage = { value: 24, tolerance: 0 };
    settings.layout!.charsPerLine = { value: 26, tolerance: 2 };
    const r = await lintDocx(await buildLayoutDocx('normal-margins'), undefined, 'zh', settings);
    expect(ids(r)).toEqual([]);
  });

  it('layout rules say nothing about text input', async () => {
    const { lintText } = await import('../src/engine/lint.js');
    const { builtinRegistry } = await import('../rules/index.js');
    const { LAYOUT_RULES } = await import('./layout-lint.js');
    const r = lintText('关于工作情况的报告\n市委：\n现将有关情况报告如下。\n', {
      registry: builtinRegistry,
      format: 'text',
      rules: Object.fromEntries(LAYOUT_RULES.map((id) => [id, { severity: 'error' as const }])),
    });
    expect(r.messages).toEqual([]);
  });
});
