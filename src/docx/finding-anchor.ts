import type { LineHints } from '../model/hints.js';
import { LineIndex } from '../model/line-index.js';

/**
 * From a finding in the text the model saw (one line per Word paragraph) back
 * to the paragraph in the package: the line's hint names the part and the
 * paragraph (`LineHint.source`), and `prefix` characters at the line's start
 * are numbering Word draws itself, which are not in the XML.
 */

export interface FindingSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface PackageAnchor {
  part: string;
  index: number;
  /** Offsets in the paragraph's visible text. */
  start: number;
  end: number;
  /** The text the anchor covers, as the model saw it: the writer checks the document agrees. */
  expected: string;
}

function lineOf(source: string, lines: LineIndex, line: number): string {
  return source.slice(lines.lineStart(line), lines.lineEnd(line));
}

/**
 * Where a finding lies in the package, or null when its line came from no
 * paragraph. A finding that runs on past its paragraph is cut at the
 * paragraph's end; one inside the generated numbering anchors at offset 0.
 */
export function anchorFinding(source: string, hints: LineHints, finding: FindingSpan, lines = new LineIndex(source)): PackageAnchor | null {
  const hint = hints.get(finding.line)?.source;
  if (!hint) return null;
  const text = lineOf(source, lines, finding.line);
  const clamp = (n: number) => Math.max(0, Math.min(n, text.length));
  const from = clamp(finding.column - 1);
  const to = Math.max(from, finding.endLine === finding.line ? clamp(finding.endColumn - 1) : text.length);
  const start = Math.max(0, from - hint.prefix);
  const end = Math.max(start, to - hint.prefix);
  return { part: hint.part, index: hint.index, start, end, expected: text.slice(hint.prefix + start, hint.prefix + end) };
}

/**
 * A fix (offsets into the whole text) as a change of one paragraph, or null
 * when it cannot be one: it spans paragraphs, touches the generated numbering
 * (Word owns that), or inserts a line break.
 */
export function anchorFix(
  source: string,
  hints: LineHints,
  fix: { range: readonly [number, number]; text: string },
  lines = new LineIndex(source),
): (PackageAnchor & { replacement: string }) | null {
  const [a, b] = fix.range;
  if (fix.text.includes('\n') || source.slice(a, b).includes('\n')) return null;
  const from = lines.position(a);
  const to = lines.position(b);
  if (from.line !== to.line) return null;
  const hint = hints.get(from.line)?.source;
  if (!hint || from.column - 1 < hint.prefix) return null;
  const start = from.column - 1 - hint.prefix;
  const end = to.column - 1 - hint.prefix;
  return { part: hint.part, index: hint.index, start, end, expected: source.slice(a, b), replacement: fix.text };
}
