import path from 'node:path';
import type { ReferenceCorpus } from './copy/corpus.js';
import { shapeOf, type BatchCollector, type BatchSink, type FileShape } from './engine/batch.js';
import type { DirectiveFilter } from './engine/directives.js';
import { fixText } from './engine/fixer.js';
import { formatFor, lintText, summarize, type LintMessage, type LintResult, type RuleRegistry, type RuleSetting } from './engine/lint.js';
import type { Rule } from './engine/rule.js';
import { encodeExactly } from './files/decode.js';
import { decodeReport, isBinaryFormat, readBytes, readReport, type ReadOutcome } from './files/read.js';
import { coreMessage, type CoreMessageId } from './i18n/messages.js';
import type { FormattedCopy } from './layout/fix-output.js';
import type { LineHints } from './model/hints.js';
import { plainTextReason, type GuardReason } from './model/markdown-guard.js';
import type { Report } from './model/report.js';
import type { Settings } from './settings.js';
import type { Locale, Severity } from './types.js';

/**
 * One file's work, the same on the main thread and in a worker of the pool:
 * read, lint (or fix), and record what batch rules collect. A task and its
 * outcome are plain data, so they cross a thread and go into the cache as they
 * are: fingerprints travel, never a document model.
 */

export interface FileTask {
  filePath: string;
  /** Relative paths in notes (the formatted copy) are shown from here. */
  cwd: string;
  rules: Record<string, RuleSetting>;
  settings: Settings;
  locale: Locale;
  encoding?: string;
  maxFileSize: number;
  /** Compute fixes; nothing is written here. */
  fix?: { fixRules?: string[]; docxTrackedChanges: boolean };
  /** Record what batch rules collect. */
  collect: boolean;
  /** Stamp the bytes read with their SHA-1 (the run keeps a cache). */
  hash?: boolean;
  /** --stdin: these bytes instead of the file. */
  stdin?: string | Uint8Array;
}

/**
 * When the file was read (so that writing a fix can refuse a file changed
 * since) and how to write it back; with a fix, the text as read (for the diff).
 */
export interface ReadStamp {
  mtimeMs: number;
  size: number;
  /** With FileTask.hash: the SHA-1 of the bytes read. */
  sha1?: string;
  /** How to write the file back: its encoding and BOM. */
  encoding: string;
  bom: boolean;
  original?: string;
  /** A Word document's line hints: where each line came from, for the annotated copy. */
  docxHints?: LineHints;
  /** With --fix, for a Word document: the formatted copy to write beside it. */
  formatted?: FormattedCopy;
}

/** What a batch rule collected from one file (the last fix pass wins). */
export interface BatchItem {
  ruleId: string;
  data: unknown;
  options: Record<string, unknown>;
  severity: Severity;
}

export interface BatchPayload {
  items: BatchItem[];
  shape?: FileShape;
}

export interface FileOutcome {
  result: LintResult;
  /** Absent when the file was not linted (unreadable, skipped, empty). */
  stamp?: ReadStamp;
  /** A Word document's line hints (paragraph numbers and parts for its findings). */
  hints?: LineHints;
  batch?: BatchPayload;
}

/**
 * A result whose file could not be read carries one message with `fatal: true`.
 * Findings in a Word document also name the paragraph (as the writer counts
 * them), quote it, and say which part of the document it is in when not the body.
 */
export type FileMessage = LintMessage & { fatal?: boolean; paragraph?: number; quote?: string; part?: WordPart };

/** Parts of a Word document other than the body flow. */
export type WordPart = 'table' | 'toc' | 'caption' | 'footnote' | 'endnote' | 'header' | 'footer';

/** Records what lintReport hands to the batch phase, as plain data. */
class BatchRecorder implements BatchSink {
  readonly payload: BatchPayload = { items: [] };

  addData(_filePath: string, rule: Rule, data: unknown, options: Record<string, unknown>, severity: Severity): void {
    const item = { ruleId: rule.id, data, options, severity };
    const i = this.payload.items.findIndex((x) => x.ruleId === rule.id);
    if (i === -1) this.payload.items.push(item);
    else this.payload.items[i] = item;
  }

  addFile(_filePath: string, report: Report, filter: DirectiveFilter, locale: Locale): void {
    this.payload.shape = shapeOf(report, filter, locale);
  }
}

/** Hands a recorded payload to the collector, as lintReport would have. */
export function replayBatch(collector: BatchCollector, registry: RuleRegistry, filePath: string, source: string, payload: BatchPayload): void {
  for (const item of payload.items) {
    const rule = registry.get(item.ruleId);
    if (rule) collector.addData(filePath, rule, item.data, item.options, item.severity);
  }
  if (payload.shape) collector.addShape(filePath, source, payload.shape);
}

