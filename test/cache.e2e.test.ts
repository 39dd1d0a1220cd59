import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cli, ROOT } from './cli-helper.js';
import { buildDocx } from './docx-builder.js';
import { prose } from './support/prose.js';

/**
 * `--cache`: a warm run gives exactly what a run without the cache gives, after
 * each kind of change that must invalidate it, and the cache really answers
 * for unchanged files (shown with the metadata strategy and a file changed
 * behind its back).
 */

const CLEAN = path.join(ROOT, 'fixtures/clean');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The passage the two copying reports share. */
const COPIED = prose(42, 80);

/** Appends `extra` to the first long body paragraph after the first top-level heading. */
function plant(text: string, extra: string): string {
  const lines = text.split('\n');
  const heading = lines.findIndex((l) => /^(## )?一、/.test(l));
  const at = lines.findIndex((l, i) => i > heading && l.length > 60 && !/^#/.test(l));
  lines[at] += extra;
  return lines.join('\n');
}

let dir: string;
let cacheFile: string;
const file = (name: string) => path.join(dir, name);
const read = (name: string) => readFileSync(file(name), 'utf8');
const write = (name: string, text: string) => writeFileSync(file(name), text);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmp, 'run-'));
  cacheFile = path.join(dir, 'cache', 'lint.cache');
  write('a.md', plant(readFileSync(path.join(CLEAN, 'district-committee.md'), 'utf8'), COPIED));
  write('b.md', plant(readFileSync(path.join(CLEAN, 'school.md'), 'utf8'), COPIED));
  write('c.md', readFileSync(path.join(CLEAN, 'street-office.md'), 'utf8'));
  write('.reportlintrc.yaml', 'root: true\n');
});

function run(...extra: string[]) {
  const r = cli(['.', '-f', 'json', ...extra], { cwd: dir });
  return { ...r, json: r.stdout ? (JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string | null; messageId: string; line: number }[] }[]) : [] };
}
const cached = (...extra: string[]) => run('--cache', '--cache-location', cacheFile, ...extra);
/** Rule ids found per file, e.g. `a.md no-cross-copy`. */
function findings(json: ReturnType<typeof run>['json'], ruleId?: string): string[] {
  return json.flatMap((r) => r.messages.filter((m) => !ruleId || m.ruleId === ruleId).map((m) => `${path.basename(r.filePath)} ${m.ruleId}`)).sort();
}
/** A warm run matches a run without the cache, byte for byte and in exit code. */
function expectSameAsFresh(warm: ReturnType<typeof run>) {
  const fresh = run();
  expect(warm.stderr).toBe(fresh.stderr);
  expect(warm.code).toBe(fresh.code);
  expect(warm.stdout).toBe(fresh.stdout);
}

/** Where the cache file's sections start: the light one (keys, findings) and the heavy one (texts, fingerprints). */
function sections(bytes: Buffer): { light: number; heavy: number } {
  const header = /^reportlint-cache 4\n(\d+) [0-9a-f]{40} (\d+) (\d+) [0-9a-f]{40} (\d+)\n/.exec(bytes.subarray(0, 200).toString('latin1'));
  if (!header) throw new Error('not a reportlint-cache 4 file');
  const [index, records, light, heavy] = [1, 2, 3, 4].map((i) => Number(header[i]));
  const start = header[0].length + index + records;
  expect(start + light + heavy).toBe(bytes.length);
  return { light: start, heavy: start + light };
}

