import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './cli-helper.js';
import { buildLayoutDocx } from './layout-fixtures.js';
import { lintDocx } from './layout-lint.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-layout-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('layout through the CLI', () => {
  it('--fix writes NAME.formatted.docx beside a Word report with layout faults, and leaves the report as it was', async () => {
    const file = path.join(tmp, 'report.docx');
    const original = await buildLayoutDocx('normal-margins');
    writeFileSync(file, original);
    const before = cli(['report.docx', '--format', 'json', '--no-config'], { cwd: tmp });
    const found = (JSON.parse(before.stdout) as { messages: { ruleId: string | null; messageId: string }[] }[])[0].messages;
    expect(found.filter((m) => m.ruleId === 'layout-page').map((m) => m.messageId)).toEqual(['margin', 'margin', 'margin', 'margin']);

    const r = cli(['report.docx', '--fix', '--no-config', '--no-color'], { cwd: tmp });
    expect(r.stdout).toContain('report.formatted.docx');
    expect(readFileSync(file).equals(original)).toBe(true);
    const copy = readFileSync(path.join(tmp, 'report.formatted.docx'));
    const after = cli(['report.formatted.docx', '--format', 'json', '--no-config'], { cwd: tmp });
    const left = (JSON.parse(after.stdout) as { messages: { ruleId: string | null }[] }[])[0].messages;
    expect(left.filter((m) => m.ruleId?.startsWith('layout-'))).toEqual([]);
    // With the paragraphs paired to the model (as the Word reader will do), the copy has no layout finding at all.
    expect((await lintDocx(copy)).messages).toEqual([]);
  });

  it('--fix writes no copy when the layout is right', async () => {
    const dir = mkdtempSync(path.join(tmp, 'good-'));
    writeFileSync(path.join(dir, 'good.docx'), await buildLayoutDocx());
    cli(['good.docx', '--fix', '--no-config'], { cwd: dir });
    expect(existsSync(path.join(dir, 'good.formatted.docx'))).toBe(false);
  });

  it('--print-config shows the layout in force, a config changing only what it names', () => {
    const dir = mkdtempSync(path.join(tmp, 'cfg-'));
    writeFileSync(path.join(dir, 'base.yaml'), 'layout:\n  margins: { left: 27, right: 27 }\n');
    writeFileSync(path.join(dir, '.reportlintrc.yaml'), 'root: true\nextends: ./base.yaml\nlayout:\n  lineSpacing: { value: 29, tolerance: 0.5 }\n');
    const r = cli(['--print-config', 'a.docx'], { cwd: dir });
    expect(r.code).toBe(0);
    const layout = (JSON.parse(r.stdout) as { settings: { layout: Record<string, unknown> } }).settings.layout;
    expect(layout.margins).toEqual({ top: 37, bottom: 35, left: 27, right: 27, tolerance: 1 });
    expect(layout.lineSpacing).toEqual({ value: 29, tolerance: 0.5 });
    expect(layout.linesPerPage).toEqual({ value: 22, tolerance: 0 });
    expect(layout.closing).toEqual({ signature: 2, date: 4, tolerance: 0.5 });
    expect(layout.distribution).toEqual({ fonts: ['仿宋_GB2312', '仿宋', 'FangSong', 'FangSong_GB2312', '仿宋_GB18030', '方正仿宋_GBK', '方正仿宋简体', '华文仿宋', 'STFangsong'], size: 14 });
  });

  it('layout findings reach the HTML report (a 版式 category) and the comments of --format docx', async () => {
    const dir = mkdtempSync(path.join(tmp, 'formats-'));
    writeFileSync(path.join(dir, 'report.docx'), await buildLayoutDocx('date-flush-right'));
    const r = cli(['report.docx', '--no-config', '-f', 'html:report.html', '-f', 'docx', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0); // the date's place only warns
    const json = (JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[])[0].messages;
    expect(json.filter((m) => m.ruleId?.startsWith('layout-')).map((m) => `${m.ruleId} ${m.message}`)).toEqual(['layout-indent 成文日期应右空四字，实为右空0字']);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('版式');
    expect(html).toContain('成文日期应右空四字，实为右空0字');
    const { openPackage } = await import('../src/docx/package.js');
    const annotated = await openPackage(readFileSync(path.join(dir, 'report.reportlint.docx')));
    const comments = annotated.xml('word/comments.xml')!.documentElement.textContent ?? '';
    expect(comments).toContain('成文日期应右空四字，实为右空0字');
    expect(comments).toContain('layout-indent');
  });

  it('a bad layout value is a config error with exit code 2', () => {
    const dir = mkdtempSync(path.join(tmp, 'bad-'));
    writeFileSync(path.join(dir, '.reportlintrc.yaml'), 'root: true\nlayout:\n  margins: { top: -3 }\n');
    writeFileSync(path.join(dir, 'a.md'), '关于工作的报告\n');
    const r = cli(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.reportlintrc.yaml:3');
  });
});
