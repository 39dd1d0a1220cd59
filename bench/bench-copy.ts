/**
 * `npm run bench` (second part): copy detection against its three targets.
 *
 * 1. 1,000 reports of about 15 KB linted together: the recommended rules with
 *    `no-cross-copy` on take at most 1.3× the time of the same run with it off.
 * 2. 5,000 reports: at most 5.5× the 1,000-report time (near-linear), with peak
 *    memory under 1 GB. Both sizes run in fresh child processes, alike.
 * 3. One report against an index of 10,000 reference documents: under 1 second
 *    in total, loading the index included (measured in a fresh child process).
 *
 * The reports are synthetic but varied: prose drawn from a large vocabulary, so
 * that two reports share nothing by chance except what is planted: stock
 * phrases (never copying), common wording of 8–12 characters found in a few
 * percent of the reports (below the threshold), a template passage in 30% of
 * them (template text, left out), and copied passages in known pairs. The run
 * checks that exactly the planted pairs are found.
 *
 * BENCH_COPY_FILES (default 1000) and BENCH_COPY_REFS (default 10000) scale it down.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndexFile, loadIndexFile } from '../src/copy/index-file.js';
import { BUILTIN_STOCK_PHRASES } from '../src/copy/stock.js';
import { lintFiles } from '../src/lint-files.js';

const SELF = fileURLToPath(import.meta.url);
const FILES = Number(process.env.BENCH_COPY_FILES ?? 1000);
const REFS = Number(process.env.BENCH_COPY_REFS ?? 10000);
const ROUNDS = 3;

// ───────────────────────────── synthetic reports ─────────────────────────────

/**
 * xoshiro128** seeded through splitmix32: 128 bits of state, so the streams of
 * different seeds never overlap (a 32-bit LCG's do, and two reports then share
 * whole paragraphs by accident).
 */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  const split = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const result = Math.imul(((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25)) >>> 0, 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = ((d << 11) | (d >>> 21)) >>> 0;
    return result / 2 ** 32;
  };
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const vocabulary = (() => {
  const r = rng(0x7fff0000);
  // 2,500 characters from the common CJK block, and 20,000 words of 1–4 of them.
  const chars = Array.from({ length: 2500 }, () => String.fromCharCode(0x4e00 + Math.floor(r() * 0x4fa5)));
  const pick = (n: number) => {
    let w = '';
    for (let i = 0; i < n; i++) w += chars[Math.floor(r() * chars.length)];
    return w;
  };
  const words = Array.from({ length: 20000 }, () => pick(1 + Math.floor(r() * 4)));
  // Common wording: 300 phrases of 8–12 characters, each in a few percent of the reports.
  const common = Array.from({ length: 300 }, () => pick(8 + Math.floor(r() * 5)));
  return { words, common };
})();

/** Passages planted in two reports each (the second copy with a name and a number changed). */
const PLANTED_PAIRS = 20;
function plantedPair(j: number, files: number): [number, number] {
  const step = Math.max(2, Math.floor(files / PLANTED_PAIRS));
  return [j * step, j * step + Math.max(1, Math.floor(step / 2))];
}
function plantedPassage(j: number): string {
  const r = rng(0x40000000 + j);
  let s = '';
  while (s.length < 120) s += vocabulary.words[Math.floor(r() * vocabulary.words.length)] + (r() < 0.1 ? '，' : '');
  return `${s}。`;
}
/** Template text every unit was told to include; in 30% of the reports. */
const TEMPLATE = '按照县委统一部署和年度考核工作方案要求，结合本单位实际，对照年初确定的主体责任清单逐项开展自查评估，形成本报告并按时报送县委办公室备案。';

