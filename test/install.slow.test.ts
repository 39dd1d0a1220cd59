import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli-helper.js';

/**
 * Every way a user installs reportlint, on a clone of HEAD without dist/ and
 * without a TypeScript toolchain, each into its own temporary prefix or folder:
 * npm pack → npm install -g, npx of the tarball, npm install -g git+file://,
 * pre-commit try-repo, and the Action's install and run steps.
 * Slow (npm fetches the production dependencies): kept apart from the unit tests.
 *
 * Each part skips, with a printed reason, where npm, git or pre-commit is absent
 * (`.ci/run` installs Debian's pre-commit).
 */

const has = (command: string, args = ['--version']) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const HAS_NPM = has('npm');
const HAS_GIT = has('git');
const HAS_PRECOMMIT = has('pre-commit');
if (!HAS_NPM || !HAS_GIT) console.warn('[install.slow.test] SKIPPED: npm or git is not on PATH; the install paths cannot be tried.');
if (!HAS_PRECOMMIT) console.warn('[install.slow.test] SKIPPED (pre-commit part): pre-commit is not on PATH; install it (apt-get install pre-commit) to try the hook.');

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** One bad report (8 unfilled placeholders) in a folder whose name holds a space, as users' folders do. */
const BAD = readFileSync(path.join(ROOT, 'fixtures/bad/placeholders.md'), 'utf8');
const BAD_DIR = '报告 2025';

