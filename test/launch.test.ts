import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDirs, decodeCache, encodeCache, notOwn, pruneUnused, RACY_MS, UNUSED_MS, type System } from '../src/launch/launch.js';
import { CLEAN_REPORT, cli, ROOT } from './cli-helper.js';
import { buildShapesDocx, pdf } from './word-fixtures.js';

/**
 * prebuilt/cli.cjs run by prebuilt/launch.js with a V8 code cache (src/launch/launch.ts): the cache
 * is used only when it was made from the same bundle file and is whole, lives only where nobody else
 * may write, and a run gives the same output with it, without it and from the sources.
 */

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-launch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('where the cache lives', () => {
  const linux: System = { platform: 'linux', homedir: '/home/u', tmpdir: '/tmp', uid: 1000 };
  it.each<[string, Record<string, string>, System, string[] | { off: string }]>([
    ['Linux: ~/.cache, then the temporary directory', {}, linux, ['/home/u/.cache/reportlint/code-cache', '/tmp/reportlint-1000/code-cache']],
    ['Linux: XDG_CACHE_HOME', { XDG_CACHE_HOME: '/var/cache/u' }, linux, ['/var/cache/u/reportlint/code-cache', '/tmp/reportlint-1000/code-cache']],
    ['Linux: a relative XDG_CACHE_HOME is ignored, as the spec says', { XDG_CACHE_HOME: 'rel' }, linux, ['/home/u/.cache/reportlint/code-cache', '/tmp/reportlint-1000/code-cache']],
    ['no home directory', {}, { ...linux, homedir: '' }, ['/tmp/reportlint-1000/code-cache']],
    ['macOS', {}, { ...linux, platform: 'darwin', homedir: '/Users/u' }, ['/Users/u/Library/Caches/reportlint/code-cache', '/tmp/reportlint-1000/code-cache']],
    ['Windows: LOCALAPPDATA', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, { platform: 'win32', homedir: 'C:\\Users\\u', tmpdir: 'C:\\Temp' }, [path.join('C:\\Users\\u\\AppData\\Local', 'reportlint', 'Cache', 'code-cache'), path.join('C:\\Temp', 'reportlint', 'code-cache')]],
    ['REPORTLINT_COMPILE_CACHE names the directory', { REPORTLINT_COMPILE_CACHE: '/srv/cc', XDG_CACHE_HOME: '/x' }, linux, ['/srv/cc']],
    ['REPORTLINT_COMPILE_CACHE, relative', { REPORTLINT_COMPILE_CACHE: 'cc' }, linux, [path.resolve('cc')]],
    ['REPORTLINT_COMPILE_CACHE=0 turns it off', { REPORTLINT_COMPILE_CACHE: '0' }, linux, { off: 'REPORTLINT_COMPILE_CACHE=0' }],
    ['REPORTLINT_COMPILE_CACHE=off', { REPORTLINT_COMPILE_CACHE: 'off' }, linux, { off: 'REPORTLINT_COMPILE_CACHE=off' }],
    ['REPORTLINT_COMPILE_CACHE empty is unset', { REPORTLINT_COMPILE_CACHE: '' }, linux, ['/home/u/.cache/reportlint/code-cache', '/tmp/reportlint-1000/code-cache']],
  ])('%s', (_name, env, system, expected) => {
    expect(cacheDirs(env, system)).toEqual(expected);
  });

  it.each<[string, { uid: number; mode: number }, number | undefined, string | undefined]>([
    ['own, 0700', { uid: 1000, mode: 0o40700 }, 1000, undefined],
    ['own, 0755 (others may read, not write)', { uid: 1000, mode: 0o40755 }, 1000, undefined],
    ["another user's", { uid: 0, mode: 0o40700 }, 1000, 'owned by user 0, not 1000'],
    ['group-writable', { uid: 1000, mode: 0o40770 }, 1000, 'writable by others (mode 770)'],
    ['world-writable', { uid: 1000, mode: 0o100666 }, 1000, 'writable by others (mode 666)'],
    ['Windows (no user ids)', { uid: 0, mode: 0o40777 }, undefined, undefined],
  ])('a directory or file that is %s', (_name, info, uid, expected) => {
    expect(notOwn(info, uid)).toBe(expected);
  });
});

