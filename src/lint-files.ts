import path from 'node:path';
import { builtinRegistry } from '../rules/index.js';
import type { LintCache } from './cache/lint-cache.js';
import { ConfigResolver } from './config/index.js';
import { ReferenceLoader } from './copy/references.js';
import { BatchCollector, mergeBatchFindings } from './engine/batch.js';
import { formatFor, type LintMessage, type LintResult, type RuleRegistry } from './engine/lint.js';
import { discoverFiles, isLockOrTempFile } from './files/discover.js';
import { DEFAULT_MAX_FILE_SIZE, ERRNO_REASONS, readReport } from './files/read.js';
import { coreMessage } from './i18n/messages.js';
import { lintFile, notice, readTask, replayBatch, skipMessage, type FileMessage, type FileOutcome, type FileTask, type ReadStamp, type WordPart } from './lint-file.js';
import { GENRE_NAMES, type Genre } from './model/anatomy.js';
import { buildReport } from './model/build.js';
import type { LineHint, LineHints } from './model/hints.js';
import { LineIndex } from './model/line-index.js';
import type { Locale } from './types.js';

export type { FileMessage, ReadStamp, WordPart } from './lint-file.js';

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
  /**
   * `--stdin`: lint this instead of files; `filePath` picks the config and the format. Bytes are
   * decoded as a file's are (`encoding`, or detection) and held to `maxFileSize`; a name that says
   * Word or PDF (`x.docx`) reads them as that format.
   */
  stdin?: { text: string | Uint8Array; filePath: string };
  /** The caller writes fixes of Word documents as tracked changes into a copy (the CLI's --fix): no note that they are not fixed. */
  docxTrackedChanges?: boolean;
  /** Called after each file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** `--cache`: reuse the outcomes of unchanged files (not with `fix` or `stdin`). The caller saves it. */
  cache?: LintCache;
  /**
   * With `cache`: false when the caller never reads the results' `source` (the CLI whose formats are
   * all in SOURCELESS_FORMATS). A cached file's text then stays in the cache file, read only if asked
   * for after all; by default it is read and checked here, where a damaged one can still be linted again.
   */
  needSources?: boolean;
  /**
   * Worker threads: undefined picks by the number of files (see pool.ts), 0 lints on this thread.
   * Only the built-in rules run in workers; with `registry` given, files are linted here.
   */
  workers?: number;
}

const readStamps = new WeakMap<LintResult, ReadStamp>();

export function readStamp(result: LintResult): ReadStamp | undefined {
  return readStamps.get(result);
}

const wordHints = new WeakMap<LintResult, LineHints>();

/** A file of the run, in output order: a result already known (skipped, ignored), or a task to lint. */
type Slot = { result: LintResult } | { task: FileTask; references: string; outcome?: FileOutcome };

