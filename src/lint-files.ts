import path from 'node:path';
import { builtinRegistry } from '../rules/index.js';
import { ConfigResolver } from './config/index.js';
import { ReferenceLoader } from './copy/references.js';
import { BatchCollector } from './engine/batch.js';
import { fixText } from './engine/fixer.js';
import { formatFor, lintText, summarize, type LintMessage, type LintResult, type RuleRegistry } from './engine/lint.js';
import { discoverFiles } from './files/discover.js';
import { encodeExactly } from './files/decode.js';
import { DEFAULT_MAX_FILE_SIZE, ERRNO_REASONS, decodeReport, isBinaryFormat, readBytes, readReport, type ReadOutcome } from './files/read.js';
import { isLockOrTempFile } from './files/discover.js';
import type { LineHint, LineHints } from './model/hints.js';
import { coreMessage, type CoreMessageId } from './i18n/messages.js';
import { GENRE_NAMES, type Genre } from './model/anatomy.js';
import { buildReport } from './model/build.js';
import { LineIndex } from './model/line-index.js';
import { formattedCopy, type FormattedCopy } from './layout/fix-output.js';
import { plainTextReason, type GuardReason } from './model/markdown-guard.js';
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
  /** A Word document's line hints: where each line came from, for the annotated copy. */
  docxHints?: LineHints;
  /** With --fix, for a Word document: the formatted copy to write beside it. */
  formatted?: FormattedCopy;
}
const readStamps = new WeakMap<LintResult, ReadStamp>();

export function readStamp(result: LintResult): ReadStamp | undefined {
  return readStamps.get(result);
}

/**
 * A result whose file could not be read carries one message with `fatal: true`.
 * Findings in a Word document also name the paragraph (as the writer counts
 * them), quote it, and say which part of the document it is in when not the body.
 */
export type FileMessage = LintMessage & { fatal?: boolean; paragraph?: number; quote?: string; part?: WordPart };

