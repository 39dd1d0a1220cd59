import { SEP } from './normalize.js';

/**
 * Fingerprints: hashes of the k-grams of normalised text, thinned out by
 * winnowing (Schleimer, Wilkerson and Aiken, “Winnowing: local algorithms for
 * document fingerprinting”, SIGMOD 2003). In every window of `w` consecutive
 * k-gram hashes the smallest is selected (the rightmost on ties), so two texts
 * that share a run of at least `w + k − 1` units share a selected fingerprint
 * (the guarantee threshold), while only about 2/(w + 1) of the positions are kept.
 */

/** k-gram length in normalised units. Eight Han characters are rarely shared by chance. */
export const K = 8;

/** A position with no valid k-gram: it crosses a paragraph boundary or lies inside a stock phrase. */
export const NO_HASH = 0xffffffff;

/** The window for a guarantee threshold: runs of `minChars` units always share a fingerprint. */
export function windowFor(minChars: number, k = K): number {
  return Math.max(1, minChars - k + 1);
}

/** MurmurHash3's finaliser, as a signed 32-bit value (the caller stores it into a Uint32Array). */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const BASE = 0x01000193;

/** Reused by `winnow`: fewer allocations per file. */
let scratchA = new Uint32Array(1 << 14);
let scratchB = new Uint32Array(1 << 14);
let scratchDeque = new Int32Array(1 << 14);

/**
 * The hash of each k-gram `units[i, i + k)`, or NO_HASH where that k-gram
 * contains SEP or lies wholly inside a stock interval (`stock`: merged [start, end) pairs).
 * Length: `units.length − k + 1` (at least 0).
 */
export function kgramHashes(units: Uint16Array, stock: Int32Array = new Int32Array(0), k = K): Uint32Array {
  const n = units.length;
  const length = Math.max(0, n - k + 1);
  const out = new Uint32Array(length).fill(NO_HASH);
  if (n < k) return out;
  // Written through a signed view: the hash stays a small integer type in optimised code (twice as fast).
  const out32 = new Int32Array(out.buffer, out.byteOffset, length);
  let pow = 1; // BASE^(k−1)
  for (let i = 1; i < k; i++) pow = Math.imul(pow, BASE);
  let h = 0;
  let run = 0; // units since the last SEP
  let s = 0; // next stock interval that may hold the current k-gram
  for (let j = 0; j < n; j++) {
    const c = units[j];
    if (c === SEP) {
      run = 0;
      h = 0;
      continue;
    }
    if (run >= k) h = (h - Math.imul(units[j - k], pow)) | 0;
    h = (Math.imul(h, BASE) + c) | 0;
    run++;
    if (run < k) continue;
    const i = j - k + 1;
    while (s < stock.length && stock[s + 1] < i + k) s += 2;
    if (s < stock.length && stock[s] <= i) continue; // inside a stock phrase
    const v = fmix32(h);
    out32[i] = v === -1 ? -2 : v; // -1 is NO_HASH, which a real k-gram never gets
  }
  return out;
}

/**
 * The last report's hashes. One, not one per report: no-cross-copy keeps every report's units
 * for the batch, and hashes kept with them were four bytes a unit held to the end (18 MB for
 * 1,000 reports of 15 KB, each page of it a fault to touch).
 */
let last: { units: Uint16Array; stock: Int32Array; hashes: Uint32Array } | undefined;

/**
 * `kgramHashes(units, stock, K)` of the report linted now: repeated-passage and
 * no-cross-copy hash the same normalised report with the same stock intervals.
 * The result is shared: read it, never write to it.
 */
export function reportKgramHashes(units: Uint16Array, stock: Int32Array): Uint32Array {
  if (last && last.units === units && last.stock === stock) return last.hashes;
  const hashes = kgramHashes(units, stock, K);
  last = { units, stock, hashes };
  return hashes;
}

export interface Fingerprints {
  hashes: Uint32Array;
  /** Position of each fingerprint's k-gram, ascending. */
  positions: Uint32Array;
}

/**
 * Robust winnowing: the minimum of each window of `w` hashes, rightmost on
 * ties, each selected position recorded once. NO_HASH is never selected. With
 * `w = 1` every valid k-gram is kept. A text shorter than one window keeps its minimum.
 */
export function winnow(hashes: Uint32Array, w: number): Fingerprints {
  const n = hashes.length;
  if (scratchA.length < n) {
    scratchA = new Uint32Array(n * 2);
    scratchB = new Uint32Array(n * 2);
    scratchDeque = new Int32Array(n * 2);
  }
  const outH = scratchA;
  const outP = scratchB;
  let count = 0;
  if (w <= 1) {
    for (let i = 0; i < n; i++) {
      if (hashes[i] !== NO_HASH) {
        outH[count] = hashes[i];
        outP[count++] = i;
      }
    }
    return { hashes: outH.slice(0, count), positions: outP.slice(0, count) };
  }
  const width = Math.min(w, n);
  const deque = scratchDeque;
  let head = 0;
  let tail = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const v = hashes[i];
    while (tail > head && hashes[deque[tail - 1]] >= v) tail--;
    deque[tail++] = i;
    if (deque[head] <= i - width) head++;
    if (i < width - 1) continue;
    const m = deque[head];
    if (m !== last && hashes[m] !== NO_HASH) {
      outH[count] = hashes[m];
      outP[count++] = m;
      last = m;
    }
  }
  return { hashes: outH.slice(0, count), positions: outP.slice(0, count) };
}
