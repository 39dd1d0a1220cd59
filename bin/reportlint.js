#!/usr/bin/env node
// The reportlint command: a thin wrapper around the CLI. In a checkout where `tsc` has compiled
// dist/, that fresh build; otherwise (every install: npm, git, pre-commit, the Action) the
// committed bundle prebuilt/cli.cjs, which needs no TypeScript toolchain, run by prebuilt/launch.js
// with a V8 code cache (src/launch/launch.ts). REPORTLINT_PREBUILT=1 runs the bundle even where
// dist/ exists (the benchmark and the bundle's tests use it).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);

// Bytes, decoded as a file's are; reading stops just past the size limit (the CLI then refuses the input).
async function readStdin(maxBytes) {
  const chunks = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
    total += chunk.length;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks);
}

async function run() {
  // A reader that stops early (`reportlint … | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const io = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    readStdin,
    progressStream: process.stderr,
  };

  const built = new URL('../dist/src/cli/main.js', import.meta.url);
  let cli;
  if (process.env.REPORTLINT_PREBUILT !== '1' && existsSync(built)) {
    cli = { exports: await import(built.href) };
  } else {
    const bundle = fileURLToPath(new URL('../prebuilt/cli.cjs', import.meta.url));
    // A run the cache recorded is given again before the CLI is loaded: a replay needs none of it.
    if (args.includes('--cache')) {
      const exit = (await import('../prebuilt/replay.js')).replayBeforeLoading(args, io, bundle);
      if (exit !== undefined) return exit;
    }
    // --help has a code cache of its own, without the linter's code (src/launch/launch.ts RunKind).
    const help = args.some((arg) => arg === '--help' || arg === '-h');
    cli = (await import('../prebuilt/launch.js')).launch(bundle, help ? 'help' : 'lint');
  }
  const { main, ranLinter } = cli.exports;
  const exit = await main(args, io);
  process.exitCode = exit;
  // The code cache is written after the run, its output already given.
  const cache = cli.finish?.(ranLinter());
  if (cache && args.includes('--debug')) process.stderr.write(`reportlint: debug: code cache: ${cache}\n`);
  return exit;
}

// `reportlint --version` alone, as editors and scripts ask it, is answered without loading the CLI:
// the line commander prints for it (test/launch.test.ts compares them).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  process.exitCode = await run();
}
