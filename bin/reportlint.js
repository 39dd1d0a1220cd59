#!/usr/bin/env node
// The reportlint command: a thin wrapper around the built CLI in dist/.
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`reportlint … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function readStdinBytes() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function readStdin() {
  return (await readStdinBytes()).toString('utf8');
}

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  readStdin,
  readStdinBytes,
  progressStream: process.stderr,
});
process.exitCode = code;
