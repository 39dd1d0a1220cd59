import type { Position } from '../types.js';

/**
 * Maps offsets to 1-based line/column and back. A line ends at `\n`; a `\r`
 * before it belongs to the line ending, so CRLF files get the same columns as LF.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    return positionIn(this.starts, Math.max(0, Math.min(offset, this.text.length)));
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }

  /** Offset just past the line's content (before `\r\n` or `\n`). */
  lineEnd(line: number): number {
    const next = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    return next > this.lineStart(line) && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  offset(pos: Position): number {
    return Math.min(this.lineStart(pos.line) + pos.column - 1, this.text.length);
  }
}

/** 1-based line and column of `offset`, given the offsets at which lines start (sorted, the first 0). */
export function positionIn(lineStarts: ArrayLike<number>, offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}
