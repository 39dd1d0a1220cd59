import type { Span } from '../types.js';

/** Stands for inline content that is not prose (inline code, HTML, images). */
export const OPAQUE = '\uFFFC';

/**
 * Plain text of a paragraph that remembers where each character came from.
 * Rules search `text` and call `span(i, j)` to turn a match into source offsets.
 *
 * Stored as runs rather than one offset per character, so a 15 KB report costs
 * a few hundred numbers, not thousands.
 */
export class MappedText {
  constructor(
    readonly text: string,
    /** Triples (textStart, sourceStart, exact): exact runs map 1:1, others collapse to sourceStart. */
    private readonly runs: Int32Array,
    /** Source offset just past the last character. */
    private readonly sourceEnd: number,
  ) {}

  /** Source offset of text index `i`; `i === text.length` gives the end. */
  offsetAt(i: number): number {
    if (i >= this.text.length) return this.sourceEnd;
    const base = this.runAt(i) * 3;
    const runs = this.runs;
    return runs[base + 2] ? runs[base + 1] + (i - runs[base]) : runs[base + 1];
  }

  /** Index of the run holding text index `i` (binary search). */
  private runAt(i: number): number {
    const runs = this.runs;
    let lo = 0;
    let hi = runs.length / 3 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (runs[mid * 3] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source span of text[i, j). An empty match still gets a one-point span. */
  span(i: number, j: number): Span {
    const start = this.offsetAt(i);
    // The end is the end of the last character, not the start of the next one,
    // so a range never swallows a line break or markup that follows it.
    const end = j > i ? this.offsetAt(j - 1) + 1 : start;
    return { start, end: Math.max(start, end) };
  }

  /** A view of text[i, j) with the same mapping. */
  slice(i: number, j: number): MappedText {
    const b = new MappedTextBuilder();
    const runs = this.runs;
    // Start at the run holding i: splitting a paragraph into lines stays linear.
    for (let r = this.runAt(i) * 3; r < runs.length && runs[r] < j; r += 3) {
      const tStart = runs[r];
      const tEnd = r + 3 < runs.length ? runs[r + 3] : this.text.length;
      const from = Math.max(tStart, i);
      const to = Math.min(tEnd, j);
      if (from >= to) continue;
      const piece = this.text.slice(from, to);
      if (runs[r + 2]) b.exact(piece, runs[r + 1] + (from - tStart));
      else b.opaque(piece, runs[r + 1]);
    }
    return b.build(j >= this.text.length ? this.sourceEnd : this.offsetAt(j));
  }

  get length(): number {
    return this.text.length;
  }

  /** The mapping itself, triples (textStart, sourceStart, exact) in text order: read it, never write to it. */
  get runTriples(): Int32Array {
    return this.runs;
  }

  /** Appends this text, with its mapping, to a builder. */
  appendTo(b: MappedTextBuilder): void {
    const runs = this.runs;
    for (let r = 0; r < runs.length; r += 3) {
      const piece = this.text.slice(runs[r], r + 3 < runs.length ? runs[r + 3] : this.text.length);
      if (runs[r + 2]) b.exact(piece, runs[r + 1]);
      else b.opaque(piece, runs[r + 1]);
    }
  }
}

export class MappedTextBuilder {
  private text = '';
  private readonly runs: number[] = [];
  private lastEnd = -1;

  /** Text copied verbatim from the source at `sourceStart`. */
  exact(text: string, sourceStart: number): this {
    if (!text) return this;
    const n = this.runs.length;
    // Merge with the previous run when it continues it exactly.
    if (n > 0 && this.runs[n - 1] === 1 && this.lastEnd === sourceStart) {
      this.text += text;
    } else {
      this.runs.push(this.text.length, sourceStart, 1);
      this.text += text;
    }
    this.lastEnd = sourceStart + text.length;
    return this;
  }

  /** source[start, end) verbatim, minus the `\r` of CRLF line endings. */
  source(source: string, start: number, end: number): this {
    // Search the slice, not the rest of the source: per paragraph, that would be quadratic in the file.
    const piece = source.slice(start, end);
    let from = 0;
    for (let i = piece.indexOf('\r'); i !== -1; i = piece.indexOf('\r', i + 1)) {
      this.exact(piece.slice(from, i), start + from);
      from = i + 1;
    }
    return this.exact(piece.slice(from), start + from);
  }

  /** Text that stands for source starting at `sourceStart` (not character-for-character). */
  opaque(text: string, sourceStart: number): this {
    if (!text) return this;
    this.runs.push(this.text.length, sourceStart, 0);
    this.text += text;
    this.lastEnd = -1;
    return this;
  }

  get length(): number {
    return this.text.length;
  }

  build(sourceEnd: number): MappedText {
    return new MappedText(this.text, Int32Array.from(this.runs), sourceEnd);
  }
}

/** Text taken straight from the source, with `\r` dropped from line endings. */
export function mappedFromSource(source: string, start: number, end: number): MappedText {
  return new MappedTextBuilder().source(source, start, end).build(end);
}
