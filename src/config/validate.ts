import { closest } from '../suggest.js';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type addFormatsModule from 'ajv-formats';
import { createRequire } from 'node:module';
import type { JsonSchema } from '../engine/rule.js';
import type { CoreMessageId } from '../i18n/messages.js';
import type { ConfigError } from './error.js';
import { PRECOMPILED } from './precompiled.js';
import type { PathSegment, YamlSource } from './source.js';

/**
 * Ajv, with the formats of ajv-formats; `regex` is checked as the rules compile patterns (with the `u` flag).
 * Made on first use, and only for a schema the bundle has no precompiled validator for (see precompiled.ts):
 * required here rather than imported, so the bundled CLI never loads Ajv's compiler for its own schemas.
 */
let ajvInstance: Ajv | undefined;
function ajv(): Ajv {
  if (!ajvInstance) {
    const require = createRequire(import.meta.url);
    const { Ajv: AjvClass } = require('ajv') as { Ajv: typeof Ajv };
    const addFormats = require('ajv-formats') as typeof addFormatsModule;
    ajvInstance = new AjvClass(AJV_OPTIONS);
    addFormats.default(ajvInstance);
    ajvInstance.addFormat('regex', { type: 'string', validate: (pattern: string) => regexError(pattern) === undefined });
  }
  return ajvInstance;
}

/** The options the validators are compiled with, here and in scripts/bundle.mjs: the same options give the same `errors`. */
export const AJV_OPTIONS = { strict: false, allowUnionTypes: true, allErrors: false } as const;

const compiled = new WeakMap<object, ValidateFunction>();

function validator(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = (PRECOMPILED && PRECOMPILED[JSON.stringify(schema)]) ?? ajv().compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Why `pattern` is not a valid regular expression (as compiled with the `u` flag), or undefined. */
export function regexError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Where a validated value sits: in the YAML (for lines) and as shown to the user (for key paths). */
export interface ValueLocation {
  source: YamlSource;
  /** Path of the value in the YAML data, e.g. `['rules', 'no-placeholder', 1]`. */
  path: PathSegment[];
  /** Key path of the value as shown, e.g. `rules.no-placeholder`; empty for the whole config. */
  keyPath: string;
}

export interface SchemaCheck extends ValueLocation {
  /** The message for a key the schema does not allow. */
  unknownKey: 'configUnknownKey' | 'configUnknownOption';
  /** The message for a problem that no specific message describes (its `reason` is Ajv's English text). */
  otherwise: 'configBadValue' | 'configBadOption';
}

/** Validates `value` against `schema`; the first problem becomes a ConfigError at its line and key path. */
export function checkSchema(schema: JsonSchema, value: unknown, check: SchemaCheck): void {
  const validate = validator(schema);
  if (validate(value)) return;
  const errors = validate.errors ?? [];
  // With allErrors off, Ajv stops at the first failure; for anyOf/oneOf the summary comes last.
  const error = errors[errors.length - 1];
  if (error) throw fromAjvError(error, value, check, schema);
}

/** The keys the schema allows where Ajv found an unknown one (its schemaPath ends in `/additionalProperties`). */
function allowedKeys(schema: JsonSchema, schemaPath: string): string[] {
  let node: unknown = schema;
  for (const raw of schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1)) {
    if (raw === '') continue;
    node = (node as Record<string, unknown> | undefined)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  const properties = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

/** Appends a segment to a shown key path: `a.b`, `a[0]`. */
export function joinKeyPath(keyPath: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${keyPath}[${segment}]`;
  return keyPath ? `${keyPath}.${segment}` : segment;
}

function fromAjvError(error: ErrorObject, root: unknown, check: SchemaCheck, schema: JsonSchema): ConfigError {
  // Walk the data along the JSON pointer, so that list indices become numbers.
  const segments: PathSegment[] = [];
  let keyPath = check.keyPath;
  let value = root;
  for (const raw of error.instancePath.split('/').slice(1)) {
    const name = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: PathSegment = Array.isArray(value) ? Number(name) : name;
    segments.push(segment);
    keyPath = joinKeyPath(keyPath, segment);
    value = (value as Record<string | number, unknown>)[segment];
  }
  const path = [...check.path, ...segments];
  const at = (messageId: CoreMessageId, data: Record<string, string | number> = {}) =>
    check.source.error('value', path, messageId, { key: keyPath, ...data }, keyPath);
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const unknownPath = joinKeyPath(keyPath, name);
      const suggestion = closest(name, allowedKeys(schema, error.schemaPath)) ?? '';
      return check.source.error('key', [...path, name], check.unknownKey, { key: unknownPath, suggestion }, unknownPath);
    }
    case 'required':
      return at('configMissingKey', { missing: String(params.missingProperty) });
    case 'type': {
      const expected = Array.isArray(params.type) ? params.type.join(',') : String(params.type);
      const id = TYPE_MESSAGES[expected];
      if (id === 'configExpectMapping' && !keyPath) return at('configTopLevel');
      if (id) return at(id);
      break;
    }
    case 'enum':
      return at('configExpectOneOf', { choices: (params.allowedValues as unknown[]).map(String).join(', ') });
    case 'const':
      return at('configExpectOneOf', { choices: String(params.allowedValue) });
    case 'format':
      if (params.format === 'regex' && typeof value === 'string') {
        return at('configBadRegex', { reason: regexError(value) ?? error.message ?? '' });
      }
      break;
    case 'minLength':
    case 'minItems':
      if (params.limit === 1) return at('configEmptyValue');
      break;
    case 'minimum':
      return at('configTooSmall', { limit: Number(params.limit) });
    case 'maximum':
      return at('configTooLarge', { limit: Number(params.limit) });
  }
  return at(check.otherwise, { reason: error.message ?? error.keyword });
}

const TYPE_MESSAGES: Record<string, CoreMessageId> = {
  boolean: 'configExpectBoolean',
  string: 'configExpectString',
  array: 'configExpectList',
  object: 'configExpectMapping',
  number: 'configExpectNumber',
  integer: 'configExpectInteger',
  'string,array': 'configExpectStringOrList',
};
