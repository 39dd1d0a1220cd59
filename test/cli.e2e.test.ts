import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_REPORT, ROOT, cli } from './cli-helper.js';

/**
 * End-to-end: the built CLI (bin/reportlint.js → dist/) run as a separate
 * process, as a user or CI would. `npm test` builds first.
 */

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fresh directory with the given files. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const CLEAN = CLEAN_REPORT;
const PLACEHOLDER = CLEAN.replace('4次', '×次');

// fixtures/shapes (issue 11) has its own precision test; these snapshots hold the fixtures before it.
const PRE_SHAPES = ['--ignore-pattern', 'fixtures/shapes/**', '--ignore-pattern', 'fixtures/bad/shapes/**'];

describe('fixtures, exactly', () => {
  it('stylish output', async () => {
    const r = cli(['fixtures', ...PRE_SHAPES, '--no-color']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('expected/fixtures.stylish.txt');
  });

  it('JSON output (ESLint format)', async () => {
    const r = cli(['fixtures', ...PRE_SHAPES, '--format', 'json']);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: { related?: { filePath: string }[] }[]; errorCount: number }>;
    // Paths are absolute; the snapshot holds them relative, so that it holds in any checkout.
    for (const result of results) {
      expect(path.isAbsolute(result.filePath)).toBe(true);
      result.filePath = path.relative(ROOT, result.filePath);
      for (const m of result.messages) for (const rel of m.related ?? []) rel.filePath = path.relative(ROOT, rel.filePath);
    }
    await expect(JSON.stringify(results, null, 2) + '\n').toMatchFileSnapshot('expected/fixtures.json');
  });

  it('English messages with --locale en', () => {
    const r = cli(['fixtures/bad/placeholders.md', '--locale', 'en', '--no-color']);
    expect(r.stdout).toContain('error  Unfilled template placeholder “○○”');
    expect(r.stdout).toMatch(/✖ \d+ problems \(\d+ errors, 0 warnings\); 1 file checked, 1 failing/);
  });
});

