import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './cli-helper.js';
import { prose } from './support/prose.js';

/**
 * The replay of whole runs (src/cache/replay.ts). Each case first shows that
 * the run is recorded and then replayed (`--debug` says which), then changes
 * one input and shows that the next run is not replayed and gives exactly what
 * a run without the cache gives.
 *
 * A run reading a file changed in the last two seconds is not recorded (its
 * stamp could hide a change made within the same clock tick): the cases' files
 * are all written before one wait, in beforeAll. So is each case's cache file
 * (by a first run): a cache file or a report written into a walked directory
 * changes its listing, and the run after that records again.
 */

const CLEAN = path.join(ROOT, 'fixtures/clean');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-replay-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RECORDED = 'reportlint: debug: cache: recorded this run for replay\n';
const REPLAYED = 'reportlint: debug: cache: replayed the recorded run (no input changed)\n';

/** A case's directory: three reports (a.md and b.md share a passage), a config, and a sub-directory with one report. */
function makeCase(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  const copied = prose(42, 80);
  const plant = (text: string, extra: string) => text.replace('现将有关情况报告如下。', `现将有关情况报告如下。${extra}`);
  writeFileSync(path.join(dir, 'a.md'), plant(readFileSync(path.join(CLEAN, 'district-committee.md'), 'utf8'), copied));
  writeFileSync(path.join(dir, 'b.md'), plant(readFileSync(path.join(CLEAN, 'school.md'), 'utf8'), copied));
  writeFileSync(path.join(dir, 'c.md'), readFileSync(path.join(CLEAN, 'street-office.md'), 'utf8'));
  writeFileSync(path.join(dir, 'sub', 'd.md'), readFileSync(path.join(CLEAN, 'township-annual.md'), 'utf8'));
  writeFileSync(path.join(dir, 'ref.txt'), `${prose(7, 400)}\n`);
  writeFileSync(path.join(dir, '.reportlintrc.yaml'), 'root: true\nreferences: [ref.txt]\n');
  return dir;
}

const CASES = ['report', 'added', 'removed', 'config', 'new-config', 'reference', 'key', 'outputs', 'damaged', 'racy', 'unreadable', 'workers', 'content'];
const dirs: Record<string, string> = {};
/** The report file goes outside the walked directory: a file removed from a walked one changes its listing. */
const OUTPUTS_ARGS = ['.', '--max-warnings', '0', '-f', 'sarif:../outputs-out/report.sarif', '-f', 'summary', '--rule', 'no-cross-copy: warn'];

beforeAll(async () => {
  for (const name of CASES) dirs[name] = makeCase(name);
  // sub/d.md with a placeholder, for a config that appears beside it and turns the rule off.
  const d = path.join(dirs['new-config'], 'sub', 'd.md');
  writeFileSync(d, readFileSync(d, 'utf8').replace('中共', '××'));
  writeFileSync(path.join(dirs.unreadable, 'bad.docx'), 'not a zip');
  for (const name of CASES) cli(['--cache', '.', ...(name === 'outputs' ? OUTPUTS_ARGS.slice(1) : [])], { cwd: dirs[name] });
  // Past the two seconds within which a file's times are not trusted.
  await new Promise((resolve) => setTimeout(resolve, 2100));
}, 60_000);

type Result = ReturnType<typeof cli>;

/** Runs with the cache and --debug; returns the result with the debug line taken out of stderr. */
function cached(dir: string, args: string[] = ['.'], env?: Record<string, string>): Result & { debug: string } {
  const r = cli(['--cache', '--debug', ...args], { cwd: dir, env });
  const debug = r.stderr.split('\n').filter((l) => l.startsWith('reportlint: debug: cache:')).map((l) => `${l}\n`).join('');
  return { ...r, stderr: r.stderr.split('\n').filter((l) => !l.startsWith('reportlint: debug: cache:')).join('\n'), debug };
}

/** The same run without the cache: what a replay, or a miss, must give. */
function fresh(dir: string, args: string[] = ['.'], env?: Record<string, string>): Result {
  return cli(['--debug', ...args], { cwd: dir, env });
}

function expectSame(a: Result, b: Result) {
  expect(a.stdout).toBe(b.stdout);
  expect(a.stderr).toBe(b.stderr);
  expect(a.code).toBe(b.code);
}

