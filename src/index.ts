/** The public API: `import { lintText, lintFiles } from 'reportlint'`. */
import { builtinRegistry } from '../rules/index.js';
import { lintText as lintWithRegistry, type LintResult, type LintTextOptions } from './engine/lint.js';

export type { LintMessage, LintResult, LintTextOptions, RuleSetting, RuleRegistry } from './engine/lint.js';
export type { Rule, RuleDefinition, RuleContext, RuleExample } from './engine/rule.js';
export type { Report, Section, Paragraph } from './model/report.js';
export type { LintFilesOptions } from './lint-files.js';
export type { Settings, Profile, TermEntry } from './settings.js';
export { defineRule } from './engine/rule.js';
export { buildReport } from './model/build.js';
export { fixText } from './engine/fixer.js';
export { lintFiles } from './lint-files.js';
export { outputFixes } from './files/write-fixes.js';
export { formatters } from './formatters/index.js';
export { builtinRules, builtinRegistry } from '../rules/index.js';

/** Lints a document held in memory; no file system access. The built-in rules at their defaults unless `rules` says otherwise. */
export function lintText(text: string, options: Partial<LintTextOptions> = {}): LintResult {
  return lintWithRegistry(text, { registry: builtinRegistry, ...options });
}
