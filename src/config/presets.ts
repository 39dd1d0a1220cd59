import type { RuleRegistry } from '../engine/lint.js';
import type { RuleEntries } from './rule-settings.js';

/**
 * Built-in presets, named in `extends`. A preset sets severities only: options set by a config
 * applied earlier stay as they are.
 */
const PRESETS = {
  /** Each rule with `recommended !== false`, at its default severity. The default. */
  recommended(registry: RuleRegistry): RuleEntries {
    const out: RuleEntries = {};
    for (const rule of registry.values()) if (rule.recommended !== false) out[rule.id] = { severity: rule.severity };
    return out;
  },
  /** Every rule, as an error. */
  strict(registry: RuleRegistry): RuleEntries {
    const out: RuleEntries = {};
    for (const rule of registry.values()) out[rule.id] = { severity: 'error' };
    return out;
  },
} satisfies Record<string, (registry: RuleRegistry) => RuleEntries>;

export type PresetName = keyof typeof PRESETS;

export const DEFAULT_PRESET: PresetName = 'recommended';

export function presetNames(): string[] {
  return Object.keys(PRESETS);
}

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

export function presetRules(name: PresetName, registry: RuleRegistry): RuleEntries {
  return PRESETS[name](registry);
}
