import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../rules/index.js';
import { formatFor, lintText } from '../src/engine/lint.js';
import { applyFixesFully } from './helpers.js';

/**
 * Whole-document fixtures per rule, in fixtures/rules/:
 *   <rule-id>.md (or .txt)           a report with each violation at a known line
 *   <rule-id>.expect                 one `line:column messageId` per line, in order
 *   <rule-id>.fixed.md (or .txt)     for fixable rules: the text after --fix
 * Only the rule named by the file runs.
 */
const dir = new URL('../fixtures/rules/', import.meta.url);
const cases = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => /\.(md|txt)$/.test(f) && !f.includes('.fixed.'))
      .map((f) => ({ file: f, id: f.replace(/\.(md|txt)$/, '').replace(/\..*$/, '') }))
  : [];

describe.each(cases)('fixtures/rules/$file', ({ file, id }) => {
  const full = path.join(dir.pathname, file);
  const text = readFileSync(full, 'utf8');
  const rule = builtinRegistry.get(id);
  const lint = (t: string) =>
    lintText(t, { registry: builtinRegistry, filePath: full, format: formatFor(full), rules: { [id]: { severity: rule!.severity } } });

  it('names a rule', () => expect(rule, `no rule ${id}`).toBeDefined());

  it('reports each violation at its line and column', () => {
    const expected = readFileSync(full.replace(/\.(md|txt)$/, '.expect'), 'utf8').trim().split('\n');
    expect(lint(text).messages.map((m) => `${m.line}:${m.column} ${m.messageId}`)).toEqual(expected);
  });

  const fixedFile = full.replace(/\.(md|txt)$/, '.fixed.$1');
  if (existsSync(fixedFile)) {
    it('fixes to the exact expected text, and a second fix changes nothing', () => {
      const fixed = applyFixesFully(text, lint);
      expect(fixed).toBe(readFileSync(fixedFile, 'utf8'));
      expect(applyFixesFully(fixed, lint)).toBe(fixed);
    });
  }
});
