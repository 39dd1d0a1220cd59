import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RUN_ENV } from '../src/cache/replay.js';
import { watchedFs } from '../src/files/discover.js';
import {
  currentListing,
  existsSync,
  fileStamp,
  listingStamp,
  mergeInputs,
  noteFile,
  readFileSync as readInput,
  startJournal,
  stopJournal,
  takeNewInputs,
  type RunInputs,
} from '../src/files/inputs.js';
import lintInWorker from '../src/pool/worker.js';
import { ROOT } from './cli-helper.js';

/**
 * The journal of what a run reads (src/files/inputs.ts), on which the replay of
 * whole runs rests: stamps, listings, and the rule that every read of an input
 * goes through it (checked on the sources' imports).
 */

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => void stopJournal());

/** Files written before a wait: older than the two seconds within which a stamp is not trusted. */
const OLD = { noted: path.join(tmp, 'noted.md'), worker: path.join(tmp, 'worker.md') };
beforeAll(async () => {
  writeFileSync(OLD.noted, 'noted');
  writeFileSync(OLD.worker, '关于某项工作的报告\n\n市委：\n\n全年开展专项督查×次。\n');
  await new Promise((r) => setTimeout(r, 2100));
});

function writePast(file: string, text: string): void {
  writeFileSync(file, text);
  const past = new Date(Date.now() - 60_000);
  utimesSync(file, past, past);
}

describe('fileStamp', () => {
  const dir = path.join(tmp, 'stamps');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'abc.md'), 'abc');
  it.each([
    ['an absent file', 'missing.md', /^-$/],
    ['a directory', '.', /^d$/],
    ['a regular file: device, inode, size, both times in ns', 'abc.md', /^f:\d+:\d+:3:\d+:\d+$/],
    ['a path through a file', 'abc.md/x', /^e:ENOTDIR$/],
  ])('%s', (_what, name, stamp) => {
    expect(fileStamp(path.join(dir, name))).toMatch(stamp);
  });

  it('changes with a rewrite of the same bytes and the times set back (the change time moves)', async () => {
    const file = path.join(tmp, 'same.md');
    writePast(file, 'same');
    const before = fileStamp(file);
    await new Promise((r) => setTimeout(r, 20));
    writePast(file, 'same');
    expect(fileStamp(file)).not.toBe(before);
  });
});

describe('listingStamp', () => {
  const entries = (names: string[], dirs: string[] = []) => {
    const d = mkdtempSync(path.join(tmp, 'list-'));
    for (const n of names) writeFileSync(path.join(d, n), '');
    for (const n of dirs) mkdirSync(path.join(d, n));
    return d;
  };
  it('is the names and kinds, in any order', () => {
    const a = entries(['a.md', 'b.md']);
    const b = entries(['b.md', 'a.md']);
    expect(listingStamp(readdirSync(a, { withFileTypes: true }))).toBe(listingStamp(readdirSync(b, { withFileTypes: true }).reverse()));
    expect(currentListing(a)).toBe(currentListing(b));
  });
  it.each([
    ['a name added', ['a.md', 'b.md', 'c.md'], []],
    ['a name removed', ['a.md'], []],
    ['a file become a directory', ['a.md'], ['b.md']],
  ])('changes with %s', (_what, names, dirs) => {
    expect(currentListing(entries(names, dirs))).not.toBe(currentListing(entries(['a.md', 'b.md'])));
  });
  it('of a directory that is gone is its error', () => {
    expect(currentListing(path.join(tmp, 'nowhere'))).toBe('e:ENOENT');
  });
});

