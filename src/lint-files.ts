import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { builtinRegistry } from '../rules/index.js';
import { ConfigResolver } from './config/index.js';
import { BatchCollector } from './engine/batch.js';
import { fixText } from './engine/fixer.js';
import { lintText, summarize, type LintMessage, type LintResult, type RuleRegistry } from './engine/lint.js';
import { discoverFiles } from './files/discover.js';
import { coreMessage } from './i18n/messages.js';
import type { Locale } from './types.js';

export interface LintFilesOptions {
  cwd?: string;
  /** `--config`: use this file instead of looking for config files. */
  configFile?: string;
  /** `--no-config` sets this to false: defaults only. */
  useConfigFiles?: boolean;
  /** `--rule` values, applied over every file's config. */
  ruleFlags?: string[];
  ignorePatterns?: string[];
  /** Overrides the locale of the config files. */
  locale?: Locale;
  registry?: RuleRegistry;
  /** A resolver already built (the CLI builds one to validate config early). */
  resolver?: ConfigResolver;
  /** Compute fixes (results get `output` and `fixed`); nothing is written here. */
  fix?: boolean;
  /** With `fix`: only these rules' fixes. */
  fixRules?: string[];
}

/**
 * When each file was read (so that `outputFixes` can refuse to overwrite a file
 * changed since) and, with `fix`, the text as read (for --fix-dry-run's diff).
 */
export interface ReadStamp {
  mtimeMs: number;
  size: number;
  original?: string;
}
const readStamps = new WeakMap<LintResult, ReadStamp>();

export function readStamp(result: LintResult): ReadStamp | undefined {
  return readStamps.get(result);
}

/** A result whose file could not be read carries one message with `fatal: true`. */
export type FileMessage = LintMessage & { fatal?: boolean };

/**
 * Lints files, directories and globs: discovery, config, reading, then
 * `lintText` for each. Throws UsageError or ConfigError for what the user must fix.
 */
export async function lintFiles(patterns: string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const registry = options.registry ?? builtinRegistry;
  const resolver =
    options.resolver ??
    new ConfigResolver({
      registry,
      cwd,
      configFile: options.configFile,
      useConfigFiles: options.useConfigFiles,
      ruleFlags: options.ruleFlags,
    });
  const files = discoverFiles(patterns.length ? patterns : ['.'], cwd, options.ignorePatterns);
  // Rules that compare files with each other need a batch phase after the last file.
  const collector = [...registry.values()].some((r) => r.batch)
    ? new BatchCollector(resolver.forCwd().settings, options.locale ?? resolver.forCwd().locale ?? 'zh')
    : undefined;

  const results: LintResult[] = [];
  for (const file of files) {
    const config = resolver.forFile(file.path);
    const locale = options.locale ?? config.locale ?? 'zh';
    if (resolver.isIgnored(file.path)) {
      // As ESLint does: a file named explicitly but ignored gets a warning; one found by a glob is skipped.
      if (file.explicit) results.push(notice(file.path, 1, coreMessage(locale, 'fileIgnored'), 'file-ignored'));
      continue;
    }
    let text: string;
    let stamp: ReadStamp;
    try {
      const before = await stat(file.path);
      text = await readFile(file.path, 'utf8');
      stamp = { mtimeMs: before.mtimeMs, size: before.size };
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      results.push(notice(file.path, 2, coreMessage(locale, 'readFailed', { path: file.path, reason }), 'read-failed', true));
      continue;
    }
    const textOptions = { filePath: file.path, rules: config.rules, settings: config.settings, locale, registry, collector };
    let result: LintResult;
    if (options.fix) {
      const outcome = fixText(text, { ...textOptions, fixRules: options.fixRules });
      result = outcome.result;
      result.fixed = outcome.fixed;
      if (outcome.changed) {
        result.output = outcome.output;
        stamp.original = text;
      }
    } else {
      result = lintText(text, textOptions);
    }
    readStamps.set(result, stamp);
    results.push(result);
  }
  if (!collector?.active) return results;
  const finished = collector.finish(results);
  finished.forEach((r, i) => readStamps.set(r, readStamps.get(results[i])!));
  return finished;
}

function notice(filePath: string, severity: 1 | 2, message: string, messageId: string, fatal = false): LintResult {
  const m: FileMessage = { ruleId: null, messageId, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, sectionPath: '' };
  if (fatal) m.fatal = true;
  return summarize(filePath, [m], '');
}

/** True when some file could not be read: the run exits with 2. */
export function hasFatal(results: LintResult[]): boolean {
  return results.some((r) => r.messages.some((m) => (m as FileMessage).fatal));
}
