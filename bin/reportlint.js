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
  stderrIsTTY: Boolean(process.stderr.isTTY),
  readStdin,
  progressStream: process.stderr,
});
process.exitCode = code;
