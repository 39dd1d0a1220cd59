/**
 * `npm run bench` (first part): reportlint against its peers, whole processes,
 * side by side in one run. Each pair is interleaved (A B A B …) and the median
 * of the per-round ratios is reported beside its target (issue 15).
 *
 * | Row | A | B | Target |
 * |---|---|---|---|
 * | one small report | `reportlint small.md` | `node -e 0` | ≤ 0.25 s and ≤ 3× |
 * | 1,000 × 15 KB, cold | `reportlint dir` (recommended rules, cross-copy included) | `markdownlint-cli2` default rules | ≤ 0.75× |
 * | the same, warm | `reportlint --cache dir`, nothing changed | the cold run | ≤ 0.1× |
 * | one 5 MB report | `reportlint big.md` | remark-parse alone, whole process | ≤ 1.5× |
 * | 5,000 reports | `reportlint dir5000` | the 1,000-report run | ≤ 5.5×, peak RSS < 500 MB |
 *
 * BENCH_ROUNDS (default 5; the small row runs 4× as many) and BENCH_PEER_FILES
 * (default 1000; the large batch is 5× it) scale it. BENCH_SKIP_LARGE=1 skips the 5,000 row.
 * REPORTLINT_BIN runs another build of the CLI (to measure "before" and "after").
 * The CLI runs from its bundle (prebuilt/, REPORTLINT_PREBUILT=1), as installs run it;
 * `npm run bench` rebuilds the bundle first. Its code cache (src/launch/launch.ts) is
 * written by the first run and used by the others, as after a user's first run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { variedReport } from './bench-copy.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.resolve(process.env.REPORTLINT_BIN ?? path.join(ROOT, 'bin', 'reportlint.js'));
const MDL = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const FILES = Number(process.env.BENCH_PEER_FILES ?? 1000);
const SKIP_LARGE = process.env.BENCH_SKIP_LARGE === '1';

const work = mkdtempSync(path.join(os.tmpdir(), 'reportlint-peers-'));
// A preload that records the process's peak RSS (all threads) when it exits.
const rssHook = path.join(work, 'rss-hook.mjs');
writeFileSync(
  rssHook,
  "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.RSS_OUT) writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)); });\n",
);
const remarkScript = path.join(work, 'remark-only.mjs');
writeFileSync(
  remarkScript,
  `import { readFileSync } from 'node:fs';\nimport { unified } from ${JSON.stringify(path.join(ROOT, 'node_modules/unified/index.js'))};\nimport remarkParse from ${JSON.stringify(path.join(ROOT, 'node_modules/remark-parse/index.js'))};\nunified().use(remarkParse).parse(readFileSync(process.argv[2], 'utf8'));\n`,
);

interface Run {
  ms: number;
  rssMB: number;
}

function run(args: string[], cwd: string): Run {
  const rssOut = path.join(work, 'rss.txt');
  rmSync(rssOut, { force: true });
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', rssHook, ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, RSS_OUT: rssOut, CI: '1', NO_COLOR: '1', REPORTLINT_PREBUILT: '1' },
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - t0;
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`${args.join(' ')} exited with ${child.status}: ${child.stderr.toString().slice(0, 500)}`);
  }
  const rssKB = existsSync(rssOut) ? Number(readFileSync(rssOut, 'utf8')) : 0;
  return { ms, rssMB: rssKB / 1024 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface Row {
  label: string;
  a: number;
  b: number;
  ratio: number;
  target: string;
  ok: boolean;
  note?: string;
}
const rows: Row[] = [];

/** Runs A and B alternately; returns the medians and the median of the per-round ratios. */
function pair(rounds: number, a: () => Run, b: () => Run): { a: number; b: number; ratio: number; rss: number } {
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  let rss = 0;
  for (let i = 0; i < rounds; i++) {
    const x = a();
    const y = b();
    as.push(x.ms);
    bs.push(y.ms);
    ratios.push(x.ms / y.ms);
    rss = Math.max(rss, x.rssMB);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios), rss };
}

function writeCorpus(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  // Every report as Markdown, so that markdownlint-cli2 sees the same files.
  for (let i = 0; i < count; i++) {
    const { text, name } = variedReport(i, count);
    writeFileSync(path.join(dir, name.replace(/\.txt$/, '.md')), text);
  }
}

