import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinRegistry, builtinRules } from '../rules/index.js';
import { lintText } from '../src/engine/lint.js';
import { defaultSettings, type Settings } from '../src/settings.js';
import { applyFixesFully } from './helpers.js';
import { exampleLayout, type ExampleLayout } from '../src/layout/example.js';

/**
 * One test drives every rule's examples: the docs cannot drift from the behaviour.
 * It also holds each rule to its own metadata.
 */

function run(
  rule: (typeof builtinRules)[number],
  text: string,
  format: 'markdown' | 'text' | undefined,
  options?: Record<string, unknown>,
  settings?: Partial<Settings>,
  layout?: ExampleLayout,
) {
  return lintText(text, {
    ...(layout ? exampleLayout(text, layout) : {}),
    registry: builtinRegistry,
    format: format ?? 'text',
    rules: { [rule.id]: { severity: rule.severity, options } },
    settings: { ...defaultSettings(), ...settings },
  });
}

describe.each(builtinRules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  rule.examples.forEach((example, i) => {
    if ('valid' in example) {
      it(`valid #${i + 1}`, () => {
        const result = run(rule, example.valid, example.format, example.options, example.settings, example.layout);
        expect(result.messages.map((m) => `${m.line}:${m.column} ${m.messageId} ${m.message}`)).toEqual([]);
      });
    } else {
      it(`invalid #${i + 1}`, () => {
        const result = run(rule, example.invalid, example.format, example.options, example.settings, example.layout);
        expect(result.messages.map((m) => `${m.line}:${m.column} ${m.messageId}`)).toEqual(example.expect);
        for (const m of result.messages) expect(m.ruleId).toBe(rule.id);
        if (rule.fixable && example.output !== undefined) {
          const fixed = applyFixesFully(example.invalid, (text) => run(rule, text, example.format, example.options, example.settings, example.layout));
          expect(fixed).toBe(example.output);
        }
      });
    }
  });
});

/** Test files (other than this one) that name the rule id in quotes. */
function testsNaming(id: string): string[] {
  const dir = new URL('./', import.meta.url);
  return readdirSync(dir).filter(
    (f) => f.endsWith('.test.ts') && f !== 'rule-examples.test.ts' && readFileSync(new URL(f, dir), 'utf8').includes(`'${id}'`),
  );
}

describe('rule metadata', () => {
  it('lists every file in rules/ under its own id', () => {
    const files = readdirSync(new URL('../rules/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(builtinRules.map((r) => r.id).sort()).toEqual(files);
  });

  it.each(builtinRules.map((r) => [r.id, r] as const))('%s: messages, docs and examples are complete', (_id, rule) => {
    for (const [id, text] of Object.entries(rule.messages)) {
      expect(text.zh, `${id} zh`).toMatch(/\S/);
      expect(text.en, `${id} en`).toMatch(/\S/);
    }
    for (const part of [rule.docs.summary, rule.docs.why]) {
      expect(part.zh).toMatch(/\S/);
      expect(part.en).toMatch(/\S/);
    }
    for (const spec of Object.values(rule.options)) {
      expect(spec.description.zh).toMatch(/\S/);
      expect(spec.description.en).toMatch(/\S/);
    }
    const used = new Set(rule.examples.flatMap((e) => ('expect' in e ? e.expect.map((x) => x.split(' ')[1]) : [])));
    if (rule.batch && used.size === 0) {
      // A rule that compares files with each other cannot show a finding with one text: a test file must drive it.
      expect(testsNaming(rule.id), 'a batch rule without invalid examples is exercised by a test file').not.toEqual([]);
    } else {
      // Messages about Word's automatic numbering (`auto…`) need a Word document, which a text example cannot be: a test file drives them.
      const wordOnly = Object.keys(rule.messages).filter((id) => id.startsWith('auto'));
      for (const id of wordOnly) expect(testsNaming(id), `${id} is exercised by a test file`).not.toEqual([]);
      expect([...used].sort(), 'every message id has an invalid example').toEqual(Object.keys(rule.messages).filter((id) => !wordOnly.includes(id)).sort());
    }
    expect(rule.examples.some((e) => 'valid' in e), 'has a valid example').toBe(true);
    if (rule.fixable) expect(rule.examples.some((e) => 'output' in e), 'fixable rule shows a fix').toBe(true);
  });
});
