import path from 'node:path';
import type { LintMessage, LintResult } from './engine/lint.js';
import { summarize } from './engine/lint.js';
import { LineIndex } from './model/line-index.js';

/**
 * Baselines let a team adopt reportlint on an existing archive: record today's
 * findings, then fail only on new ones. A finding is known by its rule, file,
 * section path and the normalised text it concerns, not by its line, so adding
 * a paragraph above does not make old findings new.
 */

export interface BaselineEntry {
  /** Path relative to the baseline file, with `/`. */
  file: string;
  rule: string;
  section: string;
  /** The text the finding concerns, with whitespace removed (at most 40 characters). */
  text: string;
  /** How many findings share this key. */
  count: number;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

const TEXT_LIMIT = 40;

function keyOf(e: Omit<BaselineEntry, 'count'>): string {
  return JSON.stringify([e.file, e.rule, e.section, e.text]);
}

/** What a message concerns: the source text of its range, or of its line when the range is empty. */
function concernedText(message: LintMessage, source: string, lines: LineIndex): string {
  const start = lines.offset({ line: message.line, column: message.column });
  let end = lines.offset({ line: message.endLine, column: message.endColumn });
  if (end <= start) end = lines.lineEnd(message.line);
  return source.slice(start, end).replace(/\s+/g, '').slice(0, TEXT_LIMIT);
}

function entriesOf(result: LintResult, baseDir: string): Array<Omit<BaselineEntry, 'count'>> {
  const lines = new LineIndex(result.source);
  const file = path.relative(baseDir, result.filePath).split(path.sep).join('/');
  return result.messages.map((m) => ({
    file,
    rule: m.ruleId ?? `core:${m.messageId}`,
    section: m.sectionPath,
    text: concernedText(m, result.source, lines),
  }));
}

/** The baseline of these results, sorted so that it reads well in a diff. */
export function createBaseline(results: LintResult[], baselineFile: string): Baseline {
  const baseDir = path.dirname(path.resolve(baselineFile));
  const counts = new Map<string, BaselineEntry>();
  for (const result of results) {
    for (const e of entriesOf(result, baseDir)) {
      const key = keyOf(e);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { ...e, count: 1 });
    }
  }
  const entries = [...counts.values()].sort(
    (a, b) => cmp(a.file, b.file) || cmp(a.rule, b.rule) || cmp(a.section, b.section) || cmp(a.text, b.text),
  );
  return { version: 1, entries };
}

export function serializeBaseline(baseline: Baseline): string {
  // One entry per line: small diffs when findings come and go.
  const lines = baseline.entries.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "version": 1,\n  "entries": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

/** Parses a baseline file's text; returns a reason when it is not one. */
export function parseBaseline(text: string): Baseline | string {
  // Whatever the file holds (nesting a thousand levels deep, a huge number), the answer is a reason, never a throw.
  try {
    const b = JSON.parse(text) as Partial<Baseline>;
    if (!b || b.version !== 1 || !Array.isArray(b.entries)) return 'expected {"version": 1, "entries": [...]}';
    for (const e of b.entries) {
      if (typeof e?.file !== 'string' || typeof e.rule !== 'string' || typeof e.section !== 'string' || typeof e.text !== 'string' || !Number.isInteger(e.count)) {
        return `bad entry ${JSON.stringify(e).slice(0, 80)}`;
      }
    }
    return b as Baseline;
  } catch (error) {
    // One line, printable: JSON.parse quotes the text it choked on.
    return (error instanceof Error ? error.message : String(error)).replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 120);
  }
}

/** Drops the findings the baseline knows (as many of each as it counted); returns the rest and how many were dropped. */
export function applyBaseline(results: LintResult[], baseline: Baseline, baselineFile: string): { results: LintResult[]; suppressed: number } {
  const baseDir = path.dirname(path.resolve(baselineFile));
  const remaining = new Map(baseline.entries.map((e) => [keyOf(e), e.count]));
  let suppressed = 0;
  const out = results.map((result) => {
    const entries = entriesOf(result, baseDir);
    const kept = result.messages.filter((m, i) => {
      const key = keyOf(entries[i]);
      const left = remaining.get(key) ?? 0;
      // Unreadable files are never baselined away.
      if (left > 0 && !(m as { fatal?: boolean }).fatal) {
        remaining.set(key, left - 1);
        suppressed++;
        return false;
      }
      return true;
    });
    if (kept.length === result.messages.length) return result;
    return { ...result, ...summarize(result.filePath, kept, result.source), title: result.title };
  });
  return { results: out, suppressed };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