function sentence(r: () => number): string {
  const parts: string[] = [];
  if (r() < 0.15) parts.push(BUILTIN_STOCK_PHRASES[Math.floor(r() * BUILTIN_STOCK_PHRASES.length)]);
  const n = 6 + Math.floor(r() * 10);
  // At most one common phrase per sentence, between random words: never 20 characters shared by chance.
  const common = r() < 0.6 ? Math.floor(r() * n) : -1;
  let s = '';
  for (let i = 0; i < n; i++) {
    s += vocabulary.words[Math.floor(r() * vocabulary.words.length)];
    if (i === common) s += vocabulary.common[Math.floor(r() * vocabulary.common.length)];
    if (i === Math.floor(n / 2) && r() < 0.5) s += `${1 + Math.floor(r() * 300)}次`;
  }
  parts.push(s);
  return `${parts.join('，')}。`;
}

function paragraph(r: () => number): string {
  const n = 2 + Math.floor(r() * 4);
  let s = '';
  for (let i = 0; i < n; i++) s += sentence(r);
  return s;
}

/** A report of about `bytes` of UTF-8: title, addressee, opening, numbered sections, signature, date. */
export function variedReport(seed: number, files: number, bytes = 15_000): { text: string; name: string } {
  const r = rng(seed + 1);
  const md = seed % 2 === 0;
  const unit = `第${seed}单位党组`;
  const lines: string[] = [md ? `# 中共${unit}关于2025年度落实全面从严治党主体责任情况的报告` : `中共${unit}关于2025年度落实全面从严治党主体责任情况的报告`, '', '中共某某县委：', '', `${paragraph(r)}现将有关情况报告如下。`, ''];
  const plants: string[] = [];
  for (let j = 0; j < PLANTED_PAIRS; j++) {
    const [a, b] = plantedPair(j, files);
    if (seed === a) plants.push(plantedPassage(j));
    if (seed === b) plants.push(plantedPassage(j).replace(/^(.{30})(.{3})/, `$1${unit}`).replace(/^(.{80})(.)/, '$1７'));
  }
  const titles = ['工作开展情况', '存在的问题', '下一步工作打算', '其他需要报告的事项'];
  for (let i = 0; i < titles.length; i++) {
    lines.push(md ? `## ${CN[i]}、${titles[i]}` : `${CN[i]}、${titles[i]}`, '');
    for (let j = 0; j < 8; j++) {
      lines.push(md ? `### （${CN[j]}）${vocabulary.words[Math.floor(r() * vocabulary.words.length)]}${vocabulary.words[Math.floor(r() * vocabulary.words.length)]}` : `（${CN[j]}）${vocabulary.words[Math.floor(r() * vocabulary.words.length)]}。${paragraph(r)}`, '');
      lines.push(paragraph(r), '');
      if (i === 0 && j === 1 && seed % 10 < 3) lines.push(TEMPLATE, '');
      if (i === 0 && j === 2 && plants.length) lines.push(...plants.flatMap((p) => [p, '']));
      if (Buffer.byteLength(lines.join('\n')) > bytes * ((i + 1) / titles.length)) break;
    }
  }
  lines.push(`中共${unit}`, '', '2026年1月12日', '');
  return { text: lines.join('\n'), name: `r${String(seed).padStart(5, '0')}.${md ? 'md' : 'txt'}` };
}

export function writeReports(dir: string, count: number, files = count): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const { text, name } = variedReport(i, files);
    writeFileSync(path.join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** Which files got a finding of the rule, as `a|b` pairs of file numbers (the planted ones are expected). */
function pairsFound(results: Awaited<ReturnType<typeof lintFiles>>): { pairs: string[]; findings: number } {
  const pairs = new Set<string>();
  let findings = 0;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.ruleId !== 'no-cross-copy') continue;
      findings++;
      for (const x of m.related ?? []) {
        const ids = [r.filePath, x.filePath].map((f) => Number(/r(\d+)\./.exec(f)![1])).sort((a, b) => a - b);
        pairs.add(ids.join('|'));
      }
    }
  }
  return { pairs: [...pairs].sort(), findings };
}

function expectedPairs(files: number): string[] {
  return Array.from({ length: PLANTED_PAIRS }, (_, j) => plantedPair(j, files))
    .filter(([a, b]) => b < files && a !== b)
    .map(([a, b]) => `${a}|${b}`)
    .sort();
}