/**
 * Lints files, directories and globs: discovery, config, reading, then
 * `lintText` for each (here, or in worker threads for a large batch), then the
 * batch phase. Throws UsageError or ConfigError for what the user must fix.
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
  const discovered = options.stdin
    ? { files: [{ path: path.resolve(cwd, options.stdin.filePath), explicit: true }], problems: [] }
    : await discoverFiles(patterns.length ? patterns : ['.'], cwd, options.ignorePatterns);
  // Annotated copies written by an earlier run are findings, not submissions: linted only when named.
  const files = discovered.files.filter((f) => f.explicit || !ANNOTATED_COPY.test(f.path));
  const { problems } = discovered;
  const cwdConfig = resolver.forCwd();
  const cwdLocale = options.locale ?? cwdConfig.locale ?? 'zh';
  // Rules that compare files with each other need a batch phase after the last file (and two files to compare).
  const collector =
    !options.stdin && files.length >= 2 && [...registry.values()].some((r) => r.batch) ? new BatchCollector(cwdConfig.settings, cwdLocale) : undefined;
  const referenceLoader = new ReferenceLoader(cwd, options.references);
  const cache = options.fix || options.stdin ? undefined : options.cache;
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;

  const slots: Slot[] = problems.map((p) => {
    const data = { path: p.path, patterns: p.path, reason: p.reason ?? '', why: p.reason ? (ERRNO_REASONS[p.reason] ?? '') : '' };
    return { result: notice(p.path, 2, skipMessage(cwdLocale, p.messageId, data), p.messageId, true) };
  });
  for (const file of files) {
    const config = resolver.forFile(file.path);
    const locale = options.locale ?? config.locale ?? 'zh';
    if (!options.stdin && resolver.isIgnored(file.path)) {
      // As ESLint does: a file named explicitly but ignored gets a warning; one found by a glob is skipped.
      if (file.explicit) slots.push({ result: notice(file.path, 1, coreMessage(locale, 'fileIgnored'), 'file-ignored') });
      continue;
    }
    // Reference documents are compared with, never linted themselves.
    const references = await referenceLoader.forSettings(config.settings);
    if (references?.files.has(file.path)) continue;

    // Word's owner file (~$报告.docx) and temporary files are left while a document is open: not reports.
    if (!options.stdin && isLockOrTempFile(file.path)) {
      slots.push({ result: notice(file.path, 0, coreMessage(locale, 'lockFileSkipped'), 'lock-file-skipped') });
      continue;
    }
    const task: FileTask = {
      filePath: file.path,
      cwd,
      rules: config.rules,
      settings: config.settings,
      locale,
      encoding: options.encoding,
      maxFileSize,
      collect: collector !== undefined,
      ...(cache ? { hash: true } : {}),
      ...(options.fix ? { fix: { fixRules: options.fixRules, docxTrackedChanges: Boolean(options.docxTrackedChanges) } } : {}),
      ...(options.stdin ? { stdin: options.stdin.text } : {}),
    };
    slots.push({ task, references: cache ? cache.referencesKey(references?.files) : '' });
  }

  const context: TaskContext = { registry, referenceLoader, cache, options, customRegistry: options.registry !== undefined && options.registry !== builtinRegistry };
  await lintTasks(slots, context);

  // A batch the cache has seen, file for file, gives the findings it gave then, without
  // replaying what each file collected (a warm run then never reads the fingerprints).
  const batchFiles = () => slots.map((slot) => ('result' in slot ? slot.result : slot.outcome!.result).filePath);
  let key = collector && cache ? cache.batchKey(batchFiles(), cwdConfig.settings) : undefined;
  let findings = key !== undefined ? cache!.batchFindings(key) : undefined;
  if (cache) {
    // The one place where what the cache answered is checked before it is used: the heavy pieces
    // this run needs are read now, and a file whose pieces are damaged is linted again. Without
    // its entry the batch is another batch, so its findings are collected afresh (hence the loop).
    for (;;) {
      const hits = slots.filter((s): s is Extract<Slot, { task: FileTask }> => 'task' in s && cache.isHit(s.outcome));
      const damaged = cache.verify(
        hits.map((s) => s.outcome!),
        { source: options.needSources !== false, batch: collector !== undefined && !findings },
      );
      if (!damaged.size) break;
      await lintTasks(
        hits.filter((s) => damaged.has(s.outcome!)),
        { ...context, cache: undefined, options: { ...options, onProgress: undefined } },
      );
      key = collector ? cache.batchKey(batchFiles(), cwdConfig.settings) : undefined;
      findings = undefined;
    }
  }

  const results: LintResult[] = [];
  const stamps: (ReadStamp | undefined)[] = [];
  const hints: (LineHints | undefined)[] = [];
  for (const slot of slots) {
    if ('result' in slot) {
      results.push(slot.result);
      stamps.push(undefined);
      hints.push(undefined);
      continue;
    }
    const outcome = slot.outcome!;
    results.push(outcome.result);
    stamps.push(outcome.stamp);
    hints.push(outcome.hints);
  }

  let finished = results;
  if (collector) {
    if (!findings) {
      for (const slot of slots) {
        if (!('task' in slot)) continue;
        const { batch, result } = slot.outcome!;
        if (batch) replayBatch(collector, registry, slot.task.filePath, result.source, batch);
      }
      if (collector.active) {
        findings = collector.findings();
        if (key !== undefined) cache!.storeBatchFindings(key, findings);
      }
    }
    if (findings) finished = mergeBatchFindings(results, findings);
  }
  finished.forEach((r, i) => {
    if (stamps[i]) readStamps.set(r, stamps[i]);
    if (hints[i]) wordHints.set(r, hints[i]);
  });
  const words = new Map<string, WordFile>();
  for (const r of finished) {
    const h = wordHints.get(r);
    if (h) words.set(r.filePath, { source: r.source, lines: new LineIndex(r.source), hints: h });
  }
  for (const r of finished) {
    const word = words.get(r.filePath);
    if (word) addParagraphs(r, word);
    // Copy findings name the other file's paragraph and quote it, when that file is Word too.
    for (const m of r.messages) {
      for (const rel of m.related ?? []) {
        const other = words.get(rel.filePath);
        if (!other) continue;
        const ordinal = other.hints.get(rel.line)?.ordinal;
        if (ordinal !== undefined) rel.paragraph = ordinal;
        rel.quote = quoteAt(other, rel.line, rel.column);
      }
    }
  }
  return finished;
}

interface TaskContext {
  registry: RuleRegistry;
  referenceLoader: ReferenceLoader;
  cache: LintCache | undefined;
  options: LintFilesOptions;
  customRegistry: boolean;
}

/** Fills in each task slot's outcome: from the cache, from worker threads, or linted here, reading one file ahead. */
async function lintTasks(slots: Slot[], context: TaskContext): Promise<void> {
  const { cache, options } = context;
  const pending = slots.filter((s): s is Extract<Slot, { task: FileTask }> => 'task' in s);
  const total = pending.length;
  let done = 0;
  const progress = () => options.onProgress?.(done++, total);

  const probes = cache
    ? await Promise.all(
        pending.map(({ task, references }) =>
          cache.lookup(task.filePath, cache.configKey({ rules: task.rules, settings: task.settings, locale: task.locale, encoding: task.encoding, maxFileSize: task.maxFileSize, references })),
        ),
      )
    : undefined;
  const misses: number[] = [];
  pending.forEach((slot, i) => {
    const hit = probes?.[i].hit;
    if (hit) {
      slot.outcome = hit;
      progress();
    } else misses.push(i);
  });

  const finish = async (i: number, outcome: FileOutcome) => {
    pending[i].outcome = outcome;
    if (cache && probes) await cache.store(probes[i], outcome);
    progress();
  };
  const threads = context.customRegistry || options.stdin ? 0 : await poolSize(misses.length, options.workers);
  if (threads > 0) {
    const { runPooled } = await import('./pool/pool.js');
    const stored: Promise<void>[] = [];
    await runPooled(
      misses.map((i) => pending[i].task),
      options.references ?? [],
      threads,
      (outcome, k) => stored.push(finish(misses[k], outcome)),
    );
    await Promise.all(stored);
  } else {
    let next = misses.length ? readTask(pending[misses[0]].task) : undefined;
    for (let k = 0; k < misses.length; k++) {
      const i = misses[k];
      const reading = next!;
      // Start reading the next file while this one is linted.
      next = k + 1 < misses.length ? readTask(pending[misses[k + 1]].task) : undefined;
      const references = await context.referenceLoader.forSettings(pending[i].task.settings);
      await finish(i, await lintFile(pending[i].task, context.registry, references?.corpus, reading));
    }
  }
  options.onProgress?.(total, total);
}