/** Parts of a Word document other than the body flow. */
export type WordPart = 'table' | 'toc' | 'caption' | 'footnote' | 'endnote' | 'header' | 'footer';
const wordHints = new WeakMap<LintResult, LineHints>();

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
  const discovered = options.stdin
    ? { files: [{ path: path.resolve(cwd, options.stdin.filePath), explicit: true }], problems: [] }
    : discoverFiles(patterns.length ? patterns : ['.'], cwd, options.ignorePatterns);
  // Annotated copies written by an earlier run are findings, not submissions: linted only when named.
  const files = discovered.files.filter((f) => f.explicit || !ANNOTATED_COPY.test(f.path));
  const { problems } = discovered;
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

    // Word's owner file (~$报告.docx) and temporary files are left while a document is open: not reports.
    if (!options.stdin && isLockOrTempFile(file.path)) {
      results.push(notice(file.path, 0, coreMessage(locale, 'lockFileSkipped'), 'lock-file-skipped'));
      continue;
    }
    const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const read: ReadOutcome = options.stdin
      ? await readStdinReport(options.stdin.text, file.path, options.encoding, maxFileSize)
      : await readReport(file.path, { encoding: options.encoding, maxFileSize });
    if (read.kind === 'skipped') {
      results.push(notice(file.path, read.fatal ? 2 : 1, skipMessage(locale, read.messageId, read.data), read.messageId, read.fatal));
      continue;
    }
    if (!read.text.trim()) {
      results.push(notice(file.path, 2, coreMessage(locale, 'fileEmpty'), 'file-empty'));
      continue;
    }
    const stamp: ReadStamp = { ...read.stamp, encoding: read.encoding, bom: read.bom };
    if (read.docx) stamp.docxHints = read.docx.hints;
    const textOptions = {
      filePath: file.path,
      format: read.docx ? ('text' as const) : undefined,
      lineHints: read.docx?.hints,
      layout: read.docx?.layout,
      rules: config.rules,
      settings: config.settings,
      locale,
      registry,
      collector,
      references: references?.corpus,
    };
    let result: LintResult;
    if (options.fix && !read.readOnly) {
      const outcome = fixText(read.text, { ...textOptions, fixRules: options.fixRules });
      result = outcome.result;
      result.fixed = outcome.fixed;
      if (outcome.changed) {
        // Writing back must give back every byte: refuse when the decoding was lossy or the encoding cannot hold the fix.
        // The findings shown are then the original text's (linted again, which also resets the batch data).
        const lost = read.clean ? encodeExactly(outcome.output, read) : undefined;
        if (!read.clean) {
          const note = coreMessage(locale, 'fixRefusedUnclean', { encoding: read.encoding });
          result = withNote(lintText(read.text, textOptions), noteMessage(note, 'fix-refused', 2));
        } else if (lost && 'lost' in lost) {
          const note = coreMessage(locale, 'fixRefusedEncoding', { encoding: read.encoding, char: lost.lost });
          result = withNote(lintText(read.text, textOptions), noteMessage(note, 'fix-refused', 2));
        } else {
          result.output = outcome.output;
          stamp.original = read.text;
        }
      }
    } else {
      result = lintText(read.text, textOptions);
    }
    // Word's fixes go into the annotated copy as tracked changes when the caller writes one; a converted file or a PDF is not fixed.
    if (read.readOnly && options.fix && !(read.readOnly === 'DOCX' && options.docxTrackedChanges)) {
      const note = read.readOnly === 'DOCX' ? noteMessage(coreMessage(locale, 'docxNoFix'), 'docx-no-fix') : noteMessage(coreMessage(locale, 'readOnlyNoFix', { ext: `.${read.readOnly.toLowerCase()}` }), 'read-only-no-fix');
      result.messages.unshift(note);
    }
    const guard = !read.docx && !read.readOnly && formatFor(file.path) === 'markdown' ? plainTextReason(read.text) : undefined;
    if (guard) {
      // Said once per file: the Markdown parser was not used (see markdown-guard.ts), so markup counts as text.
      const reason = coreMessage(locale, GUARD_REASONS[guard]);
      result = prepend(result, noteMessage(coreMessage(locale, 'markdownAsText', { reason }), 'markdown-as-text'));
    }
    if (read.docx) {
      // Layout fixes go to a formatted copy beside it; text fixes to the annotated copy as tracked changes.
      const copy = options.fix ? await formattedCopy(file.path, read, textOptions, result, options.fixRules) : null;
      if (copy) {
        const shown = { ...copy.data, path: path.relative(cwd, copy.data.path ?? '') || (copy.data.path ?? '') };
        result.messages.unshift(noteMessage(coreMessage(locale, copy.messageId, shown), copy.noteId));
      }
      if (copy?.copy) stamp.formatted = copy.copy;
      result.docx = true;
      wordHints.set(result, read.docx.hints);
    }
    readStamps.set(result, stamp);
    results.push(result);
  }
  options.onProgress?.(done, files.length);
  const finished = collector?.active ? collector.finish(results) : results;
  if (finished !== results) {
    finished.forEach((r, i) => {
      readStamps.set(r, readStamps.get(results[i])!);
      const hints = wordHints.get(results[i]);
      if (hints) {
        wordHints.set(r, hints);
        // The batch phase rebuilds results that got findings: keep them marked as Word.
        r.docx = true;
      }
    });
  }
  const words = new Map<string, WordFile>();
  for (const r of finished) {
    const hints = wordHints.get(r);
    if (hints) words.set(r.filePath, { source: r.source, lines: new LineIndex(r.source), hints });
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

/** The name `--format docx` gives its copies (src/cli/docx-copies.ts). */
const ANNOTATED_COPY = /\.reportlint\.docx$/i;

function skipMessage(locale: Locale, messageId: CoreMessageId, data: Record<string, string | number>): string {
  // An errno code reads better with its meaning: 无法读取文件 a.md：权限不足（EACCES）.
  const why = typeof data.why === 'string' && data.why ? coreMessage(locale, data.why as CoreMessageId) : '';
  const reason = why ? (locale === 'zh' ? `${why}（${data.reason}）` : `${why} (${data.reason})`) : data.reason;
  return coreMessage(locale, messageId, { ...data, reason: reason ?? '' });
}

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

function noteMessage(message: string, messageId: string, severity: 0 | 2 = 0): LintMessage {
  return { ruleId: null, messageId, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, sectionPath: '' };
}

const GUARD_REASONS: Record<GuardReason, CoreMessageId> = {
  nesting: 'guardNesting',
  'emphasis-run': 'guardEmphasisRun',
  'inline-markup': 'guardInlineMarkup',
};

/** The result with one more message first, recounted, keeping what it carries. */
function prepend(result: LintResult, note: LintMessage): LintResult {
  const { messages: _, ...rest } = result;
  return { ...rest, ...summarize(result.filePath, [note, ...result.messages], result.source) };
}

/** The result with one more message first, recounted; fixes counted are dropped (nothing is written). */
function withNote(result: LintResult, note: LintMessage): LintResult {
  return { ...summarize(result.filePath, [note, ...result.messages], result.source), ...(result.title !== undefined ? { title: result.title } : {}), fixed: {} };
}

/** Standard input, read like a file: the same size limit, the same decoding; Word or PDF by its name. */
async function readStdinReport(input: string | Uint8Array, filePath: string, encoding: string | undefined, maxFileSize: number): Promise<ReadOutcome> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (bytes.length > maxFileSize) {
    return { kind: 'skipped', fatal: true, messageId: 'stdinTooLarge', data: { max: (maxFileSize / 1024 / 1024).toFixed(1) } };
  }
  const stamp = { mtimeMs: 0, size: bytes.length };
  if (isBinaryFormat(filePath)) return readBytes(Buffer.from(bytes), filePath, { encoding }, stamp);
  return decodeReport(bytes, filePath, encoding, stamp);
}

function notice(filePath: string, severity: 0 | 1 | 2, message: string, messageId: string, fatal = false): LintResult {
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
