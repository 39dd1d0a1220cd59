/**
 * Small typed-array helpers: a growable array, a stable radix sort of indices
 * by 32-bit key (the inverted index is a sorted fingerprint table), and varints.
 */

export class GrowableU32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** The values, trimmed (a copy). */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

export class GrowableU16 {
  data: Uint16Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint16Array(capacity);
  }
  append(values: Uint16Array): void {
    if (this.length + values.length > this.data.length) {
      const next = new Uint16Array(Math.max(this.data.length * 2, this.length + values.length));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    this.data.set(values, this.length);
    this.length += values.length;
  }
  push(v: number): void {
    this.append(Uint16Array.of(v));
  }
  toArray(): Uint16Array {
    return this.data.slice(0, this.length);
  }
}

/** Indices 0…n−1 ordered by `keys[i]`, stable (equal keys keep index order). Two 16-bit LSD passes. */
export function sortIndicesByKey(keys: Uint32Array, n = keys.length): Uint32Array {
  let from = new Uint32Array(n);
  let to = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((keys[i] >>> shift) & 0xffff) + 1]++;
    for (let b = 0; b < 65536; b++) counts[b + 1] += counts[b];
    for (let i = 0; i < n; i++) {
      const idx = from[i];
      to[counts[(keys[idx] >>> shift) & 0xffff]++] = idx;
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * Indices 0…n−1 ordered by `keys[0]`, then `keys[1]`, …: LSD radix passes from
 * the last key to the first, each stable.
 */
export function sortIndicesByKeys(keys: Uint32Array[], n: number): Uint32Array {
  let from = new Uint32Array(n);
  let to = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  const counts = new Uint32Array(65537);
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k];
    for (const shift of [0, 16]) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[((key[i] >>> shift) & 0xffff) + 1]++;
      if (counts[1] === n && shift === 16) continue; // every high half is 0: already in order
      for (let b = 0; b < 65536; b++) counts[b + 1] += counts[b];
      for (let i = 0; i < n; i++) {
        const idx = from[i];
        to[counts[(key[idx] >>> shift) & 0xffff]++] = idx;
      }
      [from, to] = [to, from];
    }
  }
  return from;
}

/** First index in sorted `keys` whose value is ≥ `v`. */
export function lowerBound(keys: Uint32Array, v: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class VarintWriter {
  private buf = new Uint8Array(4096);
  length = 0;
  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  /** An unsigned integer below 2^53. */
  uint(v: number): void {
    this.ensure(8);
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }
  /** A signed integer (zigzag). */
  int(v: number): void {
    this.uint(v < 0 ? -2 * v - 1 : 2 * v);
  }
  toArray(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class VarintReader {
  constructor(
    private readonly buf: Uint8Array,
    public pos = 0,
  ) {}
  uint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      // Past the end is a damaged map (indexes are validated on load; this is the last guard against a loop).
      if (this.pos >= this.buf.length) throw new RangeError('varint past the end of the buffer');
      const b = this.buf[this.pos++];
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
  }
  int(): number {
    const u = this.uint();
    return u % 2 ? -(u + 1) / 2 : u / 2;
  }
}