/** Records and replays the run, as the starting point of a case; returns the replayed result. */
function recordAndReplay(dir: string, args?: string[], env?: Record<string, string>) {
  const first = cached(dir, args, env);
  expect(first.debug).toBe(RECORDED);
  const second = cached(dir, args, env);
  expect(second.debug).toBe(REPLAYED);
  expectSame(second, first);
  expectSame(second, fresh(dir, args, env));
  return second;
}

/** After a change: not replayed, and what a run without the cache gives. */
function expectMiss(dir: string, args?: string[], env?: Record<string, string>) {
  const after = cached(dir, args, env);
  expect(after.debug).not.toBe(REPLAYED);
  expectSame(after, fresh(dir, args, env));
  return after;
}

describe('replay of whole runs (--cache)', { timeout: 120_000 }, () => {
  it('a report changed in place, same size, is seen', () => {
    const dir = dirs.report;
    recordAndReplay(dir, ['.', '-f', 'json']);
    const file = path.join(dir, 'c.md');
    const text = readFileSync(file, 'utf8');
    const changed = text.replace('中共', '×××');
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
    writeFileSync(file, changed);
    expect(expectMiss(dir, ['.', '-f', 'json']).stdout).toContain('"ruleId":"no-placeholder"');
  });

  it('a report added to a walked directory, or a sub-directory, is seen', () => {
    const dir = dirs.added;
    recordAndReplay(dir);
    writeFileSync(path.join(dir, 'sub', 'e.md'), readFileSync(path.join(dir, 'c.md'), 'utf8').replace('中共', '××'));
    expect(expectMiss(dir).stdout).toContain(path.join('sub', 'e.md'));
    mkdirSync(path.join(dir, 'new'));
    writeFileSync(path.join(dir, 'new', 'f.md'), '# 关于×××的报告\n');
    expect(expectMiss(dir).stdout).toContain(path.join('new', 'f.md'));
  });

  it('a report removed or renamed is seen: the copy between a.md and b.md goes', () => {
    const dir = dirs.removed;
    expect(recordAndReplay(dir).stdout).toContain('no-cross-copy');
    renameSync(path.join(dir, 'b.md'), path.join(dir, 'b.txt.bak'));
    expect(expectMiss(dir).stdout).not.toContain('no-cross-copy');
  });

  it('a changed config is seen', () => {
    const dir = dirs.config;
    expect(recordAndReplay(dir).stdout).toContain('no-cross-copy');
    writeFileSync(path.join(dir, '.reportlintrc.yaml'), 'root: true\nreferences: [ref.txt]\nrules:\n  no-cross-copy: off\n');
    expect(expectMiss(dir).stdout).not.toContain('no-cross-copy');
  });

  it('a config that appears where none was is seen', () => {
    const dir = dirs['new-config'];
    expect(recordAndReplay(dir, ['sub']).stdout).toContain('no-placeholder');
    writeFileSync(path.join(dir, 'sub', '.reportlintrc.yaml'), 'rules:\n  no-placeholder: off\n');
    expect(expectMiss(dir, ['sub']).stdout).not.toContain('no-placeholder');
  });

  it('a changed reference document is seen', () => {
    const dir = dirs.reference;
    const passage = readFileSync(path.join(dir, 'c.md'), 'utf8').split('\n').find((l) => l.length > 80)!;
    expect(recordAndReplay(dir).stdout).not.toContain('no-checklist-copy');
    writeFileSync(path.join(dir, 'ref.txt'), `${prose(7, 400)}\n${passage}\n`);
    expect(expectMiss(dir).stdout).toContain('no-checklist-copy');
  });

  it('each command line, environment and terminal has its own record; several are kept', () => {
    const dir = dirs.key;
    const stylish = recordAndReplay(dir);
    const json = recordAndReplay(dir, ['.', '-f', 'json']);
    const english = recordAndReplay(dir, ['.', '--locale', 'en']);
    expect(new Set([stylish.stdout, json.stdout, english.stdout]).size).toBe(3);
    // Each is still there: the records do not push each other out.
    expect(cached(dir).debug).toBe(REPLAYED);
    expect(cached(dir, ['.', '-f', 'json']).debug).toBe(REPLAYED);
    // An environment variable reportlint reads is part of the key; another is not.
    expect(cached(dir, ['.'], { NO_COLOR: '1' }).debug).toBe(RECORDED);
    expect(cached(dir, ['.'], { SOMETHING_ELSE: '1' }).debug).toBe(REPLAYED);
    expect(cached(dir, ['.'], { REPORTLINT_WORKERS: '0' }).debug).toBe(RECORDED);
  });

  it('gives back the exit code, what went to standard error, and the files written (again, if removed)', () => {
    const dir = dirs.outputs;
    const args = OUTPUTS_ARGS;
    const replayed = recordAndReplay(dir, args);
    expect(replayed.code).toBe(1);
    expect(replayed.stderr).toMatch(/警告/);
    const out = path.join(tmp, 'outputs-out');
    const sarif = readFileSync(path.join(out, 'report.sarif'), 'utf8');
    expect(JSON.parse(sarif).runs[0].results.length).toBeGreaterThan(0);
    rmSync(out, { recursive: true });
    expect(cached(dir, args).debug).toBe(REPLAYED);
    expect(readFileSync(path.join(out, 'report.sarif'), 'utf8')).toBe(sarif);
  });

  it('a damaged record is said, never trusted, and rebuilt', () => {
    const dir = dirs.damaged;
    const replayed = recordAndReplay(dir);
    const file = path.join(dir, '.reportlintcache');
    const bytes = readFileSync(file);
    // The records section follows the two lines and the index: a byte in the middle of each record.
    const head = /^reportlint-cache 4\n(\d+) [0-9a-f]{40} .*\n/.exec(bytes.subarray(0, 200).toString('latin1'))!;
    const records = head[0].length + Number(head[1]);
    const index = JSON.parse(bytes.subarray(head[0].length, records).toString()) as { offset: number; length: number }[];
    for (const slot of index) bytes[records + slot.offset + (slot.length >> 1)] ^= 0x20;
    writeFileSync(file, bytes);
    const damaged = cached(dir);
    expect(damaged.stderr).toBe('reportlint: 缓存文件 .reportlintcache 已损坏或不是 reportlint 的缓存，已忽略并重新建立\n');
    expect(damaged.stdout).toBe(replayed.stdout);
    expect(damaged.debug).not.toBe(REPLAYED);
    // Rebuilt: recorded again, then replayed.
    expect(cached(dir).debug).toBe(RECORDED);
    expect(cached(dir).debug).toBe(REPLAYED);
  });

  it('a run reading a file changed in the last two seconds is not recorded', () => {
    const dir = dirs.racy;
    recordAndReplay(dir);
    writeFileSync(path.join(dir, 'c.md'), readFileSync(path.join(dir, 'c.md'), 'utf8'));
    const racy = cached(dir);
    expect(racy.debug).toMatch(/^reportlint: debug: cache: this run is not recorded for replay: .*c\.md changed less than 2000 ms ago\n$/);
    expect(cached(dir).debug).not.toBe(REPLAYED);
  });

  it('a run with a file it cannot read is not recorded', () => {
    const dir = dirs.unreadable;
    const broken = cached(dir);
    expect(broken.code).toBe(2);
    expect(broken.debug).toBe('reportlint: debug: cache: this run is not recorded for replay: a file could not be read or written\n');
    expect(cached(dir).debug).not.toBe(REPLAYED);
  });

  it('a pooled run hands on what its workers read: a change they alone read is seen', () => {
    const dir = dirs.workers;
    const env = { REPORTLINT_WORKERS: '2' };
    recordAndReplay(dir, ['.', '-f', 'json'], env);
    writeFileSync(path.join(dir, 'sub', 'd.md'), readFileSync(path.join(dir, 'sub', 'd.md'), 'utf8').replace('中共', '××'));
    expect(expectMiss(dir, ['.', '-f', 'json'], env).stdout).toContain('"ruleId":"no-placeholder"');
  });

  it('with the content strategy too', () => {
    const dir = dirs.content;
    const args = ['.', '--cache-strategy', 'content'];
    recordAndReplay(dir, args);
    writeFileSync(path.join(dir, 'a.md'), readFileSync(path.join(dir, 'a.md'), 'utf8').replace('中共', '××'));
    expect(expectMiss(dir, args).stdout).toContain('no-placeholder');
    expect(statSync(path.join(dir, '.reportlintcache')).isFile()).toBe(true);
  });
});
