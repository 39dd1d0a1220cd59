import type { Report } from '../model/report.js';
import { K, reportKgramHashes, windowFor, winnow } from './fingerprint.js';
import { compressOffsets, normalizedReport, SEP, type SectionRange } from './normalize.js';
import { GrowableU32, sortIndicesByKey, sortIndicesByKeys } from './sort.js';
import { stockOverlap, type StockMatcher } from './stock.js';
import type { Span } from '../types.js';

/**
 * Copying between the files linted together (`no-cross-copy`), in the manner
 * of Moss: each file is reduced to winnowed fingerprints when it is linted
 * (`collectCross`); once all are in, the fingerprints of all files are sorted
 * by hash into one inverted index (`findCrossCopies`). A hash found in several
 * files gives candidate pairs; each is extended over the normalised texts to
 * the maximal run. A hash found in too many files (more than `templateShare` of
 * them and at least `templateMinFiles`) is template or stock language: it
 * makes no candidates, and the text it covers is cut out of the runs.
 *
 * Work is near-linear: sorting is a radix sort, and only files that share a
 * fingerprint are ever compared.
 */

/** What a file keeps for the batch phase: fingerprints and normalised text, not the model. */
export interface CrossData {
  /** Normalised units (SEP between paragraphs). */
  units: Uint16Array;
  /** Compressed offset map (see compressOffsets). */
  runs: Int32Array;
  /** Merged stock intervals. */
  stock: Int32Array;
  /** Winnowed fingerprints. */
  hashes: Uint32Array;
  positions: Uint32Array;
  /** Winnowing window used. */
  w: number;
  chars: number;
  sections: SectionRange[];
  whole: Span;
}

export function collectCross(report: Report, stock: StockMatcher, minChars: number): CrossData {
  const doc = normalizedReport(report);
  const stockIntervals = stock.find(doc.units);
  const w = windowFor(minChars);
  const fp = winnow(reportKgramHashes(doc.units, stockIntervals), w);
  return {
    units: doc.units,
    runs: compressOffsets(doc.offsets),
    stock: stockIntervals,
    hashes: fp.hashes,
    positions: fp.positions,
    w,
    chars: doc.chars,
    sections: doc.sections,
    whole: doc.whole,
  };
}

export interface CrossOptions {
  /** A fingerprint in more than this share of the files (and in at least `templateMinFiles`) is template text. */
  templateShare: number;
  templateMinFiles: number;
  /** Groups of more files than this are paired through their first `hubs` files only, not all pairs. */
  maxPairedGroup?: number;
  hubs?: number;
  /** Runs shorter than this (the smallest `minChars` of the files) are not returned (default k). */
  minRun?: number;
}

/** A run two files share: normalised ranges in each. */
export interface CrossRun {
  a: number;
  aStart: number;
  aEnd: number;
  b: number;
  bStart: number;
  bEnd: number;
}

export interface CrossResult {
  /** Maximal shared runs with template text cut out, each at least `minRun` long (not yet filtered by stock phrases). */
  runs: CrossRun[];
  /** Per file, merged template intervals. */
  template: Int32Array[];
  /** Fingerprint hashes that were template. */
  templateHashes: number;
  candidatePairs: number;
}

