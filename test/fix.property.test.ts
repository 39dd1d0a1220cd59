import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, builtinRules } from '../rules/index.js';
import { fixText, structureOf } from '../src/engine/fixer.js';
import { markdownStructure } from '../src/engine/markdown-structure.js';
import { defaultRuleSettings, formatFor, lintText } from '../src/engine/lint.js';
import { buildReport } from '../src/model/build.js';
import type { DocumentFormat } from '../src/types.js';

/**
 * --fix must be safe and idempotent on anything: the shipped fixtures, reports
 * generated from realistic pieces, and fixtures mutated at random.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALL_RULES = Object.fromEntries(builtinRules.map((r) => [r.id, { severity: r.severity }]));

function fixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return fixtures(full);
    return /\.(md|txt)$/.test(name) && name !== 'README.md' ? [full] : [];
  });
}
const FIXTURES = fixtures(path.join(ROOT, 'fixtures'));

/** The invariants of one --fix run on `text`. */
function checkFix(text: string, format: DocumentFormat): void {
  const options = { format, registry: builtinRegistry, rules: ALL_RULES };
  const first = fixText(text, options);
  const second = fixText(first.output, options);
  // A second --fix changes nothing.
  expect(second.changed, 'second fix changed the text').toBe(false);
  expect(second.output).toBe(first.output);
  // The section tree is unchanged.
  expect(structureOf(buildReport(first.output, format))).toEqual(structureOf(buildReport(text, format)));
  // So is the Markdown tree (remark's, without the prose), and the lines (issue 17 §6).
  if (format === 'markdown') expect(markdownStructure(first.output)).toBe(markdownStructure(text));
  expect(first.output.split('\n').length).toBe(text.split('\n').length);
  // Every reported range lies inside the document.
  const result = lintText(first.output, options);
  const lines = first.output.replace(/^\uFEFF/, '').split('\n');
  for (const m of result.messages) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.endLine).toBeLessThanOrEqual(lines.length);
    expect(m.column).toBeLessThanOrEqual(lines[m.line - 1].length + 1);
    expect(m.endColumn).toBeLessThanOrEqual(lines[m.endLine - 1].length + 1);
  }
}

describe('--fix on the fixtures', () => {
  it.each(FIXTURES.map((f) => path.relative(ROOT, f)))('%s: idempotent and structure-preserving', (rel) => {
    checkFix(readFileSync(path.join(ROOT, rel), 'utf8'), formatFor(rel));
  });

  it('fixes something on the bad format fixture and leaves clean ones untouched', () => {
    const bad = fixText(readFileSync(path.join(ROOT, 'fixtures/bad/format.md'), 'utf8'), {
      format: 'markdown',
      registry: builtinRegistry,
      rules: defaultRuleSettings(builtinRegistry),
    });
    expect(bad.changed).toBe(true);
    for (const file of FIXTURES.filter((f) => f.includes(`${path.sep}clean${path.sep}`))) {
      const text = readFileSync(file, 'utf8');
      expect(fixText(text, { format: formatFor(file), registry: builtinRegistry }).changed, file).toBe(false);
    }
  });
});

// Pieces of real reports, right and wrong.
const HEADINGS = ['一、工作开展情况', '二、存在的问题', '三、下一步工作打算', '一.工作情况', '(二)强化监督', '（三）、压实责任', '1、制定清单', '## 一、主要做法', '### （一）强化学习'];
const SENTENCES = [
  '全年开展专项督查12次，发现问题35个。',
  '党委书记履行第一责任人职责,班子成员落实一岗双责.',
  '召开专题会议。。研究部署工作，，推动落实。',
  '会议于2024年01月05日召开，参会人员约300人左右。',
  '访问 https://example.gov.cn/a.html 了解详情。',
  '坚持以习近平新时代中国特色社会主义思想为指导 ，深入学习。',
  '开展《清廉机关》创建活动...取得成效。',
  '增长幅度为15～30%，投入5～10万元。',
  '“四个意识”不断增强(效果明显)。',
  '落实3会1课制度，2023-2024年持续推进。',
  '首先、加强学习；其次、完善制度——',
  // Issue 17 §6: a link with Han in its path, emphasis beside punctuation, a soft break inside a number.
  '详见[文件](https://x.gov.cn/政策,解读)和<https://x.gov.cn/政策,解读>,请查阅.',
  '**1.**,参训人员120人。',
  '参加人数约3\n千人。',
  '\u3000',
  '\u00a0',
  '---',
];

const report = fc
  .record({
    title: fc.constantFrom('关于2025年度落实全面从严治党主体责任情况的报告', '# 某局党组工作报告', '关于某项工作的报告'),
    body: fc.array(fc.tuple(fc.constantFrom(...HEADINGS), fc.array(fc.constantFrom(...SENTENCES), { minLength: 0, maxLength: 3 })), { maxLength: 6 }),
    crlf: fc.boolean(),
    blankLines: fc.boolean(),
  })
  .map(({ title, body, crlf, blankLines }) => {
    const sep = blankLines ? '\n\n' : '\n';
    const text = [title, '市委：', ...body.map(([h, s]) => [h, ...s].join(sep)), '中共某某委员会', '2025年1月12日'].join(sep) + '\n';
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

describe('--fix on generated and mutated reports', () => {
  it.each(['markdown', 'text'] as const)('generated reports (%s)', (format) => {
    fc.assert(
      fc.property(report, (text) => checkFix(text, format)),
      { numRuns: 60 },
    );
  });

  const NOISE = [',', '.', ' ', '。', '，', '（', '）', '"', '“', '…', '-', '×', '\n', '　', '1.', '《', '》', '、'];
  const sources = FIXTURES.map((f) => readFileSync(f, 'utf8'));
  it('fixtures with random insertions and deletions', () => {
    fc.assert(
      fc.property(
        fc.nat(sources.length - 1),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...NOISE), fc.boolean()), { maxLength: 12 }),
        (index, edits) => {
          let text = sources[index];
          for (const [where, noise, del] of edits) {
            const at = Math.floor(where * text.length);
            text = del ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + noise + text.slice(at);
          }
          checkFix(text, formatFor(FIXTURES[index]));
        },
      ),
      { numRuns: 40 },
    );
  });
});
