import { closest } from '../suggest.js';
import { readFileSync, statSync } from '../files/inputs.js';
import path from 'node:path';
import type { RuleRegistry } from '../engine/lint.js';
import type { Locale } from '../types.js';
import { ConfigError } from './error.js';
import { configGlob, type ConfigGlob } from './glob.js';
import { isPresetName, presetNames, type PresetName } from './presets.js';
import { checkRuleSettings, type RuleEntries } from './rule-settings.js';
import { CONFIG_SCHEMA, type RawConfig } from './schema.js';
import { YamlSource } from './source.js';
import { checkSchema } from './validate.js';

/** An entry of `extends`: a preset, or another config file (absolute path). */
export type ExtendsEntry = ({ preset: PresetName } | { file: string }) & {
  /** Where the entry is written, for errors about the file it names. */
  line: number;
  keyPath: string;
};

export interface ConfigOverride {
  /** Unique within a run: `file#index`. */
  id: string;
  files: ConfigGlob[];
  rules: RuleEntries;
}

/** A config file, validated. */
export interface ConfigFile {
  file: string;
  dir: string;
  root: boolean;
  extends: ExtendsEntry[];
  rules: RuleEntries;
  overrides: ConfigOverride[];
  ignores: ConfigGlob[];
  locale: Locale | undefined;
  /** The validated data as written, for keys that need no preparation. */
  raw: RawConfig;
}

/** Reads and validates config files, each once (errors included). */
export class ConfigLoader {
  private readonly cache = new Map<string, ConfigFile | ConfigError>();

  constructor(private readonly registry: RuleRegistry) {}

  /** `file` must be absolute. Throws ConfigError. */
  load(file: string): ConfigFile {
    let entry = this.cache.get(file);
    if (!entry) {
      try {
        entry = parseConfig(file, readConfigText(file), this.registry);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        entry = error;
      }
      this.cache.set(file, entry);
    }
    if (entry instanceof ConfigError) throw entry;
    return entry;
  }
}

/** A config is a few KB; a larger file (or a device that never ends) is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

function readConfigText(file: string): string {
  let reason: string;
  try {
    // stat before reading: a FIFO would block, /dev/zero would never end.
    const info = statSync(file);
    if (!info.isFile()) reason = info.isDirectory() ? 'EISDIR' : 'not a regular file';
    else if (info.size > MAX_CONFIG_BYTES) reason = `larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB`;
    else return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  throw new ConfigError(file, 0, 'readFailed', { path: file, reason });
}

/** Parses and validates the text of a config file. Pure apart from the path arithmetic. */
export function parseConfig(file: string, text: string, registry: RuleRegistry): ConfigFile {
  const source = YamlSource.parse(file, text, (reason) => ({ messageId: 'configYaml', data: { reason } }));
  const data = source.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw source.error('value', [], 'configTopLevel', {}, '');
  }
  // A key written without a value (`rules:` with every entry commented out) counts as absent.
  const raw = withoutNulls(data as Record<string, unknown>);
  if (Array.isArray(raw.overrides)) raw.overrides = raw.overrides.map((o) => (isPlainObject(o) ? withoutNulls(o) : o));

  checkSchema(CONFIG_SCHEMA, raw, { source, path: [], keyPath: '', unknownKey: 'configUnknownKey', otherwise: 'configBadValue' });
  const config = raw as RawConfig;
  const dir = path.dirname(file);

  const extendsList = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const extendsEntries = extendsList.map((name, i): ExtendsEntry => {
    const where = Array.isArray(config.extends) ? ['extends', i] : ['extends'];
    const keyPath = Array.isArray(config.extends) ? `extends[${i}]` : 'extends';
    const line = source.valueLine(where);
    if (isPresetName(name)) return { preset: name, line, keyPath };
    if (/[\\/]/.test(name) || /\.ya?ml$/i.test(name)) return { file: path.resolve(dir, name), line, keyPath };
    throw source.error('value', where, 'configUnknownPreset', { name, choices: presetNames().join(', '), suggestion: closest(name, presetNames()) ?? '' }, keyPath);
  });

  return {
    file,
    dir,
    root: config.root === true,
    extends: extendsEntries,
    rules: config.rules ? checkRuleSettings(config.rules, registry, { source, path: ['rules'], keyPath: 'rules' }) : {},
    overrides: (config.overrides ?? []).map((override, i) => ({
      id: `${file}#${i}`,
      files: (Array.isArray(override.files) ? override.files : [override.files]).map((glob) => configGlob(dir, glob)),
      rules: override.rules
        ? checkRuleSettings(override.rules, registry, {
            source,
            path: ['overrides', i, 'rules'],
            keyPath: `overrides[${i}].rules`,
          })
        : {},
    })),
    ignores: (config.ignores ?? []).map((glob) => configGlob(dir, glob)),
    locale: config.locale,
    raw: config,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutNulls(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null));
}
