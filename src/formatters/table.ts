import type { LintResult, RuleRegistry } from '../engine/lint.js';
import { localize } from '../i18n/format.js';
import type { Locale, Localized } from '../types.js';
import { label } from './html/labels.js';
import { formatPercent, problemsLabel, severityName, summaryRows } from './html/rows.js';
import { reportScore } from './score.js';
import { checkId, messageExtras, relativePath } from './shared.js';

/**
 * The batch as tables, for spreadsheets (`--format csv`, `--format xlsx`): one
 * row per finding, and one row per report. Plain values; each format writes them its way.
 */

export type CellValue = string | number | undefined;

const FINDING_COLUMNS = {
  file: { zh: '文件', en: 'File' },
  unit: { zh: '单位', en: 'Unit' },
  title: { zh: '标题', en: 'Title' },
  line: { zh: '行', en: 'Line' },
  column: { zh: '列', en: 'Column' },
  paragraph: { zh: '段落', en: 'Paragraph' },
  severity: { zh: '级别', en: 'Severity' },
  rule: { zh: '规则', en: 'Rule' },
  ruleName: { zh: '规则名称', en: 'Rule name' },
  message: { zh: '问题', en: 'Message' },
  section: { zh: '所在章节', en: 'Section' },
  quote: { zh: '原文', en: 'Quote' },
} satisfies Record<string, Localized>;

const SUMMARY_COLUMNS = {
  unit: { zh: '单位', en: 'Unit' },
  title: { zh: '标题', en: 'Title' },
  file: { zh: '文件', en: 'File' },
  errors: { zh: '错误', en: 'Errors' },
  warnings: { zh: '警告', en: 'Warnings' },
  problems: { zh: '问题部分', en: 'Problems section' },
  copied: { zh: '照搬比例', en: 'Copied share' },
  verdict: { zh: '结论', en: 'Verdict' },
  score: { zh: '得分', en: 'Score' },
} satisfies Record<string, Localized>;

export const SHEET_NAMES = { summary: { zh: '汇总', en: 'Summary' }, findings: { zh: '问题清单', en: 'Findings' } } satisfies Record<string, Localized>;

export interface Table {
  header: string[];
  rows: CellValue[][];
}

export function ruleName(ruleId: string | null, registry: RuleRegistry, locale: Locale): string {
  // A registry built by hand (tests, the API) may hold rules without docs.
  const summary = ruleId ? registry.get(ruleId)?.docs?.summary : undefined;
  return summary ? localize(summary, locale) : '';
}

export function findingsTable(results: LintResult[], cwd: string, registry: RuleRegistry, locale: Locale): Table {
  const rows: CellValue[][] = [];
  for (const row of summaryRows(results, cwd, registry)) {
    const file = relativePath(cwd, row.result.filePath);
    for (const m of row.result.messages) {
      const extras = messageExtras(m);
      rows.push([
        file,
        row.unit,
        row.title,
        extras.paragraph === undefined ? m.line : undefined,
        extras.paragraph === undefined ? m.column : undefined,
        extras.paragraph,
        severityName(m.severity, locale),
        checkId(m),
        ruleName(m.ruleId, registry, locale),
        m.message,
        m.sectionPath || undefined,
        extras.quote,
      ]);
    }
  }
  return { header: Object.values(FINDING_COLUMNS).map((c) => c[locale]), rows };
}

/** One row per report; `copied` a fraction (0–1) so that a spreadsheet can format it as a percentage. */
export function summaryTable(results: LintResult[], cwd: string, registry: RuleRegistry, locale: Locale): Table {
  const rows = summaryRows(results, cwd, registry).map((row): CellValue[] => [
    row.unit,
    row.title,
    row.file,
    row.errors,
    row.warnings,
    problemsLabel(row.problems, locale),
    row.copied === undefined ? undefined : row.copied / 100,
    label(locale, row.pass ? 'pass' : 'fail'),
    reportScore(row.result),
  ]);
  return { header: Object.values(SUMMARY_COLUMNS).map((c) => c[locale]), rows };
}

export { formatPercent };
