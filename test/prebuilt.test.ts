import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli-helper.js';

/**
 * What installs rely on, checked quickly on every run (the installs themselves
 * are in install.slow.test.ts): the committed bundle is fresh, package.json has
 * no script that npm runs while packing or installing from git, action.yml
 * parses, and the development dependencies install on Node 20 without an
 * engine warning.
 */

describe('prebuilt/ (the committed bundle that installs run)', () => {
  it('is what `npm run bundle` writes from the sources today', async () => {
    const { bundle } = (await import(path.join(ROOT, 'scripts/bundle.mjs'))) as { bundle: (o: { write: false }) => Promise<Record<string, string>> };
    const fresh = await bundle({ write: false });
    const committed = Object.fromEntries(readdirSync(path.join(ROOT, 'prebuilt')).map((f) => [f, readFileSync(path.join(ROOT, 'prebuilt', f), 'utf8')]));
    expect(Object.keys(committed).sort(), 'prebuilt/ is stale: run `npm run bundle` and commit prebuilt/').toEqual(Object.keys(fresh).sort());
    for (const [file, text] of Object.entries(fresh)) expect(committed[file] === text, `prebuilt/${file} is stale: run \`npm run bundle\``).toBe(true);
  }, 60_000);
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };

  it('has no script that npm runs on pack or on a git install', () => {
    // npm prints a banner for each on stdout, where pre-commit reads the tarball's name; and
    // pacote "prepares" a git dependency that has one of them, which `npm install -g` leaves as a
    // link to a deleted temporary clone.
    for (const name of ['build', 'prepare', 'prepack', 'postpack', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts[name], name).toBeUndefined();
  });

  it('runs the CLI from prebuilt/ where dist/ is not compiled', () => {
    const bin = readFileSync(path.join(ROOT, pkg.bin.reportlint), 'utf8');
    expect(bin).toContain("'../prebuilt/launch.js'");
    expect(bin).toContain("'../prebuilt/cli.cjs'");
  });
});

describe('action.yml', () => {
  it('parses, and pastes no input into a script', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: { run?: string }[] } };
    for (const step of action.runs.steps) if (step.run) expect(step.run).not.toMatch(/\$\{\{\s*inputs\./);
  });
});

const HAS_NPM = spawnSync('npm', ['--version'], { stdio: 'ignore' }).status === 0;
if (!HAS_NPM) console.warn('[prebuilt.test] SKIPPED (engines): npm is not on PATH.');

describe.skipIf(!HAS_NPM)('dependencies on Node 20', () => {
  it('install without an engine warning (npm ci --dry-run)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-engines-'));
    try {
      for (const f of ['package.json', 'package-lock.json']) copyFileSync(path.join(ROOT, f), path.join(dir, f));
      const r = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund', '--engine-strict=false'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(0);
      const bad = [...r.stderr.matchAll(/EBADENGINE\s+package: '([^@']+)@/g)].map((m) => m[1]);
      expect(bad).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
