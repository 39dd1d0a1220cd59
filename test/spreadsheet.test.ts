import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintMessage, LintResult } from '../src/engine/lint.js';
import { reportScore } from '../src/formatters/score.js';
import { CLEAN_REPORT, cli } from './cli-helper.js';

/**
 * Output for reviewers' spreadsheets: --format csv (UTF-8 with BOM, one row per
 * finding) and --format xlsx (a summary sheet and a findings sheet), read back
 * with read-excel-file (write-excel-file's companion) and opened by LibreOffice
 * Calc where it is installed; and the score they show.
 */

// Calc's library: libreoffice-writer-nogui alone opens no spreadsheet.
const CALC = '/usr/lib/libreoffice/program/libsclo.so';
const HAS_CALC = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0 && existsSync(CALC);
if (!HAS_CALC) console.warn('[spreadsheet.test] SKIPPED (LibreOffice part): soffice with Calc not found; install libreoffice-calc-nogui to open the xlsx output with it.');

const BAD = CLEAN_REPORT.replace('4次', '×次').replace('关于某项工作的报告', '中共某某局党组关于某项工作的报告');
let dir: string;
let json: { filePath: string; messages: unknown[] }[];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-sheet-'));
  mkdirSync(path.join(dir, 'r'));
  writeFileSync(path.join(dir, 'r', 'a.txt'), BAD);
  writeFileSync(path.join(dir, 'r', 'b.txt'), CLEAN_REPORT);
  // A message that starts like a formula must not become one.
  writeFileSync(path.join(dir, 'r', 'c.md'), '=HYPERLINK("x")\n');
  // The two reports share most of their text: no-cross-copy is off, so that each shows its own findings.
  const r = cli(['r', '--no-config', '--rule', 'no-cross-copy: off', '-f', 'json', '-f', 'csv:out/all.csv', '-f', 'xlsx:out/all.xlsx'], { cwd: dir });
  expect(r.stderr).toBe('');
  json = JSON.parse(r.stdout) as typeof json;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--format csv', () => {
  it('is UTF-8 with a BOM and CRLF, one row per finding, with a header', () => {
    const bytes = readFileSync(path.join(dir, 'out/all.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('文件,单位,标题,行,列,段落,级别,规则,规则名称,问题,所在章节,原文');
    expect(lines.length - 2).toBe(json.reduce((n, r) => n + r.messages.length, 0));
    expect(lines).toContain(
      'r/a.txt,中共某某局党组,中共某某局党组关于某项工作的报告,5,9,,错误,no-placeholder,禁止保留未填写的模板占位符（×次、××市、×××万元）,模板占位符“×”未填写,一、工作开展情况,',
    );
    expect(lines.some((l) => l.startsWith('r/c.md,') && l.includes(`"'=HYPERLINK(""x"")`))).toBe(true);
  });

  it('goes to standard output too', () => {
    const r = cli(['r/a.txt', '--no-config', '-f', 'csv', '--locale', 'en'], { cwd: dir });
    expect(r.stdout.startsWith('\uFEFFFile,Unit,Title,Line,Column,Paragraph,Severity,Rule,Rule name,Message,Section,Quote\r\n')).toBe(true);
  });
});

describe('--format xlsx', () => {
  it('has a summary sheet, one row per report, and a findings sheet (read back)', async () => {
    const sheets = await readXlsxFile(path.join(dir, 'out/all.xlsx'));
    expect(sheets.map((s) => s.sheet)).toEqual(['汇总', '问题清单']);
    const [summary, findings] = sheets.map((s) => s.data);
    expect(summary[0]).toEqual(['单位', '标题', '文件', '错误', '警告', '问题部分', '照搬比例', '结论', '得分']);
    expect(summary.slice(1, 3).map((row) => [row[2], row[3], row[4], row[7], row[8]])).toEqual([
      // One error in a report shorter than a thousand characters: 100 − 5 × 10.
      ['r/a.txt', 1, 0, '未通过', 50],
      ['r/b.txt', 0, 0, '通过', 100],
    ]);
    expect(summary.map((row) => row[2])).toEqual(['文件', 'r/a.txt', 'r/b.txt', 'r/c.md']);
    expect(summary[1].slice(0, 2)).toEqual(['中共某某局党组', '中共某某局党组关于某项工作的报告']);
    expect(summary[1][5]).toBe('有');
    expect(findings[0][0]).toBe('文件');
    expect(findings.length - 1).toBe(json.reduce((n, r) => n + r.messages.length, 0));
    expect(findings.find((row) => row[7] === 'no-placeholder')?.slice(0, 10)).toEqual([
      'r/a.txt', '中共某某局党组', '中共某某局党组关于某项工作的报告', 5, 9, null, '错误', 'no-placeholder', '禁止保留未填写的模板占位符（×次、××市、×××万元）', '模板占位符“×”未填写',
    ]);
  });

  it('goes to a file only', () => {
    expect(cli(['r', '--no-config', '-f', 'xlsx'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'reportlint: xlsx 格式只能写入文件：-f xlsx:结果.xlsx 或 -o 结果.xlsx\n' });
  });

  // Converted to CSV (comma, double quote, UTF-8): the first sheet, as Calc read it.
  it.skipIf(!HAS_CALC)('opens in LibreOffice Calc', () => {
    const out = path.join(dir, 'converted');
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, path.join(dir, 'out/all.xlsx')], { encoding: 'utf8', timeout: 180_000 });
    expect(r.status).toBe(0);
    const text = readFileSync(path.join(out, 'all.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('单位,标题,文件,错误,警告,问题部分,照搬比例,结论,得分');
    expect(text).toContain('中共某某局党组,中共某某局党组关于某项工作的报告,r/a.txt,1,0,有,,未通过,50');
  }, 200_000);
});

describe('score', () => {
  const result = (source: string, severities: number[], fatal = false): LintResult =>
    ({ filePath: 'x', source, messages: severities.map((severity) => ({ severity, ...(fatal ? { fatal: true } : {}) }) as LintMessage) }) as LintResult;
  it('is 100 for a clean report, 100 − 5 × weighted findings per thousand characters otherwise', () => {
    expect(reportScore(result('字'.repeat(5000), []))).toBe(100);
    // (2×10 + 4×3) / 5 = 6.4 per thousand → 100 − 32 = 68
    expect(reportScore(result('字'.repeat(5000) + ' \n'.repeat(100), [2, 2, 1, 1, 1, 1, 0]))).toBe(68);
    // A short report counts as a thousand characters: one error → 50.
    expect(reportScore(result('字'.repeat(200), [2]))).toBe(50);
    expect(reportScore(result('字', Array(30).fill(2)))).toBe(0);
    expect(reportScore(result('', [2], true))).toBeUndefined();
  });
});