// ───────────────────────────── children ─────────────────────────────

interface ChildResult {
  ms: number;
  files: number;
  maxRssMB: number;
  findings: number;
  pairs?: string[];
}

async function child(args: string[]): Promise<void> {
  const [mode, target, extra] = args;
  globalThis.gc?.();
  if (mode === 'lint') {
    const t0 = performance.now();
    const results = await lintFiles([target], { cwd: target, useConfigFiles: false, workers: 0, ruleFlags: extra === 'off' ? ['no-cross-copy: off'] : [] });
    const ms = performance.now() - t0;
    const found = pairsFound(results);
    const out: ChildResult = { ms, files: results.length, maxRssMB: process.resourceUsage().maxRSS / 1024, findings: found.findings, pairs: found.pairs };
    process.stdout.write(JSON.stringify(out));
  } else if (mode === 'ref') {
    const t0 = performance.now();
    const results = await lintFiles([target], { cwd: path.dirname(target), useConfigFiles: false, workers: 0, references: [extra] });
    const ms = performance.now() - t0;
    const findings = results[0].messages.filter((m) => m.ruleId === 'no-checklist-copy').length;
    const out: ChildResult = { ms, files: results.length, maxRssMB: process.resourceUsage().maxRSS / 1024, findings };
    process.stdout.write(JSON.stringify(out));
  } else if (mode === 'load') {
    const t0 = performance.now();
    const part = loadIndexFile(target);
    const ms = performance.now() - t0;
    const out: ChildResult = { ms, files: part.docs.length, maxRssMB: process.resourceUsage().maxRSS / 1024, findings: 0 };
    process.stdout.write(JSON.stringify(out));
  }
}

function runChild(args: string[]): ChildResult & { wallMs: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--expose-gc', SELF, '--child', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed: ${r.stderr}`);
  return { ...(JSON.parse(r.stdout) as ChildResult), wallMs };
}

// ───────────────────────────── main ─────────────────────────────

