#!/usr/bin/env node
// The reportlint command: a thin wrapper around the CLI. In a checkout where `tsc` has compiled
// dist/, that fresh build; otherwise (every install: npm, git, pre-commit, the Action) the
// committed bundle prebuilt/cli.js, which needs no TypeScript toolchain. REPORTLINT_PREBUILT=1
// runs the bundle even where dist/ exists (the benchmark and the bundle's tests use it).
import { existsSync } from 'node:fs';

const built = new URL('../dist/src/cli/main.js', import.meta.url);
const useBuilt = process.env.REPORTLINT_PREBUILT !== '1' && existsSync(built);
const { main } = await import(useBuilt ? built.href : '../prebuilt/cli.js');

// A reader that stops early (`reportlint … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

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

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  readStdin,
  progressStream: process.stderr,
});
process.exitCode = code;
