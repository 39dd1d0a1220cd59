import { existsSync, readFileSync, statSync } from '../files/inputs.js';
import { parse as parseYaml } from 'yaml';
import path from 'node:path';
import type { RuleRegistry, RuleSetting } from '../engine/lint.js';
import { defaultOptions } from '../engine/rule.js';
import { absoluteGlob } from '../copy/glob.js';
import { defaultSettings, type Settings } from '../settings.js';
import { defaultLayoutProfile, mergeLayout } from '../layout/profile.js';
import type { Locale } from '../types.js';
import { ConfigError } from './error.js';
import { ConfigLoader, type ConfigFile } from './load.js';
import { DEFAULT_PRESET, presetRules, type PresetName } from './presets.js';
import { parseRuleFlags } from './rule-flags.js';
import type { RuleEntries, RuleEntry } from './rule-settings.js';
import { CONFIG_FILE_NAMES, CONFIG_SCHEMA, type RawConfig } from './schema.js';

export interface ResolvedConfig {
  /** Every rule of the registry, with its severity ('off' when disabled) and full options (defaults merged). */
  rules: Record<string, RuleSetting>;
  locale: Locale | undefined;
  /** Absolute glob patterns that apply (for display). */
  ignores: string[];
  /** Config files that contributed, farthest first. */
  files: string[];
  /**
   * Shared rule settings: `profile` (nearest wins), `profiles` (merged by name), `terms` (merged by `correct`),
   * `references` (added up, farthest first, as absolute globs).
   */
  settings: Settings;
}

export interface ConfigResolverOptions {
  registry: RuleRegistry;
  cwd: string;
  /** --config (relative to cwd or absolute): used, with what it extends, instead of discovery. */
  configFile?: string;
  /** false for --no-config: the `recommended` preset only (default true). */
  useConfigFiles?: boolean;
  /** Raw --rule values, applied last over every file's config. */
  ruleFlags?: string[];
}

/** What applies, in order: a preset or a config file (whose matching overrides follow its rules). */
type Layer = { preset: PresetName } | { config: ConfigFile };

/**
 * Finds, reads, validates and combines the configs for each linted file. Each config file is read
 * once per resolver; results are cached per directory and per set of matching overrides.
 *
 * Order (later wins): the `recommended` preset; then, from the farthest config to the nearest
 * (stopping at `root: true`), what each extends (in order), the config's own rules, and its
 * overrides that match the file; then the --rule values. A setting that gives only a severity
 * keeps the options set before it; one that gives options replaces them (merged over the defaults).
 */
export class ConfigResolver {
  private readonly registry: RuleRegistry;
  private readonly cwd: string;
  private readonly useConfigFiles: boolean;
  private readonly loader: ConfigLoader;
  private readonly explicit: Layer[] | undefined;
  private readonly flags: RuleEntries[];
  private readonly layersByDir = new Map<string, Layer[]>();
  private readonly expanded = new Map<string, Layer[]>();
  private readonly resolved = new Map<string, ResolvedConfig>();

  /** Validates --config (and what it extends) and --rule at once; throws ConfigError. */
  constructor(options: ConfigResolverOptions) {
    this.registry = options.registry;
    this.cwd = path.resolve(options.cwd);
    this.useConfigFiles = options.useConfigFiles ?? true;
    this.loader = new ConfigLoader(this.registry);
    this.flags = parseRuleFlags(options.ruleFlags ?? [], this.registry);
    if (this.useConfigFiles && options.configFile !== undefined) {
      const file = path.resolve(this.cwd, options.configFile);
      if (!isFile(file)) throw new ConfigError('--config', 0, 'configNotFound', { file });
      this.explicit = this.expand(file, []);
    }
  }

  /**
   * The config for a file (absolute, or relative to the cwd). Throws ConfigError. The result is
   * shared with other files of the same directory and overrides: do not modify it.
   */
  forFile(absPath: string): ResolvedConfig {
    const file = path.resolve(this.cwd, absPath);
    const dir = path.dirname(file);
    const layers = this.layersFor(dir);
    const matched = new Set<string>();
    for (const layer of layers) {
      if (!('config' in layer)) continue;
      for (const override of layer.config.overrides) {
        if (override.files.some((glob) => glob.matchesFile(file))) matched.add(override.id);
      }
    }
    return this.resolve(dir, layers, matched);
  }

  /** True when an `ignores` pattern of a config that applies to the file matches it or one of its directories. */
  isIgnored(absPath: string): boolean {
    const file = path.resolve(this.cwd, absPath);
    return this.layersFor(path.dirname(file)).some(
      (layer) => 'config' in layer && layer.config.ignores.some((glob) => glob.matchesFileOrDirectory(file)),
    );
  }

  /** The config for the cwd, without overrides (used for the CLI's own locale). */
  forCwd(): ResolvedConfig {
    return this.resolve(this.cwd, this.layersFor(this.cwd), new Set());
  }

  private layersFor(dir: string): Layer[] {
    if (!this.useConfigFiles) return [];
    return this.explicit ?? this.discover(dir);
  }

