import { closest } from '../suggest.js';
import type { RuleRegistry } from '../engine/lint.js';
import { optionsSchema, type Rule } from '../engine/rule.js';
import type { SeverityName } from '../types.js';
import { checkSchema, joinKeyPath, type ValueLocation } from './validate.js';

/** One rule's entry in a config: a severity, and the options when the entry gives them. */
export interface RuleEntry {
  severity: SeverityName;
  /** As written (validated); merged over the rule's defaults when the config is resolved. */
  options?: Record<string, unknown>;
}

export type RuleEntries = Record<string, RuleEntry>;

/** `off`/`warn`/`error`, and ESLint's 0/1/2. */
export function parseSeverity(value: unknown): SeverityName | undefined {
  if (value === 'off' || value === 'warn' || value === 'error') return value;
  if (value === 0) return 'off';
  if (value === 1) return 'warn';
  if (value === 2) return 'error';
  return undefined;
}

const schemas = new WeakMap<Rule, ReturnType<typeof optionsSchema>>();

function schemaOf(rule: Rule): ReturnType<typeof optionsSchema> {
  let schema = schemas.get(rule);
  if (!schema) {
    schema = optionsSchema(rule);
    schemas.set(rule, schema);
  }
  return schema;
}

/**
 * Checks a `rules` mapping (already known to be a mapping) against the registry:
 * `id: severity`, `id: [severity]` or `id: [severity, {options}]`.
 */
export function checkRuleSettings(settings: Record<string, unknown>, registry: RuleRegistry, at: ValueLocation): RuleEntries {
  const entries: RuleEntries = {};
  for (const [id, value] of Object.entries(settings)) {
    const path = [...at.path, id];
    const keyPath = joinKeyPath(at.keyPath, id);
    const rule = registry.get(id);
    if (!rule) throw at.source.error('key', path, 'configUnknownRule', { key: id, suggestion: closest(id, registry.keys()) ?? '' }, keyPath);
    const badSeverity = (where: (string | number)[]) =>
      at.source.error('value', where, 'configBadSeverity', { key: keyPath }, keyPath);

    if (!Array.isArray(value)) {
      const severity = parseSeverity(value);
      if (!severity) throw badSeverity(path);
      entries[id] = { severity };
      continue;
    }
    if (value.length === 0) throw badSeverity(path);
    if (value.length > 2) throw badSeverity([...path, 2]);
    const severity = parseSeverity(value[0]);
    if (!severity) throw badSeverity([...path, 0]);
    if (value.length === 1) {
      entries[id] = { severity };
      continue;
    }
    const options: unknown = value[1];
    checkSchema(schemaOf(rule), options, {
      source: at.source,
      path: [...path, 1],
      keyPath,
      unknownKey: 'configUnknownOption',
      otherwise: 'configBadOption',
    });
    entries[id] = { severity, options: structuredClone(options as Record<string, unknown>) };
  }
  return entries;
}
