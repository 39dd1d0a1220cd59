/**
 * Pathological inputs (issue: input that tries to break it). Each must finish in
 * time linear in its size: the script prints the time at n and 4n, the ratio
 * (near 4 when linear) and the growth exponent log(t₄ₙ/tₙ)/log(size₄ₙ/sizeₙ)
 * (near 1 when linear, 2 when quadratic).
 */
import { builtinRegistry } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';
import type { DocumentFormat } from '../src/types.js';

const CASES: Record<string, (n: number) => string> = {
  'one long line (n × 10 chars)': (n) => '关于某项工作的报告\n' + '党支部认真开展工作，'.repeat(n) + '\n',
  'nested block quotes': (n) => '> '.repeat(n) + '引用的话\n',
  // n list levels by indentation: the text itself grows as n², so n is kept smaller.
  'nested list levels': (n) => Array.from({ length: n }, (_, i) => ' '.repeat(i * 2) + '- 项\n').join(''),
  'consecutive ×': (n) => '×'.repeat(n) + '\n',
  'headings': (n) => Array.from({ length: n }, (_, i) => `## ${(i % 9) + 1}.标题${i}\n`).join('\n'),
  'marker lines': (n) => Array.from({ length: n }, (_, i) => `（${(i % 10) + 1}）标题${i}。正文。`).join('\n'),
  'unbalanced brackets': (n) => '（“《'.repeat(n) + '\n',
  'open link brackets': (n) => '['.repeat(n) + '\n',
  'inline code spans': (n) => '关于某项工作的报告\n' + '见`a`，'.repeat(n) + '\n',
  'hard breaks': (n) => '关于某项工作的报告\n\n' + '一行文字  \n'.repeat(n),
  'emphasis marker runs': (n) => '*'.repeat(n) + '强调' + '*'.repeat(n) + '\n',
  'nested lists on one line': (n) => '- '.repeat(n) + '项\n',
  // Issue 17 §8: nested title marks (memory and time).
  'nested 《《…》》': (n) => '关于某项工作的报告\n' + '《'.repeat(n) + '规定' + '》'.repeat(n) + '\n',
  'nested 《〈…〉》 mixed': (n) => '关于某项工作的报告\n' + '《〈'.repeat(n) + '规定' + '〉》'.repeat(n) + '\n',
  // Issue 17 §12: shapes the nesting and emphasis-run guards missed.
  '党* repeated': (n) => '党* '.repeat(n) + '\n',
  'nested [ … ]': (n) => '['.repeat(n) + 'a' + ']'.repeat(n) + '\n',
  '[a]( repeated': (n) => '[a]('.repeat(n) + '\n',
  'runs of 60 *': (n) => ('*'.repeat(60) + '党').repeat(n) + '\n',
  'lists nested 30 deep': (n) => Array.from({ length: n }, (_, i) => '  '.repeat(i % 30) + '- 项\n').join(''),
  'short paragraphs': (n) => '关于某项工作的报告\n\n' + '党支部认真开展工作，取得成效。\n\n'.repeat(n),
};
// n for each case; it is run at n and 4n.
const SIZES: Record<string, number> = {
  'one long line (n × 10 chars)': 25_000,
  'nested block quotes': 2_500,
  'nested list levels': 500,
  'consecutive ×': 25_000,
  headings: 12_500,
  'marker lines': 12_500,
  'unbalanced brackets': 25_000,
  'open link brackets': 12_500,
  'inline code spans': 25_000,
  'hard breaks': 25_000,
  'emphasis marker runs': 25_000,
  'nested lists on one line': 2_500,
  'nested 《《…》》': 10_000,
  'nested 《〈…〉》 mixed': 5_000,
  '党* repeated': 25_000,
  'nested [ … ]': 10_000,
  '[a]( repeated': 20_000,
  'runs of 60 *': 2_000,
  'lists nested 30 deep': 5_000,
  'short paragraphs': 20_000,
};

function time(text: string, format: DocumentFormat): { ms: number; findings: number } {
  const t0 = performance.now();
  const result = lintText(text, { registry: builtinRegistry, format });
  return { ms: performance.now() - t0, findings: result.messages.length };
}

const only = process.argv[2];
let worst = 0;
let steepest = 0;
for (const [name, make] of Object.entries(CASES)) {
  if (only && !name.includes(only)) continue;
  for (const format of ['markdown', 'text'] as const) {
    const n = SIZES[name];
    const small = make(n);
    const large = make(4 * n);
    time(make(Math.ceil(n / 10)), format); // warm up the JIT
    const a = time(small, format);
    const b = time(large, format);
    const ratio = b.ms / Math.max(a.ms, 1);
    // Below 20 ms the clock says little: such rows count as linear.
    // Below 10 ms at n the clock says little: such a row is printed but not counted as the steepest.
    const exponent = Math.log(b.ms / Math.max(a.ms, 0.5)) / Math.log(large.length / small.length);
    worst = Math.max(worst, b.ms);
    if (a.ms >= 10) steepest = Math.max(steepest, exponent);
    console.log(
      `${name.padEnd(30)} ${format.padEnd(8)} n=${String(n).padStart(6)}: ${a.ms.toFixed(0).padStart(6)} ms, 4n: ${b.ms.toFixed(0).padStart(6)} ms ` +
        `(×${ratio.toFixed(1)}, exponent ${exponent.toFixed(2)}${a.ms < 10 ? ' (too fast to tell)' : ''}; ${(large.length / 1024).toFixed(0)} KB), ${b.findings} findings`,
    );
  }
}
console.log(`slowest case: ${worst.toFixed(0)} ms; steepest growth exponent: ${steepest.toFixed(2)}`);