export function findCrossCopies(files: readonly CrossData[], options: CrossOptions): CrossResult {
  const n = files.length;
  const maxGroup = options.maxPairedGroup ?? 16;
  const minRun = Math.max(K, options.minRun ?? K);
  const hubs = options.hubs ?? 4;
  let total = 0;
  for (const f of files) total += f.hashes.length;
  const hashes = new Uint32Array(total);
  const owner = new Uint32Array(total);
  const where = new Uint32Array(total);
  let m = 0;
  files.forEach((f, i) => {
    hashes.set(f.hashes, m);
    owner.fill(i, m, m + f.hashes.length);
    where.set(f.positions, m);
    m += f.hashes.length;
  });
  const order = sortIndicesByKey(hashes);

  // Scan groups of equal hash: template groups, and candidate seeds (a < b by file).
  const templateGroups: number[] = [];
  const seedA = new GrowableU32();
  const seedB = new GrowableU32();
  const seedPos = new GrowableU32();
  const seedDiagonal = new GrowableU32();
  const addSeed = (ea: number, eb: number) => {
    if (owner[ea] > owner[eb]) [ea, eb] = [eb, ea];
    seedA.push(owner[ea]);
    seedB.push(owner[eb]);
    seedPos.push(where[ea]);
    seedDiagonal.push((where[eb] - where[ea] + DIAGONAL_OFFSET) >>> 0);
  };
  let firstEntry = new Int32Array(64); // index in `order` of each file's first entry in the group
  for (let g = 0; g < total; ) {
    const h = hashes[order[g]];
    let e = g;
    let df = 0;
    let last = -1;
    while (e < total && hashes[order[e]] === h) {
      const f = owner[order[e]];
      if (f !== last) {
        if (df === firstEntry.length) {
          const next = new Int32Array(df * 2);
          next.set(firstEntry);
          firstEntry = next;
        }
        firstEntry[df++] = e;
        last = f;
      }
      e++;
    }
    if (df >= options.templateMinFiles && df > options.templateShare * n) {
      templateGroups.push(g, e);
    } else if (df >= 2) {
      // One entry per file is enough to seed the pair (the others lie on other diagonals
      // only when a file repeats itself); large groups pair through a few hubs.
      const limit = df > maxGroup ? Math.min(hubs, df) : df;
      for (let x = 0; x < limit; x++) {
        for (let y = x + 1; y < df; y++) addSeed(order[firstEntry[x]], order[firstEntry[y]]);
      }
      // Repeats within a file: pair them with the first entry of a few other files.
      if (e - g > df) {
        for (let x = 0; x < df; x++) {
          const end = x + 1 < df ? firstEntry[x + 1] : e;
          for (let r = firstEntry[x] + 1; r < end && r < firstEntry[x] + 4; r++) {
            for (let y = 0; y < Math.min(df, hubs + 1); y++) if (y !== x) addSeed(order[r], order[firstEntry[y]]);
          }
        }
      }
    }
    g = e;
  }

  const template = templateCoverage(files, templateGroups, order, owner, where);

  // Seeds in order of pair, diagonal and position: a seed inside the run just found on its diagonal is skipped.
  const sorted = sortIndicesByKeys([seedA.data, seedB.data, seedDiagonal.data, seedPos.data], seedA.length);
  const runs: CrossRun[] = [];
  let candidatePairs = 0;
  let prevA = -1;
  let prevB = -1;
  let prevDiagonal = -1;
  let reached = -1;
  for (let s = 0; s < sorted.length; s++) {
    const idx = sorted[s];
    const a = seedA.data[idx];
    const b = seedB.data[idx];
    const pa = seedPos.data[idx];
    const d = seedDiagonal.data[idx];
    if (a !== prevA || b !== prevB) {
      candidatePairs++;
      prevA = a;
      prevB = b;
      prevDiagonal = -1;
    }
    if (d === prevDiagonal && pa < reached) continue;
    const diagonal = d - DIAGONAL_OFFSET;
    // A seed inside template text is template text: any copy beyond it has seeds of its own.
    if (within(template[a], pa, pa + K) || within(template[b], pa + diagonal, pa + diagonal + K)) continue;
    prevDiagonal = d;
    const ta = files[a].units;
    const tb = files[b].units;
    // Extend within the stretch free of template text (as either file has it) around the seed.
    const [leftA, rightA] = gapAround(template[a], pa);
    const [leftB, rightB] = gapAround(template[b], pa + diagonal);
    const left = Math.max(leftA, leftB - diagonal, 0, -diagonal);
    const right = Math.min(rightA, rightB - diagonal, ta.length, tb.length - diagonal);
    const from = Math.max(pa, left);
    let sa = from;
    while (sa > left && ta[sa - 1] !== SEP && ta[sa - 1] === tb[sa - 1 + diagonal]) sa--;
    let xa = from;
    while (xa < right && ta[xa] !== SEP && ta[xa] === tb[xa + diagonal]) xa++;
    reached = Math.max(xa, pa + 1);
    if (xa - sa < minRun) continue; // too short to matter (or a hash collision)
    runs.push({ a, aStart: sa, aEnd: xa, b, bStart: sa + diagonal, bEnd: xa + diagonal });
  }
  return { runs, template, templateHashes: templateGroups.length / 2, candidatePairs };
}

