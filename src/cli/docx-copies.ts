import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { annotateDocx, EN_LABELS, ZH_LABELS, type DocxAnnotation, type TrackedChange } from '../docx/annotate.js';
import { anchorFinding, anchorFix } from '../docx/finding-anchor.js';
import type { LintMessage, LintResult } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { writeOutputFile } from '../files/safe-write.js';
import { coreMessage } from '../i18n/messages.js';
import { readStamp, type FileMessage } from '../lint-files.js';
import type { LineHints } from '../model/hints.js';
import { LineIndex } from '../model/line-index.js';
import type { Locale } from '../types.js';

/**
 * `--format docx` and `--fix` on Word files: a copy `NAME.reportlint.docx`
 * with a comment per finding and, with fixes, the fixes as tracked changes.
 * The input is never written.
 */

export interface DocxCopyOptions {
  cwd: string;
  /** `--output-dir`; beside each input when absent. */
  outputDir?: string;
  locale: Locale;
  /** Write fixes as tracked changes (`--fix`), only these rules' when given (`--fix-rule`). */
  fixes: boolean;
  fixRules?: readonly string[];
  /** One line for the user (standard error). */
  say: (line: string) => void;
}

/** The copy's name: `报告.docx` → `报告.reportlint.docx`. */
export function copyPath(input: string, outputDir: string | undefined, cwd: string): string {
  const dir = outputDir === undefined ? path.dirname(input) : path.resolve(cwd, outputDir);
  return path.join(dir, `${path.basename(input).replace(/\.docx$/i, '')}.reportlint.docx`);
}

/** Writes the copies; returns false when one could not be written (the run then exits with 2). */
export async function writeDocxCopies(results: readonly LintResult[], options: DocxCopyOptions): Promise<boolean> {
  let ok = true;
  for (const result of results) {
    const stamp = readStamp(result);
    const hints = stamp?.docxHints;
    if (!result.docx || !hints || result.messages.some((m) => (m as FileMessage).fatal)) continue;
    const rel = (file: string) => path.relative(options.cwd, file) || file;
    const output = copyPath(result.filePath, options.outputDir, options.cwd);
    try {
      // The bytes linted, or none: a document saved since would get comments on other text.
      const now = statSync(result.filePath);
      if (now.mtimeMs !== stamp.mtimeMs || now.size !== stamp.size) throw new UsageError('fileChanged', { path: result.filePath });
      if (path.resolve(output) === path.resolve(result.filePath)) throw new UsageError('writeFailed', { path: output, reason: 'same as the input' });
      const { annotations, changes, unplaced } = findingsToAnnotations(result, hints, options);
      const outcome = await annotateDocx(readFileSync(result.filePath), annotations, changes, { labels: options.locale === 'en' ? EN_LABELS : ZH_LABELS });
      mkdirSync(path.dirname(output), { recursive: true });
      writeOutputFile(output, outcome.buffer);
      options.say(coreMessage(options.locale, 'docxWritten', { path: rel(output), comments: outcome.comments, changes: outcome.changes }));
      const lost = unplaced + outcome.skipped.filter((s) => 'comment' in s.item).length;
      if (lost) options.say(coreMessage(options.locale, 'docxUnplaced', { path: rel(result.filePath), count: lost }));
    } catch (error) {
      ok = false;
      const reason = error instanceof UsageError ? error.format(options.locale) : error instanceof Error ? error.message : String(error);
      options.say(coreMessage(options.locale, 'docxCopyFailed', { path: rel(output), reason }));
    }
  }
  return ok;
}

/** Findings as comments (and fixes as changes) anchored through the reader's hints. */
export function findingsToAnnotations(
  result: Pick<LintResult, 'source' | 'messages'>,
  hints: LineHints,
  options: Pick<DocxCopyOptions, 'locale' | 'fixes' | 'fixRules'>,
): { annotations: DocxAnnotation[]; changes: TrackedChange[]; unplaced: number } {
  const annotations: DocxAnnotation[] = [];
  const changes: TrackedChange[] = [];
  let unplaced = 0;
  const lines = new LineIndex(result.source);
  for (const m of result.messages) {
    // Notes of the core (severity 0 without a rule) are about the run, not the text.
    if (m.ruleId === null && m.severity === 0) continue;
    const anchor = anchorFinding(result.source, hints, m, lines);
    if (!anchor) {
      unplaced++;
      continue;
    }
    annotations.push({ ...anchor, comment: { text: commentText(m, result.source, options.locale) } });
    if (!options.fixes || !m.fix || !m.ruleId || (options.fixRules?.length && !options.fixRules.includes(m.ruleId))) continue;
    const change = anchorFix(result.source, hints, m.fix, lines);
    if (change) changes.push(change);
  }
  return { annotations, changes, unplaced };
}

/** The comment: the message, the rule, and the fix when there is one. */
export function commentText(m: LintMessage, source: string, locale: Locale): string {
  const lines = [m.message];
  if (m.ruleId) lines.push(coreMessage(locale, 'docxCommentRule', { ruleId: m.ruleId }));
  if (m.fix) {
    const from = source.slice(m.fix.range[0], m.fix.range[1]);
    const to = m.fix.text;
    if (from && to) lines.push(coreMessage(locale, 'docxFixReplace', { from, to }));
    else if (from) lines.push(coreMessage(locale, 'docxFixDelete', { from }));
    else if (to) lines.push(coreMessage(locale, 'docxFixInsert', { to }));
  }
  return lines.join('\n');
}
