import path from 'node:path';
import { builtinRegistry } from '../rules/index.js';
import { ConfigResolver } from './config/index.js';
import { ReferenceLoader } from './copy/references.js';
import { BatchCollector } from './engine/batch.js';
import { fixText } from './engine/fixer.js';
import { formatFor, lintText, summarize, type LintMessage, type LintResult, type RuleRegistry } from './engine/lint.js';
import { discoverFiles } from './files/discover.js';
import { DEFAULT_MAX_FILE_SIZE, ERRNO_REASONS, readReport, type ReadOutcome } from './files/read.js';
import { coreMessage, type CoreMessageId } from './i18n/messages.js';
import { GENRE_NAMES, type Genre } from './model/anatomy.js';
import { buildReport } from './model/build.js';
import { LineIndex } from './model/line-index.js';
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
  /**
   * `--reference` globs (relative to `cwd`): reference documents for no-checklist-copy (Markdown,
   * text or `.rlidx` indexes), added to every file's `references` setting. Reference files are not linted.
   */
  references?: string[];
  /** `--encoding`: decode text files with this encoding instead of detecting it. */
  encoding?: string;
  /** `--max-file-size`, in bytes (default 10 MB): larger files are skipped with a warning. */
  maxFileSize?: number;
  /** `--stdin`: lint this text instead of files; `filePath` picks the config and the format. */
  stdin?: { text: string; filePath: string };
  /** Called after each file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * When each file was read (so that `outputFixes` can refuse to overwrite a file
 * changed since) and, with `fix`, the text as read (for --fix-dry-run's diff).
 */
export interface ReadStamp {
  mtimeMs: number;
  size: number;
  /** How to write the file back: its encoding and BOM. */
  encoding: string;
  bom: boolean;
  original?: string;
}
const readStamps = new WeakMap<LintResult, ReadStamp>();

export function readStamp(result: LintResult): ReadStamp | undefined {
  return readStamps.get(result);
}

/**
 * A result whose file could not be read carries one message with `fatal: true`.
 * Findings in a Word document also name the paragraph and quote it.
 */