describe('the cache file', () => {
  const data = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) & 0xff));
  const bytes = encodeCache(data, 'stamp-1', true);

  it('gives back the data it was made with, for the same bundle stamp', () => {
    expect(decodeCache(bytes, 'stamp-1')).toEqual({ data, full: true });
    expect(decodeCache(encodeCache(data, 'stamp-1', false), 'stamp-1')).toEqual({ data, full: false });
  });

  it.each<[string, (b: Buffer) => Buffer, string, string]>([
    ['another build of the bundle', (b) => b, 'stamp-2', 'made from another build of the bundle'],
    ['one byte of the data changed', (b) => Buffer.from(b.map((x, i) => (i === b.length - 100 ? x ^ 1 : x))), 'stamp-1', 'damaged (checksum)'],
    ['cut short', (b) => b.subarray(0, b.length - 1), 'stamp-1', 'damaged (checksum)'],
    ['a byte too many', (b) => Buffer.concat([b, Buffer.from([0])]), 'stamp-1', 'damaged (checksum)'],
    ['its header damaged', (b) => Buffer.from(b.toString('latin1').replace('"full"', '"fu"l"'), 'latin1'), 'stamp-1', 'damaged (header)'],
    ['its header not an object', (b) => Buffer.concat([Buffer.from('reportlint-code-cache 1\nnull\n'), b.subarray(b.indexOf(0x0a, 24) + 1)]), 'stamp-1', 'damaged (header)'],
    ['its header line unended', (b) => b.subarray(0, 40), 'stamp-1', 'damaged (header)'],
    ['not a cache of ours', () => Buffer.from('V8 data'), 'stamp-1', 'not a reportlint code cache'],
    ['empty', () => Buffer.alloc(0), 'stamp-1', 'not a reportlint code cache'],
  ])('is not used when %s', (_name, edit, stamp, miss) => {
    expect(decodeCache(edit(bytes), stamp)).toEqual({ miss });
  });
});

describe('unused cache files', () => {
  it('are deleted after 30 days, and temporary files a crash left after one; nothing else is', () => {
    const dir = path.join(tmp, 'prune');
    mkdirSync(dir);
    const now = Date.now();
    const day = 24 * 3600 * 1000;
    const files: [string, number][] = [
      ['cli-0123abcd.bin', 31],
      ['cli-0123abcd-help.bin', 31],
      ['cli-4567ef01.bin', 29],
      ['cli-4567ef01.bin.123.abc.tmp', 2],
      ['cli-89abcdef.bin.456.def.tmp', 0],
      ['notes.txt', 400],
      ['cli-old.bin', 400],
    ];
    for (const [name, age] of files) {
      writeFileSync(path.join(dir, name), '');
      utimesSync(path.join(dir, name), (now - age * day) / 1000, (now - age * day) / 1000);
    }
    expect(UNUSED_MS).toBe(30 * day);
    expect(pruneUnused(dir, now).sort()).toEqual(['cli-0123abcd-help.bin', 'cli-0123abcd.bin', 'cli-4567ef01.bin.123.abc.tmp']);
    expect(readdirSync(dir).sort()).toEqual(['cli-4567ef01.bin', 'cli-89abcdef.bin.456.def.tmp', 'cli-old.bin', 'notes.txt']);
    expect(pruneUnused(path.join(dir, 'absent'), now)).toEqual([]);
  });
});

/**
 * A copy of the installed package (bin, prebuilt, package.json; node_modules linked) without dist/, so that the
 * bin runs the bundle as every install does. Its files are aged past RACY_MS first: the launcher makes no
 * cache of a bundle younger than that.
 */
function installCopy(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'bin'), { recursive: true });
  cpSync(path.join(ROOT, 'prebuilt'), path.join(dir, 'prebuilt'), { recursive: true });
  cpSync(path.join(ROOT, 'bin/reportlint.js'), path.join(dir, 'bin/reportlint.js'));
  cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

