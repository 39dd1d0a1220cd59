import type { Report } from '../model/report.js';
import type { Span } from '../types.js';

/**
 * Inline comments that switch rules off, as ESLint and markdownlint users know them:
 *   <!-- reportlint-disable no-placeholder, heading-numbering -->  …  <!-- reportlint-enable -->
 *   <!-- reportlint-disable-next-line truncated-paragraph -->
 *   <!-- reportlint-disable-line -->
 * A directive with no ids applies to every rule. Text after ` -- ` is a comment.
 */

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means all rules. */
  ruleIds: string[];
  span: Span;
  /** Spans of each id, for reporting unknown ones. */
  idSpans: Span[];
  line: number;
  endLine: number;
}

const DIRECTIVE = /<!--[ \t]*reportlint-(disable-next-line|disable-line|disable|enable)(?=[\s-])([^]*?)-->/g;

export function parseDirectives(report: Report): Directive[] {
  const { source, lines } = report;
  if (!source.includes('reportlint-')) return [];
  const code = report.excluded.filter((e) => e.kind !== 'html');
  const out: Directive[] = [];
  for (const m of source.matchAll(DIRECTIVE)) {
    const start = m.index;
    if (code.some((c) => c.start <= start && start < c.end)) continue;
    const body = m[2];
    const cut = body.indexOf(' --');
    const list = cut === -1 ? body : body.slice(0, cut);
    const listStart = start + m[0].indexOf(m[2], 4 + m[1].length);
    const ruleIds: string[] = [];
    const idSpans: Span[] = [];
    for (const id of list.matchAll(/[^\s,]+/g)) {
      ruleIds.push(id[0]);
      idSpans.push({ start: listStart + id.index, end: listStart + id.index + id[0].length });
    }
    const span = { start, end: start + m[0].length };
    out.push({
      kind: m[1] as DirectiveKind,
      ruleIds,
      idSpans,
      span,
      line: lines.position(span.start).line,
      endLine: lines.position(span.end).line,
    });
  }
  return out;
}

/** Answers "is rule R switched off at line L / offset O?" for the directives of one file. */
export class DirectiveFilter {
  /** Plain data: a worker or the cache hands them over, and the filter is rebuilt from them. */
  constructor(readonly directives: Directive[]) {}

  isDisabled(ruleId: string, offset: number, line: number): boolean {
    let disabled = false;
    for (const d of this.directives) {
      const applies = d.ruleIds.length === 0 || d.ruleIds.includes(ruleId);
      if (!applies) continue;
      switch (d.kind) {
        case 'disable-line':
          if (line >= d.line && line <= d.endLine) return true;
          break;
        case 'disable-next-line':
          if (line === d.endLine + 1) return true;
          break;
        case 'disable':
          if (d.span.start <= offset) disabled = true;
          break;
        case 'enable':
          if (d.span.start <= offset) disabled = false;
          break;
      }
    }
    return disabled;
  }
}
