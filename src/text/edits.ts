import type { Paragraph, Report } from '../model/report.js';
import type { Edit } from '../types.js';

/**
 * Replaces text[start, end) of a paragraph by `replacement`, when that stretch
 * maps to the source character for character (no line break, markup or code in it).
 */
export function exactEdit(report: Report, p: Paragraph, start: number, end: number, replacement: string): Edit | null {
  const range = p.content.span(start, end);
  if (report.source.slice(range.start, range.end) !== p.content.text.slice(start, end)) return null;
  return { range, text: replacement };
}

/**
 * The smallest edit turning text[start, end) into `correct`: one edit per
 * differing character when the lengths agree (布署 → 部署 changes one), else the
 * differing middle once the common start and end are kept. Null when the
 * stretch does not map to the source exactly.
 */
export function minimalEdit(report: Report, p: Paragraph, start: number, end: number, correct: string): Edit[] | null {
  const written = p.content.text.slice(start, end);
  if (!exactEdit(report, p, start, end, written)) return null;
  if (written.length === correct.length) {
    const edits: Edit[] = [];
    for (let i = 0; i < written.length; i++) {
      if (written[i] !== correct[i]) edits.push(exactEdit(report, p, start + i, start + i + 1, correct[i])!);
    }
    return edits.length ? edits : null;
  }
  const max = Math.min(written.length, correct.length);
  let head = 0;
  while (head < max && written[head] === correct[head]) head++;
  let tail = 0;
  while (tail < max - head && written[written.length - 1 - tail] === correct[correct.length - 1 - tail]) tail++;
  const text = correct.slice(head, correct.length - tail);
  if (head + tail === written.length) {
    // An insertion: right after the last kept character.
    const at = head > 0 ? p.content.span(start + head - 1, start + head).end : p.content.span(start, start + 1).start;
    return [{ range: { start: at, end: at }, text }];
  }
  return [exactEdit(report, p, start + head, end - tail, text)!];
}