let pkg: string;
let other: string;
let reports: string;
/** Reports of the replay's test alone (it changes one). */
let replayReports: string;
beforeAll(async () => {
  pkg = installCopy('pkg');
  other = installCopy('other');
  reports = path.join(tmp, 'reports');
  mkdirSync(reports);
  writeFileSync(path.join(reports, 'clean.md'), CLEAN_REPORT);
  writeFileSync(path.join(reports, 'bad.md'), CLEAN_REPORT.replace('坚持问题导向，', '坚持问题导向,').replace('4次', '×次'));
  writeFileSync(path.join(reports, 'shapes.docx'), await buildShapesDocx());
  writeFileSync(path.join(reports, 'r.pdf'), pdf('A report,with a half-width comma.'));
  replayReports = path.join(tmp, 'replay-reports');
  cpSync(reports, replayReports, { recursive: true });
  await new Promise((resolve) => setTimeout(resolve, RACY_MS + 200));
}, RACY_MS + 30_000);

/** Runs a copy's bin in the reports' directory with `env` added; `cache` is what the launcher's --debug line says, `stderr` the rest without debug lines. */
function run(bin: string, args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [path.join(bin, 'bin/reportlint.js'), ...args], {
    cwd: reports,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, REPORTLINT_PREBUILT: undefined, ...env },
    encoding: 'utf8',
  });
  const line = /^reportlint: debug: code cache: (.*)$/m.exec(r.stderr)?.[1];
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^reportlint: debug: .*\n/gm, ''), cache: line };
}

const ARGS = ['-f', 'json', '--no-config', 'clean.md', 'bad.md', 'shapes.docx', 'r.pdf'];

