import { applyFixes } from '../src/engine/fix.js';
import type { LintResult } from '../src/engine/lint.js';

/** Applies fixes pass after pass (at most 10), as --fix does. */
export function applyFixesFully(text: string, lint: (text: string) => LintResult): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = lint(current).messages.flatMap((m) => (m.fix ? [m.fix] : []));
    if (!fixes.length) break;
    const { output } = applyFixes(current, fixes);
    if (output === current) break;
    current = output;
  }
  return current;
}