const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'reportlint-bench-copy-'));
  try {
    // 1. Overhead of no-cross-copy on 1,000 reports.
    const dirA = path.join(root, `reports-${FILES}`);
    const bytes = writeReports(dirA, FILES);
    console.log(`\n── copy detection ── ${FILES} varied reports, ${(bytes / FILES / 1024).toFixed(1)} KB each on average (best of ${ROUNDS})`);
    let off = Infinity;
    let on = Infinity;
    let found: ReturnType<typeof pairsFound> = { pairs: [], findings: 0 };
    // Alternate which goes first, so that drift of the machine does not favour one.
    for (let round = 0; round < ROUNDS * 2; round++) {
      const withRule = round % 4 === 1 || round % 4 === 2;
      globalThis.gc?.();
      const t0 = performance.now();
      const results = await lintFiles([dirA], { cwd: dirA, useConfigFiles: false, workers: 0, ruleFlags: withRule ? [] : ['no-cross-copy: off'] });
      const ms = performance.now() - t0;
      if (withRule) {
        on = Math.min(on, ms);
        found = pairsFound(results);
      } else {
        off = Math.min(off, ms);
      }
    }
    const want = expectedPairs(FILES);
    const exact = JSON.stringify(found.pairs) === JSON.stringify(want);
    console.log(`lintFiles, no-cross-copy off        ${fmt(off)}  ${((FILES / off) * 1000).toFixed(0).padStart(5)} files/s`);
    console.log(`lintFiles, no-cross-copy on         ${fmt(on)}  ${((FILES / on) * 1000).toFixed(0).padStart(5)} files/s`);
    console.log(`ratio on / off: ${(on / off).toFixed(2)}× (target ≤ 1.3×) ${verdict(on / off <= 1.3)}`);
    console.log(`findings: ${found.findings} in ${found.pairs.length} pairs of files; planted ${want.length} pairs: ${exact ? 'exactly those found' : `MISMATCH, found ${found.pairs.join(' ')}`}`);

    // 2. Scaling to 5,000 reports, each size in a fresh process.
    const big = FILES * 5;
    const dirB = path.join(root, `reports-${big}`);
    writeReports(dirB, big);
    const small = runChild(['lint', dirA]);
    const large = runChild(['lint', dirB]);
    const smallOff = runChild(['lint', dirA, 'off']);
    const largeOff = runChild(['lint', dirB, 'off']);
    const ratio = large.ms / small.ms;
    const line = (label: string, r: ChildResult, count: number) =>
      console.log(`${label.padEnd(36)} ${fmt(r.ms)}  ${((count / r.ms) * 1000).toFixed(0).padStart(5)} files/s  peak RSS ${r.maxRssMB.toFixed(0).padStart(4)} MB`);
    console.log(`\neach in a fresh process:`);
    line(`${FILES} reports, no-cross-copy on`, small, FILES);
    line(`${big} reports, no-cross-copy on`, large, big);
    line(`${FILES} reports, no-cross-copy off`, smallOff, FILES);
    line(`${big} reports, no-cross-copy off`, largeOff, big);
    console.log(`(off → on: ${(small.ms / smallOff.ms).toFixed(2)}× at ${FILES}, ${(large.ms / largeOff.ms).toFixed(2)}× at ${big}; ${big} / ${FILES} with it off: ${(largeOff.ms / smallOff.ms).toFixed(2)}×)`);
    console.log(`ratio ${big} / ${FILES}: ${ratio.toFixed(2)}× (target ≤ 5.5×) ${verdict(ratio <= 5.5)}; peak RSS ${large.maxRssMB.toFixed(0)} MB (target < 1024 MB) ${verdict(large.maxRssMB < 1024)}`);
    const wantBig = expectedPairs(big);
    console.log(`findings at ${big}: ${large.findings} in ${large.pairs!.length} pairs; planted ${wantBig.length}: ${JSON.stringify(large.pairs) === JSON.stringify(wantBig) ? 'exactly those found' : 'MISMATCH'}`);
    rmSync(dirB, { recursive: true, force: true });

    // 3. One report against an index of 10,000 reference documents.
    const dirR = path.join(root, 'references');
    writeReports(dirR, REFS, REFS);
    const t0 = performance.now();
    const index = path.join(root, 'refs.rlidx');
    const built = await buildIndexFile([dirR], root, index);
    const buildMs = performance.now() - t0;
    rmSync(dirR, { recursive: true, force: true });
    console.log(`\nindex of ${built.files} reference documents: built in ${(buildMs / 1000).toFixed(1)} s, ${(statSync(index).size / 2 ** 20).toFixed(0)} MB, ${built.fingerprints} fingerprints`);
    // The report copies two passages from reference documents and is otherwise its own.
    const reportFile = path.join(root, 'report.md');
    const own = variedReport(REFS + 12345, REFS + 20000).text;
    const copied = [variedReport(17, REFS).text, variedReport(4242 % REFS, REFS).text].map((t) => t.split('\n').filter((l) => l.length > 150)[3]);
    writeFileSync(reportFile, own.replace('现将有关情况报告如下。', `现将有关情况报告如下。\n\n${copied.join('\n\n')}\n`));
    const load = runChild(['load', index]);
    const ref = runChild(['ref', reportFile, index]);
    console.log(`loading the index alone: ${load.ms.toFixed(0)} ms (${((built.files / load.ms) * 1000).toFixed(0)} documents/s), peak RSS ${load.maxRssMB.toFixed(0)} MB`);
    console.log(`one report against the index: ${fmt(ref.ms)} in lintFiles (index loading included), ${fmt(ref.wallMs)} for the whole process with Node start-up`);
    console.log(`target < 1000 ms: ${verdict(ref.ms < 1000)} (whole process: ${verdict(ref.wallMs < 1000)}); ${ref.findings} passages found (2 planted); peak RSS ${ref.maxRssMB.toFixed(0)} MB`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  if (process.argv[2] === '--child') await child(process.argv.slice(3));
  else await main();
}