let work: string;
let clone: string;
let tarball: string;

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const started = Date.now();
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 400_000, ...options, env: { ...cleanEnv(), ...options.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[install.slow.test] ${command} ${args.join(' ').split('\n')[0]}: exit ${r.status} in ${seconds} s`);
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** The test runner's npm_* variables (npm test sets them) must not leak into the installs we try. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD') env[k] = v;
  return { ...env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

function du(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? du(p) : entry.isFile() ? statSync(p).size : 0;
  }
  return total;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A folder with the bad report under `报告 2025/`. */
function scratch(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, BAD_DIR), { recursive: true });
  writeFileSync(path.join(dir, BAD_DIR, 'placeholders.md'), BAD);
  return dir;
}

/** The JSON output of an installed CLI on the scratch folder: 8 no-placeholder errors. */
function expectPlaceholders(r: { code: number | null; stdout: string; stderr: string }) {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
  expect(results.map((x) => path.basename(x.filePath))).toEqual(['placeholders.md']);
  expect(results[0].messages.map((m) => m.ruleId)).toEqual(Array(8).fill('no-placeholder'));
}

describe.skipIf(!HAS_NPM || !HAS_GIT)('install paths, on a clean clone without TypeScript', () => {
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'reportlint-install-'));
    clone = path.join(work, 'clone');
    expect(run('git', ['clone', '--quiet', ROOT, clone]).code).toBe(0);
    expect(existsSync(path.join(clone, 'dist'))).toBe(false);
    const packed = run('npm', ['pack', '--silent'], { cwd: clone });
    expect(packed.code).toBe(0);
    tarball = path.join(clone, packed.stdout.trim());
    expect(existsSync(tarball)).toBe(true);
    console.log(`[install.slow.test] tarball ${path.basename(tarball)}: ${(statSync(tarball).size / 1024).toFixed(0)} KB`);
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it('npm pack runs no lifecycle script, so its only output is the tarball name (pre-commit reads it)', () => {
    const r = run('npm', ['pack', '--dry-run'], { cwd: clone });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(path.basename(tarball));
  });

  it('npm install -g ./reportlint-*.tgz → reportlint --version, and a run', () => {
    const prefix = path.join(work, 'prefix-tgz');
    expect(run('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', tarball]).code).toBe(0);
    const bin = path.join(prefix, 'bin', 'reportlint');
    const version = run(bin, ['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expectPlaceholders(run(bin, [BAD_DIR, '-f', 'json'], { cwd: scratch('tgz') }));
    // The files the bundle loads on first use ship and are found: a config file (lazy-yaml.cjs, lazy-validators.cjs), a table (lazy-remark.cjs).
    const lazy = scratch('tgz-lazy');
    writeFileSync(path.join(lazy, '.reportlintrc.yaml'), 'root: true\nextends: recommended\nrules:\n  no-placeholder: warn\n');
    writeFileSync(path.join(lazy, BAD_DIR, 'placeholders.md'), `${BAD}\n| 项目 | 数量 |\n| --- | --- |\n| ×× | 4 |\n`);
    const lazyRun = run(bin, [BAD_DIR, '-f', 'json'], { cwd: lazy });
    expect(lazyRun.stderr).toBe('');
    const lazyFindings = (JSON.parse(lazyRun.stdout) as { messages: { ruleId: string; severity: number; line: number }[] }[])[0].messages;
    expect(lazyFindings.filter((m) => m.ruleId === 'no-placeholder').map((m) => [m.severity, m.line])).toEqual([13, 17, 19, 21, 23, 27, 27, 31, 53].map((line) => [1, line]));
    const pkg = path.join(prefix, 'lib', 'node_modules', 'reportlint');
    console.log(`[install.slow.test] installed: package ${mb(du(pkg) - du(path.join(pkg, 'node_modules')))}, with dependencies ${mb(du(pkg))}`);
    // The library API works from the same install.
    const api = run(process.execPath, ['--input-type=module', '-e', "import('reportlint').then((m) => console.log(typeof m.lintText))"], {
      cwd: pkg,
      env: { NODE_PATH: path.join(prefix, 'lib', 'node_modules') },
    });
    expect(api.stdout.trim()).toBe('function');
  }, 400_000);

  it('npx ./reportlint-*.tgz', () => {
    // As a user types it: a relative path (npx takes an absolute one for a command to run).
    const dir = scratch('npx');
    cpSync(tarball, path.join(dir, path.basename(tarball)));
    const r = run('npx', ['--yes', '--prefer-offline', `./${path.basename(tarball)}`, BAD_DIR, '-f', 'json'], { cwd: dir });
    expectPlaceholders({ ...r, stderr: r.stderr.replace(/^npm warn.*\n/gm, '') });
  }, 400_000);

  it('npm install -g git+file:// of a clone', () => {
    const prefix = path.join(work, 'prefix-git');
    const r = run('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', `git+file://${clone}`]);
    expect(r.stderr).not.toMatch(/tsc: not found|npm error/);
    expect(r.code).toBe(0);
    const bin = path.join(prefix, 'bin', 'reportlint');
    expect(run(bin, ['--version'])).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expectPlaceholders(run(bin, [BAD_DIR, '-f', 'json'], { cwd: scratch('git') }));
  }, 400_000);

  it.skipIf(!HAS_PRECOMMIT)('pre-commit try-repo <clone> reportlint --all-files', () => {
    const repo = scratch('precommit');
    writeFileSync(path.join(repo, 'clean.md'), readFileSync(path.join(ROOT, 'fixtures/clean/school.md')));
    expect(run('git', ['init', '--quiet'], { cwd: repo }).code).toBe(0);
    expect(run('git', ['add', '.'], { cwd: repo }).code).toBe(0);
    const r = run('pre-commit', ['try-repo', clone, 'reportlint', '--all-files'], {
      cwd: repo,
      env: { PRE_COMMIT_HOME: path.join(work, 'pre-commit-home') },
    });
    const out = r.stdout + r.stderr;
    // The hook ran and failed on the bad report: its findings are printed, the clean one passes.
    expect(out).toMatch(/reportlint\.+Failed/);
    expect(out).toContain(`${BAD_DIR}/placeholders.md`);
    expect(out.match(/no-placeholder/g)).toHaveLength(8);
    expect(out).not.toContain('clean.md');
    expect(r.code).toBe(1);
  }, 400_000);

  it('the Action: production dependencies only, patterns with spaces quoted', () => {
    const actionPath = path.join(work, 'action');
    cpSync(clone, actionPath, { recursive: true, filter: (src) => !src.includes(`${path.sep}.git`) });
    const steps = (parse(readFileSync(path.join(actionPath, 'action.yml'), 'utf8')) as { runs: { steps: { name?: string; run?: string; env?: Record<string, string> }[] } }).runs.steps;
    const step = (name: string) => steps.find((s) => s.name === name)!;
    const install = step('Install reportlint').run!;
    expect(install).toContain('--omit=dev');
    expect(run('bash', ['-c', install], { env: { GITHUB_ACTION_PATH: actionPath } }).code).toBe(0);
    expect(existsSync(path.join(actionPath, 'node_modules', 'typescript'))).toBe(false);
    console.log(`[install.slow.test] Action install: ${mb(du(path.join(actionPath, 'node_modules')))} of node_modules`);

    const lint = step('Run reportlint');
    expect(lint.run).not.toContain('${{');
    const repo = scratch('action');
    writeFileSync(path.join(repo, 'clean.md'), readFileSync(path.join(ROOT, 'fixtures/clean/school.md')));
    const output = path.join(work, 'github-output');
    writeFileSync(output, '');
    const r = run('bash', ['-c', lint.run!], {
      cwd: repo,
      env: {
        GITHUB_ACTION_PATH: actionPath,
        RUNNER_TEMP: work,
        GITHUB_OUTPUT: output,
        REPORTLINT_PATTERNS: `"${BAD_DIR}/" clean.md`,
        REPORTLINT_ARGS: "--max-warnings '0'",
        REPORTLINT_SARIF: 'out dir/reportlint.sarif',
      },
    });
    expect(r.stdout).toContain(`${BAD_DIR}/placeholders.md`);
    expect(r.stdout.match(/^::error file=/gm)).toHaveLength(8);
    expect(readFileSync(output, 'utf8')).toBe('exit-code=1\n');
    const sarif = JSON.parse(readFileSync(path.join(repo, 'out dir/reportlint.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0].results).toHaveLength(8);
  }, 400_000);
});
