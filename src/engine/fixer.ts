import { coreMessage } from '../i18n/messages.js';
import { buildReport } from '../model/build.js';
import type { Report } from '../model/report.js';
import { applyFixes, type Fix } from './fix.js';
import { formatFor, lintReport, summarize, type LintMessage, type LintResult, type LintTextOptions } from './lint.js';

/**
 * --fix: applies the fixes of fixable rules, pass after pass, and proves each
 * pass safe before accepting it. Other CJK fixers are known for fixes that
 * broke documents; here a fix that would change the report's structure means
 * the whole text is left as it was.
 */

export const MAX_PASSES = 10;

export interface FixTextOptions extends LintTextOptions {
  /** Only these rules' fixes are applied (`--fix-rule`); all fixable rules when absent. */
  fixRules?: readonly string[];
}

export interface FixOutcome {
  /** The text to write: the input when nothing changed or a check failed. BOM kept. */
  output: string;
  changed: boolean;
  /** How many fixes each rule made. */
  fixed: Record<string, number>;
  passes: number;
  /** The findings that remain in `output` (plus a note when the fix was refused). */
  result: LintResult;
}

/** What must survive a fix: the section tree (levels, markers, titles' words) and the blocks. */
export function structureOf(report: Report): string[] {
  const words = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
  return [
    `title:${report.title ? words(report.title.content.text) : ''}`,
    `blocks:${report.paragraphs.length}`,
    ...report.allSections.map(
      (s) => `${s.path.length}|${s.level}|${s.marker ? `${s.marker.family}${s.marker.number}` : `#${s.depth}`}|${words(s.title)}`,
    ),
  ];
}

/** True when every character outside the fixes' ranges is unchanged. */
export function onlyFixedRangesChanged(source: string, output: string, applied: Fix[]): boolean {
  let s = 0;
  let o = 0;
  for (const fix of [...applied].sort((a, b) => a.range[0] - b.range[0])) {
    const keep = fix.range[0] - s;
    if (source.slice(s, fix.range[0]) !== output.slice(o, o + keep)) return false;
    o += keep;
    if (output.slice(o, o + fix.text.length) !== fix.text) return false;
    o += fix.text.length;
    s = fix.range[1];
  }
  return source.slice(s) === output.slice(o);
}

export function fixText(text: string, options: FixTextOptions): FixOutcome {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const original = bom ? text.slice(1) : text;
  const format = options.format ?? formatFor(options.filePath);
  const crlf = original.includes('\r\n');
  const wanted = (m: LintMessage) => m.fix && m.ruleId && (!options.fixRules || options.fixRules.includes(m.ruleId));

  let current = original;
  const first = buildReport(current, format);
  let report = first;
  const expected = structureOf(report).join('\n');
  let result = lintReport(report, options);
  const fixed: Record<string, number> = {};
  let passes = 0;

  while (passes < MAX_PASSES) {
    const chosen = result.messages.filter(wanted);
    if (!chosen.length) break;
    // Keep the file's line endings in any line break a fix inserts.
    const fixes = chosen.map((m) => (crlf ? { ...m.fix!, text: m.fix!.text.replace(/\r?\n/g, '\r\n') } : m.fix!));
    const { output, applied } = applyFixes(current, fixes);
    passes++;
    if (output === current) break;
    const next = buildReport(output, format);
    const structure = structureOf(next).join('\n');
    if (structure !== expected || !onlyFixedRangesChanged(current, output, applied)) {
      return refuse(text, first, options, describeChange(expected, structure));
    }
    for (const fix of applied) {
      const m = chosen[fixes.indexOf(fix)];
      fixed[m.ruleId!] = (fixed[m.ruleId!] ?? 0) + 1;
    }
    current = output;
    report = next;
    result = lintReport(report, options);
  }
  const changed = current !== original;
  return { output: bom + current, changed, fixed, passes, result };
}

/**
 * Leaves the text alone and says why, as one extra finding. The original report
 * is linted once more (not parsed again) so that a batch collector holds the
 * original text's data, not that of a pass that was thrown away.
 */
function refuse(text: string, original: Report, options: FixTextOptions, detail: string): FixOutcome {
  const result = lintReport(original, options);
  const note: LintMessage = {
    ruleId: null,
    messageId: 'fix-refused',
    severity: 2,
    message: coreMessage(options.locale ?? 'zh', 'fixRefused', { detail }),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    sectionPath: '',
  };
  const messages = [note, ...result.messages];
  return { output: text, changed: false, fixed: {}, passes: 0, result: summarize(result.filePath, messages, result.source) };
}

function describeChange(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i === -1 ? a.length : i;
  return `${a[at] ?? '∅'} → ${b[at] ?? '∅'}`;
}
