import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/node';
import type { LintResult } from '../engine/lint.js';
import { findingsTable, SHEET_NAMES, summaryTable, type CellValue, type Table } from './table.js';
import type { FormatterContext } from './types.js';

/**
 * `--format xlsx` (to a file only): an Excel workbook with two sheets, written
 * with write-excel-file: the summary, one row per report (unit, title, file,
 * errors, warnings, problems section, copied share, verdict, score), and the
 * findings, one row per finding as in `--format csv`. Header rows are bold and
 * stay in view.
 */

function sheetData(table: Table, percentColumn?: number): SheetData {
  const header: Row = table.header.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = table.rows.map((row): Row =>
    row.map((value: CellValue, i) => {
      if (value === undefined) return null;
      if (typeof value === 'number') return i === percentColumn ? { value, type: Number, format: '0.0%' } : { value, type: Number };
      return { value, type: String };
    }),
  );
  return [header, ...rows];
}

function widths(table: Table): { width: number }[] {
  return table.header.map((h, i) => {
    const longest = Math.max(h.length * 2, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length * 2));
    return { width: Math.min(60, Math.max(6, longest)) };
  });
}

export async function xlsx(results: LintResult[], { locale, cwd, registry }: FormatterContext): Promise<Uint8Array> {
  const summary = summaryTable(results, cwd, registry, locale);
  const findings = findingsTable(results, cwd, registry, locale);
  const buffer = await writeXlsxFile([
    { sheet: SHEET_NAMES.summary[locale], data: sheetData(summary, 6), columns: widths(summary), stickyRowsCount: 1 },
    { sheet: SHEET_NAMES.findings[locale], data: sheetData(findings), columns: widths(findings), stickyRowsCount: 1 },
  ]).toBuffer();
  return new Uint8Array(buffer);
}
