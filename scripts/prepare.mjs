#!/usr/bin/env node
// npm runs `prepare` after `npm install` in a checkout, when installing from git, and
// before `npm pack`. With TypeScript installed it compiles dist/ (the library API and the
// CLI); without it (a git install through `npm install -g`, which does not install
// development dependencies) bin/reportlint.js runs the committed prebuilt/cli.js instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  if (existsSync(path.join(root, 'prebuilt/cli.js'))) {
    console.error('reportlint: TypeScript is not installed, so dist/ is not built; the CLI runs from prebuilt/cli.js');
    process.exit(0);
  }
  console.error('reportlint: neither TypeScript nor prebuilt/cli.js is here; cannot build');
  process.exit(1);
}
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
