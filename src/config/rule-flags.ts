import type { RuleRegistry } from '../engine/lint.js';
import { ConfigError } from './error.js';
import { checkRuleSettings, type RuleEntries } from './rule-settings.js';
import { YamlSource } from './source.js';

/** The name shown as the "file" of errors in --rule values. */
export const RULE_FLAG_FILE = '--rule';

/**
 * Parses the values of `--rule`: YAML mappings such as `no-placeholder: off` or
 * `no-placeholder: [error, {extraPatterns: ["请填写"]}]`, possibly with several keys.
 * Key paths in errors are the rule ids (`no-placeholder.extraPatterns[0]`).
 */
export function parseRuleFlags(flags: readonly string[], registry: RuleRegistry): RuleEntries[] {
  return flags.map((flag) => {
    const bad = (line = 1) => new ConfigError(RULE_FLAG_FILE, line, 'badRuleFlag', { value: flag });
    const text = /^\s*[\w@/.-]+:\S/.test(flag) && !flag.includes('\n') ? flag.replace(':', ': ') : flag;
    const source = YamlSource.parse(RULE_FLAG_FILE, text, () => ({ messageId: 'badRuleFlag', data: { value: flag } }));
    const data = source.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw bad();
    return checkRuleSettings(data as Record<string, unknown>, registry, { source, path: [], keyPath: '' });
  });
}
