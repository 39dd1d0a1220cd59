/**
 * Recall benchmark of the proofreading rules (issue 14): the pairs of
 * bench/data/wording-pairs.yaml (a wrong sentence and the same sentence put
 * right), and every clean fixture (fixtures/clean, fixtures/shapes when present).
 *
 * Prints recall on the wrong sentences, false alarms on the right ones and on
 * the clean fixtures, and exits 1 when recall is under 90% or there is any
 * false alarm. Run from dist: `npm run bench:wording` builds first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { builtinRegistry } from '../rules/index.js';
import { formatFor, lintText } from '../src/engine/lint.js';
import { defaultSettings } from '../src/settings.js';

/** The rules whose findings count: the proofreader's tier. */
const WORDING_RULES = [
  'typo-words',
  'canonical-terms',
  'guiding-thought-list',
  'fixed-list-order',
  'relative-time',
  'date-format',
  'figure-consistency',
  'repeated-passage',
  'no-request-in-report',
  'superior-address',
  'request-form',
  'letter-closing',
];
const TITLE = '关于2024年度工作情况的报告';
const RECALL_TARGET = 0.9;

interface Pair {
  rule: string;
  /** The title to lint under (a 请示, a 函); the report title when absent. */
  title?: string;
  wrong: string;
  right: string;
}

const root = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

const rules = Object.fromEntries(WORDING_RULES.map((id) => [id, { severity: 'warn' as const }]));

function findings(text: string, filePath?: string): string[] {
  const result = lintText(text, {
    registry: builtinRegistry,
    format: filePath ? formatFor(filePath) : 'text',
    rules,
    settings: defaultSettings(),
    ...(filePath ? { filePath } : {}),
  });
  return result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
}

const pairs = (parse(readFileSync(path.join(root, 'bench/data/wording-pairs.yaml'), 'utf8')) as { pairs: Pair[] }).pairs;
const missed: Pair[] = [];
const wrongRule: string[] = [];
const alarms: string[] = [];
const byRule = new Map<string, { n: number; hit: number }>();

for (const pair of pairs) {
  const stat = byRule.get(pair.rule) ?? { n: 0, hit: 0 };
  byRule.set(pair.rule, stat);
  stat.n++;
  const bad = findings(`${pair.title ?? TITLE}\n${pair.wrong}`);
  if (bad.length) {
    stat.hit++;
    if (!bad.some((f) => f.split(' ')[1] === pair.rule)) wrongRule.push(`${pair.wrong}  →  ${bad.join(' | ')}`);
  } else missed.push(pair);
  for (const f of findings(`${pair.title ?? TITLE}\n${pair.right}`)) alarms.push(`right sentence “${pair.right}”: ${f}`);
}

const fixtureDirs = ['fixtures/clean', 'fixtures/shapes'].filter((d) => existsSync(path.join(root, d)));
let fixtureCount = 0;
for (const dir of fixtureDirs) {
  for (const f of readdirSync(path.join(root, dir)).filter((n) => /\.(md|txt)$/.test(n))) {
    fixtureCount++;
    const file = path.join(root, dir, f);
    for (const m of findings(readFileSync(file, 'utf8'), file)) alarms.push(`${dir}/${f}: ${m}`);
  }
}

const recall = (pairs.length - missed.length) / pairs.length;
console.log(`wording benchmark: ${pairs.length} pairs, rules: ${WORDING_RULES.join(', ')}`);
for (const [rule, s] of [...byRule].sort()) console.log(`  ${rule.padEnd(22)} ${s.hit}/${s.n}`);
console.log(`recall on wrong sentences: ${(recall * 100).toFixed(1)}% (${pairs.length - missed.length}/${pairs.length}; target ≥ ${RECALL_TARGET * 100}%)`);
for (const p of missed) console.log(`  missed: ${p.wrong}`);
for (const w of wrongRule) console.log(`  caught by another rule: ${w}`);
console.log(`false alarms on right sentences: ${alarms.filter((a) => a.startsWith('right')).length} of ${pairs.length}`);
console.log(`false alarms on clean fixtures (${fixtureCount} files in ${fixtureDirs.join(', ')}): ${alarms.filter((a) => !a.startsWith('right')).length}`);
for (const a of alarms) console.log(`  ${a}`);
if (recall < RECALL_TARGET || alarms.length) process.exitCode = 1;
