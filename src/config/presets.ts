import type { RuleRegistry } from '../engine/lint.js';
import type { RuleEntries } from './rule-settings.js';

/** The rules whose findings the `gate` preset keeps as errors. */
export const GATE_BLOCKERS: readonly string[] = [
  'no-placeholder',
  'problems-section',
  'required-sections',
  'no-checklist-copy',
  'no-cross-copy',
  'responsibility-conflation',
];

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
  /**
   * For an upload gate: errors only for what must never be uploaded (unfilled
   * placeholders, no problems section, missing sections, copying, conflated
   * responsibilities); every other recommended rule is a warning.
   */
  gate(registry: RuleRegistry): RuleEntries {
    const out: RuleEntries = {};
    for (const rule of registry.values()) {
      if (rule.recommended === false) continue;
      out[rule.id] = { severity: GATE_BLOCKERS.includes(rule.id) ? 'error' : 'warn' };
    }
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
