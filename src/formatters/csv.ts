import { findingsTable, type CellValue } from './table.js';
import type { Formatter } from './types.js';

/**
 * `--format csv`: one row per finding (file, unit, title, line, column or Word
 * paragraph, severity, rule id and name, message, section, quote), RFC 4180,
 * with a UTF-8 byte order mark and CRLF line ends, so that Excel and WPS open
 * the Chinese text correctly. A cell that a spreadsheet would take for a
 * formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
 */

function cell(value: CellValue): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csv: Formatter = (results, { locale, cwd, registry }) => {
  const table = findingsTable(results, cwd, registry, locale);
  return '\uFEFF' + [table.header, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
};
