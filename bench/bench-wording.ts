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
import { builtinTermsData } from '../src/terms.js';
import { builtinTypos } from '../src/typos.js';

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
  /** The title of the right form, when the title itself is what was wrong (a 请示 asking two things). */
  rightTitle?: string;
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
  for (const f of findings(`${pair.rightTitle ?? pair.title ?? TITLE}\n${pair.right}`)) alarms.push(`right sentence “${pair.right}”: ${f}`);
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

/** Wrong forms per section of the canonical-terms file (its `# ──` comments name the kinds). */
function termsBySection(): Map<string, { entries: number; forms: number }> {
  const forms = new Map(builtinTermsData().terms.map((t) => [t.correct, t.wrong.length]));
  const out = new Map<string, { entries: number; forms: number }>();
  let section = '';
  for (const line of readFileSync(path.join(root, 'rules/data/canonical-terms.yaml'), 'utf8').split('\n')) {
    const heading = /^ {2}# ── (.+?) ──/.exec(line);
    if (heading) section = heading[1];
    const term = /^ {2}- correct: (.+)$/.exec(line);
    if (!term) continue;
    const stat = out.get(section) ?? { entries: 0, forms: 0 };
    stat.entries++;
    stat.forms += forms.get(term[1].trim()) ?? 0;
    out.set(section, stat);
  }
  return out;
}

const recall = (pairs.length - missed.length) / pairs.length;
const typos = builtinTypos();
console.log('dictionary entries (wrong forms):');
for (const tier of ['certain', 'suspect'] as const) {
  const list = typos.filter((t) => t.tier === tier);
  console.log(`  typo-words ${tier.padEnd(8)} ${list.reduce((n, t) => n + t.wrong.length, 0)} forms (${list.length} entries)`);
}
for (const [section, stat] of termsBySection()) console.log(`  canonical-terms: ${section}: ${stat.forms} forms (${stat.entries} terms)`);
console.log(`  canonical-terms verb pairings: ${builtinTermsData().verbs.length}`);
console.log(`wording benchmark: ${pairs.length} pairs, rules: ${WORDING_RULES.join(', ')}`);
for (const [rule, s] of [...byRule].sort()) console.log(`  ${rule.padEnd(22)} ${s.hit}/${s.n}`);
console.log(`recall on wrong sentences: ${(recall * 100).toFixed(1)}% (${pairs.length - missed.length}/${pairs.length}; target ≥ ${RECALL_TARGET * 100}%)`);
for (const p of missed) console.log(`  missed: ${p.wrong}`);
for (const w of wrongRule) console.log(`  caught by another rule: ${w}`);
console.log(`false alarms on right sentences: ${alarms.filter((a) => a.startsWith('right')).length} of ${pairs.length}`);
console.log(`false alarms on clean fixtures (${fixtureCount} files in ${fixtureDirs.join(', ')}): ${alarms.filter((a) => !a.startsWith('right')).length}`);
for (const a of alarms) console.log(`  ${a}`);
if (recall < RECALL_TARGET || alarms.length) process.exitCode = 1;
