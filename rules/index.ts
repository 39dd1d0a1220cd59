import type { RuleRegistry } from '../src/engine/lint.js';
import type { Rule } from '../src/engine/rule.js';
import noPlaceholder from './no-placeholder.js';

/** Every built-in rule. A test checks that each file in rules/ is listed here under its own name. */
export const builtinRules: readonly Rule[] = [noPlaceholder];

export const builtinRegistry: RuleRegistry = new Map(builtinRules.map((rule) => [rule.id, rule]));
