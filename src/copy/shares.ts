import path from 'node:path';
import type { Span } from '../types.js';
import type { SectionRange } from './normalize.js';

/**
 * Shares: how much of each top-level section, and of the whole report, is
 * copied, counted in normalised characters (separators not counted).
 */

/** Sorted, merged union of half-open intervals. */
export function unionIntervals(intervals: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * One finding per copied passage: runs of a file that overlap (found with
 * different partners or references) are merged; the sources of the longest run come first.
 */
export function mergeOverlapping<T>(runs: readonly { start: number; end: number; source: T }[]): { start: number; end: number; sources: T[] }[] {
  const sorted = [...runs].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: { start: number; end: number; sources: T[]; lengths: number[] }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      last.sources.push(r.source);
      last.lengths.push(r.end - r.start);
    } else {
      out.push({ start: r.start, end: r.end, sources: [r.source], lengths: [r.end - r.start] });
    }
  }
  return out.map(({ start, end, sources, lengths }) => {
    const order = sources.map((_, i) => i).sort((x, y) => lengths[y] - lengths[x] || x - y);
    return { start, end, sources: order.map((i) => sources[i]) };
  });
}

function covered(union: readonly [number, number][], start: number, end: number): number {
  let n = 0;
  for (const [s, e] of union) if (s < end && e > start) n += Math.min(e, end) - Math.max(s, start);
  return n;
}

export interface ShareFinding {
  /** Where to report: a section heading, or the title for the whole report. */
  at: Span;
  kind: 'section' | 'report';
  label: string;
  /** Whole percent, rounded down (31.9% is 31). */
  percent: number;
  copied: number;
  chars: number;
}

export interface ShareInput {
  chars: number;
  sections: readonly SectionRange[];
  whole: Span;
}

/** The copied share of each top-level section and of the whole; those above `maxShare` (0–1) become findings. */
export function shareFindings(doc: ShareInput, copiedIntervals: readonly (readonly [number, number])[], maxShare: number): ShareFinding[] {
  if (!copiedIntervals.length) return [];
  const union = unionIntervals(copiedIntervals);
  const out: ShareFinding[] = [];
  const consider = (at: Span, kind: ShareFinding['kind'], label: string, copied: number, chars: number) => {
    if (chars > 0 && copied > 0 && copied / chars > maxShare) {
      out.push({ at, kind, label, percent: Math.floor((copied * 100) / chars), copied, chars });
    }
  };
  for (const s of doc.sections) consider(s.heading, 'section', s.label, covered(union, s.start, s.end), s.chars);
  consider(doc.whole, 'report', '', covered(union, 0, Number.MAX_SAFE_INTEGER), doc.chars);
  return out;
}

/** The copied share (0–1) of a whole document, for reports and tests. */
export function copiedShare(doc: ShareInput, copiedIntervals: readonly (readonly [number, number])[]): number {
  return doc.chars ? covered(unionIntervals(copiedIntervals), 0, Number.MAX_SAFE_INTEGER) / doc.chars : 0;
}

/** How a finding names another file: relative to the report's directory when both are paths. */
export function displayPath(from: string | undefined, to: string): string {
  if (!from || !path.isAbsolute(to)) return to;
  return path.relative(path.dirname(path.resolve(from)), to).split(path.sep).join('/');
}
