import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// The compiled module: run from sources there is no worker to start, and workerCount says 0.
import { POOL_THRESHOLD, workerCount } from '../dist/src/pool/pool.js';
import { cli, ROOT } from './cli-helper.js';
import { buildDocx } from './docx-builder.js';
import { buildLayoutDocx } from './layout-fixtures.js';

/**
 * The worker pool changes nothing but the time: a pooled run prints the same
 * bytes as a single-threaded one, in every format that lists findings, with
 * cross-copy between files linted in different workers, Word and GB18030
 * files, and files that cannot be linted.
 */

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-pool-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('worker pool', () => {
  it('a pooled run and a single-threaded run give byte-identical output', async () => {
    const dir = path.join(tmp, 'batch');
    cpSync(path.join(ROOT, 'fixtures'), dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'word.docx'),
      await buildDocx(['关于某项工作的报告', '市委：', '一、工作开展情况', '全年开展专项督查×次，督促整改问题线索18条。', '二、存在的问题']),
    );
    writeFileSync(path.join(dir, 'gbk.txt'), Buffer.from('d6d0b9b2c4b3cef7', 'hex')); // 中共某西, in GB18030
    writeFileSync(path.join(dir, 'empty.md'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3]));

    for (const format of ['json', 'stylish', 'sarif']) {
      const single = cli(['.', '-f', format], { cwd: dir, env: { REPORTLINT_WORKERS: '0' } });
      const pooled = cli(['.', '-f', format], { cwd: dir, env: { REPORTLINT_WORKERS: '2' } });
      expect(single.code).toBe(2); // the empty and binary files
      expect(pooled.stderr).toBe(single.stderr);
      expect(pooled.code).toBe(single.code);
      expect(pooled.stdout).toBe(single.stdout);
      if (format === 'json') {
        const results = JSON.parse(pooled.stdout) as { filePath: string; messages: { ruleId: string | null; paragraph?: number }[] }[];
        const withRule = (id: string) => results.filter((r) => r.messages.some((m) => m.ruleId === id)).map((r) => path.relative(dir, r.filePath));
        // Cross-copy across files that different workers linted, and the checklist from the config.
        expect(withRule('no-cross-copy').length).toBeGreaterThanOrEqual(2);
        expect(withRule('no-checklist-copy').length).toBeGreaterThanOrEqual(1);
        expect(withRule('no-placeholder')).toContain('word.docx');
        const word = results.find((r) => r.filePath.endsWith('word.docx'))!;
        expect(word.messages.find((m) => m.ruleId === 'no-placeholder')?.paragraph).toBe(4);
      }
    }
  }, 240_000);

  it('--fix-dry-run through the pool prints the same diff', () => {
    const dir = path.join(tmp, 'fix');
    cpSync(path.join(ROOT, 'fixtures/bad'), dir, { recursive: true });
    const single = cli(['.', '--fix-dry-run'], { cwd: dir, env: { REPORTLINT_WORKERS: '0' } });
    const pooled = cli(['.', '--fix-dry-run'], { cwd: dir, env: { REPORTLINT_WORKERS: '2' } });
    expect(single.stdout).toContain('+++ b/');
    expect(pooled.stdout).toBe(single.stdout);
    expect(pooled.code).toBe(single.code);
  }, 240_000);

  it('--fix on Word files through the pool writes the same formatted copies', async () => {
    const bytes = await buildLayoutDocx('normal-margins');
    const copies: Buffer[] = [];
    for (const workers of ['0', '2']) {
      const dir = path.join(tmp, `word-fix-${workers}`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'a.docx'), bytes);
      writeFileSync(path.join(dir, 'b.docx'), bytes);
      const r = cli(['.', '--fix', '--no-config'], { cwd: dir, env: { REPORTLINT_WORKERS: workers } });
      expect(r.stderr).not.toContain('Error');
      copies.push(readFileSync(path.join(dir, 'a.formatted.docx')), readFileSync(path.join(dir, 'b.formatted.docx')));
      // The inputs are never written.
      expect(readFileSync(path.join(dir, 'a.docx')).equals(bytes)).toBe(true);
    }
    expect(copies[0].subarray(0, 2).toString('latin1')).toBe('PK');
    for (const copy of copies.slice(1)) expect(copy.equals(copies[0])).toBe(true);
  }, 240_000);

  it('uses threads only above the threshold and with two cores or more; REPORTLINT_WORKERS decides when set', () => {
    expect(workerCount(POOL_THRESHOLD - 1)).toBe(0);
    expect(workerCount(10, 0)).toBe(0);
    expect(workerCount(10, 2)).toBe(2);
    const cores = os.availableParallelism();
    expect(workerCount(POOL_THRESHOLD * 100)).toBe(cores < 2 ? 0 : cores);
    const bad = cli(['fixtures/clean'], { env: { REPORTLINT_WORKERS: 'two' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('reportlint: 环境变量 REPORTLINT_WORKERS 须为非负整数，收到“two”\n');
  });
});
