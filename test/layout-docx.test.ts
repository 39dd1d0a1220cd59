import { describe, expect, it } from 'vitest';
import { buildLayoutDocx, type LayoutFault } from './layout-fixtures.js';
import { lintDocx } from './layout-lint.js';

const ids = (r: Awaited<ReturnType<typeof lintDocx>>) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId}`);

describe('layout rules on generated Word reports', () => {
  it('a report laid out as GB/T 9704 asks gives no layout finding', async () => {
    const r = await lintDocx(await buildLayoutDocx());
    expect(r.messages).toEqual([]);
  });

  const body = [3, 6, 7, 9, 11, 12, 14, 15];
  const cases: [LayoutFault, string[]][] = [
    ['letter-paper', ['1:1 layout-line-spacing linesPerPage', '1:1 layout-line-spacing charsPerLine', '1:1 layout-page paper']],
    ['normal-margins', ['1:1 layout-line-spacing linesPerPage', '1:1 layout-line-spacing charsPerLine', '1:1 layout-page margin', '1:1 layout-page margin', '1:1 layout-page margin', '1:1 layout-page margin']],
    ['songti-body', body.flatMap((l) => [`${l}:1 layout-fonts font`, `${l}:1 layout-fonts size`])],
    ['heiti-title', ['1:1 layout-fonts font']],
    ['heading-fonts', [4, 5, 8, 10, 13].map((l) => `${l}:1 layout-fonts font`)],
    ['single-spacing', ['1:1 layout-line-spacing charsPerLine', ...Array.from({ length: 16 }, (_, i) => `${i + 2}:1 layout-line-spacing spacing`)]],
    ['no-indent', [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((l) => `${l}:1 layout-indent firstLine`)],
    ['no-page-number', ['1:1 layout-page-number missing']],
    ['centred-page-number', ['1:1 layout-page-number oddEven']],
    ['leftovers', ['6:1 layout-clean-copy comment', '9:1 layout-clean-copy hidden', '9:1 layout-clean-copy revision']],
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
    expect(spacing.messages[1].message).toBe('行距应为固定值28.95磅（每页22行），实为单倍行距（约20.8磅）');
    // The odd/even placement is a warning even though the rule is an error.
    const centred = await lintDocx(await buildLayoutDocx('centred-page-number'));
    expect(centred.messages[0].severity).toBe(1);
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
