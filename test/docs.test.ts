import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRegistry, builtinRules } from '../rules/index.js';
import { generatedDocs } from '../src/docs/generate.js';
import { listRules, ruleDoc } from '../src/docs/rule-docs.js';

const root = new URL('../', import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, root), 'utf8');

describe('generated documentation', () => {
  const files = generatedDocs(builtinRules, builtinRegistry, read('README.md'));

  it.each([...files.keys()])('%s is up to date (run `npm run docs`)', (rel) => {
    expect(read(rel)).toBe(files.get(rel));
  });

  it('the README table lists every rule', () => {
    for (const rule of builtinRules) expect(files.get('README.md')).toContain(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`);
  });

  it('a rule page shows each example with the findings the rule really gives', () => {
    const doc = ruleDoc(builtinRegistry.get('no-placeholder')!, builtinRegistry, 'zh');
    expect(doc).toContain('```text\n全年开展专项督查×次。\n```\n\n```\n1:9  模板占位符“×”未填写\n```');
    expect(doc).toContain('| `extraPatterns` | `[]` |');
  });

  it('--list-rules has one line per rule', () => {
    expect(listRules(builtinRules, 'en').trim().split('\n')).toHaveLength(builtinRules.length);
  });
});
