import { coreMessage } from '../i18n/messages.js';
import { buildReport } from '../model/build.js';
import { everySection, type Report } from '../model/report.js';
import { applyFixes, type Fix } from './fix.js';
import { markdownStructure } from './markdown-structure.js';
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

/** What must survive a fix: the section trees (levels, markers, heading shapes, titles' words) and each paragraph's part of the document. */
export function structureOf(report: Report): string[] {
  const words = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
  return [
    `title:${report.title ? words(report.title.content.text) : ''}`,
    `blocks:${report.paragraphs.map((p) => p.kind).join(',')}`,
    ...everySection(report).map(
      (s) => `${s.path.length}|${s.level}|${s.style}|${s.marker ? `${s.marker.family}${s.marker.number}` : `#${s.depth}`}|${words(s.title)}`,
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

/** How many trial parses one pass may spend looking for the fixes that are safe on their own. */
const SEARCH_BUDGET = 48;

export function fixText(text: string, options: FixTextOptions): FixOutcome {
  // Only the first U+FEFF is a BOM; a second one is text and stays where it is.
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const original = bom ? text.slice(1) : text;
  const format = options.format ?? formatFor(options.filePath);
  const crlf = original.includes('\r\n');
  const wanted = (m: LintMessage) => m.fix && m.ruleId && (!options.fixRules || options.fixRules.includes(m.ruleId));

  let current = original;
  const first = buildReport(current, format);
  let report = first;
  const expected = structureOf(report).join('\n');
  // The rendered Markdown's tree (without the prose) must survive too; plain text has none.
  const expectedMarkdown = format === 'markdown' ? markdownStructure(current) : '';
  let result = lintReport(report, options);
  const fixed: Record<string, number> = {};
  /** Fixes found unsafe in an earlier pass, by rule, context and replacement: not tried again. */
  const rejected = new Set<string>();
  let passes = 0;

  while (passes < MAX_PASSES) {
    const chosen = result.messages.filter(wanted);
    if (!chosen.length) break;
    // Keep the file's line endings in any line break a fix inserts.
    const all = chosen.map((m) => (crlf ? { ...m.fix!, text: m.fix!.text.replace(/\r?\n/g, '\r\n') } : m.fix!));
    const source = current;
    const keyOf = (fix: Fix) => `${chosen[all.indexOf(fix)].ruleId}\0${source.slice(Math.max(0, fix.range[0] - 8), fix.range[1] + 8)}\0${fix.text}`;
    // A fix that adds or removes a line break joins or splits lines (3\n千 → 3000): never applied.
    const fixes = all.filter((f) => {
      if (rejected.has(keyOf(f))) return false;
      if (keepsLineBreaks(source, f)) return true;
      rejected.add(keyOf(f));
      return false;
    });
    if (!fixes.length) break;
    passes++;
    let budget = SEARCH_BUDGET;
    const trial = (set: Fix[]): { output: string; applied: Fix[]; next: Report } | string => {
      const { output, applied } = applyFixes(source, set);
      const next = buildReport(output, format);
      const structure = structureOf(next).join('\n');
      if (structure !== expected) return describeChange(expected, structure);
      if (!onlyFixedRangesChanged(source, output, applied)) return 'text outside the fixed ranges';
      if (format === 'markdown' && markdownStructure(output) !== expectedMarkdown) return 'Markdown structure';
      return { output, applied, next };
    };
    let outcome = trial(fixes);
    if (typeof outcome === 'string') {
      // Some fix breaks the structure: keep the ones that are safe, found by halving the set.
      const safe = safeSubset(fixes, (set) => budget-- > 0 && typeof trial(set) !== 'string');
      for (const f of fixes) if (!safe.includes(f)) rejected.add(keyOf(f));
      if (budget < 0) return refuse(text, first, options, outcome);
      // Nothing safe is left: the earlier passes stand, and these findings stay unfixed.
      if (!safe.length) break;
      const retried = trial(safe);
      if (typeof retried === 'string') return refuse(text, first, options, retried);
      outcome = retried;
    }
    const { output, applied, next } = outcome;
    if (output === current) break;
    for (const fix of applied) {
      const m = chosen[all.indexOf(fix)];
      fixed[m.ruleId!] = (fixed[m.ruleId!] ?? 0) + 1;
    }
    current = output;
    report = next;
    result = lintReport(report, options);
  }
  const changed = current !== original;
  if (rejected.size) {
    // Said once, as a note: the findings whose fixes were held back are still listed, unfixed.
    const note = noteOf('fix-skipped', 0, coreMessage(options.locale ?? 'zh', 'fixSkipped', { count: rejected.size }));
    result = summarize(result.filePath, [note, ...result.messages], result.source);
  }
  return { output: bom + current, changed, fixed, passes, result };
}

function noteOf(messageId: string, severity: 0 | 2, message: string): LintMessage {
  return { ruleId: null, messageId, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, sectionPath: '' };
}

/** The same number of line breaks in what a fix replaces as in what it puts there. */
function keepsLineBreaks(source: string, fix: Fix): boolean {
  const breaks = (s: string) => s.split('\n').length - 1;
  return breaks(source.slice(fix.range[0], fix.range[1])) === breaks(fix.text);
}

/** Of a set that failed `ok` as a whole, the parts that pass, found by halving: O(b·log n) trials for b bad fixes. */
function safeSubset(set: Fix[], ok: (set: Fix[]) => boolean): Fix[] {
  if (set.length <= 1) return [];
  const half = set.length >> 1;
  const parts = [set.slice(0, half), set.slice(half)];
  return parts.flatMap((part) => (ok(part) ? part : safeSubset(part, ok)));
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
