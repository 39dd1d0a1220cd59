import os from 'node:os';
import { matchMarker } from '../model/markers.js';
import type { Paragraph, Report } from '../model/report.js';
import type { Span } from '../types.js';

/**
 * Normalisation for copy detection. Two passages count as the same when they
 * are equal after this: punctuation, symbols, spaces, numbering markers and
 * digit formatting are removed, full-width letters and digits become
 * half-width, Latin letters lower case. What is kept: letters (Han characters
 * included) and digits, one code unit for one code unit of the source, so
 * every normalised unit knows the source offset it came from.
 *
 * Paragraphs are joined with SEP: a copied run never spans two paragraphs.
 * The title, addressee, signature and date are left out (every report has
 * them, and they name the unit rather than say anything).
 */

/** Bump when the normalisation changes: prebuilt indexes must then be rebuilt. */
export const NORMALIZER_VERSION = 1;

/** Stands between paragraphs (and between documents of a corpus); never matches. */
export const SEP = 0;

const UNKNOWN = -1;
const table = new Int32Array(65536).fill(UNKNOWN);
const KEEP = /^[\p{L}\p{Nd}]$/u;

function compute(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return c; // astral letters: both halves kept, in order
  let d = c;
  if (c >= 0xff01 && c <= 0xff5e) d = c - 0xfee0; // full width → half width
  if (d >= 0x41 && d <= 0x5a) d += 0x20; // A–Z → a–z
  if (d === 0x3007 || d === 0x25cb) return 0x3007; // 〇 and ○ as the zero of 二〇二五
  return KEEP.test(String.fromCharCode(d)) ? d : 0;
}

/** The normalised code unit for `c`, or 0 when it is dropped. */
export function normalizeUnit(c: number): number {
  let v = table[c];
  if (v === UNKNOWN) v = table[c] = compute(c);
  return v;
}

/** Normalises a plain string (stock phrases, tests): the units kept, as a string. */
export function normalizeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const skip = inlineNumberAt(text, i);
    if (skip) {
      i += skip - 1;
      continue;
    }
    const u = normalizeUnit(text.charCodeAt(i));
    if (u) out += String.fromCharCode(u);
  }
  return out;
}

/** `（1）`, `(一)`: item numbers inside a paragraph are numbering, not words. */
const INLINE_NUMBER = /[（(][ \u3000]?(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[ \u3000]?[）)]/y;

function inlineNumberAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c !== 0xff08 && c !== 0x28) return 0;
  INLINE_NUMBER.lastIndex = i;
  return INLINE_NUMBER.test(text) ? INLINE_NUMBER.lastIndex - i : 0;
}

/** A top-level section as shares need it: its normalised range and where to report. */
export interface SectionRange {
  /** Normalised range [start, end). */
  start: number;
  end: number;
  /** Normalised units in the range (separators not counted). */
  chars: number;
  /** Source span of the heading. */
  heading: Span;
  label: string;
}

export interface NormalizedDoc {
  /** Normalised code units, SEP between paragraphs; starts and ends with SEP. */
  units: Uint16Array;
  /** Source offset of each unit; -1 for SEP. */
  offsets: Int32Array;
  /** Units that are not SEP. */
  chars: number;
  /** Top-level sections, in order. */
  sections: SectionRange[];
  /** Where a finding about the whole document goes (the title, else the first paragraph). */
  whole: Span;
}

const LEFT_OUT: ReadonlySet<Paragraph['kind']> = new Set(['title', 'addressee', 'signature', 'date']);

let scratchUnits = new Uint16Array(1 << 14);
let scratchOffsets = new Int32Array(1 << 14);

