import type { LintResult, LintTextOptions } from '../engine/lint.js';
import type { CoreMessageId } from '../i18n/messages.js';
import { buildReport } from '../model/build.js';
import { defaultLayoutProfile } from './profile.js';
import type { DocumentLayout } from './types.js';
import type { LineHints } from '../model/hints.js';

/**
 * `--fix` for the layout of a Word document: a formatted copy beside it,
 * `NAME.formatted.docx`, made when layout rules found something a copy can
 * correct. lintFiles keeps it with the file's read stamp until `outputFixes`
 * writes it (never over the input).
 */

export interface FormattedCopy {
  path: string;
  bytes: Buffer;
}

/** Layout rules whose findings the copy corrects (comments and tracked changes are the author's). */
const CORRECTED = new Set(['layout-page', 'layout-fonts', 'layout-line-spacing', 'layout-indent', 'layout-page-number']);

export function formattedPath(file: string): string {
  return file.replace(/(\.docx)?$/i, '.formatted.docx');
}

export async function formattedCopy(
  file: string,
  read: { text: string; docx?: { hints: LineHints; layout?: DocumentLayout; bytes?: Buffer } },
  options: Pick<LintTextOptions, 'settings' | 'rules'>,
  result: LintResult,
  fixRules: string[] | undefined,
): Promise<{ messageId: CoreMessageId; noteId: string; data: Record<string, string>; copy?: FormattedCopy } | null> {
  const docx = read.docx;
  if (!docx?.bytes || !docx.layout) return null;
  const wanted = result.messages.some((m) => m.ruleId !== null && CORRECTED.has(m.ruleId) && (!fixRules || fixRules.includes(m.ruleId)));
  if (!wanted) return null;
  const path = formattedPath(file);
  try {
    const { formatDocx } = await import('./format.js');
    const report = buildReport(read.text, 'text', docx.hints);
    report.layout = docx.layout;
    const bytes = await formatDocx(docx.bytes, report, options.settings?.layout ?? defaultLayoutProfile());
    return { messageId: 'docxFormatted', noteId: 'docx-formatted', data: { path }, copy: { path, bytes } };
  } catch (error) {
    return { messageId: 'docxFormatRefused', noteId: 'docx-format-refused', data: { reason: error instanceof Error ? error.message : String(error) } };
  }
}
