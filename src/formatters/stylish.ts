import { Chalk } from 'chalk';
import path from 'node:path';
import stringWidth from 'string-width';
import { coreMessage } from '../i18n/messages.js';
import { locationText } from './shared.js';
import type { Formatter } from './types.js';

/** Pads to a display width: a CJK character takes two columns in a terminal. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/**
 * ESLint's stylish layout: findings grouped by file, columns aligned,
 * then one summary line.
 */
export const stylish: Formatter = (results, { locale, color, cwd }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let failing = 0;

  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    if (result.errorCount > 0) failing++;
    const fixedCounts = Object.entries(result.fixed ?? {});
    if (!result.messages.length && !fixedCounts.length) continue;
    out.push('', c.underline(path.relative(cwd, result.filePath) || result.filePath));
    if (fixedCounts.length) {
      const count = fixedCounts.reduce((sum, [, k]) => sum + k, 0);
      const rules = fixedCounts.map(([id, k]) => `${id} ×${k}`).join(locale === 'zh' ? '，' : ', ');
      out.push(c.green(`  ${coreMessage(locale, 'fixedCount', { count, rules })}`));
    }
    if (!result.messages.length) continue;

    const rows = result.messages.map((m) => [
      // A Word document has paragraphs, not lines: 第12段 / ¶12, with a quote after the message.
      locationText(m, locale),
      coreMessage(locale, m.severity === 2 ? 'severityError' : m.severity === 1 ? 'severityWarning' : 'severityInfo'),
      'quote' in m && typeof m.quote === 'string' && m.quote ? `${m.message}「${m.quote}」` : m.message,
      m.ruleId ?? '',
      m.sectionPath,
    ]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => stringWidth(r[i]))));
    rows.forEach((row, i) => {
      const level = result.messages[i].severity;
      const severity = level === 2 ? c.red : level === 1 ? c.yellow : c.blue;
      const cells = [
        c.dim(pad(row[0], widths[0])),
        severity(pad(row[1], widths[1])),
        pad(row[2], widths[2]),
        c.dim(pad(row[3], widths[3])),
        c.dim(row[4]),
      ];
      out.push(`  ${cells.join('  ')}`.trimEnd());
    });
  }

  const total = errors + warnings;
  out.push('');
  const files = results.length;
  if (total === 0) {
    out.push(c.green(`✔ ${coreMessage(locale, 'summaryClean', { files })}`));
  } else {
    const mark = errors ? c.red.bold : c.yellow.bold;
    out.push(mark(`✖ ${coreMessage(locale, 'summaryProblems', { total, errors, warnings, files, failing })}`));
    if (fixableErrors || fixableWarnings) {
      out.push(mark(`  ${coreMessage(locale, 'summaryFixable', { errors: fixableErrors, warnings: fixableWarnings })}`));
    }
  }
  return out.join('\n').replace(/^\n/, '') + '\n';
};