export type FileMessage = LintMessage & { fatal?: boolean; paragraph?: number; quote?: string };

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
  const { files, problems } = options.stdin
    ? { files: [{ path: path.resolve(cwd, options.stdin.filePath), explicit: true }], problems: [] }
    : discoverFiles(patterns.length ? patterns : ['.'], cwd, options.ignorePatterns);
  const cwdConfig = resolver.forCwd();
  const cwdLocale = options.locale ?? cwdConfig.locale ?? 'zh';
  // Rules that compare files with each other need a batch phase after the last file.
  const collector =
    !options.stdin && [...registry.values()].some((r) => r.batch) ? new BatchCollector(cwdConfig.settings, cwdLocale) : undefined;
  const referenceLoader = new ReferenceLoader(cwd, options.references);

  const results: LintResult[] = problems.map((p) => {
    const data = { path: p.path, patterns: p.path, reason: p.reason ?? '', why: p.reason ? (ERRNO_REASONS[p.reason] ?? '') : '' };
    return notice(p.path, 2, skipMessage(cwdLocale, p.messageId, data), p.messageId, true);
  });
  let done = 0;
  for (const file of files) {
    options.onProgress?.(done++, files.length);
    const config = resolver.forFile(file.path);
    const locale = options.locale ?? config.locale ?? 'zh';
    if (!options.stdin && resolver.isIgnored(file.path)) {
      // As ESLint does: a file named explicitly but ignored gets a warning; one found by a glob is skipped.
      if (file.explicit) results.push(notice(file.path, 1, coreMessage(locale, 'fileIgnored'), 'file-ignored'));
      continue;
    }
    // Reference documents are compared with, never linted themselves.
    const references = await referenceLoader.forSettings(config.settings);
    if (references?.files.has(file.path)) continue;

    const read: ReadOutcome = options.stdin
      ? { kind: 'text', text: options.stdin.text, encoding: 'utf-8', bom: false, stamp: { mtimeMs: 0, size: 0 } }
      : await readReport(file.path, { encoding: options.encoding, maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE });
    if (read.kind === 'skipped') {
      results.push(notice(file.path, read.fatal ? 2 : 1, skipMessage(locale, read.messageId, read.data), read.messageId, read.fatal));
      continue;
    }
    if (!read.text.trim()) {
      results.push(notice(file.path, 2, coreMessage(locale, 'fileEmpty'), 'file-empty'));
      continue;
    }
    const stamp: ReadStamp = { ...read.stamp, encoding: read.encoding, bom: read.bom };
    const textOptions = {
      filePath: file.path,
      format: read.docx ? ('text' as const) : undefined,
      lineHints: read.docx?.hints,
      rules: config.rules,
      settings: config.settings,
      locale,
      registry,
      collector,
      references: references?.corpus,
    };
    let result: LintResult;
    if (options.fix && !read.docx) {
      const outcome = fixText(read.text, { ...textOptions, fixRules: options.fixRules });
      result = outcome.result;
      result.fixed = outcome.fixed;
      if (outcome.changed) {
        result.output = outcome.output;
        stamp.original = read.text;
      }
    } else {
      result = lintText(read.text, textOptions);
    }
    if (read.docx) {
      if (options.fix) result.messages.unshift(noteMessage(coreMessage(locale, 'docxNoFix'), 'docx-no-fix'));
      result.docx = true;
    }
    readStamps.set(result, stamp);
    results.push(result);
  }
  options.onProgress?.(done, files.length);
  const finished = collector?.active ? collector.finish(results) : results;
  if (finished !== results) finished.forEach((r, i) => readStamps.set(r, readStamps.get(results[i])!));
  for (const r of finished) if (r.docx) addParagraphs(r);
  return finished;
}

function skipMessage(locale: Locale, messageId: CoreMessageId, data: Record<string, string | number>): string {
  // An errno code reads better with its meaning: 无法读取文件 a.md：权限不足（EACCES）.
  const why = typeof data.why === 'string' && data.why ? coreMessage(locale, data.why as CoreMessageId) : '';
  const reason = why ? (locale === 'zh' ? `${why}（${data.reason}）` : `${why} (${data.reason})`) : data.reason;
  return coreMessage(locale, messageId, { ...data, reason: reason ?? '' });
}

/** Findings in a Word document point to a paragraph (its line here) and quote it. */
function addParagraphs(result: LintResult): void {
  const lines = new LineIndex(result.source);
  for (const m of result.messages as FileMessage[]) {
    m.paragraph = m.line;
    const start = lines.lineStart(m.line);
    const text = result.source.slice(start, lines.lineEnd(m.line));
    const at = Math.max(0, m.column - 1);
    const from = Math.max(0, at - 6);
    m.quote = (from > 0 ? '…' : '') + text.slice(from, at + 14) + (at + 14 < text.length ? '…' : '');
  }
}

function noteMessage(message: string, messageId: string): LintMessage {
  return { ruleId: null, messageId, severity: 0, message, line: 1, column: 1, endLine: 1, endColumn: 1, sectionPath: '' };
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

/** What `--print-config FILE` says of the document itself, when it can be read: its title and genre. */
export async function describeDocument(file: string, options: { encoding?: string }): Promise<{ title: string | null; genre: Genre; genreName: string } | null> {
  const read = await readReport(file, { encoding: options.encoding, maxFileSize: DEFAULT_MAX_FILE_SIZE });
  if (read.kind !== 'text') return null;
  const report = buildReport(read.text, read.docx ? 'text' : formatFor(file), read.docx?.hints);
  return { title: report.title?.content.text ?? null, genre: report.genre, genreName: GENRE_NAMES[report.genre].zh };
}
