/**
 * Pathological inputs (issue: input that tries to break it). Each must finish in
 * time linear in its size: the script prints the time at two sizes and the
 * ratio, which should stay near 2 for twice the input.
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
};
// Sizes: [small, large]; the large is twice the small.
const SIZES: Record<string, [number, number]> = {
  'one long line (n × 10 chars)': [50_000, 100_000],
  'nested block quotes': [5_000, 10_000],
  'nested list levels': [1_000, 2_000],
  'consecutive ×': [50_000, 100_000],
  headings: [25_000, 50_000],
  'marker lines': [25_000, 50_000],
  'unbalanced brackets': [50_000, 100_000],
  'open link brackets': [25_000, 50_000],
  'inline code spans': [50_000, 100_000],
  'hard breaks': [50_000, 100_000],
  'emphasis marker runs': [50_000, 100_000],
  'nested lists on one line': [5_000, 10_000],
};

function time(text: string, format: DocumentFormat): { ms: number; findings: number } {
  const t0 = performance.now();
  const result = lintText(text, { registry: builtinRegistry, format });
  return { ms: performance.now() - t0, findings: result.messages.length };
}

let worst = 0;
for (const [name, make] of Object.entries(CASES)) {
  for (const format of ['markdown', 'text'] as const) {
    const [small, large] = SIZES[name];
    const a = time(make(small), format);
    const b = time(make(large), format);
    const ratio = b.ms / Math.max(a.ms, 1);
    worst = Math.max(worst, b.ms);
    console.log(
      `${name.padEnd(30)} ${format.padEnd(8)} n=${String(large).padStart(6)}: ${b.ms.toFixed(0).padStart(6)} ms (×${ratio.toFixed(1)} for 2× input), ${b.findings} findings`,
    );
  }
}
console.log(`slowest case: ${worst.toFixed(0)} ms`);
