import type { LintMessage, LintResult } from '../engine/lint.js';
import type { RelatedLocation } from '../engine/rule.js';
import { checkId, relativePath, ruleDocsUrl, SourceMap, TOOL_NAME, TOOL_URL } from './shared.js';
import type { Formatter } from './types.js';

/**
 * `--format rdjson`: reviewdog's diagnostic format (rdjson), for
 * `reviewdog -f=rdjson`. Ranges are end-exclusive and, as reviewdog wants,
 * columns count UTF-8 bytes (a Chinese character is three), converted from the
 * UTF-16 columns of the findings. Fixes become suggestions; the places a
 * finding refers to become related_locations.
 */

export interface RdPosition {
  line: number;
  column?: number;
}
export interface RdRange {
  start: RdPosition;
  end?: RdPosition;
}
export interface RdLocation {
  path: string;
  range?: RdRange;
}
export type RdSeverity = 'ERROR' | 'WARNING' | 'INFO';
export interface RdDiagnostic {
  message: string;
  location: RdLocation;
  severity: RdSeverity;
  code: { value: string; url?: string };
  suggestions?: { range: RdRange; text: string }[];
  related_locations?: { message?: string; location: RdLocation }[];
}
export interface RdDiagnosticResult {
  source: { name: string; url: string };
  diagnostics: RdDiagnostic[];
}

type Span = Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>;

function range(at: Span, map: SourceMap | undefined): RdRange {
  // Without the text (a file that was not linted) the byte columns are unknown: a range of whole lines.
  if (!map) return { start: { line: at.line }, end: { line: at.endLine } };
  return {
    start: { line: at.line, column: map.utf8Column(at.line, at.column) },
    end: { line: at.endLine, column: map.utf8Column(at.endLine, at.endColumn) },
  };
}

export function rdjsonResult(results: LintResult[], cwd: string): RdDiagnosticResult {
  const sources = new Map(results.map((r) => [r.filePath, new SourceMap(r.source)]));
  const related = (rel: RelatedLocation) => ({
    ...(rel.message ? { message: rel.message } : {}),
    location: { path: relativePath(cwd, rel.filePath), range: range(rel, sources.get(rel.filePath)) },
  });
  const diagnostics: RdDiagnostic[] = [];
  for (const r of results) {
    const map = sources.get(r.filePath)!;
    const path = relativePath(cwd, r.filePath);
    const docx = (r as LintResult & { docx?: boolean }).docx === true;
    for (const m of r.messages) {
      const d: RdDiagnostic = {
        message: m.message,
        location: { path, range: range(m, map) },
        severity: m.severity === 2 ? 'ERROR' : m.severity === 1 ? 'WARNING' : 'INFO',
        code: m.ruleId === null ? { value: checkId(m) } : { value: m.ruleId, url: ruleDocsUrl(m.ruleId) },
      };
      // A Word document's findings point into its extracted text: a suggestion there would edit the wrong bytes.
      if (m.fix && !docx) {
        const start = map.position(m.fix.range[0]);
        const end = map.position(m.fix.range[1]);
        d.suggestions = [{ range: range({ line: start.line, column: start.column, endLine: end.line, endColumn: end.column }, map), text: m.fix.text }];
      }
      if (m.related?.length) d.related_locations = m.related.map(related);
      diagnostics.push(d);
    }
  }
  return { source: { name: TOOL_NAME, url: TOOL_URL }, diagnostics };
}

export const rdjson: Formatter = (results, { cwd }) => JSON.stringify(rdjsonResult(results, cwd), null, 2) + '\n';