  /** The layers of the configs found from `dir` upward, farthest first. */
  private discover(dir: string): Layer[] {
    const cached = this.layersByDir.get(dir);
    if (cached) return cached;
    const file = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).find(isFile);
    const own = file ? this.expand(file, []) : [];
    const parent = path.dirname(dir);
    const stop = (file !== undefined && this.loader.load(file).root) || parent === dir;
    const layers = stop ? own : [...this.discover(parent), ...own];
    this.layersByDir.set(dir, layers);
    return layers;
  }

  /** A config file preceded by what it extends, recursively. `chain`: the files extending it. */
  private expand(file: string, chain: readonly string[]): Layer[] {
    const cached = this.expanded.get(file);
    if (cached) return cached;
    const config = chain.length ? this.loadExtended(file) : this.loader.load(file);
    const layers: Layer[] = [];
    const through = [...chain, file];
    for (const entry of config.extends) {
      if ('preset' in entry) {
        layers.push({ preset: entry.preset });
        continue;
      }
      const fail = (messageId: 'configExtendsCycle' | 'configNotFound') =>
        new ConfigError(file, entry.line, messageId, { file: entry.file }, entry.keyPath);
      if (through.includes(entry.file)) throw fail('configExtendsCycle');
      if (!isFile(entry.file)) throw fail('configNotFound');
      layers.push(...this.expand(entry.file, through));
    }
    layers.push({ config });
    this.expanded.set(file, layers);
    return layers;
  }

  /**
   * `extends:` may name any file. An error in one that is not named as a reportlint config
   * gives its position only: its text (a key, a YAML message quoting a line) is not ours to show.
   */
  private loadExtended(file: string): ConfigFile {
    try {
      return this.loader.load(file);
    } catch (error) {
      if (!(error instanceof ConfigError) || error.messageId === 'readFailed' || looksLikeConfig(file)) throw error;
      throw new ConfigError(file, error.line, 'configForeign', {});
    }
  }

  private resolve(dir: string, layers: Layer[], matched: Set<string>): ResolvedConfig {
    const key = `${dir}\0${[...matched].join('\0')}`;
    const cached = this.resolved.get(key);
    if (cached) return cached;

    const state = new Map<string, RuleEntry>();
    for (const id of this.registry.keys()) state.set(id, { severity: 'off' });
    const apply = (entries: RuleEntries) => {
      for (const [id, entry] of Object.entries(entries)) {
        const current = state.get(id);
        if (!current) continue;
        current.severity = entry.severity;
        if (entry.options !== undefined) current.options = entry.options;
      }
    };

    apply(presetRules(DEFAULT_PRESET, this.registry));
    let locale: Locale | undefined;
    const settings = defaultSettings();
    const ignores: string[] = [];
    const files: string[] = [];
    for (const layer of layers) {
      if ('preset' in layer) {
        apply(presetRules(layer.preset, this.registry));
        continue;
      }
      const { config } = layer;
      apply(config.rules);
      for (const override of config.overrides) if (matched.has(override.id)) apply(override.rules);
      locale = config.locale ?? locale;
      mergeSettings(settings, config.raw);
      for (const glob of toList(config.raw.references)) {
        const absolute = absoluteGlob(config.dir, glob);
        if (!settings.references.includes(absolute)) settings.references.push(absolute);
      }
      for (const glob of config.ignores) if (!ignores.includes(glob.absolute)) ignores.push(glob.absolute);
      if (!files.includes(config.file)) files.push(config.file);
    }
    for (const entries of this.flags) apply(entries);

    const rules: Record<string, RuleSetting> = {};
    for (const rule of this.registry.values()) {
      const entry = state.get(rule.id)!;
      rules[rule.id] = { severity: entry.severity, options: { ...defaultOptions(rule), ...structuredClone(entry.options) } };
    }
    const result: ResolvedConfig = { rules, locale, ignores, files, settings };
    this.resolved.set(key, result);
    return result;
  }
}

function mergeSettings(settings: Settings, raw: RawConfig): void {
  if (raw.profile !== undefined) settings.profile = raw.profile;
  if (raw.layout) settings.layout = mergeLayout(settings.layout ?? defaultLayoutProfile(), raw.layout);
  if (raw.profiles) Object.assign(settings.profiles, structuredClone(raw.profiles));
  for (const term of raw.terms ?? []) {
    const same = settings.terms.findIndex((t) => t.correct === term.correct);
    if (same !== -1) settings.terms.splice(same, 1);
    settings.terms.push(structuredClone(term));
  }
  if (raw.typos?.length) (settings.typos ??= []).push(...structuredClone(raw.typos));
}

function toList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function isFile(file: string): boolean {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Named as a reportlint config, or a YAML mapping with at least one key a config has. */
function looksLikeConfig(file: string): boolean {
  if ((CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(file))) return true;
  try {
    const data: unknown = parseYaml(readFileSync(file, 'utf8'), { maxAliasCount: 100 });
    const known = Object.keys(CONFIG_SCHEMA.properties ?? {});
    return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).some((k) => known.includes(k));
  } catch {
    return false;
  }
}
