import type { RuleRegistry } from '../src/engine/lint.js';
import type { Rule } from '../src/engine/rule.js';
import headingNumbering from './heading-numbering.js';
import noPlaceholder from './no-placeholder.js';
import problemsSection from './problems-section.js';
import truncatedParagraph from './truncated-paragraph.js';

/** Every built-in rule. A test checks that each file in rules/ is listed here under its own name. */
export const builtinRules: readonly Rule[] = [headingNumbering, noPlaceholder, problemsSection, truncatedParagraph];

export const builtinRegistry: RuleRegistry = new Map(builtinRules.map((rule) => [rule.id, rule]));
