/**
 * `npm run bench:rules [-- rule-id …]`: each rule's own time, in one process, on
 * the reports of the peer benchmark (`variedReport`), models built once beforehand.
 * The median of BENCH_ROUNDS rounds (default 7) per rule, slowest first, with the
 * number of findings (a change that speeds a rule up must not change that count).
 * TIMING=1 answers the same question for a real run; this one is steadier, for
 * comparing a rule before and after a change.
 */
import { builtinRegistry } from '../rules/index.js';
import { lintReport } from '../src/engine/lint.js';
import { buildReport } from '../src/model/build.js';
import { variedReport } from './bench-copy.js';

const COUNT = Number(process.env.BENCH_FILES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const wanted = process.argv.slice(2);
const ids = wanted.length ? wanted : [...builtinRegistry.keys()];

const reports = Array.from({ length: COUNT }, (_, i) => {
  const { text, name } = variedReport(i, COUNT);
  return { text, format: name.endsWith('.md') ? ('markdown' as const) : ('text' as const) };
});
// Each round gets fresh models: some rules keep per-report memos.
const build = () => reports.map((r) => buildReport(r.text, r.format));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const rows: Array<{ id: string; ms: number; findings: number }> = [];
for (const id of ids) {
  if (!builtinRegistry.has(id)) {
    console.error(`unknown rule: ${id}`);
    process.exit(2);
  }
  const rules = { [id]: { severity: 'error' as const } };
  const times: number[] = [];
  let findings = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const models = build();
    globalThis.gc?.();
    findings = 0;
    const t0 = performance.now();
    for (const report of models) findings += lintReport(report, { registry: builtinRegistry, rules }).messages.length;
    times.push(performance.now() - t0);
  }
  rows.push({ id, ms: median(times), findings });
}
rows.sort((a, b) => b.ms - a.ms);
console.log(`${COUNT} reports of about 15 KB; median of ${ROUNDS} rounds`);
for (const r of rows) console.log(`${r.id.padEnd(28)} ${r.ms.toFixed(1).padStart(8)} ms ${String(r.findings).padStart(6)} findings`);
console.log(`${'total'.padEnd(28)} ${rows.reduce((n, r) => n + r.ms, 0).toFixed(1).padStart(8)} ms`);