function bigReport(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    // The body of many reports (title and signature dropped), one after another.
    const body = variedReport(100_000 + i, 1).text.split('\n').slice(4, -5).join('\n');
    parts.push(body);
    size += Buffer.byteLength(body) + 2;
  }
  return ['# 中共某某县委关于2025年度落实全面从严治党主体责任情况的报告', '', '市委：', '', ...parts, '', '中共某某县委', '', '2026年1月12日', ''].join('\n');
}

try {
  const cli = (...args: string[]) => [BIN, ...args];
  console.log(`reportlint: ${path.relative(ROOT, BIN) || BIN}; ${os.cpus().length} cores; ${ROUNDS} rounds (interleaved A B A B), medians`);

  // 1. One small report.
  const small = path.join(work, 'small');
  mkdirSync(small);
  writeFileSync(path.join(small, 'report.md'), variedReport(7, 1, 3_000).text);
  const s = pair(ROUNDS * 4, () => run(cli('report.md'), small), () => run(['-e', '0'], small));
  rows.push({ label: 'one small report / node -e 0', a: s.a, b: s.b, ratio: s.ratio, target: '≤ 3× and ≤ 250 ms', ok: s.ratio <= 3 && s.a <= 250 });

  // 2. 1,000 reports, cold, against markdownlint-cli2.
  const batch = path.join(work, `b${FILES}`);
  writeCorpus(batch, FILES);
  const cold = pair(ROUNDS, () => run(cli('.'), batch), () => run([MDL, '**/*.md'], batch));
  rows.push({ label: `${FILES} × 15 KB cold / markdownlint-cli2`, a: cold.a, b: cold.b, ratio: cold.ratio, target: '≤ 0.75×', ok: cold.ratio <= 0.75 });

  // 3. The same, warm: the cache is filled once, then nothing changes.
  const cacheFile = path.join(work, 'cache.json');
  const probe = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
  if (probe.stdout.includes('--cache')) {
    run(cli('--cache', '--cache-location', cacheFile, '.'), batch);
    const warm = pair(ROUNDS, () => run(cli('--cache', '--cache-location', cacheFile, '.'), batch), () => run(cli('.'), batch));
    rows.push({ label: `${FILES} warm (cache) / cold`, a: warm.a, b: warm.b, ratio: warm.ratio, target: '≤ 0.1×', ok: warm.ratio <= 0.1 });
  } else {
    rows.push({ label: `${FILES} warm (cache) / cold`, a: NaN, b: cold.a, ratio: NaN, target: '≤ 0.1×', ok: false, note: 'no --cache' });
  }

  // 4. One 5 MB report against remark-parse alone.
  const big = path.join(work, 'big');
  mkdirSync(big);
  writeFileSync(path.join(big, 'big.md'), bigReport(5 * 1024 * 1024));
  const b5 = pair(Math.max(3, Math.ceil(ROUNDS / 2)), () => run(cli('big.md'), big), () => run([remarkScript, 'big.md'], big));
  rows.push({ label: 'one 5 MB report / remark-parse alone', a: b5.a, b: b5.b, ratio: b5.ratio, target: '≤ 1.5×', ok: b5.ratio <= 1.5 });

  // 5. Five times as many reports.
  if (!SKIP_LARGE) {
    const large = path.join(work, `b${FILES * 5}`);
    writeCorpus(large, FILES * 5);
    const l = pair(Math.max(1, Math.ceil(ROUNDS / 3)), () => run(cli('.'), large), () => run(cli('.'), batch));
    rows.push({
      label: `${FILES * 5} reports / ${FILES} reports`,
      a: l.a,
      b: l.b,
      ratio: l.ratio,
      target: '≤ 5.5×, RSS < 500 MB',
      ok: l.ratio <= 5.5 && l.rss < 500,
      note: `peak RSS ${l.rss.toFixed(0)} MB`,
    });
  }

  const fmt = (ms: number) => (Number.isNaN(ms) ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
  console.log('');
  console.log('| row | reportlint | peer | ratio | target | met |');
  console.log('|---|---:|---:|---:|---|---|');
  for (const r of rows) {
    const ratio = Number.isNaN(r.ratio) ? '—' : `${r.ratio.toFixed(2)}×`;
    console.log(`| ${r.label} | ${fmt(r.a)} | ${fmt(r.b)} | ${ratio} | ${r.target} | ${r.ok ? 'yes' : 'no'}${r.note ? ` (${r.note})` : ''} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