/**
 * The stretch free of intervals around `pos`: from the end of the last interval
 * that starts at or before it (0 when none) to the start of the next one.
 */
function gapAround(intervals: Int32Array, pos: number): [number, number] {
  const count = intervals.length / 2;
  let lo = 0;
  let hi = count; // first interval starting after pos
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (intervals[mid * 2] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return [lo > 0 ? intervals[(lo - 1) * 2 + 1] : 0, lo < count ? intervals[lo * 2] : Number.MAX_SAFE_INTEGER];
}

/** True when [start, end) lies inside one of the sorted, merged intervals. */
function within(intervals: Int32Array, start: number, end: number): boolean {
  let lo = 0;
  let hi = intervals.length / 2 - 1;
  if (hi < 0 || intervals[0] > start) return false;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (intervals[mid * 2] <= start) lo = mid;
    else hi = mid - 1;
  }
  return intervals[lo * 2 + 1] >= end;
}

/** Diagonals (position in b minus position in a) are stored offset, as unsigned numbers. */
const DIAGONAL_OFFSET = 0x80000000;

/** The maximal run through units `pa` of `ta` and `pb` of `tb` (equal k-grams there), as a range of `ta`. */
function extendPair(ta: Uint16Array, pa: number, tb: Uint16Array, pb: number): [number, number] {
  let s = 0;
  while (pa - s > 0 && pb - s > 0 && ta[pa - s - 1] !== SEP && ta[pa - s - 1] === tb[pb - s - 1]) s++;
  let e = 0;
  while (pa + e < ta.length && pb + e < tb.length && ta[pa + e] !== SEP && ta[pa + e] === tb[pb + e]) e++;
  return [pa - s, pa + e];
}

/**
 * Per file, the merged intervals of template text: around each occurrence of a
 * template fingerprint, the text it shares with two other files of the group
 * (the intersection of the two maximal runs: text found in three files at least,
 * as in all of the group). Each position is extended once.
 */
function templateCoverage(files: readonly CrossData[], groups: number[], order: Uint32Array, owner: Uint32Array, where: Uint32Array): Int32Array[] {
  const spans: number[][] = files.map(() => []);
  const masks: (Uint8Array | undefined)[] = [];
  for (let gi = 0; gi < groups.length; gi += 2) {
    const g = groups[gi];
    const e = groups[gi + 1];
    // Three entries of different files to compare with.
    const refs: number[] = [];
    for (let x = g; x < e && refs.length < 3; x++) {
      const idx = order[x];
      if (!refs.some((r) => owner[r] === owner[idx])) refs.push(idx);
    }
    for (let x = g; x < e; x++) {
      const idx = order[x];
      const f = owner[idx];
      const p = where[idx];
      const mask = (masks[f] ??= new Uint8Array(files[f].units.length));
      if (mask[p]) continue;
      let from = -1;
      let to = Number.MAX_SAFE_INTEGER;
      let used = 0;
      for (const r of refs) {
        if (owner[r] === f || used === 2) continue;
        const [s, t] = extendPair(files[f].units, p, files[owner[r]].units, where[r]);
        if (t - p < K) continue; // a hash collision
        from = Math.max(from, s);
        to = Math.min(to, t);
        used++;
      }
      if (!used) {
        from = p;
        to = p + K;
      }
      mask.fill(1, from, to);
      spans[f].push(from, to);
    }
  }
  return spans.map((list) => {
    const pairs: [number, number][] = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    pairs.sort((x, y) => x[0] - y[0]);
    const out: number[] = [];
    for (const [s, t] of pairs) {
      if (out.length && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], t);
      else out.push(s, t);
    }
    return Int32Array.from(out);
  });
}

/** Non-stock units of [start, end) in a file: what counts towards the length threshold. */
export function countedChars(data: { stock: Int32Array }, start: number, end: number): number {
  return end - start - stockOverlap(data.stock, start, end);
}