describe('exit codes', () => {
  const dir = project('exit', { 'clean.txt': CLEAN, 'bad.txt': PLACEHOLDER, 'notes.md': '' });

  it('0 when there are no errors, with a summary line', () => {
    const r = cli(['clean.txt', '--no-color'], { cwd: dir });
    expect([r.code, r.stdout]).toEqual([0, '✔ 未发现问题，检查 1 个文件\n']);
  });

  it('1 when there are errors', () => {
    const r = cli(['bad.txt', '--no-color'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'bad.txt\n  § 一、工作开展情况\n  5:9  错误  模板占位符“×”未填写  no-placeholder\n\n✖ 1 个问题（1 个错误，0 个警告），检查 1 个文件，1 个未通过\n',
    );
  });

  it.each([
    [['missing.md'], '路径不存在：missing.md'],
    [['*.docx'], '没有与之匹配的文件：*.docx'],
    [['--format', 'xml', 'clean.txt'], '不支持的输出格式“xml”'],
    [['--max-warnings', 'many', 'clean.txt'], '--max-warnings 须为非负整数'],
    [['--locale', 'fr', 'clean.txt'], '不支持的语言“fr”'],
    [['--bogus'], '未知的选项 --bogus'],
    [['--format'], '选项 -f, --format <name[:file]> 缺少取值'],
    [['--bogus', '--locale', 'en'], 'unknown option --bogus'],
    [['--explain', 'no-such-rule'], '规则“no-such-rule”不存在'],
    [['--rule', 'no-such-rule: off', 'clean.txt'], 'no-such-rule'],
  ])('2 for %j', (args, message) => {
    const r = cli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--quiet drops warnings; --max-warnings turns too many into exit 1', () => {
    const warnDir = project('warn', { 'w.txt': PLACEHOLDER });
    const asWarning = ['w.txt', '--rule', 'no-placeholder: warn', '--no-color'];
    expect(cli(asWarning, { cwd: warnDir }).code).toBe(0);
    expect(cli([...asWarning, '--quiet'], { cwd: warnDir }).stdout).toBe('✔ 未发现问题，检查 1 个文件\n');
    const over = cli([...asWarning, '--max-warnings', '0'], { cwd: warnDir });
    expect([over.code, over.stderr]).toEqual([1, 'reportlint 发现的警告过多（上限 0 个）。\n']);
    expect(cli([...asWarning, '--max-warnings', '1'], { cwd: warnDir }).code).toBe(0);
  });
});

describe('inputs', () => {
  const dir = project('inputs', {
    'a.md': PLACEHOLDER,
    'sub/b.txt': PLACEHOLDER,
    'sub/c.markdown': PLACEHOLDER,
    'sub/skip.docx.bak': 'x',
    'node_modules/pkg/readme.md': PLACEHOLDER,
    'drafts/d.md': PLACEHOLDER,
  });
  const files = (args: string[]) =>
    (JSON.parse(cli([...args, '-f', 'json'], { cwd: dir }).stdout) as { filePath: string }[]).map((r) => path.relative(dir, r.filePath));

  it('walks directories for .md, .markdown and .txt, skipping node_modules', () => {
    expect(files(['.'])).toEqual(['a.md', 'drafts/d.md', 'sub/b.txt', 'sub/c.markdown']);
  });

  it('expands globs and honours --ignore-pattern', () => {
    expect(files(['sub/*.txt'])).toEqual(['sub/b.txt']);
    expect(files(['.', '--ignore-pattern', 'drafts/', '--ignore-pattern', '*.markdown'])).toEqual(['a.md', 'sub/b.txt']);
  });

  it('honours ignores in config, warning about a file named explicitly', () => {
    const d = project('ignores', { '.reportlintrc.yaml': 'ignores: ["drafts/**"]\n', 'a.txt': CLEAN, 'drafts/x.txt': PLACEHOLDER });
    expect(cli(['.'], { cwd: d }).code).toBe(0);
    const named = cli(['drafts/x.txt', '--no-color'], { cwd: d });
    expect(named.code).toBe(0);
    expect(named.stdout).toContain('1:1  警告  该文件与忽略规则匹配，未检查');
  });
});

describe('config', () => {
  it('applies the nearest config, overrides and --rule', () => {
    const d = project('cfg', {
      '.reportlintrc.yaml': 'rules:\n  no-cross-copy: off\n  no-placeholder: warn\noverrides:\n  - files: ["strict/**"]\n    rules:\n      no-placeholder: error\n',
      'a.txt': PLACEHOLDER,
      'strict/b.txt': PLACEHOLDER,
    });
    const r = JSON.parse(cli(['.', '-f', 'json'], { cwd: d }).stdout) as { messages: { severity: number }[] }[];
    expect(r.map((x) => x.messages.map((m) => m.severity))).toEqual([[1], [2]]);
    expect(cli(['.', '--rule', 'no-placeholder: off'], { cwd: d }).code).toBe(0);
    expect(cli(['.', '--no-config', '--rule', 'no-cross-copy: off'], { cwd: d }).code).toBe(1);
  });

  it('stops with exit 2 naming file, line and key for a bad config', () => {
    const d = project('badcfg', { '.reportlintrc.yaml': 'rules:\n  no-placeholder: error\n  no-placeholdr: warn\n', 'a.txt': CLEAN });
    const r = cli(['.'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`reportlint: 配置错误 ${path.join(d, '.reportlintrc.yaml')}:3：规则“no-placeholdr”不存在，是否应为“no-placeholder”？\n`);
  });

  it('--print-config shows the resolved config', () => {
    const d = project('print', { '.reportlintrc.yaml': 'locale: en\nrules:\n  no-placeholder: [warn, {extraPatterns: ["请填写"]}]\n' });
    const r = cli(['--print-config', 'a.md'], { cwd: d });
    expect(r.code).toBe(0);
    const config = JSON.parse(r.stdout) as { locale: string; rules: Record<string, unknown> };
    expect(config.locale).toBe('en');
    expect(config.rules['no-placeholder']).toEqual({ severity: 'warn', options: { extraPatterns: ['请填写'] } });
  });

  it('takes the locale from config', () => {
    const d = project('loc', { '.reportlintrc.yaml': 'locale: en\n', 'a.txt': PLACEHOLDER });
    expect(cli(['a.txt', '--no-color'], { cwd: d }).stdout).toContain('Unfilled template placeholder');
  });
});

describe('output', () => {
  const dir = project('out', { 'a.txt': PLACEHOLDER });

  it('colours only for a terminal or --color, never under NO_COLOR', () => {
    expect(cli(['a.txt'], { cwd: dir }).stdout).not.toContain('\u001b[');
    expect(cli(['a.txt', '--color'], { cwd: dir }).stdout).toContain('\u001b[31m');
    expect(cli(['a.txt', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('--output-file writes the report there and nothing to stdout', () => {
    const r = cli(['a.txt', '-f', 'json', '-o', 'out/report.json'], { cwd: dir });
    expect([r.code, r.stdout]).toEqual([1, '']);
    const written = JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8')) as { messages: { ruleId: string; line: number; column: number }[] }[];
    expect(written[0].messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['no-placeholder', 5, 9]]);
  });

  it('aligns columns by display width', () => {
    const d = project('align', { 'a.txt': CLEAN.replace('4次', '×次').replace('2个', 'XX个') });
    const lines = cli(['a.txt', '--no-color'], { cwd: d }).stdout.split('\n').filter((l) => l.includes('no-placeholder'));
    expect(lines).toHaveLength(2);
    // Both rule ids start at the same display column.
    const col = (line: string) => line.indexOf('no-placeholder') + (line.slice(0, line.indexOf('no-placeholder')).match(/[^\x00-\xff]/g)?.length ?? 0);
    expect(col(lines[0])).toBe(col(lines[1]));
  });
});

describe('discovery', () => {
  it('--list-rules lists each rule with category, severity and description', () => {
    const r = cli(['--list-rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^no-placeholder\s+内容\s+错误\s+禁止保留未填写的模板占位符/m);
  });

  it('--explain prints docs and examples generated from the rule', () => {
    const r = cli(['--explain', 'no-placeholder', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# no-placeholder');
    expect(r.stdout).toContain('1:9  Unfilled template placeholder “×”');
  });

  it('a reader that stops early is no error', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${path.join(ROOT, 'bin/reportlint.js')}" --help | head -n 1`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
  });

  it('--version and --help', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version']).stdout.trim()).toBe(pkg.version);
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('退出码');
    expect(cli(['--help', '--locale', 'en']).stdout).toContain('Exit codes');
  });
});
