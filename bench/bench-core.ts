/**
 * `npm run bench`: reportlint against remark-parse alone on 1,000 synthetic
 * reports of about 15 KB. Target: lintText with the core issue's rules ≤ 1.5× parse-only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { builtinRegistry } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';
import { lintFiles } from '../src/lint-files.js';
import { syntheticReport } from './generate.js';

const COUNT = Number(process.env.BENCH_FILES ?? 1000);
const ROUNDS = 3;
const docs = Array.from({ length: COUNT }, (_, i) => syntheticReport(i));
const totalBytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);

function time(label: string, run: () => void): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    globalThis.gc?.();
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${label.padEnd(34)} ${best.toFixed(0).padStart(6)} ms  ${((COUNT / best) * 1000).toFixed(0).padStart(6)} files/s`);
  return best;
}

console.log(`${COUNT} reports, ${(totalBytes / COUNT / 1024).toFixed(1)} KB each on average (best of ${ROUNDS})`);
const parser = unified().use(remarkParse);
const parseOnly = time('remark-parse alone', () => {
  for (const d of docs) parser.parse(d);
});
// The target of the core issue: its four rules. The full recommended set is shown beside it.
const CORE_RULES = Object.fromEntries(
  ['no-placeholder', 'problems-section', 'heading-numbering', 'truncated-paragraph'].map((id) => [id, { severity: 'error' as const }]),
);
const core = time('reportlint, the 4 core rules', () => {
  for (const d of docs) lintText(d, { registry: builtinRegistry, rules: CORE_RULES });
});
console.log(`ratio core rules / parse-only: ${(core / parseOnly).toFixed(2)}× (target ≤ 1.5×)`);
let findings = 0;
const lint = time('reportlint, all recommended rules', () => {
  findings = 0;
  for (const d of docs) findings += lintText(d, { registry: builtinRegistry }).messages.length;
});
console.log(`ratio all rules / parse-only: ${(lint / parseOnly).toFixed(2)}×; ${findings} findings`);

// The whole path with files on disk: discovery, config, reading.
const dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-bench-'));
docs.forEach((d, i) => writeFileSync(path.join(dir, `r${i}.md`), d));
const t0 = performance.now();
const results = await lintFiles([dir], { cwd: dir, useConfigFiles: false, workers: 0 });
const files = performance.now() - t0;
console.log(`lintFiles from disk: ${files.toFixed(0)} ms, ${((results.length / files) * 1000).toFixed(0)} files/s`);
rmSync(dir, { recursive: true, force: true });
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
