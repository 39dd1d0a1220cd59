import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_REPORT, cli } from './cli-helper.js';

/** Gating uploads: baselines, stdin, presets and several formats in one run, through the built CLI. */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-gate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function dir(files: Record<string, string>): string {
  const d = path.join(tmp, `d${n++}`);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, rel)), { recursive: true });
    writeFileSync(path.join(d, rel), content);
  }
  return d;
}

const PLACEHOLDER = CLEAN_REPORT.replace('4次', '×次');

describe('baseline', () => {
  it('records today’s findings, then fails only on new ones, even after lines move', () => {
    const d = dir({ 'a.txt': PLACEHOLDER });
    const write = cli(['a.txt', '--baseline-write', 'baseline.json'], { cwd: d });
    expect([write.code, write.stderr]).toEqual([0, '已写入基线：baseline.json（1 个问题）\n']);
    expect(JSON.parse(readFileSync(path.join(d, 'baseline.json'), 'utf8'))).toEqual({
      version: 1,
      entries: [{ file: 'a.txt', rule: 'no-placeholder', section: '一、工作开展情况', text: '×', count: 1 }],
    });
    expect(cli(['a.txt'], { cwd: d }).code).toBe(1);
    expect(cli(['a.txt', '--baseline', 'baseline.json'], { cwd: d }).code).toBe(0);

    // A paragraph inserted above the old finding, and a new finding below.
    writeFileSync(
      path.join(d, 'a.txt'),
      PLACEHOLDER.replace('一、工作开展情况\n', '一、工作开展情况\n2024年新增的一段说明，介绍全年工作的总体安排和推进情况。\n').replace('3月底前', '×月底前'),
    );
    const r = cli(['a.txt', '--baseline', 'baseline.json', '-f', 'json'], { cwd: d });
    expect(r.code).toBe(1);
    const messages = (JSON.parse(r.stdout) as { messages: { line: number; column: number; ruleId: string }[] }[])[0].messages;
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['10:9 no-placeholder']);
    expect(r.stderr).toBe('基线中已有的 1 个问题未显示\n');
  });

  it('a missing or broken baseline is a usage error', () => {
    const d = dir({ 'a.txt': CLEAN_REPORT, 'bad.json': '{"version": 9}' });
    expect(cli(['a.txt', '--baseline', 'nope.json'], { cwd: d }).code).toBe(2);
    const r = cli(['a.txt', '--baseline', 'bad.json'], { cwd: d });
    expect([r.code, r.stderr]).toEqual([2, `reportlint: 基线文件 ${path.join(d, 'bad.json')} 格式不对：expected {"version": 1, "entries": [...]}\n`]);
  });
});

describe('stdin', () => {
  it('lints what is piped in, with --stdin-filename picking config and format', () => {
    const d = dir({ '.reportlintrc.yaml': 'locale: en\n' });
    const r = cli(['--stdin', '--stdin-filename', 'upload/report.txt', '--no-color'], { cwd: d, input: PLACEHOLDER });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('upload/report.txt\n  § 一、工作开展情况\n  5:9  error  Unfilled template placeholder “×”');
    expect(cli(['--stdin'], { cwd: d, input: CLEAN_REPORT }).code).toBe(0);
  });

  it('refuses --fix and file patterns with --stdin', () => {
    expect(cli(['--stdin', '--fix'], { input: 'x' }).stderr).toContain('--stdin 不能与 --fix 同用');
    expect(cli(['--stdin', 'a.md'], { input: 'x' }).code).toBe(2);
  });
});

describe('presets', () => {
  it('gate keeps blockers as errors and makes the rest warnings', () => {
    const d = dir({ '.reportlintrc.yaml': 'extends: gate\n', 'a.txt': CLEAN_REPORT.replace('2024年以来，', '2024年以来,'), 'b.txt': PLACEHOLDER });
    const results = JSON.parse(cli(['a.txt', 'b.txt', '-f', 'json', '--rule', 'no-cross-copy: off'], { cwd: d }).stdout) as {
      messages: { ruleId: string; severity: number }[];
    }[];
    expect(results.map((r) => r.messages.map((m) => `${m.ruleId}:${m.severity}`))).toEqual([['punctuation-width:1'], ['no-placeholder:2']]);
    expect(cli(['a.txt', '--rule', 'no-cross-copy: off'], { cwd: d }).code).toBe(0);
  });
});

describe('several formats in one run', () => {
  it('--format name:file writes each, and one format may go to stdout', () => {
    const d = dir({ 'a.txt': PLACEHOLDER });
    const r = cli(['a.txt', '-f', 'stylish', '-f', 'json:out/a.json', '-f', 'sarif:out/a.sarif', '--no-color'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('5:9  错误  模板占位符“×”未填写');
    expect((JSON.parse(readFileSync(path.join(d, 'out/a.json'), 'utf8')) as unknown[]).length).toBe(1);
    expect((JSON.parse(readFileSync(path.join(d, 'out/a.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
  });

  it('--output-file takes the format without a file', () => {
    const d = dir({ 'a.txt': PLACEHOLDER });
    const r = cli(['a.txt', '-f', 'json', '-o', 'a.json', '-f', 'github:gh.txt'], { cwd: d });
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(readFileSync(path.join(d, 'gh.txt'), 'utf8')).toMatch(/^::error file=a\.txt,line=5,col=9/m);
  });

  it.each([
    [['-f', 'json', '-f', 'sarif'], '只能有一种格式输出到标准输出'],
    [['-f', 'sarif:'], '缺少文件名'],
    [['-f', 'sarif:x.sarif', '-o', 'y'], '--output-file 只用于未指定文件的格式'],
  ])('%j is a usage error', (args, message) => {
    const d = dir({ 'a.txt': CLEAN_REPORT });
    const r = cli(['a.txt', ...args], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