describe('a run with the code cache', () => {
  it('writes it on the first run, uses it after, and gives the output the sources give', () => {
    const cache = path.join(tmp, 'cc-first');
    const env = { REPORTLINT_COMPILE_CACHE: cache };
    const first = run(pkg, [...ARGS, '--debug'], env);
    expect(first.cache).toMatch(new RegExp(`^none yet; wrote ${cache}/cli-[0-9a-f]{8}\\.bin$`));
    const [file] = readdirSync(cache);
    expect(statSync(path.join(cache, file)).mode & 0o777).toBe(0o600);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    const second = run(pkg, [...ARGS, '--debug'], env);
    expect(second.cache).toBe(`used ${path.join(cache, file)}`);
    const off = run(pkg, ARGS, { REPORTLINT_COMPILE_CACHE: '0' });
    const sources = cli(ARGS, { cwd: reports, env: { NO_COLOR: '1' } });
    expect(sources.code).toBe(1);
    // Word, PDF (pdfjs-dist, through the launcher's import()) and text reports, each with findings.
    const results = JSON.parse(sources.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    const ids = Object.fromEntries(results.map((r) => [path.basename(r.filePath), [...new Set(r.messages.map((m) => m.ruleId))].sort()]));
    expect(ids).toEqual({
      'bad.md': ['no-cross-copy', 'no-placeholder', 'punctuation-width'],
      'clean.md': ['no-cross-copy'],
      'r.pdf': ['problems-section', 'report-title', 'signature-date'],
      'shapes.docx': ['layout-clean-copy', 'layout-fonts', 'layout-indent', 'layout-line-spacing', 'layout-page', 'layout-page-number', 'no-placeholder', 'problems-depth', 'required-sections', 'section-min-length'],
    });
    for (const r of [first, second, off]) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: sources.code, stdout: sources.stdout, stderr: sources.stderr });
    // Without --debug the launcher says nothing.
    expect(run(pkg, ARGS, env).stderr).toBe('');
    expect(spawnSync(process.execPath, [path.join(pkg, 'bin/reportlint.js'), ...ARGS], { cwd: reports, env: { ...process.env, ...env }, encoding: 'utf8' }).stderr).toBe('');
  });

  it('a pooled run, whose workers the launcher imports, gives the single-threaded output', () => {
    const env = { REPORTLINT_COMPILE_CACHE: path.join(tmp, 'cc-pool') };
    const single = run(pkg, ['-f', 'json', '--no-config', '.'], { ...env, REPORTLINT_WORKERS: '0' });
    const pooled = run(pkg, ['-f', 'json', '--no-config', '.', '--debug'], { ...env, REPORTLINT_WORKERS: '2' });
    expect(pooled.cache).toBe(`used ${path.join(env.REPORTLINT_COMPILE_CACHE, readdirSync(env.REPORTLINT_COMPILE_CACHE)[0])}`);
    expect(pooled.stdout).toBe(single.stdout);
    expect(JSON.parse(single.stdout)).toHaveLength(4);
  });

  it('a damaged cache is not used, and is made anew', () => {
    const cache = path.join(tmp, 'cc-damaged');
    const env = { REPORTLINT_COMPILE_CACHE: cache };
    const clean = run(pkg, ARGS, env);
    const file = path.join(cache, readdirSync(cache)[0]);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1000] ^= 0xff;
    writeFileSync(file, bytes, { mode: 0o600 });
    const damaged = run(pkg, [...ARGS, '--debug'], env);
    expect(damaged.cache).toBe(`damaged (checksum); wrote ${file}`);
    expect(damaged.stdout).toBe(clean.stdout);
    expect(run(pkg, [...ARGS, '--debug'], env).cache).toBe(`used ${file}`);
  });

  it('a cache used is marked used (its time moved to now) once a day, so that pruning spares it', () => {
    const cache = path.join(tmp, 'cc-touch');
    const env = { REPORTLINT_COMPILE_CACHE: cache };
    run(pkg, ARGS, env);
    const file = path.join(cache, readdirSync(cache)[0]);
    const old = (Date.now() - 2 * 24 * 3600 * 1000) / 1000;
    utimesSync(file, old, old);
    expect(run(pkg, [...ARGS, '--debug'], env).cache).toBe(`used ${file}`);
    expect(Date.now() - statSync(file).mtimeMs).toBeLessThan(60_000);
  });

  it('--help has a cache of its own; a run that stops before linting makes one the next linting run replaces, once', () => {
    const cache = path.join(tmp, 'cc-help');
    const env = { REPORTLINT_COMPILE_CACHE: cache };
    const help = run(pkg, ['--help', '--debug'], env);
    expect(help.code).toBe(0);
    expect(help.cache).toMatch(new RegExp(`^none yet; wrote ${cache}/cli-[0-9a-f]{8}-help\\.bin$`));
    expect(run(pkg, ['-h', '--debug'], env).cache).toBe(`used ${help.cache!.replace(/^.*wrote /, '')}`);
    // A usage error ends before the linter is loaded.
    const usage = run(pkg, ['--no-such-option', '--debug'], env);
    expect(usage.code).toBe(2);
    expect(usage.cache).toMatch(new RegExp(`^none yet; wrote ${cache}/cli-[0-9a-f]{8}\\.bin$`));
    expect(run(pkg, [...ARGS, '--debug'], env).cache).toMatch(/^made by a run that did not lint; wrote /);
    expect(run(pkg, [...ARGS, '--debug'], env).cache).toMatch(/^used /);
    expect(run(pkg, ['--no-such-option', '--debug'], env).cache).toMatch(/^used /);
    expect(readdirSync(cache).sort()).toHaveLength(2);
  });

  it('a cache made from another build of the bundle is not used; a bundle changed in the last two seconds is not cached', () => {
    const cache = path.join(tmp, 'cc-rebuilt');
    const env = { REPORTLINT_COMPILE_CACHE: cache };
    const before = run(other, ARGS, env);
    // The same bytes written again: V8 would take the old cache (it checks the length only); the stamp does not.
    const bundle = path.join(other, 'prebuilt/cli.cjs');
    writeFileSync(bundle, readFileSync(bundle));
    const after = run(other, [...ARGS, '--debug'], env);
    expect(after.cache).toBe(`made from another build of the bundle; not written: the bundle changed less than ${RACY_MS} ms ago`);
    expect(after.stdout).toBe(before.stdout);
  });

  it.skipIf(process.platform === 'win32')('a directory others may write is not used, nor one that cannot be made; the run goes on', () => {
    const shared = path.join(tmp, 'cc-shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const clean = run(pkg, ARGS, { REPORTLINT_COMPILE_CACHE: '0' });
    const open = run(pkg, [...ARGS, '--debug'], { REPORTLINT_COMPILE_CACHE: shared });
    expect(open.cache).toBe(`off (${shared}: writable by others (mode 777))`);
    expect(readdirSync(shared)).toEqual([]);
    const blocked = path.join(tmp, 'a-file');
    writeFileSync(blocked, '');
    const impossible = run(pkg, [...ARGS, '--debug'], { REPORTLINT_COMPILE_CACHE: path.join(blocked, 'cc') });
    expect(impossible.cache).toBe(`off (${path.join(blocked, 'cc')}: ENOTDIR)`);
    for (const r of [open, impossible]) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: clean.code, stdout: clean.stdout, stderr: clean.stderr });
  });

  it('by default lives in ~/.cache (XDG), and REPORTLINT_COMPILE_CACHE=0 writes nothing', () => {
    const home = path.join(tmp, 'home');
    mkdirSync(home);
    const off = run(pkg, [...ARGS, '--debug'], { HOME: home, XDG_CACHE_HOME: undefined, REPORTLINT_COMPILE_CACHE: '0' });
    expect(off.cache).toBe('off (REPORTLINT_COMPILE_CACHE=0)');
    expect(readdirSync(home)).toEqual([]);
    const on = run(pkg, [...ARGS, '--debug'], { HOME: home, XDG_CACHE_HOME: undefined, REPORTLINT_COMPILE_CACHE: undefined });
    expect(on.cache).toMatch(new RegExp(`^none yet; wrote ${home}/\\.cache/reportlint/code-cache/cli-[0-9a-f]{8}\\.bin$`));
    expect(existsSync(path.join(home, '.cache/reportlint/code-cache'))).toBe(true);
  });
});

