/**
 * `npm run precision`: findings per shape document, before any rule change.
 *
 * - Clean documents (fixtures/clean, fixtures/shapes and the Word shapes built
 *   by shapes-docx.ts) are linted together under the recommended preset: every
 *   finding there is a false alarm.
 * - Each faulty twin (fixtures/bad/shapes) is linted on its own: every fault
 *   EXPECTED.md lists must be found at its place (recall), and any other finding
 *   is a false alarm too.
 *
 * `--json` prints the result as JSON; `--check` exits 1 unless there are no
 * false alarms and every planted fault is found.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintFiles } from '../src/lint-files.js';
import type { LintMessage, LintResult } from '../src/engine/lint.js';
import { writeShapeDocuments } from './shapes-docx.js';
import { readBytes } from '../src/files/read.js';
import { formatDocx } from '../src/layout/format.js';
import { defaultLayoutProfile } from '../src/layout/profile.js';
import { buildReport } from '../src/model/build.js';

export interface Expected {
  file: string;
  /** `line:column` for text twins; null for Word twins (matched by rule). */
  at: string | null;
  rule: string;
}

export interface DocumentOutcome {
  file: string;
  /** Findings no one planted. */
  falseAlarms: string[];
  /** Planted faults that were not found (faulty twins only). */
  missed: string[];
  found: number;
  expected: number;
}

export interface PrecisionReport {
  clean: DocumentOutcome[];
  faulty: DocumentOutcome[];
  totals: { cleanDocuments: number; falseAlarmsClean: number; faultyDocuments: number; falseAlarmsFaulty: number; planted: number; found: number };
}

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, 'fixtures', 'shapes'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('fixtures/shapes not found');
}

/** The planted faults, from the tables of EXPECTED.md (text twins by position, Word twins by rule). */
export function readExpected(markdown: string): Expected[] {
  const out: Expected[] = [];
  let file: string | null = null;
  for (const line of markdown.split('\n')) {
    const heading = /^#{2,3} (\S+\.(?:md|txt|docx))\b/.exec(line);
    if (heading) {
      file = heading[1];
      continue;
    }
    if (!file || !line.startsWith('|') || /^\|\s*(?:line|paragraph|-)/.test(line)) continue;
    const cells = line.split('|').map((c) => c.trim());
    if (file.endsWith('.docx')) {
      if (/^第\d+段$/.test(cells[1])) out.push({ file, at: null, rule: cells[2] });
    } else if (/^\d+$/.test(cells[1]) && /^\d+$/.test(cells[2])) {
      out.push({ file, at: `${cells[1]}:${cells[2]}`, rule: cells[3] });
    }
  }
  return out;
}

const describe = (m: LintMessage): string => `${m.line}:${m.column} ${m.ruleId ?? '-'} ${m.message}`;

function outcome(result: LintResult, root: string, expected: Expected[]): DocumentOutcome {
  const file = path.relative(root, result.filePath);
  const open = [...expected];
  const falseAlarms: string[] = [];
  let found = 0;
  for (const m of result.messages) {
    const i = open.findIndex((e) => e.rule === m.ruleId && (e.at === null || e.at === `${m.line}:${m.column}`));
    if (i === -1) falseAlarms.push(describe(m));
    else {
      open.splice(i, 1);
      found++;
    }
  }
  return { file, falseAlarms, missed: open.map((e) => `${e.at ?? ''} ${e.rule}`.trim()), found, expected: expected.length };
}

/** Rewrites a generated Word document in the GB/T 9704 layout, with the words unchanged. */
async function layOut(file: string): Promise<void> {
  const bytes = readFileSync(file);
  const read = await readBytes(bytes, file, {}, { mtimeMs: 0, size: bytes.length });
  if (read.kind !== 'text' || !read.docx?.layout) throw new Error(`cannot read ${file}`);
  const report = buildReport(read.text, 'text', read.docx.hints);
  report.layout = read.docx.layout;
  writeFileSync(file, await formatDocx(bytes, report, defaultLayoutProfile()));
}

