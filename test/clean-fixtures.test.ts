import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { defaultRuleSettings, formatFor, lintText } from '../src/engine/lint.js';

/**
 * No false alarms on good reports: every rule of the recommended set gives
 * zero findings on each clean fixture.
 */
const dir = new URL('../fixtures/clean/', import.meta.url);
const files = readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f));

describe('clean fixtures', () => {
  it('there are at least five, of at least 2,500 characters, in both formats', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(new Set(files.map((f) => formatFor(f)))).toEqual(new Set(['markdown', 'text']));
    for (const f of files) expect([...readFileSync(new URL(f, dir), 'utf8')].length, f).toBeGreaterThanOrEqual(2500);
  });

  it.each(files)('%s: zero findings from the recommended rules', (f) => {
    const result = lintText(readFileSync(new URL(f, dir), 'utf8'), {
      filePath: f,
      registry: builtinRegistry,
      rules: defaultRuleSettings(builtinRegistry),
    });
    expect(result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
  });
});
