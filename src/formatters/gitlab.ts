import type { LintMessage } from '../engine/lint.js';
import type { RuleCategory } from '../engine/rule.js';
import { checkId, fingerprints, relativePath, SourceMap } from './shared.js';
import type { Formatter } from './types.js';

/**
 * `--format gitlab`: a GitLab Code Quality report (the Code Climate issue
 * format GitLab reads): a JSON array of issues with description, check_name,
 * a fingerprint that survives lines being inserted above the finding,
 * severity, and location.path (relative to cwd) with location.lines.
 */

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  categories: string[];
  location: { path: string; lines: { begin: number; end: number } };
}

function severity(m: LintMessage): CodeQualitySeverity {
  return m.severity === 2 ? 'major' : m.severity === 1 ? 'minor' : 'info';
}

/** Code Climate's fixed categories, by rule category. */
const CATEGORIES: Record<RuleCategory, string> = {
  structure: 'Clarity',
  content: 'Clarity',
  format: 'Style',
  copy: 'Duplication',
  layout: 'Style',
};

export const gitlab: Formatter = (results, { cwd, registry }) => {
  const issues: CodeQualityIssue[] = [];
  for (const result of results) {
    const file = relativePath(cwd, result.filePath);
    const prints = fingerprints(result, cwd, new SourceMap(result.source));
    result.messages.forEach((m, i) => {
      const category = m.ruleId === null ? undefined : registry.get(m.ruleId)?.category;
      issues.push({
        type: 'issue',
        description: m.message,
        check_name: checkId(m),
        fingerprint: prints[i],
        severity: severity(m),
        categories: [category ? CATEGORIES[category] : 'Bug Risk'],
        location: { path: file, lines: { begin: m.line, end: Math.max(m.line, m.endLine) } },
      });
    });
  }
  return JSON.stringify(issues, null, 2) + '\n';
};