/** Reads the task's file (or decodes its --stdin bytes). Callers may start it early, so that reading overlaps linting. */
export function readTask(task: FileTask): Promise<ReadOutcome> {
  return task.stdin !== undefined
    ? readStdinReport(task.stdin, task.filePath, task.encoding, task.maxFileSize)
    : readReport(task.filePath, { encoding: task.encoding, maxFileSize: task.maxFileSize, hash: task.hash });
}

export async function lintFile(
  task: FileTask,
  registry: RuleRegistry,
  references: ReferenceCorpus | undefined,
  reading: Promise<ReadOutcome> = readTask(task),
): Promise<FileOutcome> {
  const { filePath, locale } = task;
  const read = await reading;
  if (read.kind === 'skipped') {
    return { result: notice(filePath, read.fatal ? 2 : 1, skipMessage(locale, read.messageId, read.data), read.messageId, read.fatal) };
  }
  if (!read.text.trim()) return { result: notice(filePath, 2, coreMessage(locale, 'fileEmpty'), 'file-empty') };

  const stamp: ReadStamp = { ...read.stamp, encoding: read.encoding, bom: read.bom };
  if (read.docx) stamp.docxHints = read.docx.hints;
  const recorder = task.collect ? new BatchRecorder() : undefined;
  const textOptions = {
    filePath,
    format: read.docx ? ('text' as const) : undefined,
    lineHints: read.docx?.hints,
    layout: read.docx?.layout,
    rules: task.rules,
    settings: task.settings,
    locale,
    registry,
    collector: recorder,
    references,
  };
  let result: LintResult;
  if (task.fix && !read.readOnly) {
    const outcome = fixText(read.text, { ...textOptions, fixRules: task.fix.fixRules });
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
  if (read.readOnly && task.fix && !(read.readOnly === 'DOCX' && task.fix.docxTrackedChanges)) {
    const note =
      read.readOnly === 'DOCX'
        ? noteMessage(coreMessage(locale, 'docxNoFix'), 'docx-no-fix')
        : noteMessage(coreMessage(locale, 'readOnlyNoFix', { ext: `.${read.readOnly.toLowerCase()}` }), 'read-only-no-fix');
    result.messages.unshift(note);
  }
  const guard = !read.docx && !read.readOnly && formatFor(filePath) === 'markdown' ? plainTextReason(read.text) : undefined;
  if (guard) {
    // Said once per file: the Markdown parser was not used (see markdown-guard.ts), so markup counts as text.
    const reason = coreMessage(locale, GUARD_REASONS[guard]);
    result = prepend(result, noteMessage(coreMessage(locale, 'markdownAsText', { reason }), 'markdown-as-text'));
  }
  if (read.docx) {
    // Layout fixes go to a formatted copy beside it; text fixes to the annotated copy as tracked changes.
    if (task.fix) {
      const { formattedCopy } = await import('./layout/fix-output.js');
      const copy = await formattedCopy(filePath, read, textOptions, result, task.fix.fixRules);
      if (copy) {
        const shown = { ...copy.data, path: path.relative(task.cwd, copy.data.path ?? '') || (copy.data.path ?? '') };
        result.messages.unshift(noteMessage(coreMessage(locale, copy.messageId, shown), copy.noteId));
      }
      if (copy?.copy) stamp.formatted = copy.copy;
    }
    result.docx = true;
  }
  return { result, stamp, hints: read.docx?.hints, batch: recorder?.payload };
}

export function skipMessage(locale: Locale, messageId: CoreMessageId, data: Record<string, string | number>): string {
  // An errno code reads better with its meaning: 无法读取文件 a.md：权限不足（EACCES）.
  const why = typeof data.why === 'string' && data.why ? coreMessage(locale, data.why as CoreMessageId) : '';
  const reason = why ? (locale === 'zh' ? `${why}（${data.reason}）` : `${why} (${data.reason})`) : data.reason;
  return coreMessage(locale, messageId, { ...data, reason: reason ?? '' });
}

export function noteMessage(message: string, messageId: string, severity: 0 | 2 = 0): LintMessage {
  return { ruleId: null, messageId, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, sectionPath: '' };
}

export function notice(filePath: string, severity: 0 | 1 | 2, message: string, messageId: string, fatal = false): LintResult {
  const m: FileMessage = { ruleId: null, messageId, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, sectionPath: '' };
  if (fatal) m.fatal = true;
  return summarize(filePath, [m], '');
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