describe('--cache', { timeout: 180_000 }, () => {
  it('a cold and a warm run give what a run without the cache gives; the cache file is written', () => {
    const cold = cached();
    expect(findings(cold.json, 'no-cross-copy')).toEqual(['a.md no-cross-copy', 'b.md no-cross-copy']);
    expect(statSync(cacheFile).size).toBeGreaterThan(0);
    expectSameAsFresh(cold);
    expectSameAsFresh(cached());
  });

  it('answers for an unchanged file: the metadata strategy trusts size and time, the content strategy sees the change', () => {
    // Same size and modification time, different content: only a hash can tell.
    const time = new Date('2026-01-12T08:00:00Z');
    utimesSync(file('c.md'), time, time);
    cached();
    const text = read('c.md');
    const changed = text.replace('中共', '×××');
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
    write('c.md', changed);
    utimesSync(file('c.md'), time, time);
    expect(findings(cached().json, 'no-placeholder')).toEqual([]);
    const content = cached('--cache-strategy', 'content');
    expect(findings(content.json, 'no-placeholder')).toEqual(['c.md no-placeholder']);
    expectSameAsFresh(content);
  });

  it('a file rewritten within the clock tick it was read in (same size, same time) is seen: its entry was racy', () => {
    // Changed half a second ago: too recent for its time to prove anything (git's "racily clean" files).
    const time = new Date(Date.now() - 500);
    utimesSync(file('c.md'), time, time);
    expect(findings(cached().json, 'no-placeholder')).toEqual([]);
    const text = read('c.md');
    const changed = text.replace('中共', '×××');
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
    write('c.md', changed);
    utimesSync(file('c.md'), time, time);
    const warm = cached();
    expect(findings(warm.json, 'no-placeholder')).toEqual(['c.md no-placeholder']);
    expectSameAsFresh(warm);
  });

  it('a changed file is linted again', () => {
    cached();
    write('c.md', read('c.md').replace('中共', '××'));
    const warm = cached();
    expect(findings(warm.json, 'no-placeholder')).toEqual(['c.md no-placeholder']);
    expectSameAsFresh(warm);
  });

  it('a changed config is seen', () => {
    expect(findings(cached().json, 'no-cross-copy')).toHaveLength(2);
    write('.reportlintrc.yaml', 'root: true\nrules:\n  no-cross-copy: off\n');
    const warm = cached();
    expect(findings(warm.json, 'no-cross-copy')).toEqual([]);
    expectSameAsFresh(warm);
  });

  it('a changed dictionary is seen', () => {
    write('c.md', plant(read('c.md'), '持续开展廉洁机关建设。'));
    expect(findings(cached().json, 'canonical-terms')).toEqual([]);
    write('.reportlintrc.yaml', 'root: true\nterms:\n  - { correct: 清廉机关, wrong: [廉洁机关] }\n');
    const warm = cached();
    expect(findings(warm.json, 'canonical-terms')).toEqual(['c.md canonical-terms']);
    expectSameAsFresh(warm);
  });

  it('a changed reference document is seen', () => {
    write('ref.txt', `${prose(7, 400)}\n`);
    write('.reportlintrc.yaml', 'root: true\nreferences: [ref.txt]\n');
    expect(findings(cached().json, 'no-checklist-copy')).toEqual([]);
    const passage = prose(9, 60);
    write('c.md', plant(read('c.md'), passage));
    cached();
    write('ref.txt', `${prose(7, 400)}\n${passage}\n`);
    const warm = cached();
    expect(findings(warm.json, 'no-checklist-copy')).toEqual(['c.md no-checklist-copy']);
    expectSameAsFresh(warm);
  });

  it('cross-copy stays right when one of two copying files changes', () => {
    cached();
    // b.md changes elsewhere: a.md (from the cache) and b.md (linted again) still copy each other.
    write('b.md', read('b.md').replace('现将有关情况报告如下。', `${prose(11, 40)}现将有关情况报告如下。`));
    const changed = cached();
    expect(findings(changed.json, 'no-cross-copy')).toEqual(['a.md no-cross-copy', 'b.md no-cross-copy']);
    expectSameAsFresh(changed);
    // b.md drops the passage: a.md is unchanged, yet its finding goes.
    write('b.md', read('b.md').replace(COPIED, ''));
    const dropped = cached();
    expect(findings(dropped.json, 'no-cross-copy')).toEqual([]);
    expectSameAsFresh(dropped);
    // c.md takes it up: a.md and c.md now.
    write('c.md', plant(read('c.md'), COPIED));
    const moved = cached();
    expect(findings(moved.json, 'no-cross-copy')).toEqual(['a.md no-cross-copy', 'c.md no-cross-copy']);
    expectSameAsFresh(moved);
  });

  it('a damaged cache file is ignored with a warning and rebuilt', () => {
    const cold = cached();
    const bytes = readFileSync(cacheFile);
    bytes[sections(bytes).light + 10] ^= 0xff;
    writeFileSync(cacheFile, bytes);
    const damaged = cached();
    expect(damaged.stderr).toBe(`reportlint: 缓存文件 ${path.join('cache', 'lint.cache')} 已损坏或不是 reportlint 的缓存，已忽略并重新建立\n`);
    expect(damaged.stdout).toBe(cold.stdout);
    expect(damaged.code).toBe(cold.code);
    expect(cached().stderr).toBe('');
    writeFileSync(cacheFile, 'not a cache');
    expect(cached('--locale', 'en').stderr).toBe(`reportlint: The cache file ${path.join('cache', 'lint.cache')} is damaged or not a reportlint cache; it was ignored and is rebuilt\n`);
    // Rebuilt: the next run trusts it again and says nothing.
    expect(cached().stderr).toBe('');
    // A truncated file is as damaged as a flipped byte.
    writeFileSync(cacheFile, readFileSync(cacheFile).subarray(0, 100));
    expect(cached().stderr).toMatch(/已损坏/);
  });

  it('damage in the texts or fingerprints is found when they are read; those files are linted again', () => {
    const cold = cached();
    const sarif = (...extra: string[]) => cli(['.', '-f', 'sarif', ...extra], { cwd: dir });
    const freshSarif = sarif();
    const damage = () => {
      const bytes = readFileSync(cacheFile);
      // Every piece of the heavy section (texts and fingerprints are each longer than 400 bytes).
      for (let i = sections(bytes).heavy; i < bytes.length; i += 400) bytes[i] ^= 0xff;
      writeFileSync(cacheFile, bytes);
    };
    const warning = `reportlint: 缓存文件 ${path.join('cache', 'lint.cache')} 已损坏或不是 reportlint 的缓存，已忽略并重新建立\n`;
    damage();
    // JSON shows no text and the batch is unchanged: the heavy section is not even read.
    const untouched = cached();
    expect(untouched.stderr).toBe('');
    expect(untouched.stdout).toBe(cold.stdout);
    const quiet = cached('--quiet');
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(run('--quiet').stdout);
    // SARIF reads the texts (for snippets): the damage is found, said, and the files linted again.
    const found = sarif('--cache', '--cache-location', cacheFile);
    expect(found.stderr).toBe(warning);
    expect(found.stdout).toBe(freshSarif.stdout);
    expect(found.code).toBe(freshSarif.code);
    // Rebuilt without the damaged pieces: trusted again.
    const rebuilt = sarif('--cache', '--cache-location', cacheFile);
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.stdout).toBe(freshSarif.stdout);
    // A changed batch needs the unchanged files' fingerprints: damaged, they are linted again.
    expectSameAsFresh(cached());
    damage();
    // b.md changes elsewhere: the copy between a.md (unchanged, damaged in the cache) and b.md is still found.
    write('b.md', read('b.md').replace('现将有关情况报告如下。', `${prose(11, 40)}现将有关情况报告如下。`));
    const changed = cached();
    expect(changed.stderr).toBe(warning);
    expect(findings(changed.json, 'no-cross-copy')).toEqual(['a.md no-cross-copy', 'b.md no-cross-copy']);
    const fresh = run();
    expect(changed.stdout).toBe(fresh.stdout);
    expect(changed.code).toBe(fresh.code);
    expect(cached().stderr).toBe('');
  });

  it('a cache in an earlier layout is rebuilt without a warning', () => {
    const cold = cached();
    const layouts = ['reportlint-cache 1\n' + '0'.repeat(40) + '\nold payload', 'reportlint-cache 2\n' + '0'.repeat(40) + '\nold payload', 'reportlint-cache 3\n4 ' + '0'.repeat(40) + ' 0\nold!'];
    for (const old of layouts) {
      writeFileSync(cacheFile, old);
      const outdated = cached();
      expect(outdated.stderr).toBe('');
      expect(outdated.stdout).toBe(cold.stdout);
      expect(readFileSync(cacheFile, 'latin1').startsWith('reportlint-cache 4\n')).toBe(true);
    }
  });

  it('--cache-location may name a directory; a bad --cache-strategy is a usage error', () => {
    const r = run('--cache', '--cache-location', `${path.join(dir, 'cache')}/`);
    expect(r.code).toBe(1);
    expect(statSync(path.join(dir, 'cache', '.reportlintcache')).isFile()).toBe(true);
    const bad = run('--cache', '--cache-strategy', 'mtime');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('reportlint: --cache-strategy 须为 metadata 或 content，收到“mtime”\n');
  });

  it('a changed typos: entry in the config is seen', () => {
    write('c.md', plant(read('c.md'), '持续推进机关作风建没。'));
    expect(findings(cached().json, 'typo-words')).toEqual([]);
    write('.reportlintrc.yaml', 'root: true\ntypos:\n  - { correct: 作风建设, wrong: [作风建没] }\n');
    const warm = cached();
    expect(findings(warm.json, 'typo-words')).toEqual(['c.md typo-words']);
    expectSameAsFresh(warm);
  });

  it('a Word document comes back from the cache with its paragraph numbers and quotes', async () => {
    writeFileSync(file('w.docx'), await buildDocx(['关于某项工作的报告', '市委：', '一、工作开展情况', '全年开展专项督查×次，督促整改问题线索18条。', '二、存在的问题']));
    const cold = cached();
    const warm = cached();
    expect(warm.stdout).toBe(cold.stdout);
    const word = (warm.json as unknown as { filePath: string; messages: { ruleId: string; paragraph?: number; quote?: string }[] }[]).find((r) => r.filePath.endsWith('w.docx'))!;
    const placeholder = word.messages.find((m) => m.ruleId === 'no-placeholder')!;
    expect(placeholder.paragraph).toBe(4);
    expect(placeholder.quote).toContain('×次');
    expectSameAsFresh(warm);
  });

  it('with --fix the cache is not used, and says so', () => {
    cached();
    const fixed = cached('--fix');
    expect(fixed.stderr).toContain('--fix 时不使用缓存');
  });
});
