import { Chalk } from 'chalk';
import path from 'node:path';
import { coreMessage } from '../i18n/messages.js';
import type { LintMessage } from '../engine/lint.js';
import { clipChars, padEnd, visible, width, wrap } from './terminal-text.js';
import { locationText } from './shared.js';
import type { Formatter } from './types.js';
import type { Locale } from '../types.js';

/** A message column narrower than this is not worth wrapping into: the line may then overflow. */
const MIN_MESSAGE_COLUMNS = 16;

function position(m: LintMessage, locale: Locale): string {
  // A Word document has paragraphs, not lines: 第12段（表格） / ¶12, with a quote after the message.
  return locationText(m, locale);
}

function messageText(m: LintMessage): string {
  const text = 'quote' in m && typeof m.quote === 'string' && m.quote ? `${m.message}「${m.quote}」` : m.message;
  // Only what is printed is measured: a huge message (a quoted 48 KB paragraph) is cut first.
  return visible(clipChars(text));
}

/**
 * ESLint's stylish layout, sized for a terminal: findings grouped by file, and
 * within a file by section, whose path stands on its own dim line (`§ 一、… › （二）…`)
 * instead of trailing each finding; columns aligned in display columns (a CJK
 * character takes two); with `columns` (the terminal's width) a long message
 * wraps under itself with a hanging indent, the rule id staying on its first line.
 * Without `columns` (output to a file or a pipe) nothing wraps.
 */
export const stylish: Formatter = (results, { locale, color, cwd, columns }) => {
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
    out.push('', c.underline(visible(path.relative(cwd, result.filePath) || result.filePath)));
    if (fixedCounts.length) {
      const count = fixedCounts.reduce((sum, [, k]) => sum + k, 0);
      const rules = fixedCounts.map(([id, k]) => `${id} ×${k}`).join(locale === 'zh' ? '，' : ', ');
      out.push(c.green(`  ${coreMessage(locale, 'fixedCount', { count, rules })}`));
    }
    if (!result.messages.length) continue;

    const rows = result.messages.map((m) => ({
      m,
      cells: [
        position(m, locale),
        coreMessage(locale, m.severity === 2 ? 'severityError' : m.severity === 1 ? 'severityWarning' : 'severityInfo'),
        messageText(m),
        m.ruleId ?? '',
      ],
    }));
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => width(r.cells[i]))));
    const indent = 2 + widths[0] + 2 + widths[1] + 2;
    if (columns !== undefined) {
      const room = columns - indent - 2 - widths[3];
      widths[2] = Math.min(widths[2], Math.max(MIN_MESSAGE_COLUMNS, room));
    }
    let section = '';
    for (const { m, cells } of rows) {
      if (m.sectionPath !== section) {
        // A finding outside any section (the title, the signature) after one inside gets a `§ —` of its own.
        if (m.sectionPath || section) {
          const label = `§ ${m.sectionPath ? visible(clipChars(m.sectionPath)) : '—'}`;
          const lines = columns === undefined ? [label] : wrap(label, Math.max(MIN_MESSAGE_COLUMNS, columns - 4));
          lines.forEach((line, i) => out.push(c.dim(`${i ? '    ' : '  '}${line}`)));
        }
        section = m.sectionPath;
      }
      const severity = m.severity === 2 ? c.red : m.severity === 1 ? c.yellow : c.blue;
      const lines = columns === undefined ? [cells[2]] : wrap(cells[2], widths[2]);
      const head = [c.dim(padEnd(cells[0], widths[0])), severity(padEnd(cells[1], widths[1])), padEnd(lines[0], widths[2]), c.dim(cells[3])];
      out.push(`  ${head.join('  ')}`.trimEnd());
      for (const more of lines.slice(1)) out.push(' '.repeat(indent) + more);
    }
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
