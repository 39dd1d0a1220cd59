import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { label } from './html/labels.js';
import { CATEGORY_KEYS, categoryName, formatPercent, problemsLabel, summaryRows, totals } from './html/rows.js';
import { clipChars, visible } from './terminal-text.js';
import type { Formatter } from './types.js';

/** A report title longer than this (in terminal columns) is cut with “…”. */
const TITLE_WIDTH = 40;

/** Pads to a display width (a CJK character takes two columns); numbers go right. */
function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return right ? fill + text : text + fill;
}

function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/**
 * `--format summary`: the batch table of the HTML page, for the terminal. One
 * row per report (unit, or the title when no unit is found; file, errors, warnings, problems section, copied
 * share, verdict), then the totals and the findings by category.
 */
export const summary: Formatter = (results, { locale, color, cwd, registry }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const rows = summaryRows(results, cwd, registry);
  const t = totals(rows, registry);
  const l = (key: Parameters<typeof label>[1], data?: Record<string, string | number>) => label(locale, key, data);

  const header = ['colIndex', 'colUnit', 'colFile', 'colErrors', 'colWarnings', 'colProblems', 'colCopied', 'colVerdict'].map((k) => l(k as Parameters<typeof label>[1]));
  const right = [true, false, false, true, true, false, true, false];
  // An unreadable file was not checked: dashes, not counts that could read as nearly clean.
  const cells = rows.map((row) => [
    String(row.index),
    // Cut before measuring: a title may be a whole 48 KB line.
    truncate(visible(clipChars(row.unit ?? row.title ?? '—', 200)), TITLE_WIDTH),
    visible(row.file),
    row.unreadable ? '—' : String(row.errors),
    row.unreadable ? '—' : String(row.warnings),
    row.unreadable ? '—' : problemsLabel(row.problems, locale),
    row.unreadable ? '—' : formatPercent(row.copied, locale),
    l(row.unreadable ? 'unreadable' : row.pass ? 'pass' : 'fail'),
  ]);
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...cells.map((r) => stringWidth(r[i]))));
  const paint = (row: (typeof rows)[number], i: number, text: string): string => {
    switch (i) {
      case 3:
        return row.errors ? c.red(text) : c.dim(text);
      case 4:
        return row.warnings ? c.yellow(text) : c.dim(text);
      case 5:
        return row.problems === 'present' ? text : c.red(text);
      case 7:
        return row.pass ? c.green(text) : c.red.bold(text);
      default:
        return i === 2 ? c.dim(text) : text;
    }
  };
  const line = (texts: string[], style: (i: number, padded: string) => string) =>
    texts.map((text, i) => style(i, pad(text, widths[i], right[i]))).join('  ').trimEnd();

  const out: string[] = [];
  out.push(line(header, (_, s) => c.bold(s)));
  out.push(c.dim(widths.map((w) => '─'.repeat(w)).join('  ')));
  rows.forEach((row, r) => out.push(line(cells[r], (i, s) => paint(row, i, s))));
  if (rows.length) out.push('');
  const mark = t.failed ? c.red.bold : c.green.bold;
  out.push(mark(l('summaryTotals', { files: t.files, passed: t.passed, failed: t.failed, errors: t.errors, warnings: t.warnings })));
  const sep = locale === 'zh' ? '，' : ', ';
  const categories = CATEGORY_KEYS.filter((k) => k !== 'other' || t.byCategory.other.some((n) => n > 0))
    .map((k) => `${categoryName(k, locale)} ${t.byCategory[k].reduce((a, b) => a + b, 0)}`)
    .join(sep);
  out.push(l('summaryByCategory', { list: categories }));
  return out.join('\n') + '\n';
};
