import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_REPORT, cli } from './cli-helper.js';

/** --fix through the built CLI: what is written, what is not, and how. */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-fix-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function file(name: string, content: string): { dir: string; path: string } {
  const dir = path.join(tmp, `case${n++}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, name), content);
  return { dir, path: path.join(dir, name) };
}

// Half-width comma and a doubled full stop between Chinese words: both fixable.
const BAD = CLEAN_REPORT.replace('2024年以来，', '2024年以来,').replace('报告如下。', '报告如下。。');
const FIXED = CLEAN_REPORT;

describe('--fix', () => {
  it('writes the fixed text, says what it fixed, and exits 0 when nothing remains', () => {
    const f = file('a.txt', BAD);
    const r = cli(['a.txt', '--fix', '--no-color'], { cwd: f.dir });
    expect(readFileSync(f.path, 'utf8')).toBe(FIXED);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已自动修复 2 处');
  });

  it('keeps the mode, the BOM and CRLF line endings, and leaves no temporary file', () => {
    const f = file('a.txt', '\uFEFF' + BAD.replace(/\n/g, '\r\n'));
    chmodSync(f.path, 0o640);
    cli(['a.txt', '--fix'], { cwd: f.dir });
    expect(readFileSync(f.path, 'utf8')).toBe('\uFEFF' + FIXED.replace(/\n/g, '\r\n'));
    expect(statSync(f.path).mode & 0o777).toBe(0o640);
    expect(readdirSync(f.dir)).toEqual(['a.txt']);
  });

  it('does not touch a file with nothing to fix', () => {
    const f = file('a.txt', FIXED);
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(f.path, old, old);
    expect(cli(['a.txt', '--fix'], { cwd: f.dir }).code).toBe(0);
    expect(statSync(f.path).mtimeMs).toBe(old.getTime());
  });

  it('a second --fix changes nothing', () => {
    const f = file('a.txt', BAD);
    cli(['a.txt', '--fix'], { cwd: f.dir });
    const once = readFileSync(f.path, 'utf8');
    const mtime = statSync(f.path).mtimeMs;
    cli(['a.txt', '--fix'], { cwd: f.dir });
    expect(readFileSync(f.path, 'utf8')).toBe(once);
    expect(statSync(f.path).mtimeMs).toBe(mtime);
  });

  it('--fix-rule limits fixing to the rules named', () => {
    const f = file('a.txt', BAD);
    cli(['a.txt', '--fix', '--fix-rule', 'duplicate-punctuation'], { cwd: f.dir });
    expect(readFileSync(f.path, 'utf8')).toBe(BAD.replace('报告如下。。', '报告如下。'));
    const bad = cli(['a.txt', '--fix', '--fix-rule', 'heading-numbering'], { cwd: f.dir });
    expect([bad.code, bad.stderr]).toEqual([2, 'reportlint: --fix-rule 指定的规则“heading-numbering”不存在或不支持自动修复\n']);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const f = file('a.txt', BAD);
    const r = cli(['a.txt', '--fix-dry-run', '--no-color'], { cwd: f.dir });
    expect(readFileSync(f.path, 'utf8')).toBe(BAD);
    expect(r.stdout).toMatch(/^-{3} a\/a\.txt\n\+{3} b\/a\.txt\n@@ -1,\d+ \+1,\d+ @@$/m);
    expect(r.stdout).toContain(`-${BAD.split('\n')[2]}\n+${FIXED.split('\n')[2]}\n`);
  });

  it('JSON output carries the fixed text as `output`, as ESLint does', () => {
    const f = file('a.txt', BAD);
    const r = cli(['a.txt', '--fix-dry-run', '-f', 'json'], { cwd: f.dir });
    expect((JSON.parse(r.stdout.slice(r.stdout.indexOf('[{'))) as { output: string }[])[0].output).toBe(FIXED);
  });
});