describe('a replay (--cache) before the CLI is loaded (prebuilt/replay.js)', () => {
  it('gives the recorded run without loading cli.cjs, and a changed input runs the CLI', () => {
    const args = ['--cache', '--cache-location', path.join(tmp, 'run-cache'), '-f', 'json', '--no-config', 'clean.md', 'bad.md', '--debug'];
    const env = { REPORTLINT_COMPILE_CACHE: path.join(tmp, 'cc-replay') };
    const bin = (): ReturnType<typeof spawnSync<string>> => spawnSync(process.execPath, [path.join(pkg, 'bin/reportlint.js'), ...args], { cwd: replayReports, env: { ...process.env, ...env }, encoding: 'utf8' });
    const recorded = bin();
    expect(recorded.stderr).toMatch(/^reportlint: debug: cache: recorded this run for replay$/m);
    expect(recorded.stderr).toMatch(/^reportlint: debug: code cache: none yet; wrote /m);
    const replayed = bin();
    // Nothing of the CLI ran: the launcher did not even look at its code cache.
    expect(replayed.stderr).toBe('reportlint: debug: cache: replayed the recorded run (no input changed)\n');
    expect([replayed.status, replayed.stdout]).toEqual([recorded.status, recorded.stdout]);
    expect(recorded.status).toBe(1);
    // A report changed: the CLI runs, and says so.
    writeFileSync(path.join(replayReports, 'bad.md'), readFileSync(path.join(replayReports, 'bad.md'), 'utf8') + '\n');
    const changed = bin();
    expect(changed.stderr).toMatch(/^reportlint: debug: code cache: used /m);
    expect(changed.stderr).not.toMatch(/replayed/);
    expect(changed.stdout).toBe(recorded.stdout);
  });
});

describe('bin/reportlint.js --version', () => {
  it('answers alone without the CLI, with the line commander gives', () => {
    const alone = run(pkg, ['--version']);
    const withCommander = run(pkg, ['--version', '--no-config']);
    expect(alone).toEqual({ code: 0, stdout: `${(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`, stderr: '', cache: undefined });
    expect(withCommander.stdout).toBe(alone.stdout);
    expect(run(pkg, ['-v'])).toEqual(alone);
  });
});