describe('the journal', () => {
  it('notes each read and probe, absent files too, with the stamp taken before', () => {
    const file = OLD.noted;
    startJournal();
    expect(readInput(file, 'utf8')).toBe('noted');
    expect(existsSync(path.join(tmp, 'absent.yaml'))).toBe(false);
    const inputs = stopJournal() as RunInputs;
    expect(inputs.files).toEqual([
      [file, fileStamp(file)],
      [path.join(tmp, 'absent.yaml'), '-'],
    ]);
  });

  it('notes nothing when no journal is started', () => {
    noteFile(OLD.noted);
    startJournal();
    expect(stopJournal()).toEqual({ files: [], dirs: [] });
  });

  it('is spoiled by a file changed in the last two seconds, a device, a read by descriptor', () => {
    const cases: [string, () => void, RegExp][] = [
      ['racy', () => noteFile(path.join(tmp, 'fresh.md')), /fresh\.md changed less than 2000 ms ago/],
      ['device', () => noteFile('/dev/null'), /\/dev\/null is not a regular file/],
      ['descriptor', () => readInput(0 as unknown as string), /descriptor/],
    ];
    writeFileSync(path.join(tmp, 'fresh.md'), 'fresh');
    for (const [, act, reason] of cases) {
      startJournal();
      try {
        act();
      } catch {
        // reading descriptor 0 may fail; the journal is spoiled before
      }
      const inputs = stopJournal();
      expect('spoiled' in inputs && inputs.spoiled).toMatch(reason);
    }
  });

  it('notes the listings a walk reads through watchedFs', () => {
    const dir = mkdtempSync(path.join(tmp, 'walk-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'a.md'), '');
    startJournal();
    fg.sync('**/*.md', { cwd: dir, fs: watchedFs().fs });
    const inputs = stopJournal() as RunInputs;
    expect(inputs.dirs.map(([d]) => d).sort()).toEqual([dir, path.join(dir, 'sub')]);
    expect(inputs.dirs.every(([d, stamp]) => stamp === currentListing(d))).toBe(true);
  });

  it('hands on what a pool worker read, part by part, and the main thread merges it', async () => {
    const file = OLD.worker;
    const task = { filePath: file, cwd: tmp, rules: {}, settings: {}, locale: 'zh' as const, maxFileSize: 1 << 20, collect: false };
    startJournal();
    const first = await lintInWorker({ tasks: [task], references: [], journal: true });
    // The worker's journal goes on: a second call hands on only what is new.
    const second = await lintInWorker({ tasks: [task], references: [], journal: true });
    const worker = stopJournal();
    expect((first.inputs as RunInputs).files).toContainEqual([file, fileStamp(file)]);
    expect(second.inputs).toEqual({ files: [], dirs: [] });
    expect(worker).toEqual({ files: (first.inputs as RunInputs).files, dirs: [] });
    startJournal();
    mergeInputs(first.inputs!);
    mergeInputs({ spoiled: 'in the worker' });
    expect(stopJournal()).toEqual({ spoiled: 'in the worker' });
    startJournal();
    expect(takeNewInputs()).toEqual({ files: [], dirs: [] });
  });
});

describe('every input is read through the journal', () => {
  const sources = fg.sync(['src/**/*.ts', 'rules/**/*.ts'], { cwd: ROOT });
  /**
   * Modules that may use node:fs directly, and why: none of them reads a report,
   * a config, a dictionary or a reference. Any other module that imports node:fs
   * reads past the journal, and a replay would miss its changes.
   */
  const ALLOWED: Record<string, string> = {
    'src/files/inputs.ts': 'the journal itself',
    'src/files/discover.ts': 'the walk: its listings are noted through watchedFs',
    'src/files/read-capped.ts': 'reads after the noted stat, by descriptor',
    'src/copy/index-file.ts': 'reads after openForReading, by descriptor',
    'src/files/safe-write.ts': 'writes reports, fixes and the cache',
    'src/cache/layout.ts': 'the cache file',
    'src/cache/lint-cache.ts': 'the cache file (its lookups of inputs go through the journal)',
    'src/cache/replay.ts': 'the cache file',
    'src/files/convert.ts': "LibreOffice's temporary directory",
    'src/files/write-fixes.ts': '--fix, never recorded',
    'src/cli/docx-copies.ts': 'Word copies, never recorded',
    'src/cli/init.ts': '--init',
    'src/cli/run.ts': "--init's config, read back to tell what was written",
    'src/version.ts': "the code's own package.json",
    'src/package-root.ts': "the code's own package.json",
    'src/pool/pool.ts': "the worker's module",
    'src/launch/launch.ts': 'the bundle and its code cache, before the CLI runs',
  };
  it('only the modules allowed import node:fs', () => {
    const importing = sources.filter((f) => /['"](?:node:)?fs(?:\/promises)?['"]/.test(readFileSync(path.join(ROOT, f), 'utf8'))).sort();
    expect(importing).toEqual(Object.keys(ALLOWED).sort());
  });

  it('every environment variable the sources read is part of a run\'s key, or has no bearing on the output', () => {
    const NO_BEARING: Record<string, string> = {
      HOME: "LibreOffice's profile directory",
      XDG_CACHE_HOME: "the code cache's directory",
      LOCALAPPDATA: "the code cache's directory (Windows)",
      NODE_OPTIONS: "the code cache's file name (V8 takes no cache made under other flags)",
    };
    const names = new Set<string>();
    for (const f of sources) {
      const text = readFileSync(path.join(ROOT, f), 'utf8');
      for (const m of text.matchAll(/\benv\.([A-Z_][A-Z0-9_]*)|'([A-Z_][A-Z0-9_]*)' in [\w.]*env\b|\benv\[['"]([A-Z_][A-Z0-9_]*)['"]\]/g)) names.add(m[1] ?? m[2] ?? m[3]);
    }
    expect([...names].sort()).toEqual(['CI', 'HOME', 'LOCALAPPDATA', 'NODE_OPTIONS', 'NO_COLOR', 'REPORTLINT_SOFFICE', 'REPORTLINT_WORKERS', 'TIMING', 'XDG_CACHE_HOME']);
    for (const name of names) expect(RUN_ENV.includes(name) || name.startsWith('REPORTLINT_') || name in NO_BEARING).toBe(true);
  });
});