export async function evaluatePrecision(): Promise<PrecisionReport> {
  const root = repoRoot();
  const shapes = path.join(root, 'fixtures', 'shapes');
  const temp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-precision-'));
  try {
    // A correct report is also laid out to GB/T 9704: the Word shapes get the layout the formatted copy gives.
    for (const file of await writeShapeDocuments(temp, shapes)) await layOut(file);
    const cleanText = [
      ...readdirSync(path.join(root, 'fixtures', 'clean')).map((f) => path.join(root, 'fixtures', 'clean', f)),
      ...readdirSync(shapes).filter((f) => /\.(md|txt)$/.test(f)).map((f) => path.join(shapes, f)),
    ];
    const cleanWord = readdirSync(temp).filter((f) => f.endsWith('.docx')).map((f) => path.join(temp, f));
    const common = { cwd: root, useConfigFiles: false };
    // Two batches: each Word shape is made from a text shape, and would read as its copy.
    const clean = [...(await lintFiles(cleanText, common)), ...(await lintFiles(cleanWord, common))].map((r) => outcome(r, root, []));
    for (const c of clean) if (c.file.startsWith('..')) c.file = `word:${path.basename(c.file)}`;

    const twins = path.join(root, 'fixtures', 'bad', 'shapes');
    const expected = readExpected(readFileSync(path.join(twins, 'EXPECTED.md'), 'utf8'));
    const faultyFiles = [
      ...readdirSync(twins).filter((f) => /\.(md|txt)$/.test(f) && f !== 'EXPECTED.md').map((f) => path.join(twins, f)),
      ...readdirSync(path.join(temp, 'faulty')).map((f) => path.join(temp, 'faulty', f)),
    ];
    const faulty: DocumentOutcome[] = [];
    // One at a time: a twin compared with another twin would be copying.
    for (const file of faultyFiles) {
      const [result] = await lintFiles([file], common);
      const o = outcome(result, root, expected.filter((e) => e.file === path.basename(file)));
      if (o.file.startsWith('..')) o.file = `word:faulty/${path.basename(file)}`;
      faulty.push(o);
    }
    const sum = (list: DocumentOutcome[], f: (d: DocumentOutcome) => number) => list.reduce((n, d) => n + f(d), 0);
    return {
      clean,
      faulty,
      totals: {
        cleanDocuments: clean.length,
        falseAlarmsClean: sum(clean, (d) => d.falseAlarms.length),
        faultyDocuments: faulty.length,
        falseAlarmsFaulty: sum(faulty, (d) => d.falseAlarms.length),
        planted: sum(faulty, (d) => d.expected),
        found: sum(faulty, (d) => d.found),
      },
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function print(report: PrecisionReport): void {
  const out: string[] = ['Clean documents (every finding is a false alarm):'];
  for (const d of report.clean) {
    out.push(`  ${d.falseAlarms.length === 0 ? '✔' : '✖'} ${d.file}: ${d.falseAlarms.length}`);
    for (const f of d.falseAlarms) out.push(`      ${f}`);
  }
  out.push('', 'Faulty twins (planted faults found / planted; other findings are false alarms):');
  for (const d of report.faulty) {
    const ok = d.missed.length === 0 && d.falseAlarms.length === 0;
    out.push(`  ${ok ? '✔' : '✖'} ${d.file}: ${d.found}/${d.expected} found, ${d.falseAlarms.length} false alarm(s)`);
    for (const m of d.missed) out.push(`      missed: ${m}`);
    for (const f of d.falseAlarms) out.push(`      extra:  ${f}`);
  }
  const t = report.totals;
  const recall = t.planted ? ((100 * t.found) / t.planted).toFixed(1) : '—';
  out.push(
    '',
    `Total: ${t.falseAlarmsClean} false alarm(s) on ${t.cleanDocuments} clean documents; ${t.falseAlarmsFaulty} on ${t.faultyDocuments} faulty twins; recall ${t.found}/${t.planted} (${recall}%).`,
  );
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const report = await evaluatePrecision();
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else print(report);
  const t = report.totals;
  if (process.argv.includes('--check') && (t.falseAlarmsClean > 0 || t.falseAlarmsFaulty > 0 || t.found < t.planted)) process.exitCode = 1;
}
