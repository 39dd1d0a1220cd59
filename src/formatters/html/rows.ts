import path from 'node:path';
import type { LintMessage, LintResult, RuleRegistry } from '../../engine/lint.js';
import { RULE_CATEGORIES, type RuleCategory } from '../../engine/rule.js';
import type { Locale } from '../../types.js';
import { label } from './labels.js';

/**
 * What the batch summary shows for each file, computed from the findings
 * alone. The HTML page and the terminal table (`--format summary`) share it,
 * so both show the same numbers.
 */

/** The rules whose findings carry the copied share (`data.percent`). */
export const COPY_RULES: ReadonlySet<string> = new Set(['no-checklist-copy', 'no-cross-copy']);

export type ProblemsState = 'present' | 'empty' | 'missing';
export type CategoryKey = RuleCategory | 'other';
export const CATEGORY_KEYS: readonly CategoryKey[] = [...(Object.keys(RULE_CATEGORIES) as RuleCategory[]), 'other'];

export interface SummaryRow {
  /** 1-based, in the order the results came. */
  index: number;
  result: LintResult;
  /** The path shown: relative to cwd, with `/`. */
  file: string;
  title?: string;
  /** The issuing unit, read off the start of the title (`中共某某局党组` in `中共某某局党组关于……的报告`). */
  unit?: string;
  /** The title, or the file when the report has none. */
  name: string;
  errors: number;
  warnings: number;
  infos: number;
  problems: ProblemsState;
  /** Copied share in percent, when a copy rule reported one. */
  copied?: number;
  pass: boolean;
  /** The file could not be read (or converted): it was not checked at all. */
  unreadable: boolean;
}

export function displayPath(filePath: string, cwd: string): string {
  const rel = path.isAbsolute(filePath) ? path.relative(cwd, filePath) : filePath;
  return (rel || filePath).split(path.sep).join('/');
}

export function categoryOf(message: LintMessage, registry: RuleRegistry): CategoryKey {
  const rule = message.ruleId ? registry.get(message.ruleId) : undefined;
  if (rule && rule.category in RULE_CATEGORIES) return rule.category;
  return message.ruleId && COPY_RULES.has(message.ruleId) ? 'copy' : 'other';
}

export function categoryName(key: CategoryKey, locale: Locale): string {
  return key === 'other' ? label(locale, 'categoryOther') : RULE_CATEGORIES[key][locale];
}

export function severityName(severity: number, locale: Locale): string {
  return label(locale, severity === 2 ? 'severityError' : severity === 1 ? 'severityWarning' : 'severityInfo');
}

function isCopyFinding(m: LintMessage, registry: RuleRegistry): boolean {
  return m.ruleId !== null && (COPY_RULES.has(m.ruleId) || registry.get(m.ruleId)?.category === 'copy');
}

/** A percentage from a finding's data: a number, or a string such as "11" or "11.5%". */
function percentOf(m: LintMessage): number | undefined {
  const raw = m.data?.percent;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number.parseFloat(raw.replace(/[%％\s]/g, '')) : NaN;
  return Number.isFinite(value) && value >= 0 ? Math.min(value, 100) : undefined;
}

/**
 * The copied share of a file: a report-level share (a finding outside any
 * section) when there is one, else the largest section share. Undefined when
 * no copy finding carries one.
 */
export function copiedShare(result: LintResult, registry: RuleRegistry): number | undefined {
  let whole: number | undefined;
  let largest: number | undefined;
  for (const m of result.messages) {
    if (!isCopyFinding(m, registry)) continue;
    const p = percentOf(m);
    if (p === undefined) continue;
    if (m.sectionPath === '') whole = Math.max(whole ?? 0, p);
    largest = Math.max(largest ?? 0, p);
  }
  return whole ?? largest;
}

export function problemsState(result: LintResult): ProblemsState {
  const found = result.messages.filter((m) => m.ruleId === 'problems-section');
  if (found.some((m) => m.messageId === 'missing')) return 'missing';
  if (found.some((m) => m.messageId === 'empty')) return 'empty';
  return 'present';
}

/** The unit a title names before `关于` or the year: a best guess, undefined when the title has neither. */
export function unitOf(title: string | undefined): string | undefined {
  const m = title?.match(/^\s*(\S.{1,39}?)(?=关于|[（(]?(?:\d{4}|[一二〇○零九]{4})年)/u);
  return m ? m[1].trim() : undefined;
}

/** A word processor's lock or temporary file, skipped with a note: not a report of the batch. */
function isSkippedLockFile(result: LintResult): boolean {
  return result.messages.length === 1 && result.messages[0].messageId === 'lock-file-skipped';
}

export function summaryRows(results: LintResult[], cwd: string, registry: RuleRegistry): SummaryRow[] {
  return results.filter((r) => !isSkippedLockFile(r)).map((result, i) => {
    const file = displayPath(result.filePath, cwd);
    const title = result.title?.trim() || undefined;
    return {
      index: i + 1,
      result,
      file,
      title,
      unit: unitOf(title),
      name: title ?? file,
      errors: result.errorCount,
      warnings: result.warningCount,
      infos: result.infoCount ?? result.messages.filter((m) => m.severity === 0).length,
      problems: problemsState(result),
      copied: copiedShare(result, registry),
      pass: result.errorCount === 0,
      unreadable: result.messages.some((m) => (m as { fatal?: boolean }).fatal === true),
    };
  });
}

export function formatPercent(value: number | undefined, locale: Locale): string {
  if (value === undefined) return label(locale, 'none');
  const rounded = value >= 10 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded}%`;
}

export function problemsLabel(state: ProblemsState, locale: Locale): string {
  return label(locale, state === 'present' ? 'problemsPresent' : state === 'empty' ? 'problemsEmpty' : 'problemsMissing');
}

export interface Totals {
  files: number;
  passed: number;
  failed: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings per category and severity (index 0 info, 1 warning, 2 error). */
  byCategory: Record<CategoryKey, [number, number, number]>;
}

export function totals(rows: SummaryRow[], registry: RuleRegistry): Totals {
  const byCategory = Object.fromEntries(CATEGORY_KEYS.map((k) => [k, [0, 0, 0]])) as Totals['byCategory'];
  const t: Totals = { files: rows.length, passed: 0, failed: 0, errors: 0, warnings: 0, infos: 0, byCategory };
  for (const row of rows) {
    if (row.pass) t.passed++;
    else t.failed++;
    t.errors += row.errors;
    t.warnings += row.warnings;
    t.infos += row.infos;
    for (const m of row.result.messages) {
      const sev = m.severity === 2 ? 2 : m.severity === 1 ? 1 : 0;
      byCategory[categoryOf(m, registry)][sev]++;
    }
  }
  return t;
}