async function poolSize(files: number, requested: number | undefined): Promise<number> {
  if (requested === 0 || (requested === undefined && files < 2)) return 0;
  const { workerCount } = await import('./pool/pool.js');
  return workerCount(files, requested);
}

/** The name `--format docx` gives its copies (src/cli/docx-copies.ts). */
const ANNOTATED_COPY = /\.reportlint\.docx$/i;

const PART_OF_ROLE: Record<NonNullable<LineHint['role']>, WordPart> = {
  'table-cell': 'table',
  toc: 'toc',
  caption: 'caption',
  footnote: 'footnote',
  endnote: 'endnote',
  header: 'header',
  footer: 'footer',
};

/** A Word document of the run: its text and what the reader knew of each line. */
interface WordFile {
  source: string;
  lines: LineIndex;
  hints: LineHints;
}

/**
 * Findings in a Word document point to a paragraph as the writer counts them
 * (non-empty paragraphs, a table as one), quote a few characters around the
 * finding, and name the part (table, footnote, header …) when not the body.
 */
function addParagraphs(result: LintResult, word: WordFile): void {
  for (const m of result.messages as FileMessage[]) {
    if (m.fatal) continue;
    const hint = word.hints.get(m.line);
    if (hint?.ordinal !== undefined) m.paragraph = hint.ordinal;
    if (hint?.role) m.part = PART_OF_ROLE[hint.role];
    // A note at the top of the file (no fix for Word) quotes nothing.
    if (m.ruleId === null && m.severity === 0) continue;
    m.quote = quoteAt(word, m.line, m.column);
  }
}

/** A few characters around a position: six before, fourteen from it, with … where the paragraph goes on. */
function quoteAt(word: WordFile, line: number, column: number): string {
  const text = word.source.slice(word.lines.lineStart(line), word.lines.lineEnd(line));
  const at = Math.max(0, column - 1);
  const from = Math.max(0, at - 6);
  return (from > 0 ? '…' : '') + text.slice(from, at + 14) + (at + 14 < text.length ? '…' : '');
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
