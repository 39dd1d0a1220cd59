import type { Edit } from '../types.js';

/** A fix as ESLint writes it: one replacement of `range` (offsets into the BOM-less text). */
export interface Fix {
  range: [number, number];
  text: string;
}

/** Merges a rule's edits into one fix that keeps the text between them. */
export function mergeEdits(source: string, edits: Edit[]): Fix {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const start = sorted[0].range.start;
  let end = start;
  let text = '';
  for (const edit of sorted) {
    if (edit.range.start < end) throw new Error('a fix has overlapping edits');
    text += source.slice(end, edit.range.start) + edit.text;
    end = edit.range.end;
  }
  return { range: [start, end], text };
}

/**
 * Applies non-overlapping fixes in one pass; a fix that overlaps an earlier one
 * is left for the next pass. Returns the new text and how many were applied.
 */
export function applyFixes(source: string, fixes: Fix[]): { output: string; applied: Fix[] } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: Fix[] = [];
  let output = '';
  let cursor = 0;
  let lastEnd = -1;
  for (const fix of sorted) {
    // Touching ranges count as overlapping when both insert: their order would be a guess.
    if (fix.range[0] < lastEnd || (fix.range[0] === lastEnd && fix.range[0] === fix.range[1])) continue;
    output += source.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
    lastEnd = fix.range[1];
    applied.push(fix);
  }
  return { output: output + source.slice(cursor), applied };
}