export function normalizeReport(report: Report): NormalizedDoc {
  let capacity = 1;
  for (const p of report.paragraphs) capacity += p.content.length + 1;
  if (scratchUnits.length < capacity) {
    scratchUnits = new Uint16Array(capacity * 2);
    scratchOffsets = new Int32Array(capacity * 2);
  }
  const units = scratchUnits;
  const offsets = scratchOffsets;
  let n = 0;
  let chars = 0;
  units[n] = SEP;
  offsets[n++] = -1;
  const startOf = new Map<Paragraph, number>();

  for (const p of report.paragraphs) {
    if (LEFT_OUT.has(p.kind)) continue;
    startOf.set(p, n);
    const { text } = p.content;
    const marker = matchMarker(text);
    const before = n;
    const runs = p.content.runTriples;
    let r = 0; // current run: runs[r] ≤ i < runs[r + 3]
    for (let i = marker ? marker.length : 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xff08 || c === 0x28) {
        const skip = inlineNumberAt(text, i);
        if (skip) {
          i += skip - 1;
          continue;
        }
      }
      let u = table[c];
      if (u === UNKNOWN) u = table[c] = compute(c);
      if (!u) continue;
      while (r + 3 < runs.length && runs[r + 3] <= i) r += 3;
      units[n] = u;
      offsets[n++] = runs[r + 2] ? runs[r + 1] + (i - runs[r]) : runs[r + 1];
    }
    chars += n - before;
    if (n > before) {
      units[n] = SEP;
      offsets[n++] = -1;
    }
  }

  const sections: SectionRange[] = [];
  const tops = report.sections;
  for (let i = 0; i < tops.length; i++) {
    const start = startOf.get(tops[i].headingParagraph) ?? n;
    const next = i + 1 < tops.length ? startOf.get(tops[i + 1].headingParagraph) : undefined;
    const end = next ?? n;
    let count = 0;
    for (let j = start; j < end; j++) if (units[j] !== SEP) count++;
    sections.push({ start, end, chars: count, heading: tops[i].headingSpan, label: tops[i].label });
  }
  const first = report.title ?? report.paragraphs[0];
  const whole = first ? first.span : { start: 0, end: 0 };
  // Copies of the scratch buffers, which the next call reuses.
  return { units: units.slice(0, n), offsets: offsets.slice(0, n), chars, sections, whole };
}

const perReport = new WeakMap<Report, NormalizedDoc>();

/**
 * The report normalised once: no-cross-copy, no-checklist-copy and
 * repeated-passage all read it, so it is computed for the first and kept with
 * the report (a copy, not a view: it outlives the next call).
 */
export function normalizedReport(report: Report): NormalizedDoc {
  let doc = perReport.get(report);
  if (!doc) perReport.set(report, (doc = normalizeReport(report)));
  return doc;
}

/** Source span of normalised units [start, end). */
export function sourceSpan(offsets: Int32Array, start: number, end: number): Span {
  return { start: offsets[start], end: offsets[end - 1] + 1 };
}

/**
 * The offset map in runs: pairs (unit index, source offset) where the source
 * offsets of the units that follow go up by one. Much smaller than one number per unit.
 */
export function compressOffsets(offsets: Int32Array): Int32Array {
  const out: number[] = [];
  let expect = -2;
  for (let i = 0; i < offsets.length; i++) {
    const o = offsets[i];
    if (o < 0) {
      expect = -2;
      continue;
    }
    if (o !== expect) out.push(i, o);
    expect = o + 1;
  }
  return Int32Array.from(out);
}

/** Source offset of unit `i` from compressed runs (the unit must not be SEP). */
export function offsetFromRuns(runs: Int32Array, i: number): number {
  let lo = 0;
  let hi = runs.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (runs[mid * 2] <= i) lo = mid;
    else hi = mid - 1;
  }
  return runs[lo * 2 + 1] + (i - runs[lo * 2]);
}

/** Source span of normalised units [start, end) from compressed runs. */
export function sourceSpanFromRuns(runs: Int32Array, start: number, end: number): Span {
  return { start: offsetFromRuns(runs, start), end: offsetFromRuns(runs, end - 1) + 1 };
}

const LITTLE_ENDIAN = os.endianness() === 'LE';

/** The normalised units as a string, lone surrogates and all. */
export function unitsToString(units: Uint16Array, start = 0, end = units.length): string {
  // The units' own bytes read as UTF-16: eight times faster than fromCharCode over spread chunks.
  if (LITTLE_ENDIAN) return Buffer.from(units.buffer, units.byteOffset + start * 2, (end - start) * 2).toString('ucs2');
  let out = '';
  for (let i = start; i < end; i += 4096) out += String.fromCharCode(...units.subarray(i, Math.min(end, i + 4096)));
  return out;
}
